/**
 * The filter every figure takes, resolved once: the term, the round and the organisation it names (each must
 * exist), and the SQL conditions each figure builds from it — the period on the date that makes a record count,
 * the organisation and its whole subtree (orgs.path prefix), the term and the round.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../../../domain/settings.ts";
import type { StatFilter } from "../../../domain/stats.ts";
import type { Db } from "../../db/client.ts";
import { orgs, rounds, settings as settingsTable, terms } from "../../db/schema.ts";
import { periodProblem } from "./model.ts";

export interface StatContext {
  db: Db;
  actor: Actor;
  filter: StatFilter;
  today: string;
  term: { id: string; name: string; startDate: string; endDate: string } | null;
  round: { id: string; termId: string; name: string } | null;
  org: { id: string; name: string; path: string } | null;
}

export async function resolveContext(db: Db, actor: Actor, filter: StatFilter, today: string): Promise<StatContext> {
  const bad = periodProblem(filter);
  if (bad) throw bad;
  let term: StatContext["term"] = null;
  if (filter.termId) {
    const [t] = await db
      .select({ id: terms.id, name: terms.name, startDate: terms.startDate, endDate: terms.endDate })
      .from(terms)
      .where(and(eq(terms.id, filter.termId), isNull(terms.deletedAt)));
    if (!t) throw notFound("届次");
    term = t;
  }
  let round: StatContext["round"] = null;
  if (filter.roundId) {
    const [r] = await db
      .select({ id: rounds.id, termId: rounds.termId, name: rounds.name })
      .from(rounds)
      .where(and(eq(rounds.id, filter.roundId), isNull(rounds.deletedAt)));
    if (!r) throw notFound("巡察轮次");
    round = r;
  }
  let org: StatContext["org"] = null;
  if (filter.orgId) {
    const [o] = await db
      .select({ id: orgs.id, name: orgs.name, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.id, filter.orgId), isNull(orgs.deletedAt)));
    if (!o) throw notFound("单位");
    org = o;
  }
  return { db, actor, filter, today, term, round, org };
}

/** The calendar day in China (UTC+8) of an instant: what "registered on" means for a timestamp. */
export const chinaDate = (ts: unknown): SQL => sql`((${ts} at time zone 'UTC') + interval '8 hours')::date`;

/** The period (inclusive) on a date expression; undefined when no period is set. */
export function inPeriod(c: StatContext, date: unknown): SQL | undefined {
  const { from, to } = c.filter;
  return and(from ? sql`${date} >= ${from}::date` : undefined, to ? sql`${date} <= ${to}::date` : undefined);
}

/**
 * Instants (timestamps) on the China days from … to (inclusive), compared on the column itself so that an index on
 * it could serve the range.
 */
export const instantBetween = (ts: unknown, from?: string, to?: string): SQL | undefined =>
  and(
    from ? sql`${ts} >= ((${from}::date - interval '8 hours') at time zone 'UTC')` : undefined,
    to ? sql`${ts} < ((${to}::date + 1 - interval '8 hours') at time zone 'UTC')` : undefined,
  );

/** The period on an instant: the record counts on the China day of that instant. */
export const inPeriodInstant = (c: StatContext, ts: unknown): SQL | undefined => instantBetween(ts, c.filter.from, c.filter.to);

/** The filter's organisation and its whole subtree, on an organisation's path column. */
export const inSubtree = (c: StatContext, path: unknown): SQL | undefined =>
  c.org ? sql`${path} like ${`${c.org.path}%`}` : undefined;

/** The filter's term and round, on a record's round (and the round's term). */
export const inTermRound = (c: StatContext, cols: { termId: unknown; roundId: unknown }): SQL | undefined =>
  and(c.term ? sql`${cols.termId} = ${c.term.id}` : undefined, c.round ? sql`${cols.roundId} = ${c.round.id}` : undefined);

/** For records that belong to no round: the term as its span of dates, on the record's date. */
export const inTermDates = (c: StatContext, date: unknown): SQL | undefined =>
  c.term ? sql`${date} between ${c.term.startDate}::date and ${c.term.endDate}::date` : undefined;

/** The office's settings (hearing deadline …), as the application context reads them. */
export async function loadSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(settingsTable).where(eq(settingsTable.key, "office"));
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...((row?.value as object) ?? {}) });
}

/** Text cell: a database value as a string, or null. */
export const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const yesNo = (v: unknown): string => (v === true || v === "t" || v === "true" ? "是" : "否");
