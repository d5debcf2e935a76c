/** Reading findings, with the quality signals the report needs (core-mandate and common shares, backfill). */
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import { FINDING_SOURCE_LABELS, findingShares, type FindingSource } from "../../../domain/finding.ts";
import { chinaDateOf, isBackfill } from "../../../domain/onsite.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, findings } from "../../db/schema.ts";
import { listAttachments } from "../onsite/attachments.ts";
import type { AttachmentView } from "../onsite/schema.ts";
import { findingCan } from "./policy.ts";
import type { FindingView } from "./schema.ts";
import { loadTaxonomyRows, taxonomyNames } from "./taxonomy.ts";

/** The calendar date in China (UTC+8) of an instant. */
export const chinaDate = chinaDateOf;

type FindingRow = typeof findings.$inferSelect;

export function presentFinding(
  actor: Actor,
  asg: { teamId: string; withdrawalDate: string | null },
  f: FindingRow,
  names: ReadonlyMap<string, string>,
  attachments: AttachmentView[],
): FindingView {
  return {
    id: f.id,
    assignmentId: f.assignmentId,
    text: f.text,
    category: f.category,
    categoryLabel: names.get(f.category) ?? f.category,
    subcategory: f.subcategory,
    subcategoryLabel: f.subcategory ? (names.get(f.subcategory) ?? f.subcategory) : null,
    characterisation: f.characterisation,
    isCommon: f.isCommon,
    isCoreMandate: f.isCoreMandate,
    involvesTopLeader: f.involvesTopLeader,
    source: f.source,
    sourceLabel: f.source ? (FINDING_SOURCE_LABELS[f.source as FindingSource] ?? f.source) : null,
    suggestion: f.suggestion,
    immediateFix: f.immediateFix,
    fixedOn: f.fixedOn,
    fixNote: f.fixNote,
    attachments,
    problemId: f.problemId,
    createdAt: f.createdAt.toISOString(),
    createdBy: f.createdBy,
    version: f.version,
    // 补录: entered after the team had left the site.
    enteredAfterWithdrawal: isBackfill(f.createdAt, asg.withdrawalDate),
    can: findingCan(actor, asg, f),
  };
}

/** Findings of an assignment (or one of them), presented with taxonomy names and evidence. */
export async function presentFindings(
  db: Db,
  actor: Actor,
  asg: { id: string; teamId: string; withdrawalDate: string | null },
  only?: string,
) {
  const conds: SQL[] = [eq(findings.assignmentId, asg.id), isNull(findings.deletedAt)];
  if (only) conds.push(eq(findings.id, only));
  const rows = await db
    .select()
    .from(findings)
    .where(and(...conds))
    .orderBy(asc(findings.createdAt), asc(findings.id));
  const names = taxonomyNames(await loadTaxonomyRows(db));
  const files = await listAttachments(
    db,
    "finding",
    rows.map((f) => f.id),
  );
  return { rows, items: rows.map((f) => presentFinding(actor, asg, f, names, files.get(f.id) ?? [])) };
}

export async function listFindings(db: Db, actor: Actor, asg: { id: string; teamId: string; withdrawalDate: string | null }) {
  const { rows, items } = await presentFindings(db, actor, asg);
  return { items, shares: findingShares(rows) };
}

/** A finding with the assignment facts its rules depend on. */
export async function getFindingRecord(db: Db, id: string) {
  const [row] = await db
    .select({
      finding: findings,
      teamId: assignments.teamId,
      entryDate: assignments.entryDate,
      withdrawalDate: assignments.withdrawalDate,
    })
    .from(findings)
    .innerJoin(assignments, eq(assignments.id, findings.assignmentId))
    .where(and(eq(findings.id, id), isNull(findings.deletedAt), isNull(assignments.deletedAt)));
  if (!row) throw notFound("问题");
  return row;
}
