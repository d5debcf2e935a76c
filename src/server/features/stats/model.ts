/**
 * The pure part of the statistics: how groups add up to totals, how rates are recomputed from counts, which
 * months a trend spans, and what a well-formed group key looks like. No database here.
 */
import { DomainError } from "../../../domain/errors.ts";
import type { StatGroup, StatMeasure } from "../../../domain/stats.ts";

export type Values = Record<string, number | null>;

/** part ÷ whole; null when the whole is 0 (a rate of nothing is not 0 %). */
export const ratio = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  whole ? (part ?? 0) / whole : null;

/** A rate, recomputed from counts: for a group from its own counts, for the totals from the totals. */
export type RateRule = (own: Values, totals: Values) => number | null;

/** How a non-count measure adds up over groups (counts always add). */
export type TotalRule = "sum" | "max";

/** The totals over groups: counts summed, the other measures by their rule, rates recomputed from the totals. */
export function totalsOf(
  measures: readonly StatMeasure[],
  groups: readonly Pick<StatGroup, "values">[],
  rates: Record<string, RateRule>,
  totalRules: Record<string, TotalRule> = {},
): Values {
  const totals: Values = {};
  for (const m of measures) {
    if (m.kind === "rate") continue;
    const rule = totalRules[m.key] ?? "sum";
    const present = groups.map((g) => g.values[m.key]).filter((v): v is number => typeof v === "number");
    if (rule === "max") totals[m.key] = present.length ? Math.max(...present) : null;
    else totals[m.key] = present.reduce((a, b) => a + b, 0);
  }
  for (const m of measures) if (m.kind === "rate") totals[m.key] = rates[m.key]?.(totals, totals) ?? null;
  return totals;
}

/** A group's values: every measure present (0 for a missing count), rates from the group's own counts. */
export function groupValues(
  measures: readonly StatMeasure[],
  raw: Values,
  rates: Record<string, RateRule>,
  totals: Values,
): Values {
  const out: Values = {};
  for (const m of measures) {
    if (m.kind === "count") out[m.key] = raw[m.key] ?? 0;
    else if (m.kind === "days") out[m.key] = raw[m.key] ?? null;
  }
  for (const m of measures) if (m.kind === "rate") out[m.key] = rates[m.key]?.(out, totals) ?? null;
  return out;
}

/** Counts of all groups summed (what the rates of totals and shares are computed from). */
export function countTotals(measures: readonly StatMeasure[], raws: Iterable<Values>): Values {
  const t: Values = {};
  for (const m of measures) if (m.kind === "count") t[m.key] = 0;
  for (const r of raws) for (const m of measures) if (m.kind === "count") t[m.key] = (t[m.key] ?? 0) + (r[m.key] ?? 0);
  return t;
}

// ——— period ———

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** A period that ends before it begins is the user's mistake, answered in Chinese. */
export function periodProblem(p: Period): DomainError | null {
  if (p.from && p.to && p.from > p.to) {
    return new DomainError("validation_failed", "统计期间的开始日期不能晚于结束日期", {
      fields: [{ field: "from", message: "开始日期不能晚于结束日期" }],
    });
  }
  return null;
}

/** Months YYYY-MM from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The longest trend drawn at once: ten years by month. */
export const MAX_TREND_MONTHS = 120;

/** First day of the month `n` months before the month of `date`. */
export function monthStartBefore(date: string, n: number): string {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7)) - n;
  while (m < 1) {
    m += 12;
    y--;
  }
  return `${y}-${String(m).padStart(2, "0")}-01`;
}

/**
 * The trend's window: the period asked for; without one, the twelve months up to today (or up to `to`); from a
 * start alone, up to today. Refused when it spans more than MAX_TREND_MONTHS months.
 */
export function trendWindow(p: Period, today: string): { from: string; to: string; months: string[] } {
  const to = p.to ?? (p.from && p.from > today ? p.from : today);
  const from = p.from ?? monthStartBefore(to, 11);
  const months = monthsBetween(from, to);
  if (months.length > MAX_TREND_MONTHS) {
    throw new DomainError("validation_failed", `工作趋势最多按 ${MAX_TREND_MONTHS} 个月统计，请缩短统计期间`, {
      fields: [{ field: "from", message: "统计期间过长" }],
    });
  }
  return { from, to, months };
}

// ——— group keys ———

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
export const isYear = (s: string): boolean => /^\d{4}$/.test(s);
export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
export const oneOf =
  (list: readonly string[]) =>
  (s: string): boolean =>
    list.includes(s);

/** Calendar days from a to b (ISO dates). */
export const daysFrom = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** One collator for every sort by Chinese label: building one per comparison costs ~40× more on large groups. */
const zhCollator = new Intl.Collator("zh-CN", { numeric: true });
export const compareZh = (a: string, b: string): number => zhCollator.compare(a, b);
