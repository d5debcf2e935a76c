/** Small helpers shared by the bench driver and the bench server: seeded PRNG, percentiles, a worker pool, tables. */
import fs from "node:fs";

/** mulberry32: a tiny seeded PRNG, numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Completed operations per second over the wall time of the run. */
  perSecond: number;
}

/** Nearest-rank percentile of sorted values. */
const rank = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export function summarise(ms: number[], wallMs: number): Summary {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: rank(s, 50),
    p95: rank(s, 95),
    p99: rank(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    perSecond: (s.length * 1000) / (wallMs || 1),
  };
}

/**
 * Runs `items` through `concurrency` workers, each awaiting one operation at a time, stopping early at
 * `deadline` (performance.now() value). Returns each finished operation's latency in ms and the wall time.
 */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  op: (item: T, worker: number) => Promise<void>,
  deadline = Infinity,
): Promise<{ ms: number[]; wallMs: number; failures: number; firstError: string | null }> {
  const ms: number[] = [];
  let next = 0;
  let failures = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const worker = async (w: number) => {
    while (next < items.length && performance.now() < deadline) {
      const item = items[next++]!;
      const t0 = performance.now();
      try {
        await op(item, w);
        ms.push(performance.now() - t0);
      } catch (e) {
        failures++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { ms, wallMs: performance.now() - start, failures, firstError };
}

export const fmtMs = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : "–");
export const fmtMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Busy and total CPU ms of the whole machine so far, from /proc/stat (null where there is none). */
export function machineCpu(): { busyMs: number; totalMs: number } | null {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = fields[3]! + fields[4]!;
    return { busyMs: (total - idle) * 10, totalMs: total * 10 };
  } catch {
    return null;
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints a Markdown table: the first column left-aligned, the others right-aligned. */
export function table(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w)}:`)).join("|")}|`);
  for (const b of body) console.log(line(b));
}
