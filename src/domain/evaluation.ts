/**
 * Evaluation (整改评估) and revisit (回头看). After its rectification period the office grades each assignment
 * good / fair / poor (好 / 中 / 差): the system suggests a grade from metrics computed from the ledger, the office
 * confirms it or changes it with a reason. A revisit checks a random sample of at least one third of a round's
 * organisations and of their problems; the sample is drawn from a recorded seed, so anyone can draw it again.
 */
import { z } from "zod";
import { isoDate } from "./calendar.ts";

export const GRADES = ["good", "fair", "poor"] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { good: "好", fair: "中", poor: "差" };

// ---- metrics ----------------------------------------------------------------------------------------------------

/** One ledger row as the metrics read it. `closedOn` is the China date of the close-out. */
export interface RowForEvaluation {
  status: string;
  deadline: string | null;
  closedOn: string | null;
  evidenceCount: number;
  relapseCount: number;
}

export interface EvaluationMetrics {
  rows: number;
  closed: number;
  /** closed ÷ rows; null without rows. */
  completionRate: number | null;
  withDeadline: number;
  /** Rows closed on or before their deadline. */
  onTime: number;
  /** onTime ÷ rows with a deadline; null when no row has one. */
  onTimeRate: number | null;
  closedWithEvidence: number;
  /** Closed rows with at least one evidence file ÷ closed rows; null when none is closed. */
  evidenceRate: number | null;
  /** Sum of the rows' relapse counts. */
  relapses: number;
  directives: number;
  directivesDone: number;
  /** Directives closed ÷ directives concerning the organisation; null when there are none. */
  directivesRate: number | null;
}

const rate = (part: number, whole: number): number | null => (whole ? part / whole : null);

export function evaluationMetrics(rows: Iterable<RowForEvaluation>, directives: Iterable<{ status: string }>): EvaluationMetrics {
  let n = 0;
  let closed = 0;
  let withDeadline = 0;
  let onTime = 0;
  let closedWithEvidence = 0;
  let relapses = 0;
  for (const r of rows) {
    n++;
    relapses += r.relapseCount;
    if (r.deadline !== null) withDeadline++;
    if (r.status !== "closed") continue;
    closed++;
    if (r.evidenceCount > 0) closedWithEvidence++;
    if (r.deadline !== null && r.closedOn !== null && r.closedOn <= r.deadline) onTime++;
  }
  let d = 0;
  let done = 0;
  for (const x of directives) {
    d++;
    if (x.status === "closed") done++;
  }
  return {
    rows: n,
    closed,
    completionRate: rate(closed, n),
    withDeadline,
    onTime,
    onTimeRate: rate(onTime, withDeadline),
    closedWithEvidence,
    evidenceRate: rate(closedWithEvidence, closed),
    relapses,
    directives: d,
    directivesDone: done,
    directivesRate: rate(done, d),
  };
}

export interface GradeThresholds {
  gradeGoodCompletionPct: number;
  gradeGoodOnTimePct: number;
  gradeFairCompletionPct: number;
}

/** part ÷ whole ≥ pct %, in integers (no rounding surprises); vacuously true when whole is 0. */
const atLeast = (part: number, whole: number, pct: number): boolean => whole === 0 || part * 100 >= pct * whole;

/**
 * good: completion ≥ the good threshold, on time ≥ its threshold, and no relapse; poor: completion below the fair
 * threshold; fair otherwise. A rate with nothing to count (no rows; no row with a deadline) holds no one back.
 */
export function suggestGrade(m: EvaluationMetrics, t: GradeThresholds): Grade {
  if (!atLeast(m.closed, m.rows, t.gradeFairCompletionPct)) return "poor";
  if (
    atLeast(m.closed, m.rows, t.gradeGoodCompletionPct) &&
    atLeast(m.onTime, m.withDeadline, t.gradeGoodOnTimePct) &&
    m.relapses === 0
  )
    return "good";
  return "fair";
}

export const evaluationInputSchema = z.object({
  grade: z.enum(GRADES, { error: "请选择评估等次（好、中、差）" }),
  reason: z
    .string({ error: "理由应为文字" })
    .trim()
    .max(1000, "理由不超过1000字")
    .nullish()
    .transform((v) => v || null),
  /** The confirmed evaluation's version when changing it (optimistic check); absent the first time. */
  version: z.number({ error: "版本号无效" }).int().min(1).nullish(),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

// ---- revisit: a reproducible random sample ---------------------------------------------------------------------

/** xmur3: a 32-bit hash of a string, used to seed the generator. */
function xmur3(str: string): () => number {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

/** mulberry32: a small, fast generator; the same seed string gives the same numbers in [0, 1) on every machine. */
export function seededRandom(seed: string): () => number {
  let a = xmur3(seed)();
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** At least one third, rounded up (and at least one of a non-empty set). */
export const revisitSampleSize = (n: number): number => Math.ceil(n / 3);

/** `k` of the ids, chosen by a partial Fisher–Yates shuffle over the sorted ids; returned sorted. */
export function drawIds(seed: string, ids: readonly string[], k: number): string[] {
  const pool = [...new Set(ids)].sort();
  const rnd = seededRandom(seed);
  const take = Math.min(k, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rnd() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).sort();
}

export interface RevisitUnit {
  /** The assignment (one organisation in the round). */
  id: string;
  rowIds: readonly string[];
}

/**
 * The revisit sample: ⌈n/3⌉ of the units that have rows, then ⌈m/3⌉ of each chosen unit's rows. Each draw has its
 * own stream (seed + what is drawn from), so the sample depends only on the seed and the ids, not on their order.
 */
export function drawRevisitSample(seed: string, units: readonly RevisitUnit[]): Array<{ id: string; rowIds: string[] }> {
  const eligible = new Map(units.filter((u) => u.rowIds.length > 0).map((u) => [u.id, u.rowIds]));
  const chosen = drawIds(`${seed}|orgs`, [...eligible.keys()], revisitSampleSize(eligible.size));
  return chosen.map((id) => {
    const rowIds = eligible.get(id)!;
    return { id, rowIds: drawIds(`${seed}|${id}`, rowIds, revisitSampleSize(new Set(rowIds).size)) };
  });
}

/** Same sample: the same units, each with the same rows. */
export function sameSample(
  a: ReadonlyArray<{ id: string; rowIds: readonly string[] }>,
  b: ReadonlyArray<{ id: string; rowIds: readonly string[] }>,
): boolean {
  const key = (s: ReadonlyArray<{ id: string; rowIds: readonly string[] }>) =>
    JSON.stringify([...s].map((u) => [u.id, [...u.rowIds].sort()]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  return key(a) === key(b);
}

export const REVISIT_RESULTS = ["pending", "confirmed", "unfinished", "relapse"] as const;
export type RevisitResult = (typeof REVISIT_RESULTS)[number];
export const REVISIT_RESULT_LABELS: Record<RevisitResult, string> = {
  pending: "待核查",
  confirmed: "整改到位",
  unfinished: "整改未到位",
  relapse: "问题反弹",
};
/** What a check can find (pending is only the state before it). */
export const REVISIT_RECORD_RESULTS = ["confirmed", "unfinished", "relapse"] as const satisfies readonly RevisitResult[];

export const revisitDrawSchema = z
  .object({
    seed: z
      .string({ error: "抽样种子应为文字" })
      .trim()
      .max(64, "抽样种子不超过64个字符")
      .nullish()
      .transform((v) => v || null),
    note: z
      .string({ error: "备注应为文字" })
      .trim()
      .max(1000, "备注不超过1000字")
      .nullish()
      .transform((v) => v || null),
  })
  .default({ seed: null, note: null });
export type RevisitDrawInput = z.infer<typeof revisitDrawSchema>;

export const revisitRecordSchema = z.object({
  result: z.enum(REVISIT_RECORD_RESULTS, { error: "请选择核查结果（整改到位、整改未到位或问题反弹）" }),
  finding: z.string({ error: "请填写核查情况" }).trim().min(1, "请填写核查情况").max(1000, "核查情况不超过1000字"),
  checkedOn: isoDate,
  foundWhere: z
    .string({ error: "发现途径应为文字" })
    .trim()
    .max(200, "发现途径不超过200字")
    .nullish()
    .transform((v) => v || null),
  version: z.number({ error: "版本号无效" }).int().min(1).nullish(),
});
export type RevisitRecordInput = z.infer<typeof revisitRecordSchema>;

/** Where a relapse found at a revisit is said to have been found, unless the office says otherwise. */
export const REVISIT_FOUND_WHERE = "回头看";
