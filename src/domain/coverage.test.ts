import { describe, expect, it } from "vitest";
import {
  byLongestWaiting,
  coverageByKind,
  coveragePlanInputSchema,
  coverageRate,
  coverageScopeInputSchema,
  coverageWarning,
  planVsActual,
  planYearProblem,
  projectCoverage,
  yearsSince,
} from "./coverage.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { defaultOnSiteWorkingDays, defaultTeamSize } from "./round.ts";

// 衡阳县 (seed 003): the term began with the July 2021 change of committee; by September 2023, 19 of 100 agencies.
const HENGYANG = { startDate: "2021-07-01", endDate: "2026-06-30" };

describe("coverage rate and projection", () => {
  it("is inspected ÷ in scope, and nothing when nothing is in scope", () => {
    expect(coverageRate(405, 491)).toBeCloseTo(0.825, 3);
    expect(coverageRate(39, 100)).toBe(0.39);
    expect(coverageRate(0, 0)).toBeNull();
  });

  it("warns the county that had done 19 of 100 agencies two years in: about 43 by the term's end", () => {
    const p = projectCoverage(HENGYANG, "2023-09-30", 100, 19);
    expect(p).toMatchObject({ elapsedYears: 2.2, termYears: 5, perYear: 8.5, projected: 42, ended: false });
    // 81 left in 2.75 years.
    expect(p!.requiredPerYear).toBe(30);
    const warning = coverageWarning("agency", HENGYANG, 100, 19, p);
    expect(warning).toBe(
      "机关事业单位：按目前进度（届内已过 2.2 年，已巡察 19 个，年均 8.5 个），到届末（2026-06-30）预计巡察 42 个，" +
        "距全覆盖（100 个）尚差 58 个；剩余 2.8 年须年均巡察 30 个",
    );
  });

  it("does not warn when the pace reaches full coverage, and caps the projection at the scope", () => {
    const p = projectCoverage(HENGYANG, "2024-06-30", 491, 405);
    expect(p!.projected).toBe(491);
    expect(coverageWarning("village", HENGYANG, 491, 405, p)).toBeNull();
  });

  it("says nothing in the term's first quarter, and what was done once the term has ended", () => {
    expect(projectCoverage(HENGYANG, "2021-08-15", 100, 0)).toBeNull();
    expect(projectCoverage(HENGYANG, "2020-01-01", 100, 0)).toBeNull();
    const over = projectCoverage(HENGYANG, "2026-09-01", 100, 96);
    expect(over).toMatchObject({ projected: 96, requiredPerYear: null, ended: true });
    expect(coverageWarning("agency", HENGYANG, 100, 96, over)).toBe(
      "届次已于 2026-06-30 结束，机关事业单位巡察 96 个，未实现全覆盖（范围内 100 个，差 4 个）",
    );
    expect(coverageWarning("agency", HENGYANG, 100, 100, projectCoverage(HENGYANG, "2026-09-01", 100, 100))).toBeNull();
  });

  it("counts per kind only the organisations inspected in the term", () => {
    const orgs = [
      ...Array.from({ length: 10 }, (_, i) => ({ kind: "agency", firstInTerm: i < 4 ? "2022-05-01" : null })),
      ...Array.from({ length: 20 }, (_, i) => ({ kind: "village", firstInTerm: i < 16 ? "2023-03-01" : null })),
    ];
    const byKind = coverageByKind(HENGYANG, "2023-09-30", ["agency", "village"], orgs);
    expect(byKind.map((k) => [k.label, k.inScope, k.inspected, k.rate])).toEqual([
      ["机关事业单位", 10, 4, 0.4],
      ["村（社区）", 20, 16, 0.8],
    ]);
    expect(byKind[0]!.warning).toMatch(/^机关事业单位：按目前进度/);
    expect(byKind[1]!.warning).toBeNull();
  });
});

describe("plan against actual", () => {
  it("lists every year of the term per kind, counting each organisation in the year it was first inspected", () => {
    const rows = planVsActual(
      HENGYANG,
      ["agency"],
      [
        { kind: "agency", firstInTerm: "2022-03-01" },
        { kind: "agency", firstInTerm: "2022-11-01" },
        { kind: "agency", firstInTerm: "2023-04-01" },
        { kind: "agency", firstInTerm: null },
      ],
      [
        { year: 2022, orgKind: "agency", planned: 20 },
        { year: 2023, orgKind: "agency", planned: 20 },
      ],
    );
    expect(rows.map((r) => [r.year, r.planned, r.actual])).toEqual([
      [2021, null, 0],
      [2022, 20, 2],
      [2023, 20, 1],
      [2024, null, 0],
      [2025, null, 0],
      [2026, null, 0],
    ]);
  });

  it("refuses plan years outside the term", () => {
    expect(planYearProblem(HENGYANG, [{ year: 2021 }, { year: 2026 }])).toBeNull();
    expect(planYearProblem(HENGYANG, [{ year: 2027 }])).toBe("2027 年不在本届次（2021—2026 年）内");
  });
});

describe("the uninspected, longest-waiting first", () => {
  it("puts the never-inspected first, then the oldest inspection", () => {
    const list = [
      { name: "乙局", lastInspectedOn: "2019-05-01" },
      { name: "丙局", lastInspectedOn: null },
      { name: "甲局", lastInspectedOn: "2017-04-10" },
    ].sort(byLongestWaiting);
    expect(list.map((o) => o.name)).toEqual(["丙局", "甲局", "乙局"]);
    expect(yearsSince("2017-04-10", "2023-09-30")).toBe(6.5);
    expect(yearsSince(null, "2023-09-30")).toBeNull();
  });
});

describe("inputs", () => {
  it("takes each kind once in the scope and each year × kind once in the plan", () => {
    expect(coverageScopeInputSchema.safeParse({ scopes: [{ orgKind: "agency" }, { orgKind: "village" }] }).success).toBe(true);
    const twice = coverageScopeInputSchema.safeParse({ scopes: [{ orgKind: "agency" }, { orgKind: "agency" }] });
    expect(twice.error?.issues[0]?.message).toBe("每类单位只能设置一次范围");
    const plan = coveragePlanInputSchema.safeParse({
      years: [
        { year: 2022, orgKind: "agency", planned: 20 },
        { year: 2022, orgKind: "agency", planned: 10 },
      ],
    });
    expect(plan.error?.issues[0]?.message).toBe("同一年度同一类单位只能填写一次");
    const negative = coveragePlanInputSchema.safeParse({ years: [{ year: 2022, orgKind: "agency", planned: -1 }] });
    expect(negative.error?.issues[0]?.message).toBe("计划巡察数不能为负数");
  });
});

describe("inspection defaults from the settings", () => {
  it("gives 40 working days to agencies and townships, and villages their class's length and team size", () => {
    const s = DEFAULT_SETTINGS;
    expect(defaultOnSiteWorkingDays({ kind: "agency", riskClass: null }, s)).toBe(40);
    expect(defaultOnSiteWorkingDays({ kind: "township", riskClass: null }, s)).toBe(40);
    expect(defaultTeamSize({ kind: "agency", riskClass: null }, s)).toBeNull();
    expect(defaultOnSiteWorkingDays({ kind: "village", riskClass: null }, s)).toBe(7);
    expect(defaultTeamSize({ kind: "village", riskClass: null }, s)).toBe(3);
    expect(defaultOnSiteWorkingDays({ kind: "village", riskClass: "watch" }, s)).toBe(7);
    expect(defaultTeamSize({ kind: "village", riskClass: "watch" }, s)).toBe(4);
    expect(defaultOnSiteWorkingDays({ kind: "village", riskClass: "focus" }, s)).toBe(10);
    expect(defaultTeamSize({ kind: "village", riskClass: "focus" }, s)).toBe(5);
    expect(defaultOnSiteWorkingDays({ kind: "village", riskClass: "focus" }, { ...s, onSiteDaysVillageFocus: 12 })).toBe(12);
  });
});
