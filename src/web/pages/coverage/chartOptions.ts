/** ECharts options for coverage (gauges, plan against actual) and a round's timeline; each can be saved as a PNG. */
import type { CustomSeriesOption, CustomSeriesRenderItem, EChartsOption, ScatterSeriesOption } from "echarts";
import type { KindCoverage, PlanVsActual } from "./types.ts";

const PALETTE = ["#1677ff", "#13c2c2", "#722ed1", "#fa8c16", "#eb2f96", "#52c41a", "#2f54eb"];

const toolbox = (name: string): EChartsOption["toolbox"] => ({
  right: 8,
  feature: { saveAsImage: { title: "保存为图片", name, pixelRatio: 2, backgroundColor: "#fff" } },
});

/** The coverage rate of one kind as a gauge: the percentage in the middle, inspected / in scope beneath. */
export function gaugeOption(k: KindCoverage): EChartsOption {
  const value = k.rate === null ? 0 : Math.round(k.rate * 1000) / 10;
  const color = k.inScope > 0 && k.inspected >= k.inScope ? "#52c41a" : k.warning ? "#fa8c16" : "#1677ff";
  return {
    series: [
      {
        type: "gauge",
        min: 0,
        max: 100,
        startAngle: 210,
        endAngle: -30,
        radius: "95%",
        center: ["50%", "58%"],
        progress: { show: true, width: 14, itemStyle: { color } },
        axisLine: { lineStyle: { width: 14, color: [[1, "#f0f0f0"]] } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        anchor: { show: false },
        title: { offsetCenter: [0, "38%"], fontSize: 13, color: "#595959" },
        detail: {
          offsetCenter: [0, "0%"],
          fontSize: 26,
          fontWeight: "bold",
          color,
          formatter: () => (k.rate === null ? "—" : `${value.toFixed(1)}%`),
        },
        data: [{ value, name: `已巡察 ${k.inspected} / ${k.inScope} 个` }],
      },
    ],
  };
}

/** Planned against actual per year: two bars per kind, the plan lighter. */
export function planVsActualOption(rows: PlanVsActual[], title: string): EChartsOption {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const kinds = [...new Map(rows.map((r) => [r.orgKind, r.label])).entries()];
  const at = (kind: string, year: number) => rows.find((r) => r.orgKind === kind && r.year === year);
  const series = kinds.flatMap(([kind, label], i) => {
    const color = PALETTE[i % PALETTE.length]!;
    return [
      {
        name: `${label}·计划`,
        type: "bar" as const,
        color,
        itemStyle: { opacity: 0.35 },
        barMaxWidth: 22,
        data: years.map((y) => at(kind, y)?.planned ?? null),
      },
      {
        name: `${label}·实际`,
        type: "bar" as const,
        color,
        barMaxWidth: 22,
        label: {
          show: true,
          position: "top" as const,
          formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ""),
        },
        data: years.map((y) => at(kind, y)?.actual ?? 0),
      },
    ];
  });
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    toolbox: toolbox(title),
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v) => (v === null || v === undefined ? "未定" : `${String(v)} 个`),
    },
    legend: { top: 28 },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map((y) => `${y}年`) },
    yAxis: { type: "value", name: "个", minInterval: 1 },
    series,
  };
}

export interface TimelineItem {
  id: string;
  orgName: string;
  teamId: string;
  teamName: string;
  entryDate: string | null;
  withdrawalDate: string | null;
  feedbackDate: string | null;
  onSiteWorkingDays: number | null;
}

const DAY = 86_400_000;
/** Midnight of a Chinese calendar day, whatever the browser's zone. */
const at = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);
const dateOf = (ts: number) => new Date(ts + 8 * 3600_000).toISOString().slice(0, 10);

interface BarDatum {
  value: [number, number, number];
  item: TimelineItem;
}

const renderBar: CustomSeriesRenderItem = (_params, api) => {
  const row = api.value(0) as number;
  const start = api.coord([api.value(1), row]);
  const end = api.coord([api.value(2), row]);
  const height = ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20) * 0.55;
  return {
    type: "rect",
    shape: { x: start[0]!, y: start[1]! - height / 2, width: Math.max(end[0]! - start[0]!, 3), height, r: 3 },
    style: api.style(),
  };
};

/**
 * One bar per assignment from entry to withdrawal (to the end of that day), a diamond at the feedback date, one
 * colour per team; the rows are grouped by team (in the order the teams were formed), in order of entry. Assignments without an entry date are left out.
 */
export function timelineOption(items: TimelineItem[], today: string): EChartsOption {
  const placed = items
    .filter((a): a is TimelineItem & { entryDate: string } => a.entryDate !== null)
    // Teams in the order they were formed (their ids are time-ordered), then by entry.
    .sort((a, b) => a.teamId.localeCompare(b.teamId) || a.entryDate.localeCompare(b.entryDate));
  const teams = [...new Map(placed.map((a) => [a.teamId, a.teamName])).entries()];
  const rowOf = new Map(placed.map((a, i) => [a.id, i]));
  const bars: CustomSeriesOption[] = teams.map(([teamId, teamName], i) => ({
    type: "custom",
    name: teamName,
    color: PALETTE[i % PALETTE.length],
    renderItem: renderBar,
    clip: true,
    encode: { x: [1, 2], y: 0 },
    data: placed
      .filter((a) => a.teamId === teamId)
      .map((a): BarDatum => ({ value: [rowOf.get(a.id)!, at(a.entryDate), at(a.withdrawalDate ?? a.entryDate) + DAY], item: a })),
    ...(i === 0
      ? {
          markLine: {
            symbol: "none",
            silent: true,
            label: { formatter: "今天" },
            lineStyle: { color: "#f5222d", type: "dashed" },
            data: [{ xAxis: at(today) }],
          },
        }
      : {}),
  }));
  const feedback: ScatterSeriesOption = {
    type: "scatter",
    name: "反馈",
    symbol: "diamond",
    symbolSize: 12,
    color: "#f5222d",
    data: placed
      .filter((a) => a.feedbackDate)
      .map((a) => ({ value: [at(a.feedbackDate!) + DAY / 2, rowOf.get(a.id)!], item: a })),
  };
  const line = (a: TimelineItem) =>
    [
      `<b>${a.orgName}</b>（${a.teamName}）`,
      `进驻 ${a.entryDate ?? "未定"}，撤点 ${a.withdrawalDate ?? "未定"}`,
      a.onSiteWorkingDays === null ? null : `在驻 ${a.onSiteWorkingDays} 个工作日`,
      `反馈 ${a.feedbackDate ?? "未定"}`,
    ]
      .filter(Boolean)
      .join("<br/>");
  return {
    title: { text: "时间安排", left: 0, textStyle: { fontSize: 14 } },
    toolbox: toolbox("时间安排"),
    tooltip: { trigger: "item", formatter: (p) => line((p as unknown as { data: { item: TimelineItem } }).data.item) },
    legend: { top: 28 },
    grid: { left: 8, right: 24, top: 64, bottom: 48, containLabel: true },
    dataZoom: [
      { type: "slider", xAxisIndex: 0, bottom: 8, height: 18, labelFormatter: (v: number) => dateOf(v) },
      { type: "inside", xAxisIndex: 0 },
    ],
    xAxis: {
      type: "time",
      min: (v: { min: number }) => v.min - 7 * DAY,
      max: (v: { max: number }) => v.max + 7 * DAY,
      axisLabel: { formatter: "{yyyy}-{MM}-{dd}" },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: placed.map((a) => a.orgName),
      axisLabel: { width: 160, overflow: "truncate" },
    },
    series: [...bars, feedback],
  };
}

/** Rows on the timeline (for the chart's height). */
export const timelineRows = (items: TimelineItem[]) => items.filter((a) => a.entryDate !== null).length;
