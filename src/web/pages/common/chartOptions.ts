/** The response-progress bar of a campaign: target organisations by answer, and the overdue ones. */
import type { EChartsOption } from "echarts";
import { CAMPAIGN_RESPONSE_LABELS, CAMPAIGN_RESPONSES, OVERDUE_LABEL } from "../../../domain/common.ts";
import type { ResponseCounts } from "./types.ts";

const COLORS: Record<string, string> = {
  not_started: "#bfbfbf",
  in_progress: "#1677ff",
  close_requested: "#faad14",
  closed: "#52c41a",
  overdue: "#f5222d",
};

export function responseOption(counts: ResponseCounts, title: string): EChartsOption {
  const keys = [...CAMPAIGN_RESPONSES, "overdue"] as const;
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 13 } },
    toolbox: { right: 8, feature: { saveAsImage: { title: "保存为图片", name: title, pixelRatio: 2, backgroundColor: "#fff" } } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: keys.map((k) => (k === "overdue" ? OVERDUE_LABEL : CAMPAIGN_RESPONSE_LABELS[k])),
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: "单位数",
        type: "bar",
        barMaxWidth: 40,
        label: { show: true, position: "top" },
        data: keys.map((k) => ({ value: counts[k], itemStyle: { color: COLORS[k] } })),
      },
    ],
  };
}
