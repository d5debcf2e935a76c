/** What a click on a bar, slice, cell or number stands for: one count of one figure, to list its records. */
import type { StatFigure, StatGroup, StatMeasure, StatResult } from "../../../domain/stats.ts";

export interface DrillTarget {
  figure: StatFigure;
  figureTitle: string;
  /** Absent for a total over every group. */
  group?: { key: string; label: string };
  measure: { key: string; label: string };
  count: number;
}

const FIGURE_UNITS: Record<StatFigure, string> = {
  coverage: "个",
  findings_by_category: "个",
  findings_by_org: "个",
  rectification_by_round: "条",
  rectification_by_org: "条",
  overdue: "条",
  directives: "项",
  leads_by_class: "条",
  hearings: "次",
  letters: "件",
  trainings: "次",
  pool: "人",
  rules: "项",
  trend: "条",
};

const MEASURE_UNITS: Record<string, string> = {
  participants: "人次",
  findings: "个",
  lettersSent: "件",
  people: "人",
  leaderPool: "人",
  removed: "人",
  hearings: "次",
  late: "次",
};

/** The unit a count is told in: "14 条", "39 个", "560 人次". */
export const unitOf = (figure: StatFigure, measureKey: string): string =>
  (figure === "hearings" || figure === "trend" || figure === "pool" || figure === "trainings"
    ? MEASURE_UNITS[measureKey]
    : undefined) ?? FIGURE_UNITS[figure];

/** "整改完成率（按轮次）· 2024年第一轮 · 已完成 · 14 条" */
export function drillTitle(t: DrillTarget, count = t.count): string {
  return [t.figureTitle, t.group?.label ?? "合计", t.measure.label, `${count} ${unitOf(t.figure, t.measure.key)}`].join(" · ");
}

/** A count measure of a figure can be drilled into; rates and days cannot. */
export const drillable = (m: StatMeasure | undefined): m is StatMeasure => m?.kind === "count";

export function measureOf(r: StatResult, key: string): StatMeasure | undefined {
  return r.measures.find((m) => m.key === key);
}

/** The target of one group's count (undefined when the measure is not a count or the value is empty). */
export function groupTarget(r: StatResult, g: StatGroup, measureKey: string): DrillTarget | undefined {
  const m = measureOf(r, measureKey);
  const v = g.values[measureKey];
  if (!drillable(m) || v === null || v === undefined) return undefined;
  return {
    figure: r.figure,
    figureTitle: r.title,
    group: { key: g.key, label: g.label },
    measure: { key: m.key, label: m.label },
    count: v,
  };
}

/** The target of a total over every group. */
export function totalTarget(r: StatResult, measureKey: string): DrillTarget | undefined {
  const m = measureOf(r, measureKey);
  const v = r.totals[measureKey];
  if (!drillable(m) || v === null || v === undefined) return undefined;
  return { figure: r.figure, figureTitle: r.title, measure: { key: m.key, label: m.label }, count: v };
}
