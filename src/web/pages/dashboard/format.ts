/** How the dashboard tells numbers: counts with their unit, rates as the seeds print them, days overdue. */
import type { StatMeasure } from "../../../domain/stats.ts";

/**
 * A rate as a whole percentage, as the offices' own reports print it ("覆盖率82%", "立案率达47%") — unless rounding
 * would hide that something is left or something is done (99.6% is not 100%, 0.3% is not 0%): then one decimal.
 */
export function ratePercent(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  const whole = Math.round(v * 100);
  if ((whole === 100 && v < 1) || (whole === 0 && v > 0)) return `${(v * 100).toFixed(1)}%`;
  return `${whole}%`;
}

/** A rate as a number of percent for a chart axis (one decimal). */
export const ratePoints = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;

export function measureText(m: Pick<StatMeasure, "kind">, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (m.kind === "rate") return ratePercent(v);
  if (m.kind === "days") return `${v} 天`;
  return String(v);
}
