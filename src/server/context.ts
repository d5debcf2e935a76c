/** What every route and command needs, passed as one argument: no container, no globals. */
import path from "node:path";
import { eq } from "drizzle-orm";
import { WorkCalendar } from "../domain/calendar.ts";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../domain/settings.ts";
import type { Config } from "./config.ts";
import type { Db, DatabaseKind } from "./db/client.ts";
import { calendarDays, settings as settingsTable } from "./db/schema.ts";

export interface AppContext {
  db: Db;
  dbKind: DatabaseKind;
  config: Config;
  filesDir: string;
  /** The clock: tests move it to check timeouts and deadlines. */
  now: () => Date;
  calendar: () => Promise<WorkCalendar>;
  settings: () => Promise<Settings>;
  /** Drop cached settings and calendar after they change. */
  invalidate: () => void;
}

export function createContext(opts: { db: Db; dbKind: DatabaseKind; config: Config; now?: () => Date }): AppContext {
  let cal: Promise<WorkCalendar> | null = null;
  let set: Promise<Settings> | null = null;
  return {
    db: opts.db,
    dbKind: opts.dbKind,
    config: opts.config,
    filesDir: path.join(opts.config.dataDir, "files"),
    now: opts.now ?? (() => new Date()),
    calendar: () =>
      (cal ??= opts.db
        .select({ date: calendarDays.date, kind: calendarDays.kind })
        .from(calendarDays)
        .then((rows) => new WorkCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as "holiday" | "workday" }))))),
    settings: () =>
      (set ??= opts.db
        .select()
        .from(settingsTable)
        .where(eq(settingsTable.key, "office"))
        .then(([row]) => settingsSchema.parse({ ...DEFAULT_SETTINGS, ...((row?.value as object) ?? {}) }))),
    invalidate: () => {
      cal = null;
      set = null;
    },
  };
}

/** Today in China (UTC+8), as an ISO date: deadlines are calendar days there. */
export function todayIn(ctx: AppContext): string {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
