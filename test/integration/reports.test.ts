import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { PORTRAIT_ASPECTS } from "../../src/domain/report.ts";
import { assignments, consultations } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface Milestone {
  due: string;
  doneOn: string | null;
  state: string;
  days: number | null;
  label: string;
}
interface DeadlineJson {
  assignmentId: string;
  orgName: string;
  withdrawalDate: string;
  reportStatusLabel: string;
  materials: Milestone;
  consultation: Milestone;
  hearing: Milestone;
  late: boolean;
  maxDelayDays: number | null;
  can: { view: boolean; save: boolean; submit: boolean; recordHearing: boolean };
}
interface ReportJson {
  report: {
    id: string | null;
    overall: string | null;
    portrait: Record<string, string>;
    status: string;
    statusLabel: string;
    submittedOn: string | null;
    version: number;
  };
  findings: Array<{ id: string; text: string; suggestion: string | null }>;
  indicators: {
    total: number;
    coreMandate: { count: number; share: number | null; aimPct: number; met: boolean | null };
    common: { count: number; share: number | null; warnPct: number; overWarning: boolean | null };
    withoutSuggestion: { count: number; items: Array<{ id: string; text: string }> };
    involvingTopLeader: { count: number; items: Array<{ id: string; text: string }> };
  };
  deadlines: { materials: Milestone } | null;
  can: { save: boolean; submit: boolean; recordHearing: boolean };
}

let t: TestApp;
let office: Client;
let leaderA: Client;
let liaisonA: Client;
let memberA: Client;
let leaderB: Client;
let commission: Client;
let leadingGroup: Client;
let contactA: Client;
let auditor: Client;
let roundId = "";
const asg = { A: "", B: "", C: "" };
const findingIds: string[] = [];

/** Ten in the morning in China on that day. */
const at = (day: string) => t.setNow(new Date(`${day}T02:00:00Z`));
const getReport = async (c: Client, id: string): Promise<ReportJson> => {
  const res = await c.get(`/api/assignments/${id}/report`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().report;
};
const deadlines = async (c: Client, url = `/api/rounds/${roundId}/report-deadlines`): Promise<DeadlineJson[]> => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const row = async (id: string, url?: string) => (await deadlines(office, url)).find((d) => d.assignmentId === id)!;
const fullPortrait = Object.fromEntries(PORTRAIT_ASPECTS.map((k) => [k, "政治站位较高，能够落实主体责任"]));

const FINDINGS = [
  { text: "落实粮食安全党政同责不到位，耕地保护考核流于形式", isCoreMandate: true, isCommon: true, involvesTopLeader: false },
  {
    text: "主要负责人末位表态制度执行不到位，“三重一大”事项个人拍板",
    isCoreMandate: false,
    isCommon: false,
    involvesTopLeader: true,
  },
  { text: "高标准农田建设项目验收把关不严", isCoreMandate: true, isCommon: true, involvesTopLeader: false },
  { text: "意识形态工作责任制落实不到位", isCoreMandate: false, isCommon: true, involvesTopLeader: false },
];

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "县农业农村局");
  const orgB = await newOrg(t.ctx, "县水利局");
  const orgC = await newOrg(t.ctx, "县林业局");
  await newUser(t.ctx, "office1", ["office_staff"]);
  await newUser(t.ctx, "lingdao", ["leading_group"]);
  await newUser(t.ctx, "jiwei", ["commission"]);
  await newUser(t.ctx, "shenji", ["audit_admin"]);
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }]);
  const la = await newUser(t.ctx, "leaderA");
  const li = await newUser(t.ctx, "liaisonA");
  const ma = await newUser(t.ctx, "memberA");
  const lb = await newUser(t.ctx, "leaderB");
  const round = await newRound(t.ctx);
  roundId = round.id;
  const teamA = await newTeam(t.ctx, round.id, [
    { userId: la.id, position: "leader" },
    { userId: li.id, position: "liaison" },
    { userId: ma.id, position: "member" },
  ]);
  const teamB = await newTeam(t.ctx, round.id, [{ userId: lb.id, position: "leader" }], "第二巡察组");
  asg.A = (await newAssignment(t.ctx, { roundId, teamId: teamA.id, orgId: orgA.id, withdrawalDate: "2023-11-07" })).id;
  asg.B = (await newAssignment(t.ctx, { roundId, teamId: teamB.id, orgId: orgB.id, withdrawalDate: "2023-11-07" })).id;
  asg.C = (await newAssignment(t.ctx, { roundId, teamId: teamA.id, orgId: orgC.id })).id;
  await t.ctx.db.update(assignments).set({ withdrawalDate: null }).where(eq(assignments.id, asg.C));
  [office, leaderA, liaisonA, memberA, leaderB, commission, leadingGroup, contactA, auditor] = (await Promise.all(
    ["office1", "leaderA", "liaisonA", "memberA", "leaderB", "jiwei", "lingdao", "contactA", "shenji"].map((u) =>
      login(t.app, u),
    ),
  )) as [Client, Client, Client, Client, Client, Client, Client, Client, Client];
  at("2023-11-08");
  for (const f of FINDINGS) {
    const res = await leaderA.post(`/api/assignments/${asg.A}/findings`, { ...f, category: "core_mandate" });
    expect(res.statusCode, res.body).toBe(200);
    findingIds.push(res.json().finding.id);
  }
  const res = await leaderB.post(`/api/assignments/${asg.B}/findings`, { ...FINDINGS[0], category: "core_mandate" });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

describe("the team's report and its quality indicators", () => {
  it("shows the indicators on the findings before anything is written", async () => {
    const r = await getReport(leaderA, asg.A);
    expect(r.report).toMatchObject({ id: null, version: 0, statusLabel: "未撰写", portrait: {} });
    expect(r.can).toMatchObject({ save: true, submit: false, recordHearing: false });
    expect(r.indicators.total).toBe(4);
    expect(r.indicators.coreMandate).toEqual({ count: 2, share: 0.5, aimPct: 50, met: true });
    expect(r.indicators.common).toEqual({ count: 3, share: 0.75, warnPct: 60, overWarning: true });
    expect(r.indicators.withoutSuggestion.count).toBe(4);
    expect(r.indicators.involvingTopLeader).toEqual({ count: 1, items: [{ id: findingIds[1], text: FINDINGS[1]!.text }] });
    expect(r.deadlines?.materials).toMatchObject({ due: "2023-11-14", state: "pending", label: "未到期" });
  });

  it("saves overall judgement, portrait and suggestions, and the indicators follow", async () => {
    const res = await liaisonA.put(`/api/assignments/${asg.A}/report`, {
      overall: "该局党组履行全面从严治党主体责任总体较好，但仍存在一些问题",
      portrait: { ...fullPortrait, integrity: "", public_opinion: "  " },
      suggestions: findingIds.slice(0, 3).map((findingId, i) => ({ findingId, suggestion: `建议${i + 1}：压实责任` })),
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r: ReportJson = res.json().report;
    expect(r.report).toMatchObject({ version: 1, status: "draft", statusLabel: "撰写中" });
    expect(Object.keys(r.report.portrait)).toHaveLength(5);
    expect(r.findings[0]!.suggestion).toBe("建议1：压实责任");
    expect(r.indicators.withoutSuggestion).toEqual({ count: 1, items: [{ id: findingIds[3], text: FINDINGS[3]!.text }] });
    expect(r.can.submit).toBe(true);
    // Saving the same again changes nothing.
    const same = await liaisonA.put(`/api/assignments/${asg.A}/report`, {
      overall: r.report.overall,
      portrait: r.report.portrait,
      version: 1,
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().message).toBe("没有需要保存的修改");
  });

  it("refuses to submit, listing the blank aspects and each finding without a suggestion", async () => {
    const res = await leaderA.post(`/api/assignments/${asg.A}/report/submit`, { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe(
      `巡察报告还不能报送：一把手画像尚未填写：廉洁自律、群众评价；以下1个问题尚未提出意见建议：1.${FINDINGS[3]!.text}`,
    );
    expect(res.json().details.problems).toHaveLength(2);
    expect((await getReport(leaderA, asg.A)).report.status).toBe("draft");
  });

  it("refuses a stale version, a finding of another assignment and a finding named twice", async () => {
    const stale = await leaderA.put(`/api/assignments/${asg.A}/report`, { overall: "改", version: 0 });
    expect(stale.statusCode).toBe(409);
    const b = await getReport(leaderB, asg.B);
    const foreign = await leaderA.put(`/api/assignments/${asg.A}/report`, {
      overall: "改",
      portrait: fullPortrait,
      suggestions: [{ findingId: b.findings[0]!.id, suggestion: "建议" }],
      version: 1,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().message).toBe("意见建议对应的问题不属于该巡察任务或已删除");
    const twice = await leaderA.put(`/api/assignments/${asg.A}/report`, {
      suggestions: [
        { findingId: findingIds[3], suggestion: "一" },
        { findingId: findingIds[3], suggestion: "二" },
      ],
      version: 1,
    });
    expect(twice.statusCode).toBe(422);
    const unknownAspect = await leaderA.put(`/api/assignments/${asg.A}/report`, { portrait: { 能力: "强" }, version: 1 });
    expect(unknownAspect.statusCode).toBe(400);
    expect(unknownAspect.json().message).toContain("一把手画像只能包含规定的七个方面");
  });

  it("lets only the team's leader, deputy, liaison and the office write it; others of the team only read", async () => {
    const member = await getReport(memberA, asg.A);
    expect(member.can).toMatchObject({ save: false, submit: false });
    const put = await memberA.put(`/api/assignments/${asg.A}/report`, { overall: "改", version: 1 });
    expect(put.statusCode).toBe(403);
    expect(put.json().message).toBe("只有巡察组组长、副组长、联络员和巡察办可以撰写和报送巡察报告");
    expect((await getReport(office, asg.A)).can).toMatchObject({ save: true, submit: true, recordHearing: true });
    expect((await getReport(leadingGroup, asg.A)).can.save).toBe(false);
  });

  it("refuses another team's member, an organisation contact and the commission the report", async () => {
    for (const res of [
      await leaderB.get(`/api/assignments/${asg.A}/report`),
      await leaderB.put(`/api/assignments/${asg.A}/report`, { overall: "改", version: 1 }),
      await leaderB.post(`/api/assignments/${asg.A}/report/submit`, { version: 1 }),
      await contactA.get(`/api/assignments/${asg.A}/report`),
      await contactA.put(`/api/assignments/${asg.A}/report`, { overall: "改", version: 1 }),
      await commission.get(`/api/assignments/${asg.A}/report`),
      await auditor.get(`/api/assignments/${asg.A}/report`),
    ])
      expect(res.statusCode, res.body).toBe(403);
    expect((await leaderB.put(`/api/assignments/${asg.A}/report`, { overall: "改", version: 1 })).json().message).toBe(
      "您不是该巡察组成员，不能撰写巡察报告",
    );
    expect((await getReport(leaderA, asg.A)).report.overall).toBe("该局党组履行全面从严治党主体责任总体较好，但仍存在一些问题");
  });
});

describe("deadlines after withdrawal", () => {
  it("are all pending before they fall due; the late filter lists nothing", async () => {
    at("2023-11-10");
    const a = await row(asg.A);
    expect(a).toMatchObject({ orgName: "县农业农村局", withdrawalDate: "2023-11-07", late: false, maxDelayDays: null });
    expect([a.materials, a.consultation, a.hearing].map((m) => [m.due, m.label])).toEqual([
      ["2023-11-14", "未到期"],
      ["2023-11-17", "未到期"],
      ["2023-12-07", "未到期"],
    ]);
    // An assignment without a withdrawal date has no deadlines yet.
    expect((await deadlines(office)).map((d) => d.assignmentId)).not.toContain(asg.C);
    expect(await deadlines(office, `/api/rounds/${roundId}/report-deadlines?late=true`)).toEqual([]);
  });

  it("submits a complete report: materials on time", async () => {
    at("2023-11-13");
    const save = await leaderA.put(`/api/assignments/${asg.A}/report`, {
      overall: "该局党组履行全面从严治党主体责任总体较好，但仍存在一些问题",
      portrait: fullPortrait,
      suggestions: [{ findingId: findingIds[3], suggestion: "建议4：落实意识形态工作责任制" }],
      version: 1,
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json().report.indicators.withoutSuggestion.count).toBe(0);
    const res = await leaderA.post(`/api/assignments/${asg.A}/report/submit`, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const r: ReportJson = res.json().report;
    expect(r.report).toMatchObject({ status: "submitted", statusLabel: "已报送", submittedOn: "2023-11-13" });
    expect(r.can.submit).toBe(false);
    expect((await row(asg.A)).materials).toMatchObject({ doneOn: "2023-11-13", state: "on_time", label: "按时" });
    const again = await leaderA.post(`/api/assignments/${asg.A}/report/submit`, { version: 3 });
    expect(again.json().message).toBe("巡察报告已于2023-11-13报送");
  });

  it("keeps a submitted report complete when it is revised", async () => {
    const res = await office.put(`/api/assignments/${asg.A}/report`, {
      overall: "该局党组履行全面从严治党主体责任总体较好，但仍存在一些问题",
      portrait: fullPortrait,
      suggestions: [{ findingId: findingIds[0], suggestion: "" }],
      version: 3,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/^巡察报告已报送，修改后仍须完整：以下1个问题尚未提出意见建议/);
  });

  it("says materials submitted 3 days late are late by 3 days", async () => {
    at("2023-11-17");
    const b = await getReport(leaderB, asg.B);
    const save = await leaderB.put(`/api/assignments/${asg.B}/report`, {
      overall: "总体一般",
      portrait: fullPortrait,
      suggestions: [{ findingId: b.findings[0]!.id, suggestion: "建议严格考核" }],
      version: 0,
    });
    expect(save.statusCode, save.body).toBe(200);
    expect((await leaderB.post(`/api/assignments/${asg.B}/report/submit`, { version: 1 })).statusCode).toBe(200);
    expect((await row(asg.B)).materials).toMatchObject({
      due: "2023-11-14",
      doneOn: "2023-11-17",
      state: "late",
      days: 3,
      label: "逾期3天完成",
    });
  });

  it("takes the consultation as done on the earliest one held after withdrawal, and says overdue by N days when none is", async () => {
    for (const heldOn of ["2023-11-25", "2023-11-16"])
      await t.ctx.db.insert(consultations).values({ id: uuidv7(), assignmentId: asg.A, heldOn, summary: "办组会商巡察报告" });
    // Neither a deleted consultation nor one held during the inspection counts.
    await t.ctx.db
      .insert(consultations)
      .values({ id: uuidv7(), assignmentId: asg.B, heldOn: "2023-11-10", summary: "作废", deletedAt: new Date() });
    await t.ctx.db.insert(consultations).values({ id: uuidv7(), assignmentId: asg.B, heldOn: "2023-10-20", summary: "巡中会商" });
    at("2023-11-20");
    expect((await row(asg.A)).consultation).toMatchObject({ doneOn: "2023-11-16", state: "on_time", label: "按时" });
    expect((await row(asg.B)).consultation).toMatchObject({ doneOn: null, state: "overdue", days: 3, label: "已逾期3天" });
    expect((await row(asg.A)).hearing.label).toBe("未到期");
    const late = await deadlines(office, `/api/rounds/${roundId}/report-deadlines?late=true`);
    expect(late.map((d) => d.assignmentId)).toEqual([asg.B]);
  });

  it("records the hearing: not before withdrawal, not in the future, by the office only", async () => {
    at("2023-12-10");
    const url = `/api/assignments/${asg.A}/hearing`;
    const early = await office.post(url, { hearingDate: "2023-11-06" });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toBe("听取汇报日期不能早于撤点日期（2023-11-07）");
    const future = await office.post(url, { hearingDate: "2023-12-11" });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toBe("听取汇报日期不能晚于今天");
    const noWithdrawal = await office.post(`/api/assignments/${asg.C}/hearing`, { hearingDate: "2023-12-01" });
    expect(noWithdrawal.statusCode).toBe(422);
    expect(noWithdrawal.json().message).toBe("该巡察任务尚未确定撤点日期，不能登记听取汇报");
    const bad = await office.post(url, { hearingDate: "2023-13-01" });
    expect(bad.statusCode).toBe(400);
    for (const c of [leaderA, leadingGroup, contactA]) {
      const res = await c.post(url, { hearingDate: "2023-12-10" });
      expect(res.statusCode).toBe(403);
    }
    expect((await leadingGroup.post(url, { hearingDate: "2023-12-10" })).json().message).toBe("只有巡察办可以登记听取汇报");
    const ok = await office.post(url, { hearingDate: "2023-12-10", notes: "县委巡察工作领导小组第5次会议" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().deadline.hearing).toMatchObject({
      due: "2023-12-07",
      doneOn: "2023-12-10",
      state: "late",
      days: 3,
      label: "逾期3天完成",
    });
    const audit = await auditor.get("/api/audit?action=assignment.record_hearing");
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items[0].changes).toEqual({
      hearingDate: [null, "2023-12-10"],
      notes: "县委巡察工作领导小组第5次会议",
    });
  });

  it("lists the late ones across rounds with their delay, the longest first", async () => {
    at("2024-01-16");
    const late = await deadlines(office, "/api/report-deadlines?late=true");
    expect(late.map((d) => [d.orgName, d.maxDelayDays])).toEqual([
      ["县水利局", 60],
      ["县农业农村局", 3],
    ]);
    const b = late[0]!;
    expect([b.materials.label, b.consultation.label, b.hearing.label]).toEqual(["逾期3天完成", "已逾期60天", "已逾期40天"]);
    expect(await deadlines(office, "/api/report-deadlines?late=false")).toEqual([]);
    expect((await office.get("/api/report-deadlines?late=maybe")).statusCode).toBe(400);
  });

  it("shows team members their own assignments only, wide readers all, and refuses an organisation contact", async () => {
    expect((await deadlines(leaderB, "/api/report-deadlines")).map((d) => d.orgName)).toEqual(["县水利局"]);
    expect((await deadlines(memberA, "/api/report-deadlines")).map((d) => d.orgName)).toEqual(["县农业农村局"]);
    const wide = await deadlines(commission, "/api/report-deadlines");
    expect(wide).toHaveLength(2);
    // The commission reads the deadlines but not the reports (the findings' readers do).
    expect(wide.every((d) => !d.can.view)).toBe(true);
    expect((await deadlines(leadingGroup)).every((d) => d.can.view && !d.can.save)).toBe(true);
    for (const res of [
      await contactA.get("/api/report-deadlines"),
      await contactA.get(`/api/rounds/${roundId}/report-deadlines`),
      await auditor.get("/api/report-deadlines"),
    ])
      expect(res.statusCode).toBe(403);
    expect((await contactA.get("/api/report-deadlines")).json().message).toBe(
      "只有巡察办、书记、领导小组、纪委监委、组织部和巡察组成员可以查看报告和听取汇报时限",
    );
  });
});
