import { describe, expect, it } from "vitest";
import type { StatMeasure } from "../../../domain/stats.ts";
import type { Actor, GrantableRole, TeamPosition } from "../../../domain/roles.ts";
import {
  groupValues,
  monthsBetween,
  monthStartBefore,
  periodProblem,
  ratio,
  totalsOf,
  trendWindow,
  countTotals,
} from "./model.ts";
import { figureRefusal, seesLeads, STATS_REFUSAL, viewStatsRefusal } from "./policy.ts";

const measures: StatMeasure[] = [
  { key: "rows", label: "问题总数", kind: "count" },
  { key: "done", label: "已完成", kind: "count" },
  { key: "maxDays", label: "最长逾期天数", kind: "days" },
  { key: "doneRate", label: "完成率", kind: "rate" },
  { key: "share", label: "占比", kind: "rate" },
];
const rates = {
  doneRate: (v: Record<string, number | null>) => ratio(v.done, v.rows),
  share: (v: Record<string, number | null>, t: Record<string, number | null>) => ratio(v.rows, t.rows),
};

describe("totals and rates", () => {
  it("recomputes a rate from the totals instead of averaging the groups' rates", () => {
    const raws = [
      { rows: 1, done: 1, maxDays: 3 },
      { rows: 9, done: 0, maxDays: null },
    ];
    const t = countTotals(measures, raws);
    const groups = raws.map((r) => ({ values: groupValues(measures, r, rates, t) }));
    expect(groups.map((g) => g.values.doneRate)).toEqual([1, 0]);
    expect(groups.map((g) => g.values.share)).toEqual([0.1, 0.9]);
    const totals = totalsOf(measures, groups, rates, { maxDays: "max" });
    // The mean of the rates would be 50 %; one row done of ten is 10 %.
    expect(totals).toEqual({ rows: 10, done: 1, maxDays: 3, doneRate: 0.1, share: 1 });
  });

  it("gives no rate of nothing, and zero for a missing count", () => {
    const values = groupValues(measures, {}, rates, countTotals(measures, []));
    expect(values).toEqual({ rows: 0, done: 0, maxDays: null, doneRate: null, share: null });
    expect(totalsOf(measures, [], rates, { maxDays: "max" })).toEqual({
      rows: 0,
      done: 0,
      maxDays: null,
      doneRate: null,
      share: null,
    });
  });
});

describe("periods and months", () => {
  it("refuses a period that ends before it begins", () => {
    expect(periodProblem({ from: "2024-05-01", to: "2024-04-30" })?.message).toBe("统计期间的开始日期不能晚于结束日期");
    expect(periodProblem({ from: "2024-05-01", to: "2024-05-01" })).toBeNull();
    expect(periodProblem({ to: "2024-05-01" })).toBeNull();
  });

  it("lists the months of a period across a year's end", () => {
    expect(monthsBetween("2023-11-15", "2024-02-01")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(monthsBetween("2024-03-31", "2024-03-01")).toEqual(["2024-03"]);
    expect(monthsBetween("2024-04-01", "2024-03-31")).toEqual([]);
    expect(monthStartBefore("2024-02-10", 11)).toBe("2023-03-01");
  });

  it("draws the twelve months up to today without a period, and refuses more than ten years", () => {
    expect(trendWindow({}, "2024-05-10")).toMatchObject({ from: "2023-06-01", to: "2024-05-10" });
    expect(trendWindow({}, "2024-05-10").months).toHaveLength(12);
    expect(trendWindow({ from: "2024-01-01" }, "2024-05-10").months).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
    ]);
    expect(trendWindow({ to: "2020-12-31" }, "2024-05-10").months[0]).toBe("2020-01");
    expect(() => trendWindow({ from: "2000-01-01", to: "2024-01-01" }, "2024-05-10")).toThrow(/最多按 120 个月/);
  });
});

const actor = (roles: Array<GrantableRole | [GrantableRole, string]>, seats: Array<[string, TeamPosition]> = []): Actor => ({
  userId: "u",
  username: "u",
  displayName: "u",
  mustChangePassword: false,
  grants: roles.map((r) =>
    Array.isArray(r) ? { role: r[0], orgId: r[1], orgPath: `/${r[1]}/` } : { role: r, orgId: null, orgPath: null },
  ),
  teamSeats: seats.map(([teamId, position]) => ({ teamId, position })),
});

describe("who may see which statistics", () => {
  it("gives statistics to the wide readers and supervising leaders only", () => {
    for (const r of ["office_staff", "office_head", "leading_group", "commission", "org_dept", "secretary"] as const)
      expect(viewStatsRefusal(actor([r])), r).toBeNull();
    expect(viewStatsRefusal(actor([["supervising_leader", "o1"]]))).toBeNull();
    expect(viewStatsRefusal(actor([["org_contact", "o1"]]))).toBe(STATS_REFUSAL);
    expect(viewStatsRefusal(actor([], [["t1", "leader"]]))).toBe(STATS_REFUSAL);
    expect(viewStatsRefusal(actor(["system_admin"]))).toBe(STATS_REFUSAL);
  });

  it("keeps the leads figure to those who may see leads", () => {
    expect(figureRefusal(actor(["office_staff"]), "leads_by_class")).toMatch(/问题线索仅限/);
    expect(figureRefusal(actor(["secretary"]), "leads_by_class")).toMatch(/问题线索仅限/);
    expect(figureRefusal(actor(["office_head"]), "leads_by_class")).toBeNull();
    expect(figureRefusal(actor(["commission"]), "leads_by_class")).toBeNull();
    // A supervising leader who also leads a team sees the leads of that team.
    expect(figureRefusal(actor([["supervising_leader", "o1"]], [["t1", "leader"]]), "leads_by_class")).toBeNull();
    expect(seesLeads(actor(["office_staff"]))).toBe(false);
  });

  it("keeps figures of records without an organisation to the wide readers", () => {
    const leader = actor([["supervising_leader", "o1"]]);
    for (const f of ["directives", "trainings", "pool"] as const) expect(figureRefusal(leader, f), f).toMatch(/仅限巡察办/);
    for (const f of ["rectification_by_org", "overdue", "coverage", "letters", "rules", "trend"] as const)
      expect(figureRefusal(leader, f), f).toBeNull();
    expect(figureRefusal(actor(["org_dept"]), "pool")).toBeNull();
  });
});
