/** Reading revisits: the draws of a round, one draw's items, and what a seed draws from today's records. */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import { REVISIT_RESULT_LABELS, REVISIT_RESULTS, type RevisitResult, type RevisitUnit } from "../../../domain/evaluation.ts";
import { LEDGER_STATUS_LABELS, type LedgerStatus } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, ledgerRows, orgs, revisitItems, revisits, rounds, users } from "../../db/schema.ts";
import { revisitItemCan } from "./policy.ts";
import type { RevisitItemView, RevisitView } from "./schema.ts";

/** The round's assignments that have live ledger rows, each with its row ids: what a sample is drawn from. */
export async function revisitUnits(db: Db, roundId: string): Promise<RevisitUnit[]> {
  const rows = await db
    .select({ assignmentId: ledgerRows.assignmentId, rowId: ledgerRows.id })
    .from(ledgerRows)
    .innerJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
    .where(and(eq(assignments.roundId, roundId), isNull(assignments.deletedAt), isNull(ledgerRows.deletedAt)));
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.assignmentId!, [...(by.get(r.assignmentId!) ?? []), r.rowId]);
  return [...by].map(([id, rowIds]) => ({ id, rowIds }));
}

const emptyResults = (): Record<RevisitResult, number> =>
  Object.fromEntries(REVISIT_RESULTS.map((r) => [r, 0])) as Record<RevisitResult, number>;

async function revisitViews(db: Db, where: ReturnType<typeof and>): Promise<RevisitView[]> {
  const list = await db
    .select({ revisit: revisits, roundName: rounds.name, drawnBy: users.displayName })
    .from(revisits)
    .innerJoin(rounds, eq(rounds.id, revisits.roundId))
    .leftJoin(users, eq(users.id, revisits.createdBy))
    .where(where)
    .orderBy(desc(revisits.createdAt), desc(revisits.id));
  if (!list.length) return [];
  const counts = await db
    .select({ revisitId: revisitItems.revisitId, result: revisitItems.result, n: sql<number>`count(*)::int` })
    .from(revisitItems)
    .where(
      and(
        inArray(
          revisitItems.revisitId,
          list.map((l) => l.revisit.id),
        ),
        isNull(revisitItems.deletedAt),
      ),
    )
    .groupBy(revisitItems.revisitId, revisitItems.result);
  return list.map(({ revisit: v, roundName, drawnBy }) => {
    const results = emptyResults();
    for (const c of counts.filter((x) => x.revisitId === v.id)) results[c.result as RevisitResult] += Number(c.n);
    return {
      id: v.id,
      roundId: v.roundId,
      roundName,
      seed: v.seed,
      drawnOn: v.drawnOn,
      orgCount: v.orgCount,
      orgTotal: v.orgTotal,
      note: v.note,
      drawnBy,
      itemCount: Object.values(results).reduce((a, b) => a + b, 0),
      results,
    };
  });
}

export const listRevisits = (db: Db, roundId: string) =>
  revisitViews(db, and(eq(revisits.roundId, roundId), isNull(revisits.deletedAt)));

export async function getRevisit(db: Db, id: string): Promise<RevisitView> {
  const [v] = await revisitViews(db, and(eq(revisits.id, id), isNull(revisits.deletedAt)));
  if (!v) throw notFound("回头看");
  return v;
}

export async function revisitItemsOf(db: Db, actor: Actor, revisitId: string): Promise<RevisitItemView[]> {
  const rows = await db
    .select({
      item: revisitItems,
      orgId: orgs.id,
      orgName: orgs.name,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      status: ledgerRows.status,
      relapseCount: ledgerRows.relapseCount,
      checkedBy: users.displayName,
    })
    .from(revisitItems)
    .innerJoin(ledgerRows, eq(ledgerRows.id, revisitItems.rowId))
    .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
    .leftJoin(users, eq(users.id, revisitItems.checkedBy))
    .where(and(eq(revisitItems.revisitId, revisitId), isNull(revisitItems.deletedAt)))
    .orderBy(asc(orgs.path), asc(revisitItems.assignmentId), asc(ledgerRows.seq), asc(ledgerRows.id));
  return rows.map(({ item: i, ...r }) => ({
    id: i.id,
    revisitId: i.revisitId,
    assignmentId: i.assignmentId,
    orgId: r.orgId,
    orgName: r.orgName,
    rowId: i.rowId,
    seqLabel: r.seqLabel,
    text: r.text,
    status: r.status,
    statusLabel: LEDGER_STATUS_LABELS[r.status as LedgerStatus] ?? r.status,
    relapseCount: r.relapseCount,
    result: i.result as RevisitResult,
    resultLabel: REVISIT_RESULT_LABELS[i.result as RevisitResult] ?? i.result,
    finding: i.finding,
    checkedOn: i.checkedOn,
    checkedBy: r.checkedBy,
    version: i.version,
    can: revisitItemCan(actor, i),
  }));
}

/** The drawn sample as stored: each assignment with its rows. */
export async function storedSample(db: Db, revisitId: string): Promise<RevisitUnit[]> {
  const rows = await db
    .select({ assignmentId: revisitItems.assignmentId, rowId: revisitItems.rowId })
    .from(revisitItems)
    .where(and(eq(revisitItems.revisitId, revisitId), isNull(revisitItems.deletedAt)));
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.assignmentId, [...(by.get(r.assignmentId) ?? []), r.rowId]);
  return [...by].map(([id, rowIds]) => ({ id, rowIds }));
}

/** One item with its row and revisit, for the command (inside its transaction). */
export async function revisitItemTarget(db: Db, id: string) {
  const [r] = await db
    .select({ item: revisitItems, drawnOn: revisits.drawnOn, rowStatus: ledgerRows.status })
    .from(revisitItems)
    .innerJoin(revisits, eq(revisits.id, revisitItems.revisitId))
    .innerJoin(ledgerRows, eq(ledgerRows.id, revisitItems.rowId))
    .where(and(eq(revisitItems.id, id), isNull(revisitItems.deletedAt), isNull(revisits.deletedAt)));
  if (!r) throw notFound("回头看抽查条目");
  return r;
}
