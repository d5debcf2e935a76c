/** Rectification figures, computed from the ledger rows the actor may see — never typed in. */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { figuresFromGroups, type FigureGroup, type LedgerFigures } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, ledgerRows, orgs, rounds } from "../../db/schema.ts";
import { visibleRows } from "../ledger/policy.ts";

export interface FigureFilter {
  orgId?: string;
  roundId?: string;
  assignmentId?: string;
}

function conditions(actor: Actor, f: FigureFilter): SQL | undefined {
  const where: SQL[] = [isNull(ledgerRows.deletedAt)];
  const scope = visibleRows(actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId });
  if (scope) where.push(scope);
  if (f.orgId) where.push(eq(ledgerRows.orgId, f.orgId));
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.assignmentId) where.push(eq(ledgerRows.assignmentId, f.assignmentId));
  return and(...where);
}

/** Grouped counts keyed by `key` (an org, a round, or one bucket for all). */
async function grouped(db: Db, actor: Actor, f: FigureFilter, today: string, key: SQL<string>) {
  const overdue = sql<boolean>`(${ledgerRows.status} <> 'closed' and ${ledgerRows.deadline} is not null and ${ledgerRows.deadline} < ${today})`;
  const rows = await db
    .select({ key, status: ledgerRows.status, progress: ledgerRows.progress, overdue, n: sql<number>`count(*)::int` })
    .from(ledgerRows)
    .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
    .innerJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
    .where(conditions(actor, f))
    // By position: the overdue expression carries a parameter, so it cannot be repeated by value.
    .groupBy(sql`1, 2, 3, 4`);
  const byKey = new Map<string, FigureGroup[]>();
  for (const r of rows) {
    const list = byKey.get(r.key) ?? [];
    list.push({
      status: r.status as FigureGroup["status"],
      progress: r.progress as FigureGroup["progress"],
      overdue: Boolean(r.overdue),
      n: Number(r.n),
    });
    byKey.set(r.key, list);
  }
  return new Map([...byKey].map(([k, groups]) => [k, figuresFromGroups(groups)] as const));
}

export async function figuresTotal(db: Db, actor: Actor, f: FigureFilter, today: string): Promise<LedgerFigures> {
  const m = await grouped(db, actor, f, today, sql<string>`'all'`);
  return m.get("all") ?? figuresFromGroups([]);
}

export async function figuresByOrg(db: Db, actor: Actor, f: FigureFilter, today: string) {
  const m = await grouped(db, actor, f, today, sql<string>`${ledgerRows.orgId}::text`);
  if (!m.size) return [];
  const names = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(
      sql`${orgs.id}::text in (${sql.join(
        [...m.keys()].map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  return names
    .map((o) => ({ orgId: o.id, orgName: o.name, figures: m.get(o.id)! }))
    .sort((a, b) => a.orgName.localeCompare(b.orgName, "zh-CN"));
}

export async function figuresByRound(db: Db, actor: Actor, f: FigureFilter, today: string) {
  const m = await grouped(db, actor, f, today, sql<string>`${assignments.roundId}::text`);
  if (!m.size) return [];
  const list = await db
    .select({ id: rounds.id, name: rounds.name, startDate: rounds.startDate })
    .from(rounds)
    .where(
      sql`${rounds.id}::text in (${sql.join(
        [...m.keys()].map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  return list
    .sort((a, b) => (a.startDate ?? "").localeCompare(b.startDate ?? ""))
    .map((r) => ({ roundId: r.id, roundName: r.name, figures: m.get(r.id)! }));
}
