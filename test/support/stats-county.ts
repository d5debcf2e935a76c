/**
 * A small county for the statistics tests (统计分析): townships with villages and an agency, two rounds of one term,
 * ledger rows in every state, findings, coverage scope, hearings, leads, letters, directives, rules, the pool and
 * trainings; users of each kind signed in. Shared by stats.test.ts and stats-figures.test.ts; the bindings below are
 * live, so the tests read them after setupStatsCounty has run.
 */
import { expect } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import type { StatRecords, StatResult } from "../../src/domain/stats.ts";
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
import { createTestApp, login, newUser, type Client, type TestApp } from "./app.ts";
import { newOrg, newRound, newTeam } from "./factories.ts";

export let t: TestApp;
export const c: Record<string, Client> = {};
export const org: Record<string, { id: string; path: string; name: string }> = {};
export const asg: Record<string, string> = {};
export let termId = "";
export let round1 = "";
export let round2 = "";
export const rowIds: Record<string, string> = {};

/** Moments in China time (UTC+8) as the instants stored. */
export const at = (isoDate: string) => new Date(`${isoDate}T02:00:00Z`);

export async function row(
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

export async function finding(
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

/** Builds the county on a fresh app: call from beforeAll, and close `t` in afterAll. */
export async function setupStatsCounty(): Promise<void> {
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
}

export const qs = (q: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

export async function stat(figure: string, q: Record<string, string | undefined> = {}, who = "head"): Promise<StatResult> {
  const res = await c[who]!.get(`/api/stats/${figure}${qs(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatResult;
}

export async function records(
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
export const byLabel = (r: StatResult) => Object.fromEntries(r.groups.map((g) => [g.label, g.values]));

/** Every count of every group (and of all groups) drills down to exactly that many distinct records. */
export async function drillsDownExactly(figure: string, q: Record<string, string | undefined> = {}, who = "head") {
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
