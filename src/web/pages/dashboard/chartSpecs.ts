/**
 * ECharts options for the dashboard, built from a StatResult (groups × measures). Each spec also says which count a
 * click on the chart stands for: series carry their measure's key as id, data points follow the groups in the order
 * drawn, so a click maps back to (group, measure) for the drill-down.
 */
import type { ECElementEvent, EChartsOption, GaugeSeriesOption, SeriesOption } from "echarts";
import type { StatGroup, StatResult } from "../../../domain/stats.ts";
import { groupTarget, measureOf, type DrillTarget } from "./drill.ts";
import { measureText, ratePercent, ratePoints } from "./format.ts";

export interface ChartSpec {
  option: EChartsOption;
  height: number;
  /** The count a click on a series item stands for, if any. */
  target: (e: ECElementEvent) => DrillTarget | undefined;
}

/** Colours by measure key, the same on every chart (done is green, overdue red …). */
export const MEASURE_COLORS: Record<string, string> = {
  done: "#52c41a",
  significant: "#13c2c2",
  ongoing: "#faad14",
  overdue: "#f5222d",
  notDone: "#fa8c16",
  late: "#fa8c16",
  filed: "#722ed1",
  leads: "#1677ff",
  namingPerson: "#13c2c2",
  sent: "#1677ff",
  answered: "#52c41a",
  findings: "#1677ff",
  coreMandate: "#722ed1",
  common: "#fa8c16",
  rowsClosed: "#52c41a",
  lettersSent: "#eb2f96",
  inspected: "#1677ff",
  hearings: "#1677ff",
  trainings: "#1677ff",
  participants: "#13c2c2",
  people: "#1677ff",
  leaderPool: "#722ed1",
  removed: "#bfbfbf",
  rules: "#2f54eb",
  newRules: "#2f54eb",
  revisedRules: "#85a5ff",
  assignments: "#bfbfbf",
  transferred: "#69b1ff",
  topLeader: "#eb2f96",
  uninspected: "#d9d9d9",
  rows: "#1677ff",
};
const RATE_COLORS = ["#1677ff", "#722ed1", "#eb2f96"];
const PALETTE = ["#1677ff", "#13c2c2", "#722ed1", "#fa8c16", "#eb2f96", "#52c41a", "#2f54eb", "#faad14", "#a0d911"];

const LEGEND_TOP = 0;
/** Columns drawn at once before a slider is added. */
const MAX_COLUMNS = 8;
const GRID_TOP = 36;

/** The groups' labels, cut for an axis. */
const axisLabel = (width: number) => ({ width, overflow: "truncate" as const, hideOverlap: false });

function clickOn(r: StatResult, shown: StatGroup[], e: ECElementEvent): DrillTarget | undefined {
  if (e.componentType !== "series" || typeof e.seriesId !== "string") return undefined;
  const g = shown[e.dataIndex];
  return g ? groupTarget(r, g, e.seriesId) : undefined;
}

const present = (r: StatResult, keys: string[]) => keys.filter((k) => measureOf(r, k));

export interface BarsConfig {
  /** Count measures drawn as bars. */
  counts: string[];
  /** Stack the bars (parts of one whole, e.g. done / significant / ongoing). */
  stack?: boolean;
  /** Rate measures drawn as a line on a percentage axis. */
  rates?: string[];
  /** Count measures of another scale drawn as a line on a second axis (e.g. participants beside trainings). */
  secondary?: string[];
  /** Bars run left to right, one row per group (for names: organisations). */
  horizontal?: boolean;
}

/** Bars of counts per group, optionally stacked, with rates as lines on a second axis. */
export function barsSpec(r: StatResult, cfg: BarsConfig): ChartSpec {
  const counts = present(r, cfg.counts);
  const rates = present(r, cfg.rates ?? []);
  const secondary = present(r, cfg.secondary ?? []);
  const horizontal = cfg.horizontal ?? false;
  // Horizontal: the first group on top.
  const shown = horizontal ? [...r.groups].reverse() : r.groups;
  const labels = shown.map((g) => g.label);
  const label = (key: string) => measureOf(r, key)?.label ?? key;

  const bars: SeriesOption[] = counts.map((key) => ({
    id: key,
    name: label(key),
    type: "bar",
    stack: cfg.stack ? "counts" : undefined,
    color: MEASURE_COLORS[key],
    barMaxWidth: horizontal ? 20 : 36,
    cursor: "pointer",
    emphasis: { focus: "series" },
    // Stacked parts carry their number inside, single bars above (or after) the bar.
    label: {
      show: shown.length <= 12,
      position: cfg.stack && counts.length > 1 ? "inside" : horizontal ? "right" : "top",
      formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ""),
    },
    data: shown.map((g) => g.values[key] ?? 0),
  }));
  const line = (
    key: string,
    color: string | undefined,
    data: Array<number | null>,
    suffix: string,
    labelled: boolean,
  ): SeriesOption => ({
    id: key,
    name: label(key),
    type: "line",
    yAxisIndex: horizontal ? undefined : 1,
    xAxisIndex: horizontal ? 1 : undefined,
    color,
    symbolSize: 7,
    cursor: "pointer",
    // One line's values are written on the chart, the others' in the tooltip (labels of two lines collide).
    label: {
      show: labelled && shown.length <= 8,
      position: horizontal ? "right" : "top",
      formatter: (p: { value: unknown }) =>
        typeof p.value !== "number" ? "" : suffix === "%" ? ratePercent(p.value / 100) : String(p.value),
    },
    data,
  });
  const lines: SeriesOption[] = [
    ...rates.map((key, i) =>
      line(
        key,
        RATE_COLORS[i % RATE_COLORS.length],
        shown.map((g) => ratePoints(g.values[key])),
        "%",
        i === 0,
      ),
    ),
    ...secondary.map((key, i) =>
      line(
        key,
        MEASURE_COLORS[key],
        shown.map((g) => g.values[key] ?? 0),
        "",
        i === 0 && !rates.length,
      ),
    ),
  ];

  // Many groups side by side: the latest few are shown, a slider reaches the others.
  const zoom = !horizontal && shown.length > MAX_COLUMNS;
  const columns = Math.min(shown.length, MAX_COLUMNS);
  // Up to four columns have room for their names on two or three lines; more are slanted and cut.
  const slanted = columns > 4;
  const categoryAxis = {
    type: "category" as const,
    data: labels,
    // Long names side by side are slanted and cut (the tooltip and the table give them whole).
    axisLabel: horizontal
      ? axisLabel(170)
      : slanted
        ? { ...axisLabel(96), interval: 0, rotate: 25 }
        : { width: 120, overflow: "break" as const, interval: 0 },
  };
  const countAxis = { type: "value" as const, minInterval: 1 };
  const rateAxis = {
    type: "value" as const,
    min: 0,
    max: 100,
    axisLabel: { formatter: "{value}%" },
    splitLine: { show: false },
  };
  const valueAxes = rates.length
    ? [countAxis, rateAxis]
    : secondary.length
      ? [countAxis, { ...countAxis, splitLine: { show: false } }]
      : [countAxis];

  const option: EChartsOption = {
    // Each value as the measure tells it (rates as percentages), under the group's full name.
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: (params: unknown) => tooltipRows(r, shown, params) },
    legend: { top: LEGEND_TOP, type: "scroll" },
    // Room above the highest point for its label, below the legend; and for the slider when there are many groups.
    grid: {
      left: 8,
      right: horizontal ? 48 : 16,
      top: lines.length ? GRID_TOP + 16 : GRID_TOP,
      bottom: zoom ? 40 : 8,
      containLabel: true,
    },
    dataZoom: zoom
      ? [
          {
            type: "slider",
            xAxisIndex: 0,
            startValue: shown.length - MAX_COLUMNS,
            endValue: shown.length - 1,
            height: 16,
            bottom: 6,
          },
          { type: "inside", xAxisIndex: 0 },
        ]
      : undefined,
    xAxis: horizontal ? valueAxes : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series: [...bars, ...lines],
  };
  const height = horizontal ? Math.max(260, shown.length * (counts.length > 1 && !cfg.stack ? 44 : 30) + 80) : 320;
  return { option, height, target: (e) => clickOn(r, shown, e) };
}

interface AxisParam {
  dataIndex: number;
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
}

function tooltipRows(r: StatResult, shown: StatGroup[], params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as AxisParam[];
  const g = list[0] ? shown[list[0].dataIndex] : undefined;
  if (!g) return "";
  const rows = list.map((p) => {
    const key = p.seriesId ?? "";
    const m = measureOf(r, key);
    const v = g.values[key];
    const text = m ? measureText(m, v) : String(v ?? "—");
    return `${typeof p.marker === "string" ? p.marker : ""}${escapeHtml(p.seriesName ?? key)}：<b>${text}</b>`;
  });
  return [`<b>${escapeHtml(g.label)}</b>`, ...rows].join("<br/>");
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** One gauge per group (org kinds): the rate in the middle, inspected ÷ in scope beneath; a click lists the inspected. */
export function gaugesSpec(r: StatResult, rateKey = "rate", partKey = "inspected", wholeKey = "total"): ChartSpec {
  const n = r.groups.length;
  const perRow = Math.min(Math.max(n, 1), 4);
  const rows = Math.ceil(n / perRow);
  const rowHeight = 240;
  const series: GaugeSeriesOption[] = r.groups.map((g, i) => {
    const rate = g.values[rateKey] ?? null;
    const value = ratePoints(rate) ?? 0;
    const part = g.values[partKey] ?? 0;
    const whole = g.values[wholeKey] ?? 0;
    const color = whole > 0 && part >= whole ? "#52c41a" : "#1677ff";
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    return {
      id: `${partKey}:${i}`,
      type: "gauge",
      min: 0,
      max: 100,
      startAngle: 210,
      endAngle: -30,
      radius: `${Math.min(90 / rows, 80)}%`,
      center: [`${((col + 0.5) * 100) / perRow}%`, `${((row + 0.55) * 100) / rows}%`],
      progress: { show: true, width: 14, itemStyle: { color } },
      axisLine: { lineStyle: { width: 14, color: [[1, "#f0f0f0"]] } },
      pointer: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      anchor: { show: false },
      title: { offsetCenter: [0, "52%"], fontSize: 13, lineHeight: 18, color: "#595959" },
      detail: {
        offsetCenter: [0, "-5%"],
        fontSize: 26,
        fontWeight: "bold",
        color,
        formatter: () => (rate === null ? "—" : measureText({ kind: "rate" }, rate)),
      },
      data: [{ value, name: `${g.label}\n已巡察 ${part} / ${whole} 个` }],
    };
  });
  return {
    option: { tooltip: { show: false }, series },
    height: rows * rowHeight,
    target: (e) => {
      if (e.componentType !== "series" || typeof e.seriesId !== "string") return undefined;
      const i = Number(e.seriesId.split(":")[1]);
      const g = r.groups[i];
      return g ? groupTarget(r, g, partKey) : undefined;
    },
  };
}

/** The trend's lines, told apart at a glance. */
const LINE_COLORS: Record<string, string> = {
  findings: "#1677ff",
  rowsClosed: "#52c41a",
  leads: "#722ed1",
  lettersSent: "#eb2f96",
};

/** Lines over the months: one per count measure. */
export function linesSpec(r: StatResult, counts: string[]): ChartSpec {
  const keys = present(r, counts);
  const option: EChartsOption = {
    tooltip: { trigger: "axis" },
    legend: { top: LEGEND_TOP, type: "scroll" },
    grid: { left: 8, right: 24, top: GRID_TOP, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: r.groups.map((g) => g.label), boundaryGap: false },
    yAxis: { type: "value", minInterval: 1 },
    series: keys.map((key, i) => ({
      id: key,
      name: measureOf(r, key)?.label ?? key,
      type: "line",
      color: LINE_COLORS[key] ?? MEASURE_COLORS[key] ?? PALETTE[i % PALETTE.length],
      symbolSize: 7,
      cursor: "pointer",
      data: r.groups.map((g) => g.values[key] ?? 0),
    })),
  };
  return { option, height: 320, target: (e) => clickOn(r, r.groups, e) };
}

/** A ring of one count measure over the groups (e.g. findings by category). */
export function pieSpec(r: StatResult, count: string): ChartSpec {
  const shown = r.groups.filter((g) => (g.values[count] ?? 0) > 0);
  const option: EChartsOption = {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { type: "scroll", orient: "vertical", right: 0, top: "middle", textStyle: { width: 150, overflow: "truncate" } },
    color: PALETTE,
    series: [
      {
        id: count,
        type: "pie",
        radius: ["40%", "70%"],
        center: ["35%", "50%"],
        cursor: "pointer",
        label: { formatter: "{c}", position: "inside", color: "#fff" },
        data: shown.map((g) => ({ name: g.label, value: g.values[count] ?? 0 })),
      },
    ],
  };
  return { option, height: 320, target: (e) => clickOn(r, shown, e) };
}
