/** ECharts option for the leads' figures: leads, transferred and filed per class, and the filing rate as a line. */
import type { EChartsOption } from "echarts";
import type { LeadClassFigures } from "./types.ts";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

export function filingOption(items: LeadClassFigures[], title: string): EChartsOption {
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    toolbox: {
      right: 8,
      feature: { saveAsImage: { title: "保存为图片", name: title, pixelRatio: 2, backgroundColor: "#fff" } },
    },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const c = items[list[0]?.dataIndex ?? 0];
        if (!c) return "";
        return `${c.label}<br/>线索 ${c.total} 件，移交 ${c.transferred} 件，立案 ${c.filed} 件<br/>立案率（立案÷移交）${pct(c.filingRate)}`;
      },
    },
    legend: { top: 28, data: ["线索", "已移交", "已立案", "立案率"] },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: items.map((c) => c.label), axisLabel: { interval: 0 } },
    yAxis: [
      { type: "value", name: "件", minInterval: 1 },
      { type: "value", name: "立案率", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
    ],
    series: [
      { name: "线索", type: "bar", color: "#bfbfbf", barMaxWidth: 28, data: items.map((c) => c.total) },
      { name: "已移交", type: "bar", color: "#1677ff", barMaxWidth: 28, data: items.map((c) => c.transferred) },
      { name: "已立案", type: "bar", color: "#cf1322", barMaxWidth: 28, data: items.map((c) => c.filed) },
      {
        name: "立案率",
        type: "line",
        yAxisIndex: 1,
        color: "#fa8c16",
        symbolSize: 8,
        connectNulls: false,
        // Rounded for the label only: the figures keep the exact fraction.
        data: items.map((c) => (c.filingRate === null ? null : Math.round(c.filingRate * 1000) / 10)),
        label: { show: true, position: "top", formatter: (p) => (typeof p.value === "number" ? `${p.value.toFixed(1)}%` : "") },
      },
    ],
  };
}
