/** The dashboard's pure parts: the filter in the address, rates as printed, drill-down titles, clicks → counts. */
import type { ECElementEvent } from "echarts";
import { describe, expect, it } from "vitest";
import type { StatResult } from "../../../domain/stats.ts";
import { barsSpec, gaugesSpec } from "./chartSpecs.ts";
import { drillTitle, groupTarget, totalTarget } from "./drill.ts";
import { filterFromParams, paramsOf, viewFromParams } from "./filter.ts";
import { ratePercent } from "./format.ts";

const ID = "01a200df-bb0e-7008-bb9c-890c491ead71";

const byRound: StatResult = {
  figure: "rectification_by_round",
  title: "整改完成率（按轮次）",
  measures: [
    { key: "rows", label: "问题总数", kind: "count" },
    { key: "done", label: "已完成", kind: "count" },
    { key: "significant", label: "取得明显成效", kind: "count" },
    { key: "doneRate", label: "完成率", kind: "rate" },
  ],
  groups: [
    { key: "r1", label: "2024年第一轮", values: { rows: 20, done: 14, significant: 6, doneRate: 0.7 } },
    { key: "r2", label: "2024年第二轮", values: { rows: 25, done: 8, significant: 17, doneRate: 0.32 } },
  ],
  totals: { rows: 45, done: 22, significant: 23, doneRate: 22 / 45 },
  asOf: "2024-07-01",
};

const click = (seriesId: string, dataIndex: number) =>
  ({ componentType: "series", seriesId, dataIndex }) as unknown as ECElementEvent;

describe("rates as the offices print them", () => {
  it("whole percentages, unless rounding would hide what is left or what is done", () => {
    expect(ratePercent(0.75)).toBe("75%");
    expect(ratePercent(7 / 15)).toBe("47%");
    expect(ratePercent(405 / 491)).toBe("82%");
    expect(ratePercent(1)).toBe("100%");
    expect(ratePercent(0)).toBe("0%");
    expect(ratePercent(0.996)).toBe("99.6%");
    expect(ratePercent(0.003)).toBe("0.3%");
    expect(ratePercent(null)).toBe("—");
  });
});

describe("the filter in the address", () => {
  it("reads what is well formed, leaves out what is not, and writes back only what is set", () => {
    const f = filterFromParams(new URLSearchParams(`termId=${ID}&roundId=nonsense&from=2023-01-01&to=2023-13&view=office`));
    expect(f).toEqual({ termId: ID, from: "2023-01-01" });
    expect(paramsOf(f, "office").toString()).toBe(`termId=${ID}&from=2023-01-01&view=office`);
    expect(paramsOf({}, "leading").toString()).toBe("");
    expect(viewFromParams(new URLSearchParams("view=office"))).toBe("office");
    expect(viewFromParams(new URLSearchParams("view=other"))).toBe("leading");
  });
});

describe("drill-down targets", () => {
  it("a group's count is titled with what was clicked; a total says 合计; rates do not drill", () => {
    const t = groupTarget(byRound, byRound.groups[0]!, "done")!;
    expect(drillTitle(t)).toBe("整改完成率（按轮次） · 2024年第一轮 · 已完成 · 14 条");
    expect(drillTitle(totalTarget(byRound, "rows")!)).toBe("整改完成率（按轮次） · 合计 · 问题总数 · 45 条");
    expect(groupTarget(byRound, byRound.groups[0]!, "doneRate")).toBeUndefined();
  });

  it("a click on a bar maps back to its group, in the order drawn (horizontal bars: the first group on top)", () => {
    const vertical = barsSpec(byRound, { counts: ["done", "significant"], stack: true, rates: ["doneRate"] });
    expect(vertical.target(click("done", 1))?.group?.label).toBe("2024年第二轮");
    expect(vertical.target(click("done", 1))?.count).toBe(8);
    expect(vertical.target(click("doneRate", 1))).toBeUndefined();
    const horizontal = barsSpec(byRound, { counts: ["done"], horizontal: true });
    expect(horizontal.target(click("done", 0))?.group?.label).toBe("2024年第二轮");
  });

  it("a gauge lists the organisations inspected of its kind", () => {
    const coverage: StatResult = {
      figure: "coverage",
      title: "巡察全覆盖",
      measures: [
        { key: "total", label: "应巡察单位", kind: "count" },
        { key: "inspected", label: "已巡察", kind: "count" },
        { key: "rate", label: "覆盖率", kind: "rate" },
      ],
      groups: [
        { key: "agency", label: "机关事业单位", values: { total: 100, inspected: 39, rate: 0.39 } },
        { key: "village", label: "村（社区）", values: { total: 491, inspected: 405, rate: 405 / 491 } },
      ],
      totals: { total: 591, inspected: 444, rate: 444 / 591 },
      asOf: "2024-07-01",
    };
    const t = gaugesSpec(coverage).target(click("inspected:1", 0))!;
    expect(drillTitle(t)).toBe("巡察全覆盖 · 村（社区） · 已巡察 · 405 个");
  });
});
