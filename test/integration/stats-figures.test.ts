/**
 * The statistics API (统计分析), on the small county of test/support/stats-county.ts: the figures beyond the ledger —
 * findings by category and organisation, coverage (as the coverage screen computes it), hearings, leads (as the leads
 * screen counts them), letters, directives, rules, trainings and the pool, and the monthly trend.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  setupStatsCounty,
  t,
  c,
  org,
  asg,
  termId,
  round1,
  stat,
  records,
  byLabel,
  drillsDownExactly,
} from "../support/stats-county.ts";

beforeAll(setupStatsCounty);
afterAll(() => t.close());

describe("findings", () => {
  it("counts findings by category with their share, and by organisation with core-mandate and common ones", async () => {
    const r = await stat("findings_by_category");
    const v = byLabel(r);
    expect(r.groups.map((g) => g.key)).toEqual([
      "party_leadership",
      "strict_governance",
      "party_building",
      "core_mandate",
      "prior_rectification",
    ]);
    expect(v["党的领导"]).toEqual({ findings: 2, share: 2 / 6 });
    expect(v["全面从严治党"]).toEqual({ findings: 3, share: 0.5 });
    expect(v["主责主业"]).toEqual({ findings: 0, share: 0 });
    expect(r.totals).toEqual({ findings: 6, share: 1 });
    const o = await stat("findings_by_org");
    expect(o.groups.map((g) => [g.label, g.values.findings, g.values.coreMandate, g.values.common, g.values.topLeader])).toEqual([
      ["城关镇", 3, 1, 1, 0],
      ["河西镇", 2, 1, 0, 0],
      ["城关一村", 1, 0, 1, 1],
    ]);
    await drillsDownExactly("findings_by_category");
    await drillsDownExactly("findings_by_org");
  });

  it("counts a finding in the period of the day it was registered", async () => {
    const r = await stat("findings_by_category", { from: "2024-01-01", to: "2024-12-31" });
    expect(r.totals.findings).toBe(1);
    expect(byLabel(r)["全面从严治党"]!.findings).toBe(1);
    const d = await records("findings_by_org", "*", "findings", { from: "2023-03-21", to: "2023-04-02" });
    expect(d.items.map((i) => i.cells.registered)).toEqual(["2023-03-21", "2023-04-02"]);
    expect(d.items[0]!.href).toBe(`/assignments/${asg.A1}`);
  });
});

describe("inspection figures", () => {
  it("computes coverage per kind in scope as the coverage screen does, and for a subtree", async () => {
    const r = await stat("coverage", { termId });
    expect(r.groups.map((g) => [g.label, g.values.total, g.values.inspected, g.values.uninspected, g.values.rate])).toEqual([
      ["乡镇（街道）", 2, 2, 0, 1],
      ["村（社区）", 3, 1, 2, 1 / 3],
    ]);
    expect(r.totals).toMatchObject({ total: 5, inspected: 3, rate: 0.6 });
    const screen = (await c.office!.get(`/api/terms/${termId}/coverage`)).json().kinds as Array<{
      label: string;
      inScope: number;
      inspected: number;
    }>;
    expect(screen.map((k) => [k.label, k.inScope, k.inspected])).toEqual(
      r.groups.map((g) => [g.label, g.values.total, g.values.inspected]),
    );
    // Without a term: the one running today.
    expect((await stat("coverage")).totals).toEqual(r.totals);
    const sub = await stat("coverage", { termId, orgId: org.chengguan!.id });
    expect(sub.groups.map((g) => [g.key, g.values.total, g.values.inspected])).toEqual([
      ["township", 1, 1],
      ["village", 2, 1],
    ]);
    const uninspected = await records("coverage", "village", "uninspected", { termId });
    expect(uninspected.items.map((i) => [i.cells.org, i.href])).toEqual([
      ["城关二村", null],
      ["河西一村", null],
    ]);
    const inspected = await records("coverage", "village", "inspected", { termId });
    expect(inspected.items.map((i) => [i.cells.org, i.cells.firstOn, i.href])).toEqual([
      ["城关一村", "2023-03-06", `/assignments/${asg.A2}`],
    ]);
    await drillsDownExactly("coverage", { termId });
  });

  it("counts hearings held, held late and not held past due against the hearing deadline setting", async () => {
    const r = await stat("hearings");
    expect(r.groups.map((g) => [g.label, g.values.assignments, g.values.hearings, g.values.late, g.values.overdue])).toEqual([
      ["2023年第一轮", 3, 2, 1, 1],
      ["2024年第一轮", 1, 0, 0, 0],
    ]);
    expect(byLabel(r)["2023年第一轮"]!.onTimeRate).toBe(1 / 3);
    const late = await records("hearings", round1, "late");
    expect(late.items.map((i) => [i.cells.org, i.cells.due, i.cells.hearing, i.cells.state])).toEqual([
      ["城关一村", "2023-05-28", "2023-06-10", "逾期13天完成"],
    ]);
    // In a period: hearings held in it, and those not held whose due date falls in it.
    const may = await stat("hearings", { from: "2023-05-01", to: "2023-05-31" });
    expect(may.totals).toMatchObject({ assignments: 2, hearings: 1, late: 0, overdue: 1 });
    await drillsDownExactly("hearings");
  });

  it("counts leads by class with the filing rate and those naming a person, as the leads screen does", async () => {
    const r = await stat("leads_by_class");
    expect(r.groups.map((g) => g.key)).toEqual(["priority", "attention", "reference"]);
    expect(byLabel(r)["进一步了解关注类"]).toEqual({
      leads: 2,
      transferred: 2,
      filed: 1,
      filingRate: 0.5,
      namingPerson: 2,
      namingRate: 1,
    });
    expect(byLabel(r)["参考类"]).toMatchObject({ leads: 0, filingRate: null });
    expect(r.totals).toMatchObject({ leads: 3, filed: 1, filingRate: 0.5, namingPerson: 2, namingRate: 2 / 3 });
    // The same numbers as the leads screen's figures.
    const screen = (await c.head!.get("/api/leads/figures")).json() as {
      total: number;
      named: number;
      namingRate: number;
      byClass: Array<{ leadClass: string; total: number; transferred: number; filed: number; filingRate: number | null }>;
    };
    expect(r.groups.map((g) => [g.key, g.values.leads, g.values.transferred, g.values.filed, g.values.filingRate])).toEqual(
      screen.byClass.map((k) => [k.leadClass, k.total, k.transferred, k.filed, k.filingRate]),
    );
    expect([r.totals.leads, r.totals.namingPerson, r.totals.namingRate]).toEqual([screen.total, screen.named, screen.namingRate]);
    const d = await records("leads_by_class", "attention", "leads");
    expect(d.items[0]!.cells).toMatchObject({ leadClass: "了解关注类", responsible: "（单位）某站所" });
    expect(d.items[0]!.href).toMatch(/^\/leads\?lead=/);
    expect((await stat("leads_by_class", { from: "2024-01-01" })).totals.leads).toBe(2);
    await drillsDownExactly("leads_by_class");
  });
});

describe("follow-up figures", () => {
  it("counts letters by kind: sent, answered and reply overdue", async () => {
    const r = await stat("letters");
    expect(r.groups.map((g) => [g.key, g.values.sent, g.values.answered, g.values.overdue])).toEqual([
      ["supervision", 1, 1, 0],
      ["reassignment", 0, 0, 0],
      ["reminder", 1, 0, 1],
      ["recommendation", 1, 0, 0],
    ]);
    expect(r.totals).toMatchObject({ sent: 3, answered: 1, overdue: 1, answerRate: 1 / 3 });
    // Of a round: the letters about its rows; of an organisation: those addressed within its subtree.
    expect((await stat("letters", { roundId: round1 })).totals.sent).toBe(2);
    expect((await stat("letters", { orgId: org.chengguan!.id })).totals.sent).toBe(1);
    expect((await stat("letters", { from: "2024-02-01", to: "2024-02-29" })).totals.sent).toBe(1);
    const d = await records("letters", "reminder", "overdue");
    expect(d.items[0]!.cells).toMatchObject({ number: "〔2024〕1号", kind: "工作提示函", status: "逾期未回复" });
    expect(d.items[0]!.href).toMatch(/^\/letters\?letter=/);
    await drillsDownExactly("letters");
  });

  it("counts directives done of all, by meeting", async () => {
    const r = await stat("directives");
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]!.label).toBe("2023-05-30 书记专题会（第一轮）");
    expect(r.totals).toEqual({ total: 3, done: 1, notDone: 2, overdue: 1, doneRate: 1 / 3 });
    expect((await stat("directives", { orgId: org.chengguan!.id })).totals.total).toBe(2);
    await drillsDownExactly("directives");
  });

  it("counts rules made by organisation, of a round through the findings they answer", async () => {
    const r = await stat("rules");
    expect(r.groups.map((g) => [g.label, g.values.rules, g.values.newRules, g.values.revisedRules])).toEqual([
      ["城关镇", 2, 1, 1],
      ["河西镇", 1, 1, 0],
    ]);
    expect((await stat("rules", { roundId: round1 })).groups.map((g) => g.label)).toEqual(["城关镇"]);
    expect((await stat("rules", { from: "2024-01-01" })).totals.rules).toBe(1);
    await drillsDownExactly("rules");
  });

  it("counts trainings and participants by year, and the pool by status", async () => {
    const tr = await stat("trainings");
    expect(tr.groups.map((g) => [g.label, g.values.trainings, g.values.participants])).toEqual([
      ["2023年", 1, 2],
      ["2024年", 1, 1],
    ]);
    expect((await stat("trainings", { orgId: org.hexi!.id })).totals).toEqual({ trainings: 1, participants: 1 });
    await drillsDownExactly("trainings");
    const pool = await stat("pool");
    expect(pool.groups.map((g) => [g.label, g.values.people, g.values.leaderPool, g.values.removed])).toEqual([
      ["后备", 1, 1, 0],
      ["正式", 1, 0, 0],
      ["已清退", 0, 0, 1],
    ]);
    expect(pool.totals).toEqual({ people: 2, leaderPool: 1, removed: 1 });
    expect((await stat("pool", { roundId: round1 })).totals).toEqual({ people: 1, leaderPool: 0, removed: 0 });
    expect((await stat("pool", { from: "2024-01-01" })).totals).toEqual({ people: 0, leaderPool: 0, removed: 1 });
    await drillsDownExactly("pool");
  });

  it("draws the trend by month over the period asked for", async () => {
    const r = await stat("trend", { from: "2024-01-01", to: "2024-03-31" });
    expect(r.groups.map((g) => [g.key, g.values.findings, g.values.rowsClosed, g.values.leads, g.values.lettersSent])).toEqual([
      ["2024-01", 0, 1, 1, 1],
      ["2024-02", 1, 2, 0, 1],
      ["2024-03", 0, 1, 1, 1],
    ]);
    // Without a period: the twelve months up to today.
    const year = await stat("trend");
    expect(year.groups.map((g) => g.key)).toHaveLength(12);
    expect(year.groups.at(-1)!.key).toBe("2024-05");
    await drillsDownExactly("trend", { from: "2024-01-01", to: "2024-03-31" });
  });
});
