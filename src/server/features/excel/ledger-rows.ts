/**
 * The rows of a ledger export: read from the database once, 1000 at a time by keyset pagination off the
 * assignment index, and spooled to a temporary file so that the second and third sheets are written from it
 * without reading the database again. Memory holds one page (or one assignment's rows, to group them) at a time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { and, asc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, feedbackAspects, feedbackProblems, ledgerNotes, ledgerRows, orgs } from "../../db/schema.ts";
import { visibleRows } from "../ledger/policy.ts";
import { filterConditions, type LedgerFilter } from "../ledger/queries.ts";

export type LedgerExportFilter = Omit<LedgerFilter, "page" | "pageSize">;
export const EXPORT_BATCH = 1000;

/** One exported row: the ledger row with its feedback problem, organisation and latest progress note. */
export interface ExportRow {
  id: string;
  orgId: string;
  assignmentId: string | null;
  seqLabel: string;
  orgName: string;
  aspectTitle: string;
  problemText: string;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  kind: string | null;
  progress: string;
  status: string;
  /** ISO instant (rows pass through JSON in the spool). */
  closedAt: string | null;
  campaignId: string | null;
  /** Latest progress note (进展记录), the 整改进展 column. */
  note: string | null;
}

const selection = {
  id: ledgerRows.id,
  orgId: ledgerRows.orgId,
  assignmentId: ledgerRows.assignmentId,
  seqLabel: ledgerRows.seqLabel,
  orgName: orgs.name,
  aspectTitle: feedbackAspects.title,
  problemText: feedbackProblems.text,
  text: ledgerRows.text,
  measures: ledgerRows.measures,
  responsibleLeader: ledgerRows.responsibleLeader,
  responsibleDepartment: ledgerRows.responsibleDepartment,
  deadline: ledgerRows.deadline,
  kind: ledgerRows.kind,
  progress: ledgerRows.progress,
  status: ledgerRows.status,
  closedAt: ledgerRows.closedAt,
  campaignId: ledgerRows.campaignId,
};

interface Key {
  expr: SQL;
  cast: "uuid" | "int";
}
const uuidKey = (col: SQLWrapper): Key => ({ expr: sql`${col}`, cast: "uuid" });
const SEQ: Key = { expr: sql`${ledgerRows.seq}`, cast: "int" };

/**
 * The visible rows under the filter, one page at a time: first the rows of assignments, by assignment (in the
 * order they were made) and feedback order; then fix-alike campaigns' self-check rows, by organisation. Each page
 * continues the index scan where the last one ended; its ids come first, then the rows with their joins.
 */
export async function* ledgerBatches(
  db: Db,
  actor: Actor,
  filter: LedgerExportFilter,
  today: string,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  const where = filterConditions(actor, filter, today);
  // The visibility rule and the round filter read the organisation and the assignment.
  const joined =
    !!filter.roundId ||
    visibleRows(actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId }) !== undefined;
  const phases: Array<{ only: SQL; keys: Key[] }> = [
    { only: sql`${ledgerRows.assignmentId} is not null`, keys: [uuidKey(ledgerRows.assignmentId), SEQ, uuidKey(ledgerRows.id)] },
    { only: sql`${ledgerRows.assignmentId} is null`, keys: [uuidKey(ledgerRows.orgId), SEQ, uuidKey(ledgerRows.id)] },
  ];
  for (const phase of phases) {
    const keyList = sql.join(
      phase.keys.map((k) => k.expr),
      sql`, `,
    );
    let after: unknown[] | null = null;
    for (;;) {
      const conds: SQL[] = [...where, phase.only];
      if (after) {
        const last = after;
        const values = sql.join(
          phase.keys.map((k, i) => sql`${last[i]}::${sql.raw(k.cast)}`),
          sql`, `,
        );
        // The leading key alone lets the planner start the index scan where the last page ended.
        conds.push(sql`${phase.keys[0]!.expr} >= ${last[0]}::uuid`, sql`(${keyList}) > (${values})`);
      }
      const page = db
        .select({ id: ledgerRows.id, keys: sql<unknown[] | string>`json_build_array(${keyList})` })
        .from(ledgerRows)
        .$dynamic();
      const ids = await (
        joined
          ? page.innerJoin(orgs, eq(orgs.id, ledgerRows.orgId)).leftJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
          : page
      )
        .where(and(...conds))
        .orderBy(...phase.keys.map((k) => asc(k.expr)))
        .limit(batchSize);
      if (!ids.length) break;
      yield await rowsById(
        db,
        ids.map((r) => r.id),
      );
      if (ids.length < batchSize) break;
      const keys = ids[ids.length - 1]!.keys;
      after = typeof keys === "string" ? (JSON.parse(keys) as unknown[]) : keys;
    }
  }
}

/** The rows of a page with their organisation, problem and latest note, in the page's order. */
async function rowsById(db: Db, ids: string[]): Promise<ExportRow[]> {
  const [rows, notes] = await Promise.all([
    db
      .select(selection)
      .from(ledgerRows)
      .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
      .leftJoin(feedbackProblems, eq(feedbackProblems.id, ledgerRows.problemId))
      .leftJoin(feedbackAspects, eq(feedbackAspects.id, feedbackProblems.aspectId))
      .where(inArray(ledgerRows.id, ids)),
    latestNotes(db, ids),
  ]);
  const byRow = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byRow.get(id);
    if (!r) return [];
    return [
      {
        ...r,
        aspectTitle: r.aspectTitle ?? "",
        problemText: r.problemText ?? "",
        closedAt: r.closedAt?.toISOString() ?? null,
        note: notes.get(id) ?? null,
      },
    ];
  });
}

/** The latest progress note of each row (the 整改进展 column). */
export async function latestNotes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectDistinctOn([ledgerNotes.rowId], { rowId: ledgerNotes.rowId, text: ledgerNotes.text })
    .from(ledgerNotes)
    .where(and(inArray(ledgerNotes.rowId, ids), isNull(ledgerNotes.deletedAt)))
    .orderBy(ledgerNotes.rowId, sql`${ledgerNotes.noteDate} desc`, sql`${ledgerNotes.createdAt} desc`);
  return new Map(rows.map((r) => [r.rowId, r.text]));
}

/** How many rows the export holds (for the audit entry). */
export async function countLedgerRows(db: Db, actor: Actor, filter: LedgerExportFilter, today: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerRows)
    .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
    .leftJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
    .where(and(...filterConditions(actor, filter, today)));
  return row?.n ?? 0;
}

/** A temporary file of rows, one JSON line each: written once, replayed as often as needed, then removed. */
export class RowSpool {
  private readonly file = path.join(os.tmpdir(), `xuncha-export-${uuidv7()}.ndjson`);
  private readonly out = fs.createWriteStream(this.file);

  async add(rows: ExportRow[]): Promise<void> {
    if (!this.out.write(rows.map((r) => `${JSON.stringify(r)}\n`).join(""))) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    if (!this.out.writableFinished) await new Promise<void>((resolve) => this.out.end(resolve));
  }

  /** The rows again, block by block: one assignment's rows (or one organisation's self-check rows) at a time. */
  async *blocks(): AsyncGenerator<ExportRow[]> {
    await this.close();
    const lines = createInterface({ input: fs.createReadStream(this.file), crlfDelay: Infinity });
    let block: ExportRow[] = [];
    let key: string | null = null;
    for await (const line of lines) {
      if (!line) continue;
      const r = JSON.parse(line) as ExportRow;
      const k = r.assignmentId ?? `org:${r.orgId}`;
      if (k !== key && block.length) {
        yield block;
        block = [];
      }
      key = k;
      block.push(r);
    }
    if (block.length) yield block;
  }

  async remove(): Promise<void> {
    this.out.destroy();
    await fs.promises.rm(this.file, { force: true });
  }
}
