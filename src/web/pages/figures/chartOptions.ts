/** ECharts options for the figures page; each chart can be saved as a PNG from its toolbox. */
import type { EChartsOption } from "echarts";
import type { OrgFigures, RoundFigures } from "./types.ts";

const COLORS = { done: "#52c41a", significant: "#13c2c2", ongoing: "#d9d9d9", overdue: "#f5222d", rate: "#1677ff" };

const toolbox = (name: string): EChartsOption["toolbox"] => ({
  right: 8,
  feature: { saveAsImage: { title: "保存为图片", name, pixelRatio: 2, backgroundColor: "#fff" } },
});

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Horizontal stacked bars, one per organisation: 已销号 / 取得明显成效 / 其他未完成, and 逾期 beside them. */
export function byOrgOption(items: OrgFigures[], title: string): EChartsOption {
  const rows = [...items].reverse(); // the first organisation on top
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    toolbox: toolbox(title),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 28, data: ["已销号", "取得明显成效", "其他未完成", "逾期"] },
    grid: { left: 8, right: 32, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: "value", name: "条", minInterval: 1 },
    yAxis: {
      type: "category",
      data: rows.map((r) => r.orgName),
      axisLabel: { width: 160, overflow: "truncate" },
    },
    series: [
      { name: "已销号", type: "bar", stack: "total", color: COLORS.done, data: rows.map((r) => r.figures.done), barMaxWidth: 22 },
      {
        name: "取得明显成效",
        type: "bar",
        stack: "total",
        color: COLORS.significant,
        data: rows.map((r) => r.figures.significantProgress),
      },
      { name: "其他未完成", type: "bar", stack: "total", color: COLORS.ongoing, data: rows.map((r) => r.figures.ongoing) },
      {
        name: "逾期",
        type: "bar",
        color: COLORS.overdue,
        barMaxWidth: 8,
        data: rows.map((r) => r.figures.overdue),
        label: {
          show: true,
          position: "right",
          color: COLORS.overdue,
          formatter: (p) => (Number(p.value) > 0 ? `逾期 ${String(p.value)}` : ""),
        },
      },
    ],
  };
}

/** Bars of the two published rates per round. */
export function byRoundOption(items: RoundFigures[], title: string): EChartsOption {
  const label = {
    show: true,
    position: "top" as const,
    formatter: (p: { value: unknown }) => (typeof p.value === "number" ? `${p.value.toFixed(1)}%` : ""),
  };
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    toolbox: toolbox(title),
    tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? `${v.toFixed(1)}%` : "—") },
    legend: { top: 28, data: ["完成率", "完成及明显成效率"] },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: items.map((r) => r.roundName), axisLabel: { interval: 0, width: 120, overflow: "break" } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: "完成率",
        type: "bar",
        color: COLORS.done,
        barMaxWidth: 36,
        data: items.map((r) => pct(r.figures.doneRate)),
        label,
      },
      {
        name: "完成及明显成效率",
        type: "bar",
        color: COLORS.rate,
        barMaxWidth: 36,
        data: items.map((r) => pct(r.figures.doneOrSignificantRate)),
        label,
      },
    ],
  };
}
