/**
 * The statistics API (统计分析), on the small county of test/support/stats-county.ts: who may see statistics (leads
 * confidential, a supervising leader's subtree), the rectification figures with their filters (organisation subtree,
 * term, round, period) checked against the existing 整改统计 screen, drill-down to exactly the rows counted, and
 * Chinese refusals of a bad filter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { STAT_FIGURES, type StatRecords } from "../../src/domain/stats.ts";
import {
  setupStatsCounty,
  t,
  c,
  org,
  termId,
  round1,
  round2,
  rowIds,
  stat,
  records,
  byLabel,
  drillsDownExactly,
} from "../support/stats-county.ts";

beforeAll(setupStatsCounty);
afterAll(() => t.close());

describe("who may see statistics", () => {
  it("lists every figure with its title, and which of them the user may open", async () => {
    const office = (await c.office!.get("/api/stats")).json().items as Array<{
      figure: string;
      title: string;
      available: boolean;
    }>;
    expect(office.map((f) => f.figure)).toEqual([...STAT_FIGURES]);
    expect(office.find((f) => f.figure === "leads_by_class")).toMatchObject({ title: "问题线索（按类别）", available: false });
    expect(office.filter((f) => f.available)).toHaveLength(STAT_FIGURES.length - 1);
    const head = (await c.head!.get("/api/stats")).json().items as Array<{ available: boolean }>;
    expect(head.every((f) => f.available)).toBe(true);
  });

  it("refuses statistics to an organisation contact and to a team leader without a business role", async () => {
    for (const who of ["contact", "zuzhang"]) {
      for (const url of ["/api/stats", "/api/stats/rectification_by_org", "/api/stats/overdue/records?group=*&measure=overdue"]) {
        const res = await c[who]!.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().message).toBe("无权查看统计分析");
      }
    }
  });

  it("keeps leads confidential: refused to the office staff, shown to the office head", async () => {
    for (const url of ["/api/stats/leads_by_class", "/api/stats/leads_by_class/records?group=*&measure=leads"]) {
      const res = await c.office!.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("问题线索仅限巡察办主任、巡察组组长和纪委监委查看");
    }
    // The trend leaves the leads out for those who may not see them (not a zero that looks like a count).
    const trend = await stat("trend", {}, "office");
    expect(trend.measures.map((m) => m.key)).toEqual(["findings", "rowsClosed", "lettersSent"]);
    expect((await stat("trend", {}, "head")).measures.map((m) => m.key)).toContain("leads");
  });

  it("shows a supervising leader only the subtree of the grant, and no office-wide figures", async () => {
    const r = await stat("rectification_by_org", {}, "fenguan");
    expect(r.groups.map((g) => g.label)).toEqual(["城关一村", "城关镇"]);
    expect(r.totals.rows).toBe(6);
    const f = await stat("findings_by_org", {}, "fenguan");
    expect(f.totals.findings).toBe(4);
    const res = await c.fenguan!.get("/api/stats/directives");
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/仅限巡察办/);
  });
});

describe("rectification figures", () => {
  it("counts done, significant progress, ongoing and overdue per organisation, leaving out self-check and deleted rows", async () => {
    const r = await stat("rectification_by_org");
    const v = byLabel(r);
    expect(v["城关镇"]).toEqual({
      rows: 4,
      done: 1,
      significant: 1,
      ongoing: 2,
      overdue: 1,
      doneRate: 0.25,
      doneOrSignificantRate: 0.5,
    });
    expect(v["城关一村"]).toMatchObject({ rows: 2, done: 1, significant: 0, ongoing: 1, overdue: 1, doneRate: 0.5 });
    expect(v["河西镇"]).toMatchObject({ rows: 3, done: 2, significant: 1, ongoing: 0, overdue: 1 });
    expect(v["城关二村"]).toBeUndefined();
    // Totals are recomputed from the totals: 4 ÷ 10, not the mean of the organisations' rates.
    expect(r.totals).toEqual({
      rows: 10,
      done: 4,
      significant: 2,
      ongoing: 4,
      overdue: 3,
      doneRate: 0.4,
      doneOrSignificantRate: 0.6,
    });
    expect(r.asOf).toBe("2024-05-10");
  });

  it("agrees with the existing 整改统计 (/api/figures/ledger) for the same data", async () => {
    const figures = (await c.office!.get("/api/figures/ledger")).json().figures;
    const byOrg = (await c.office!.get("/api/figures/ledger/by-org")).json().items as Array<{
      orgName: string;
      figures: typeof figures;
    }>;
    const mine = await stat("rectification_by_org", {}, "office");
    expect(mine.totals).toEqual({
      rows: figures.total,
      done: figures.done,
      significant: figures.significantProgress,
      ongoing: figures.ongoing,
      overdue: figures.overdue,
      doneRate: figures.doneRate,
      doneOrSignificantRate: figures.doneOrSignificantRate,
    });
    expect(mine.groups.map((g) => g.label)).toEqual(byOrg.map((o) => o.orgName));
    for (const o of byOrg) expect(byLabel(mine)[o.orgName]!.doneRate).toBe(o.figures.doneRate);
    const round = (await c.office!.get(`/api/figures/ledger/by-round`)).json().items as Array<{
      roundName: string;
      figures: typeof figures;
    }>;
    const byRound = await stat("rectification_by_round", {}, "office");
    expect(byRound.groups.map((g) => [g.label, g.values.rows, g.values.done])).toEqual(
      round.map((x) => [x.roundName, x.figures.total, x.figures.done]),
    );
  });

  it("takes an organisation with its whole subtree, but not its siblings", async () => {
    const r = await stat("rectification_by_round", { orgId: org.chengguan!.id });
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ key: round1, label: "2023年第一轮" });
    expect(r.totals).toMatchObject({ rows: 6, done: 2, significant: 1, overdue: 2 });
    const child = await stat("rectification_by_org", { orgId: org.cg1!.id });
    expect(child.groups.map((g) => g.label)).toEqual(["城关一村"]);
    const sibling = await stat("rectification_by_org", { orgId: org.hexi!.id });
    expect(sibling.totals.rows).toBe(3);
  });

  it("filters by round, by term, and by the period of the feedback date", async () => {
    expect((await stat("rectification_by_org", { roundId: round2 })).groups.map((g) => g.label)).toEqual(["县财政局"]);
    expect((await stat("rectification_by_org", { termId })).totals.rows).toBe(10);
    const period = await stat("rectification_by_org", { from: "2023-06-16", to: "2023-06-30" });
    expect(period.groups.map((g) => g.label).sort()).toEqual(["城关一村", "河西镇"].sort());
    expect(period.totals.rows).toBe(5);
  });

  it("lists the overdue rows by organisation with the longest delay, and drills down to them", async () => {
    const r = await stat("overdue");
    expect(r.groups.map((g) => [g.label, g.values.overdue, g.values.maxDaysOverdue])).toEqual([
      ["城关镇", 1, 100],
      ["河西镇", 1, 40],
      ["城关一村", 1, 10],
    ]);
    expect(r.totals).toEqual({ overdue: 3, maxDaysOverdue: 100 });
    const d = await records("overdue", org.chengguan!.id, "overdue");
    expect(d.items).toEqual([expect.objectContaining({ id: rowIds["1.3"], href: `/ledger?open=${rowIds["1.3"]}` })]);
    expect(d.items[0]!.cells).toMatchObject({ org: "城关镇", seq: "1.3", deadline: "2024-01-31", days: 100, status: "整改中" });
    expect(d.columns.map((col) => col.title)).toContain("逾期天数");
  });

  it("drills down from every count to exactly the rows counted", async () => {
    await drillsDownExactly("rectification_by_org");
    await drillsDownExactly("rectification_by_round", { orgId: org.chengguan!.id });
    await drillsDownExactly("overdue");
    const done = await records("rectification_by_org", org.hexi!.id, "done");
    expect(done.title).toBe("整改完成率（按单位）：河西镇 · 已完成");
    expect(done.items.map((i) => i.cells.seq).sort()).toEqual(["3.1", "3.2"]);
  });
});

describe("bad requests", () => {
  it("answers a bad filter, figure, group or measure with a Chinese 400, and an unknown organisation with 404", async () => {
    const cases: Array<[string, number, RegExp]> = [
      ["/api/stats/rectification_by_org?from=2024-13-01", 400, /开始日期格式/],
      ["/api/stats/rectification_by_org?from=2024-05-01&to=2024-04-01", 400, /开始日期不能晚于结束日期/],
      ["/api/stats/rectification_by_org?orgId=abc", 400, /单位无效/],
      ["/api/stats/no_such_figure", 400, /统计图表不存在/],
      ["/api/stats/trend?from=2000-01-01&to=2024-01-01", 400, /最多按 120 个月统计/],
      [`/api/stats/rectification_by_org?orgId=${uuidv7()}`, 404, /单位不存在/],
      [`/api/stats/rectification_by_org?roundId=${uuidv7()}`, 404, /巡察轮次不存在/],
      ["/api/stats/overdue/records?group=*&measure=maxDaysOverdue", 400, /不是计数指标/],
      ["/api/stats/overdue/records?group=*&measure=nothing", 400, /没有指标/],
      ["/api/stats/coverage/records?group=planets&measure=total", 400, /没有分组/],
      ["/api/stats/rectification_by_org/records?measure=rows", 400, /统计分组/],
    ];
    for (const [url, status, message] of cases) {
      const res = await c.office!.get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().message, url).toMatch(message);
    }
  });

  it("pages a long drill-down and reports the whole count", async () => {
    const res = await c.office!.get("/api/stats/rectification_by_org/records?group=*&measure=rows&pageSize=4&page=3");
    expect(res.statusCode).toBe(200);
    const d = res.json() as StatRecords;
    expect(d.total).toBe(10);
    expect(d.items).toHaveLength(2);
  });
});
