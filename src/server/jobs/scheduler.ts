/**
 * Runs the scheduled jobs of a running server. The decision to run is taken from job_runs, not from memory:
 * the warning job runs when it has not run today (so a restart, or a new day, catches up at once) and when
 * intervalMs has passed since its last run. Checks are chained (never two at once); a failure is logged and
 * retried later, never thrown into the server.
 */
import { todayIn, type AppContext } from "../context.ts";
import { lastWarningRun, runWarningJob } from "./warnings.ts";

export interface SchedulerOptions {
  /** How often the warning job runs; default one hour. */
  intervalMs?: number;
  /** How often the scheduler looks at the clock (default: a minute, or intervalMs if shorter). */
  tickMs?: number;
  /** The first look after start. */
  startDelayMs?: number;
  log?: (message: string) => void;
  logError?: (message: string, error: unknown) => void;
}

export const DEFAULT_JOB_INTERVAL_MS = 3_600_000;

/** Whether the job is due: never run, not yet run today, or the interval has passed since its last run. */
export function isDue(
  last: { lastRunAt: Date | null; lastRunDate: string | null } | null,
  today: string,
  now: Date,
  intervalMs: number,
): boolean {
  if (!last || !last.lastRunAt || last.lastRunDate !== today) return true;
  return now.getTime() - last.lastRunAt.getTime() >= intervalMs;
}

/** Starts the schedule; the returned stop() ends it and waits for a run in progress. */
export function startScheduler(ctx: AppContext, opts: SchedulerOptions = {}): () => Promise<void> {
  const intervalMs = opts.intervalMs ?? DEFAULT_JOB_INTERVAL_MS;
  const tickMs = opts.tickMs ?? Math.min(intervalMs, 60_000);
  const log = opts.log ?? ((m: string) => console.log(m));
  const logError = opts.logError ?? ((m: string, e: unknown) => console.error(m, e instanceof Error ? e.message : e));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** After a failure, wait before trying again instead of failing every tick. */
  let retryAt = 0;

  const check = async () => {
    if (Date.now() < retryAt) return;
    try {
      if (!isDue(await lastWarningRun(ctx.db), todayIn(ctx), ctx.now(), intervalMs)) return;
      const c = await runWarningJob(ctx);
      if (c.sent > 0) log(`整改时限预警：绿色 ${c.green} 条、黄色 ${c.yellow} 条、红色 ${c.red} 条，新发送提醒 ${c.sent} 条`);
    } catch (e) {
      retryAt = Date.now() + Math.min(intervalMs, 5 * 60_000);
      logError("整改时限预警检查失败：", e);
    }
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = check().finally(() => {
        running = null;
        schedule(tickMs);
      });
    }, ms);
    // The server keeps the process alive; the schedule alone should not.
    timer.unref();
  };
  schedule(opts.startDelayMs ?? 2_000);

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
