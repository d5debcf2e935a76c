/**
 * The Chinese working-day calendar. Weekends are rest days unless listed as make-up workdays (调休上班);
 * weekdays are working days unless listed as public holidays. Dates are ISO strings (YYYY-MM-DD), local to China.
 */
import { z } from "zod";

export const isoDate = z
  .string({ error: "请填写日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && toIso(parseIso(s)) === s, { error: "日期无效" });

export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(["holiday", "workday"]),
  name: z.string().min(1).max(40),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().max(200).optional(),
  days: z.array(calendarDaySchema).min(1, { error: "至少需要一天" }),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

const DAY = 86_400_000;
export function parseIso(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}
export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function addDays(s: string, n: number): string {
  return toIso(new Date(parseIso(s).getTime() + n * DAY));
}
export function addMonths(s: string, n: number): string {
  const d = parseIso(s);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIso(d);
}

export class WorkCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  readonly years = new Set<number>();

  constructor(days: Iterable<Pick<CalendarDay, "date" | "kind">>) {
    for (const d of days) {
      (d.kind === "holiday" ? this.holidays : this.workdays).add(d.date);
      this.years.add(Number(d.date.slice(0, 4)));
    }
  }

  isWorkingDay(date: string): boolean {
    if (this.holidays.has(date)) return false;
    if (this.workdays.has(date)) return true;
    const wd = parseIso(date).getUTCDay();
    return wd !== 0 && wd !== 6;
  }

  /** The date that is `n` working days after `date` (n ≥ 0; n = 0 gives the next working day on or after date). */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    if (n === 0) {
      while (!this.isWorkingDay(d)) d = addDays(d, 1);
      return d;
    }
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const sign = from < to ? 1 : -1;
    let [a, b] = sign > 0 ? [from, to] : [to, from];
    let n = 0;
    while (a < b) {
      a = addDays(a, 1);
      if (this.isWorkingDay(a)) n++;
    }
    return sign * n;
  }
}

/** ISO date (YYYY-MM-DD) → 2024年3月5日: Arabic numerals without leading zeros, as documents write dates (GB/T 9704 7.3.5). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
