/**
 * The statistics API (统计分析) on a small county: every figure's counts and rates per group, totals recomputed
 * from the totals, the filter (organisation subtree, term, round, period), drill-down to exactly the records
 * counted, the confidentiality of leads, who may see statistics at all, and Chinese refusals of a bad filter.
 * The rectification and coverage figures are checked against the existing screens' numbers for the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import type { StatRecords, StatResult } from "../../src/domain/stats.ts";
import { STAT_FIGURES } from "../../src/domain/stats.ts";
import {
  assignments,
  coverageScopes,
  directives,
  findings,
  leads,
  ledgerRows,
  letterItems,
  letters,
  poolPeople,
  rounds,
  ruleFindings,
  rulesMade,
  secretaryMeetings,
  teamMembers,
  trainingAttendees,
  trainings,
} from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
const c: Record<string, Client> = {};
const org: Record<string, { id: string; path: string; name: string }> = {};
const asg: Record<string, string> = {};
let termId = "";
let round1 = "";
let round2 = "";
const rowIds: Record<string, string> = {};

/** Moments in China time (UTC+8) as the instants stored. */
const at = (isoDate: string) => new Date(`${isoDate}T02:00:00Z`);

async function row(
  key: string,
  v: {
    org: string;
    asg: string | null;
    status?: "open" | "close_requested" | "closed";
    progress?: string;
    deadline?: string;
    closedOn?: string;
    campaign?: boolean;
    deleted?: boolean;
  },
) {
  const id = uuidv7();
  rowIds[key] = id;
  await t.ctx.db.insert(ledgerRows).values({
    id,
    orgId: org[v.org]!.id,
    assignmentId: v.asg ? asg[v.asg]! : null,
    campaignId: v.campaign ? uuidv7() : null,
    seqLabel: key,
    seq: Object.keys(rowIds).length,
    text: `问题${key}`,
    deadline: v.deadline ?? null,
    status: v.status ?? "open",
    progress: v.progress ?? "in_progress",
    closedAt: v.closedOn ? at(v.closedOn) : null,
    deletedAt: v.deleted ? new Date() : null,
  });
}

async function finding(
  a: string,
  o: string,
  category: string,
  created: string,
  flags: { core?: boolean; common?: boolean; top?: boolean } = {},
) {
  const id = uuidv7();
  await t.ctx.db.insert(findings).values({
    id,
    assignmentId: asg[a]!,
    orgId: org[o]!.id,
    text: `${o}的问题（${category}）`,
    category,
    isCoreMandate: flags.core ?? false,
    isCommon: flags.common ?? false,
    involvesTopLeader: flags.top ?? false,
    createdAt: at(created),
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date("2024-05-10T04:00:00Z"));
  const county = await newOrg(t.ctx, "某县", "other");
  org.chengguan = await newOrg(t.ctx, "城关镇", "township", county);
  org.cg1 = await newOrg(t.ctx, "城关一村", "village", org.chengguan);
  org.cg2 = await newOrg(t.ctx, "城关二村", "village", org.chengguan);
  org.hexi = await newOrg(t.ctx, "河西镇", "township", county);
  org.hx1 = await newOrg(t.ctx, "河西一村", "village", org.hexi);
  org.finance = await newOrg(t.ctx, "县财政局", "agency", county);

  const leaderUser = await newUser(t.ctx, "zuzhang", [], "组长");
  await newUser(t.ctx, "office", ["office_staff"], "巡察办");
  await newUser(t.ctx, "head", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "fenguan", [{ role: "supervising_leader", orgId: org.chengguan.id }], "分管领导");
  await newUser(t.ctx, "contact", [{ role: "org_contact", orgId: org.chengguan.id }], "联络人");
  for (const u of ["office", "head", "fenguan", "contact", "zuzhang"]) c[u] = await login(t.app, u);

  const r1 = await newRound(t.ctx, "2023年第一轮");
  round1 = r1.id;
  termId = r1.termId;
  round2 = uuidv7();
  await t.ctx.db
    .insert(rounds)
    .values({ id: round2, termId, name: "2024年第一轮", kind: "regular", startDate: "2024-03-01", endDate: "2024-06-30" });
  const team1 = await newTeam(t.ctx, round1, [{ userId: leaderUser.id, position: "leader" }]);
  const team2 = await newTeam(t.ctx, round2, [], "第二巡察组");
  const assignment = async (
    key: string,
    roundId: string,
    teamId: string,
    o: string,
    d: Partial<typeof assignments.$inferInsert>,
  ) => {
    asg[key] = uuidv7();
    await t.ctx.db.insert(assignments).values({ id: asg[key], roundId, teamId, orgId: org[o]!.id, ...d });
  };
  // Hearings are due 30 days (the default setting) after withdrawal: 2023-05-28 for the first round.
  const r1Dates = { entryDate: "2023-03-06", withdrawalDate: "2023-04-28" };
  await assignment("A1", round1, team1.id, "chengguan", { ...r1Dates, feedbackDate: "2023-06-15", hearingDate: "2023-05-20" });
  await assignment("A2", round1, team1.id, "cg1", { ...r1Dates, feedbackDate: "2023-06-16", hearingDate: "2023-06-10" });
  await assignment("A3", round1, team1.id, "hexi", { ...r1Dates, feedbackDate: "2023-06-20" });
  await assignment("A4", round2, team2.id, "finance", {
    entryDate: "2024-03-04",
    withdrawalDate: "2024-04-26",
    feedbackDate: "2024-05-08",
  });

  // Ledger (today 2024-05-10).
  await row("1.1", { org: "chengguan", asg: "A1", status: "closed", progress: "done", closedOn: "2024-01-15" });
  await row("1.2", { org: "chengguan", asg: "A1", progress: "significant_progress", deadline: "2024-12-31" });
  await row("1.3", { org: "chengguan", asg: "A1", deadline: "2024-01-31" }); // 100 days overdue
  await row("1.4", { org: "chengguan", asg: "A1", status: "close_requested", progress: "ongoing", deadline: "2024-06-30" });
  await row("1.5", { org: "chengguan", asg: "A1", status: "closed", deleted: true });
  await row("2.1", { org: "cg1", asg: "A2", status: "closed", progress: "done", closedOn: "2024-02-20" });
  await row("2.2", { org: "cg1", asg: "A2", progress: "not_started", deadline: "2024-04-30" }); // 10 days
  await row("3.1", { org: "hexi", asg: "A3", status: "closed", progress: "done", closedOn: "2024-02-01" });
  await row("3.2", { org: "hexi", asg: "A3", status: "closed", progress: "done", closedOn: "2024-03-05" });
  await row("3.3", { org: "hexi", asg: "A3", progress: "significant_progress", deadline: "2024-03-31" }); // 40 days
  await row("4.1", { org: "finance", asg: "A4", deadline: "2024-12-31" });
  await row("自查1", { org: "cg2", asg: null, campaign: true, deadline: "2024-01-01" }); // self-check: not counted

  // Findings.
  const f1 = await finding("A1", "chengguan", "party_leadership", "2023-03-20");
  await finding("A1", "chengguan", "party_leadership", "2023-03-21", { common: true });
  await finding("A1", "chengguan", "strict_governance", "2023-04-02", { core: true });
  await finding("A2", "cg1", "party_building", "2023-04-10", { common: true, top: true });
  await finding("A3", "hexi", "strict_governance", "2023-04-11", { core: true });
  await finding("A3", "hexi", "strict_governance", "2024-02-11");

  // Leads (confidential).
  const lead = (a: string, o: string, v: Partial<typeof leads.$inferInsert>, created: string) =>
    t.ctx.db.insert(leads).values({
      id: uuidv7(),
      assignmentId: asg[a]!,
      orgId: org[o]!.id,
      leadClass: "priority",
      summary: "某某违规收受礼金",
      createdAt: at(created),
      ...v,
    });
  await lead("A1", "chengguan", { responsiblePerson: "张某", transferredOn: "2023-04-20", status: "case_filed" }, "2023-04-01");
  await lead("A1", "chengguan", { leadClass: "attention", responsibleUnit: "某站所" }, "2024-01-05");
  await lead("A3", "hexi", { responsiblePerson: "李某", transferredOn: "2023-04-25", status: "no_case" }, "2024-03-09");

  // Letters.
  const letter = async (kind: string, number: number, v: Partial<typeof letters.$inferInsert>, rowKey?: string) => {
    const id = uuidv7();
    await t.ctx.db.insert(letters).values({
      id,
      kind,
      year: 2024,
      number,
      addressee: "收件单位",
      subject: "关于督促加快巡察整改进度的函",
      sentOn: "2024-01-10",
      replyDue: "2024-01-24",
      ...v,
    });
    if (rowKey) await t.ctx.db.insert(letterItems).values({ id: uuidv7(), letterId: id, rowId: rowIds[rowKey]! });
  };
  await letter("supervision", 1, { addresseeOrgId: org.chengguan.id, repliedOn: "2024-01-20", replyText: "已整改" }, "1.3");
  await letter("reminder", 1, { addresseeOrgId: org.hexi.id, sentOn: "2024-02-01", replyDue: "2024-02-15" }, "3.3");
  await letter("recommendation", 1, { sentOn: "2024-03-01", replyDue: "2024-06-01" }, "4.1");

  // Directives from one secretary's meeting.
  const meetingId = uuidv7();
  await t.ctx.db.insert(secretaryMeetings).values({ id: meetingId, heldOn: "2023-05-30", title: "书记专题会（第一轮）" });
  const directive = (o: string, status: string, dueDate: string) =>
    t.ctx.db.insert(directives).values({
      id: uuidv7(),
      meetingId,
      kind: "matter",
      target: `${org[o]!.name}问题`,
      orgId: org[o]!.id,
      action: "限期整改",
      owner: "某副县长",
      dueDate,
      status,
    });
  await directive("chengguan", "closed", "2023-09-30");
  await directive("cg1", "open", "2024-01-01");
  await directive("hexi", "reported", "2024-12-31");

  // Talent pool and trainings.
  const person = async (name: string, v: Partial<typeof poolPeople.$inferInsert>) => {
    const id = uuidv7();
    await t.ctx.db
      .insert(poolPeople)
      .values({ id, name, unit: "县纪委", partyStatus: "full", specialties: [], createdAt: at("2022-05-01"), ...v });
    return id;
  };
  const p1 = await person("赵一", { status: "reserve", leaderPool: true, unitOrgId: org.chengguan.id });
  const p2 = await person("钱二", { status: "formal", unitOrgId: org.hexi.id });
  await person("孙三", { status: "removed", removedOn: "2024-02-01", removedReason: "不适宜" });
  await t.ctx.db.insert(teamMembers).values({ id: uuidv7(), teamId: team1.id, poolPersonId: p2, position: "member" });
  const training = async (title: string, heldOn: string, people: string[]) => {
    const id = uuidv7();
    await t.ctx.db.insert(trainings).values({ id, title, heldOn, days: 2 });
    for (const p of people) await t.ctx.db.insert(trainingAttendees).values({ id: uuidv7(), trainingId: id, personId: p });
  };
  await training("巡察业务培训班", "2023-03-01", [p1, p2]);
  await training("巡察整改专题培训", "2024-04-01", [p1]);

  // Rules made.
  const rule = async (o: string, kind: string, adoptedOn: string, findingId?: string) => {
    const id = uuidv7();
    await t.ctx.db.insert(rulesMade).values({ id, orgId: org[o]!.id, title: `${org[o]!.name}制度`, kind, adoptedOn });
    if (findingId) await t.ctx.db.insert(ruleFindings).values({ id: uuidv7(), ruleId: id, findingId });
  };
  await rule("chengguan", "new", "2023-08-01", f1);
  await rule("chengguan", "revised", "2023-09-01", f1);
  await rule("hexi", "new", "2024-01-15");

  // Coverage: townships and villages are in the term's scope.
  for (const orgKind of ["township", "village"]) await t.ctx.db.insert(coverageScopes).values({ id: uuidv7(), termId, orgKind });
});
afterAll(() => t.close());

const qs = (q: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

async function stat(figure: string, q: Record<string, string | undefined> = {}, who = "head"): Promise<StatResult> {
  const res = await c[who]!.get(`/api/stats/${figure}${qs(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatResult;
}

async function records(
  figure: string,
  group: string,
  measure: string,
  q: Record<string, string | undefined> = {},
  who = "head",
): Promise<StatRecords> {
  const res = await c[who]!.get(`/api/stats/${figure}/records${qs({ ...q, group, measure, pageSize: "500" })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatRecords;
}

/** Values of a group by label, for assertions a user would make reading the table. */
const byLabel = (r: StatResult) => Object.fromEntries(r.groups.map((g) => [g.label, g.values]));

/** Every count of every group (and of all groups) drills down to exactly that many distinct records. */
async function drillsDownExactly(figure: string, q: Record<string, string | undefined> = {}, who = "head") {
  const r = await stat(figure, q, who);
  for (const m of r.measures.filter((x) => x.kind === "count")) {
    for (const g of [...r.groups.map((x) => ({ key: x.key, n: x.values[m.key] })), { key: "*", n: r.totals[m.key] }]) {
      const d = await records(figure, g.key, m.key, q, who);
      expect(d.total, `${figure} ${g.key} ${m.key}`).toBe(g.n);
      expect(d.items.length, `${figure} ${g.key} ${m.key}`).toBe(g.n);
      expect(new Set(d.items.map((i) => i.id)).size).toBe(d.items.length);
      for (const i of d.items) expect(Object.keys(i.cells).sort()).toEqual(d.columns.map((col) => col.key).sort());
    }
  }
  return r;
}

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
