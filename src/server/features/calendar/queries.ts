import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { calendarDays } from "../../db/schema.ts";

export async function listYears(db: Db) {
  const rows = await db
    .select({
      year: calendarDays.year,
      holidays: sql<number>`count(*) filter (where ${calendarDays.kind} = 'holiday')::int`,
      workdays: sql<number>`count(*) filter (where ${calendarDays.kind} = 'workday')::int`,
      source: sql<string | null>`max(${calendarDays.source})`,
    })
    .from(calendarDays)
    .groupBy(calendarDays.year)
    .orderBy(asc(calendarDays.year));
  return rows.map((r) => ({ ...r, holidays: Number(r.holidays), workdays: Number(r.workdays) }));
}

export async function yearDays(db: Db, year: number) {
  const days = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .where(eq(calendarDays.year, year))
    .orderBy(asc(calendarDays.date));
  return {
    year,
    source: days[0]?.source ?? null,
    days: days.map((d) => ({ date: d.date, kind: d.kind as "holiday" | "workday", name: d.name })),
  };
}
