/**
 * The statistics engine: a figure is one or more "parts", each a set of records (FROM … WHERE …) with a group key
 * and, per count measure, the condition a record must meet to be counted. The same definition gives both the
 * grouped counts (one GROUP BY in the database) and the drill-down (the same WHERE plus the group and the
 * measure's condition), so a drill-down always lists exactly the records its count counted.
 */
import { and, sql, type SQL } from "drizzle-orm";
import type { StatGroup, StatMeasure } from "../../../domain/stats.ts";
import type { Db } from "../../db/client.ts";
import type { RateRule, TotalRule, Values } from "./model.ts";

export type Row = Record<string, unknown>;
export type Cell = string | number | null;

export interface RecordItem {
  id: string;
  href: string | null;
  cells: Record<string, Cell>;
}

/** What a drill-down lists for a part's records. */
export interface RecordSpec {
  columns: Array<{ key: string; title: string }>;
  /** Expressions selected by name; `id` is required. */
  select: Record<string, SQL>;
  /** A total order (ends in the record's id), so that pages are stable. */
  order: SQL;
  present: (row: Row) => RecordItem;
}

export interface Part {
  /** FROM clause: the table and its joins. */
  from: SQL;
  /** The filter and the actor's scope, already combined. */
  where: SQL | undefined;
  /** The group key of a record, as text. */
  key: SQL;
  /** The condition "record is in group g" (typed, so that indexes serve it). */
  match: (group: string) => SQL;
  /** The group's label (the smallest value taken). */
  label?: SQL;
  /** What groups are ordered by before their labels (the smallest value taken, as text), e.g. a round's start. */
  order?: SQL;
  /** Count measures carried by this part: the condition for a record to count. */
  counts: Record<string, SQL>;
  /** Other aggregates (whole numbers), e.g. the most days overdue. */
  aggregates?: Record<string, SQL>;
  records: RecordSpec;
}

export interface GroupRow {
  label: string | null;
  order?: string | null;
  values: Values;
}

export interface FigureDef {
  measures: StatMeasure[];
  parts: Part[];
  /** Groups always listed, in this order (an enumeration: kinds, classes, statuses, months). */
  fixedGroups?: Array<{ key: string; label: string }>;
  /** A group's label from its key and the label the database gave. */
  label?: (key: string, label: string | null) => string;
  sort?: (a: StatGroup, b: StatGroup) => number;
  rates?: Record<string, RateRule>;
  totals?: Record<string, TotalRule>;
  /** Whether a group key is well formed for this figure (drill-down). */
  validGroup: (group: string) => boolean;
  /** The grouped values computed another way (the rectification figures reuse the domain's figuresFromGroups). */
  compute?: () => Promise<Map<string, GroupRow>>;
}

export async function query(db: Db, q: SQL): Promise<Row[]> {
  const res = (await db.execute(q)) as unknown as { rows: Row[] };
  return res.rows;
}

export const whereOf = (...conds: Array<SQL | undefined>): SQL => and(...conds) ?? sql`true`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One GROUP BY over the part's records: per group, its label, each count and each aggregate. */
export async function runPart(db: Db, p: Part): Promise<Map<string, GroupRow>> {
  const counts = Object.entries(p.counts);
  const aggregates = Object.entries(p.aggregates ?? {});
  const cols = [
    sql`(${p.key})::text as k`,
    p.label ? sql`min(${p.label}) as l` : sql`null::text as l`,
    p.order ? sql`min(${p.order})::text as o` : sql`null::text as o`,
    ...counts.map(([, c], i) => sql`(count(*) filter (where ${c}))::int as ${sql.identifier(`c${i}`)}`),
    ...aggregates.map(([, a], i) => sql`(${a})::int as ${sql.identifier(`a${i}`)}`),
  ];
  // Grouped by position: the key may carry parameters, which cannot be repeated by value.
  const rows = await query(db, sql`select ${sql.join(cols, sql`, `)} from ${p.from} where ${whereOf(p.where)} group by 1`);
  const out = new Map<string, GroupRow>();
  for (const r of rows) {
    const values: Values = {};
    counts.forEach(([m], i) => (values[m] = num(r[`c${i}`]) ?? 0));
    aggregates.forEach(([m], i) => (values[m] = num(r[`a${i}`])));
    out.set(String(r.k), { label: str(r.l), order: str(r.o), values });
  }
  return out;
}

/** The parts' groups merged by key (each measure comes from exactly one part). */
export async function runParts(db: Db, parts: readonly Part[]): Promise<Map<string, GroupRow>> {
  const out = new Map<string, GroupRow>();
  for (const p of parts) {
    for (const [k, g] of await runPart(db, p)) {
      const prev = out.get(k);
      out.set(k, { label: prev?.label ?? g.label, order: prev?.order ?? g.order, values: { ...prev?.values, ...g.values } });
    }
  }
  return out;
}

export interface Page {
  page: number;
  pageSize: number;
}

/** The records one count stands for: the part's WHERE, the group, and the measure's condition. */
export async function partRecords(
  db: Db,
  p: Part,
  group: string,
  measure: string,
  page: Page,
): Promise<{ items: RecordItem[]; total: number }> {
  const where = whereOf(p.where, group === "*" ? undefined : p.match(group), p.counts[measure]);
  const cols = Object.entries(p.records.select).map(([k, e]) => sql`${e} as ${sql.identifier(k)}`);
  const rows = await query(
    db,
    sql`select ${sql.join(cols, sql`, `)} from ${p.from} where ${where} order by ${p.records.order}
        limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  const [count] = await query(db, sql`select count(*)::int as n from ${p.from} where ${where}`);
  return { items: rows.map(p.records.present), total: Number(count?.n ?? 0) };
}

/** A group's label as the part names it (for the drill-down's title); null when the group has no record. */
export async function partGroupLabel(db: Db, p: Part, group: string): Promise<string | null> {
  if (!p.label) return null;
  const [r] = await query(db, sql`select min(${p.label}) as l from ${p.from} where ${whereOf(p.where, p.match(group))}`);
  return str(r?.l);
}
