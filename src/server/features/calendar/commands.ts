import { eq } from "drizzle-orm";
import type { CalendarYear } from "../../../domain/calendar.ts";
import { runCommand } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { calendarDays } from "../../db/schema.ts";
import type { ActorOrigin } from "../users/commands.ts";
import { assertMaintainCalendar } from "./policy.ts";

/** Replaces one year's holidays and make-up workdays (e.g. when the State Council notice is published). */
export async function importYear(ctx: AppContext, origin: ActorOrigin, y: CalendarYear): Promise<void> {
  assertMaintainCalendar(origin.actor);
  await runCommand(ctx, origin, async (s) => {
    const before = await s.tx
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(eq(calendarDays.year, y.year));
    await s.tx.delete(calendarDays).where(eq(calendarDays.year, y.year));
    await s.tx.insert(calendarDays).values(y.days.map((d) => ({ ...d, year: y.year, source: y.source ?? null })));
    const key = (d: { date: string; kind: string; name: string }) => `${d.date}|${d.kind}|${d.name}`;
    const old = new Set(before.map(key));
    const fresh = new Set(y.days.map(key));
    await s.audit({
      action: "calendar.import_year",
      recordType: "calendar",
      recordIds: [],
      changes: {
        year: y.year,
        days: y.days.length,
        source: y.source ?? null,
        added: y.days.filter((d) => !old.has(key(d))).map(key),
        removed: before.filter((d) => !fresh.has(key(d))).map(key),
      },
    });
  });
  ctx.invalidate();
}
