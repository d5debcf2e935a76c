/** Reading common problems with their findings, and proposing new ones from similar findings. */
import { and, asc, desc, eq, getTableName, inArray, isNull, sql, type Column, type SQL } from "drizzle-orm";
import { mostFrequent, shortTitle } from "../../../domain/common.ts";
import { notFound } from "../../../domain/errors.ts";
import { FINDING_CATEGORY_LABELS, type FindingCategory } from "../../../domain/finding.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, campaigns, commonProblemFindings, commonProblems, findings, orgs, rounds } from "../../db/schema.ts";
import { commonProblemCan } from "./policy.ts";
import type { CandidateGroup, CommonProblemView, FindingRef } from "./schema.ts";
import { proposeGroups } from "./similarity.ts";

/**
 * A column with its table's name, for correlated subqueries in raw SQL: drizzle leaves columns unqualified when
 * the outer query reads one table, and an unqualified name would bind to the subquery's own table.
 */
export const qualified = (c: Column): SQL => sql.raw(`"${getTableName(c.table)}"."${c.name}"`);

const categoryLabel = (c: string | null): string | null =>
  c === null ? null : (FINDING_CATEGORY_LABELS[c as FindingCategory] ?? c);

const findingRefColumns = {
  id: findings.id,
  text: findings.text,
  category: findings.category,
  orgId: findings.orgId,
  orgName: orgs.name,
  assignmentId: findings.assignmentId,
  roundId: assignments.roundId,
  roundName: rounds.name,
};

const findingRefs = (db: Db) =>
  db
    .select(findingRefColumns)
    .from(findings)
    .innerJoin(orgs, eq(orgs.id, findings.orgId))
    .innerJoin(assignments, eq(assignments.id, findings.assignmentId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId));

type FindingRow = Omit<FindingRef, "categoryLabel">;
const presentFinding = (f: FindingRow): FindingRef => ({ ...f, categoryLabel: categoryLabel(f.category) ?? f.category });

/** Live findings by id (of live assignments), with organisation and round. */
export async function findingsByIds(db: Db, ids: readonly string[]): Promise<FindingRef[]> {
  if (!ids.length) return [];
  const rows = await findingRefs(db).where(
    and(inArray(findings.id, [...ids]), isNull(findings.deletedAt), isNull(assignments.deletedAt)),
  );
  return rows.map(presentFinding);
}

/** The live links of findings to live common problems: which problem holds each finding. */
export async function holdersOf(db: Db, findingIds: readonly string[]) {
  if (!findingIds.length) return [];
  return db
    .select({ findingId: commonProblemFindings.findingId, commonProblemId: commonProblems.id, title: commonProblems.title })
    .from(commonProblemFindings)
    .innerJoin(commonProblems, eq(commonProblems.id, commonProblemFindings.commonProblemId))
    .where(
      and(
        inArray(commonProblemFindings.findingId, [...findingIds]),
        isNull(commonProblemFindings.deletedAt),
        isNull(commonProblems.deletedAt),
      ),
    );
}

export async function getCommonProblem(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(commonProblems)
    .where(and(eq(commonProblems.id, id), isNull(commonProblems.deletedAt)));
  if (!row) throw notFound("共性问题");
  return row;
}

/** The findings of a common problem, by organisation. */
export async function problemFindings(db: Db, commonProblemId: string): Promise<FindingRef[]> {
  const rows = await findingRefs(db)
    .innerJoin(commonProblemFindings, eq(commonProblemFindings.findingId, findings.id))
    .where(
      and(
        eq(commonProblemFindings.commonProblemId, commonProblemId),
        isNull(commonProblemFindings.deletedAt),
        isNull(findings.deletedAt),
      ),
    )
    .orderBy(asc(orgs.name), asc(findings.createdAt), asc(findings.id));
  return rows.map(presentFinding);
}

export async function listCommonProblems(db: Db, actor: Actor, only?: string): Promise<CommonProblemView[]> {
  const [cpf, f, c, cp] = [commonProblemFindings, findings, campaigns, commonProblems];
  const linked = sql`from ${cpf} join ${f} on ${qualified(f.id)} = ${qualified(cpf.findingId)} and ${qualified(f.deletedAt)} is null
    where ${qualified(cpf.commonProblemId)} = ${qualified(cp.id)} and ${qualified(cpf.deletedAt)} is null`;
  const where: SQL[] = [isNull(cp.deletedAt)];
  if (only) where.push(eq(cp.id, only));
  const rows = await db
    .select({
      problem: cp,
      findingCount: sql<number>`(select count(*)::int ${linked})`,
      orgCount: sql<number>`(select count(distinct ${qualified(f.orgId)})::int ${linked})`,
      campaignCount: sql<number>`(select count(*)::int from ${c} where ${qualified(c.commonProblemId)} = ${qualified(cp.id)} and ${qualified(c.deletedAt)} is null)`,
    })
    .from(cp)
    .where(and(...where))
    .orderBy(desc(cp.createdAt), desc(cp.id));
  const can = commonProblemCan(actor);
  return rows.map(({ problem: p, findingCount, orgCount, campaignCount }) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    category: p.category,
    categoryLabel: categoryLabel(p.category),
    department: p.department,
    findingCount: Number(findingCount),
    orgCount: Number(orgCount),
    campaignCount: Number(campaignCount),
    createdAt: p.createdAt.toISOString(),
    version: p.version,
    can,
  }));
}

export async function presentCommonProblem(db: Db, actor: Actor, id: string): Promise<CommonProblemView> {
  const [view] = await listCommonProblems(db, actor, id);
  if (!view) throw notFound("共性问题");
  return view;
}

/**
 * Candidate common problems: similar findings of different organisations, of one round or of all, leaving out
 * findings already in a common problem.
 */
export async function proposeCandidates(
  db: Db,
  f: { roundId?: string | undefined; threshold: number },
): Promise<{ considered: number; groups: CandidateGroup[] }> {
  const where: SQL[] = [
    isNull(findings.deletedAt),
    isNull(assignments.deletedAt),
    sql`not exists (select 1 from ${commonProblemFindings} join ${commonProblems} on ${qualified(commonProblems.id)} = ${qualified(commonProblemFindings.commonProblemId)} and ${qualified(commonProblems.deletedAt)} is null where ${qualified(commonProblemFindings.findingId)} = ${qualified(findings.id)} and ${qualified(commonProblemFindings.deletedAt)} is null)`,
  ];
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  const rows = (
    await findingRefs(db)
      .where(and(...where))
      .orderBy(asc(findings.id))
  ).map(presentFinding);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groups = proposeGroups(rows, { threshold: f.threshold }).map((g): CandidateGroup => {
    const members = g.ids.map((id) => byId.get(id)!);
    const orgsSeen = new Map(members.map((m) => [m.orgId, m.orgName]));
    const category = mostFrequent(members.map((m) => m.category));
    return {
      findings: members,
      orgs: [...orgsSeen].map(([id, name]) => ({ id, name })),
      score: Math.round(g.score * 1000) / 1000,
      suggestedTitle: shortTitle(byId.get(g.centralId)!.text),
      suggestedCategory: category,
      suggestedCategoryLabel: categoryLabel(category),
    };
  });
  return { considered: rows.length, groups };
}
