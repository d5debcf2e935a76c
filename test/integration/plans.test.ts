import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface Entry {
  rowId: string;
  seqLabel: string;
  problemText: string;
  rowText: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
}
interface Can {
  create: boolean;
  edit: boolean;
  submit: boolean;
  addOpinion: boolean;
  approve: boolean;
  return: boolean;
}
interface Item {
  id: string | null;
  assignmentId: string;
  orgName: string;
  roundName: string;
  feedbackDate: string | null;
  dueDate: string | null;
  overdue: boolean;
  status: string;
  statusLabel: string;
  currentVersion: number;
  version: number | null;
  can: Can;
}
interface Detail {
  plan: Item & { id: string; version: number; summary: string | null; entries: Entry[] };
  versions: Array<{ no: number; decision: string | null; decisionLabel: string; comment: string | null; entryCount: number }>;
  opinions: Array<{ versionNo: number; authorRole: string; authorRoleLabel: string; authorName: string; text: string }>;
}
interface LedgerItem {
  id: string;
  seqLabel: string;
  status: string;
  version: number;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let t: TestApp;
let office: Client;
let officeHead: Client;
let commission: Client;
let orgDept: Client;
let contactA: Client;
let contactB: Client;
let both: Client;
let leader: Client;
let teamB: Client;
const asg: Record<"A" | "B" | "C" | "D" | "E" | "F", string> = { A: "", B: "", C: "", D: "", E: "", F: "" };
let planA = "";

const feedback = (c: Client, assignmentId: string, feedbackDate: string) =>
  c.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate,
    aspects: [
      {
        title: "学习贯彻党中央决策部署不到位",
        problems: [{ text: "理论学习不深入", rows: [{ text: "党组理论学习中心组学习流于形式" }, { text: "专题研讨次数不足" }] }],
      },
      { title: "落实全面从严治党责任不力", problems: [{ text: "违规发放津补贴" }, { text: "公务接待管理不规范" }] },
    ],
  });

const list = async (c: Client, query = ""): Promise<Item[]> => {
  const res = await c.get(`/api/plans${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const plan = async (c: Client, id: string): Promise<Detail> => {
  const res = await c.get(`/api/plans/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ledger = async (c: Client, assignmentId: string): Promise<LedgerItem[]> =>
  (await c.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=100`)).json().items;

const complete = (entries: Entry[], prefix = "") =>
  entries.map((e, i) => ({
    rowId: e.rowId,
    measures: `${prefix}针对第${e.seqLabel}条制定整改措施`,
    responsibleLeader: "李局长",
    responsibleDepartment: i % 2 ? "财务室" : "办公室",
    deadline: "2024-12-31",
  }));

function upload(c: Client, rowId: string) {
  const boundary = "----plans" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="会议记录.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/api/ledger/${rowId}/evidence`,
    headers: { cookie: c.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date("2024-10-10T02:00:00Z"));
  const county = await newOrg(t.ctx, "某县");
  const orgs = {
    A: await newOrg(t.ctx, "县农业农村局", "agency", county),
    B: await newOrg(t.ctx, "城关镇党委", "township"),
    C: await newOrg(t.ctx, "县水利局"),
    D: await newOrg(t.ctx, "县交通运输局"),
    E: await newOrg(t.ctx, "县林业局"),
    F: await newOrg(t.ctx, "县商务局"),
  };
  const teamBUser = await newUser(t.ctx, "teamb", [], "乙组成员");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办王某");
  await newUser(t.ctx, "office2", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "jiwei", ["commission"], "纪委监委赵某");
  await newUser(t.ctx, "zuzhibu", ["org_dept"], "组织部钱某");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgs.A.id }], "农业局联络人");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgs.B.id }], "城关镇联络人");
  await newUser(t.ctx, "both", ["office_staff", { role: "org_contact", orgId: orgs.D.id }], "交通局兼巡察办");
  await newUser(t.ctx, "leader", [{ role: "supervising_leader", orgId: county.id }], "分管县领导");
  const round = await newRound(t.ctx, "十三届县委第五轮巡察");
  const team = await newTeam(t.ctx, round.id);
  const team2 = await newTeam(t.ctx, round.id, [{ userId: teamBUser.id, position: "member" }], "第二巡察组");
  for (const k of ["A", "C", "D", "E", "F"] as const)
    asg[k] = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgs[k].id })).id;
  asg.B = (await newAssignment(t.ctx, { roundId: round.id, teamId: team2.id, orgId: orgs.B.id })).id;
  office = await login(t.app, "office1");
  officeHead = await login(t.app, "office2");
  commission = await login(t.app, "jiwei");
  orgDept = await login(t.app, "zuzhibu");
  contactA = await login(t.app, "contactA");
  contactB = await login(t.app, "contactB");
  both = await login(t.app, "both");
  leader = await login(t.app, "leader");
  teamB = await login(t.app, "teamb");
  for (const [k, date] of [
    ["A", "2024-09-27"],
    ["B", "2024-06-03"],
    ["C", "2024-01-05"],
    ["D", "2024-10-08"],
  ] as const)
    expect((await feedback(office, asg[k], date)).statusCode).toBe(200);
  // A feedback date with no rows registered under it (e.g. set before the problems were entered).
  await t.ctx.db.update(assignments).set({ feedbackDate: "2024-09-02" }).where(eq(assignments.id, asg.E));
});
afterAll(() => t.close());

describe("rectification plans", () => {
  it("lists an assignment with feedback and no plan as not started, due 15 working days after feedback", async () => {
    const items = await list(contactA);
    expect(items).toHaveLength(1);
    // 2024-09-27 (Fri) + 15 working days: 29 Sep (make-up Sunday) and 30 Sep, 1–7 October off, 8–12 October
    // (12th a make-up Saturday), 14–18, 21–23 October.
    expect(items[0]).toMatchObject({
      id: null,
      assignmentId: asg.A,
      orgName: "县农业农村局",
      roundName: "十三届县委第五轮巡察",
      feedbackDate: "2024-09-27",
      dueDate: "2024-10-23",
      overdue: false,
      status: "not_started",
      statusLabel: "未编制",
      currentVersion: 0,
    });
    expect(items[0]!.can.create).toBe(true);
    // Assignments without feedback rows are not listed.
    expect((await list(office)).map((i) => i.assignmentId).sort()).toEqual([asg.A, asg.B, asg.C, asg.D].sort());
  });

  it("creates the draft pre-filled from the ledger rows, in feedback order", async () => {
    const rows = await ledger(contactA, asg.A);
    const first = rows.find((r) => r.seqLabel === "1.1")!;
    const fill = await contactA.patch(`/api/ledger/${first.id}`, {
      version: first.version,
      measures: "制定党组理论学习中心组年度学习计划",
      responsibleLeader: "张书记",
      responsibleDepartment: "办公室",
      deadline: "2024-11-30",
    });
    expect(fill.statusCode).toBe(200);

    const res = await contactA.post(`/api/assignments/${asg.A}/plan`, {});
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    planA = d.plan.id;
    expect(d.plan).toMatchObject({ status: "draft", statusLabel: "编制中", dueDate: "2024-10-23", currentVersion: 0 });
    expect(d.plan.entries.map((e) => e.seqLabel)).toEqual(["1.1", "1.2", "2", "3"]);
    expect(d.plan.entries[0]).toMatchObject({
      rowId: first.id,
      problemText: "理论学习不深入",
      rowText: "党组理论学习中心组学习流于形式",
      measures: "制定党组理论学习中心组年度学习计划",
      responsibleLeader: "张书记",
      responsibleDepartment: "办公室",
      deadline: "2024-11-30",
    });
    expect(d.plan.entries[1]).toMatchObject({ problemText: "理论学习不深入", rowText: "专题研讨次数不足", measures: null });
    expect(d.plan.can).toMatchObject({ edit: true, submit: true, approve: false, addOpinion: false });
    expect(d.versions).toEqual([]);

    const again = await contactA.post(`/api/assignments/${asg.A}/plan`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe("该巡察任务已有整改方案");
  });

  it("refuses a plan where feedback has no rows or no date", async () => {
    const noRows = await office.post(`/api/assignments/${asg.E}/plan`, {});
    expect(noRows.statusCode).toBe(422);
    expect(noRows.json().message).toContain("尚无台账条目");
    const noDate = await office.post(`/api/assignments/${asg.F}/plan`, {});
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().message).toContain("尚未登记反馈日期");
    // The commission reads everything but does not draft plans.
    const byCommission = await commission.post(`/api/assignments/${asg.C}/plan`, {});
    expect(byCommission.statusCode).toBe(403);
    expect(byCommission.json().message).toBe("只有该单位的联络人或巡察办可以编制整改方案");
  });

  it("hides the plan from another organisation's contact, who cannot edit it either", async () => {
    expect((await contactB.get(`/api/plans/${planA}`)).statusCode).toBe(404);
    const put = await contactB.put(`/api/plans/${planA}`, { version: 1, summary: "篡改" });
    expect(put.statusCode).toBe(404);
    expect((await contactB.post(`/api/assignments/${asg.A}/plan`, {})).statusCode).toBe(404);
    expect((await list(contactB)).map((i) => i.orgName)).toEqual(["城关镇党委"]);
    // The supervising leader of the county's subtree sees A; the other team's member sees only B.
    expect((await list(leader)).map((i) => i.orgName)).toEqual(["县农业农村局"]);
    expect((await plan(leader, planA)).plan.can.edit).toBe(false);
    expect((await list(teamB)).map((i) => i.orgName)).toEqual(["城关镇党委"]);
    expect((await teamB.get(`/api/plans/${planA}`)).statusCode).toBe(404);
  });

  it("refuses submission listing each entry's missing fields", async () => {
    const d = await plan(contactA, planA);
    const res = await contactA.post(`/api/plans/${planA}/submit`, { version: d.plan.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe(
      "以下条目未填写完整，不能报送：第1.2条（整改措施、责任领导、责任部门、完成时限）；" +
        "第2条（整改措施、责任领导、责任部门、完成时限）；第3条（整改措施、责任领导、责任部门、完成时限）",
    );
    expect((await plan(contactA, planA)).plan.status).toBe("draft");
  });

  it("edits the draft: only rows of the assignment, naming an unknown one; a stale version is refused", async () => {
    const d = await plan(contactA, planA);
    const stranger = (await ledger(contactB, asg.B))[0]!.id;
    const bad = await contactA.put(`/api/plans/${planA}`, {
      version: d.plan.version,
      entries: [{ rowId: stranger, measures: "不相干" }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toBe(`以下条目不是该巡察任务的台账条目：${stranger}`);

    const ok = await contactA.put(`/api/plans/${planA}`, {
      version: d.plan.version,
      summary: "县农业农村局党组关于巡察反馈意见的整改方案",
      entries: complete(d.plan.entries.slice(1)),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved: Detail = ok.json();
    expect(saved.plan.version).toBe(d.plan.version + 1);
    expect(saved.plan.entries[0]!.measures).toBe("制定党组理论学习中心组年度学习计划");
    expect(saved.plan.entries[2]).toMatchObject({ measures: "针对第2条制定整改措施", responsibleDepartment: "财务室" });

    const stale = await contactA.put(`/api/plans/${planA}`, { version: d.plan.version, summary: "旧版本" });
    expect(stale.statusCode).toBe(409);
  });

  it("submits version 1; the contact can no longer edit it", async () => {
    const d = await plan(contactA, planA);
    const res = await contactA.post(`/api/plans/${planA}/submit`, { version: d.plan.version });
    expect(res.statusCode, res.body).toBe(200);
    const s: Detail = res.json();
    expect(s.plan).toMatchObject({ status: "submitted", statusLabel: "已报送待审核", currentVersion: 1 });
    expect(s.plan.can).toMatchObject({ edit: false, submit: false });
    expect(s.versions).toMatchObject([{ no: 1, decision: null, decisionLabel: "审核中", entryCount: 4 }]);
    const put = await contactA.put(`/api/plans/${planA}`, { version: s.plan.version, summary: "再改" });
    expect(put.statusCode).toBe(422);
    expect(put.json().message).toContain("已报送");
  });

  it("takes opinions from the commission and the organisation department, not from the contact", async () => {
    expect((await plan(commission, planA)).plan.can).toMatchObject({ addOpinion: true, approve: false });
    const c = await commission.post(`/api/plans/${planA}/opinions`, { text: "违规发放津补贴问题应明确清退时限" });
    expect(c.statusCode, c.body).toBe(200);
    const o = await orgDept.post(`/api/plans/${planA}/opinions`, { text: "干部选任问题整改措施需细化到人" });
    expect(o.statusCode).toBe(200);
    expect((o.json() as Detail).opinions).toMatchObject([
      { versionNo: 1, authorRole: "commission", authorRoleLabel: "纪委监委", authorName: "纪委监委赵某" },
      { versionNo: 1, authorRole: "org_dept", authorRoleLabel: "组织部", text: "干部选任问题整改措施需细化到人" },
    ]);
    const byContact = await contactA.post(`/api/plans/${planA}/opinions`, { text: "自己的意见" });
    expect(byContact.statusCode).toBe(403);
    const empty = await commission.post(`/api/plans/${planA}/opinions`, { text: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain("请填写意见");
  });

  it("is returned by the office with a comment; the contact edits and resubmits it as version 2", async () => {
    const noComment = await office.post(`/api/plans/${planA}/return`, {});
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().message).toContain("请填写退回意见");
    const ret = await office.post(`/api/plans/${planA}/return`, { comment: "整改时限过于宽松，请压缩" });
    expect(ret.statusCode, ret.body).toBe(200);
    expect((ret.json() as Detail).plan.status).toBe("returned");
    expect((await commission.post(`/api/plans/${planA}/opinions`, { text: "迟到的意见" })).statusCode).toBe(422);

    const d = await plan(contactA, planA);
    expect(d.versions[0]).toMatchObject({
      no: 1,
      decision: "returned",
      decisionLabel: "退回修改",
      comment: "整改时限过于宽松，请压缩",
    });
    expect(d.plan.can).toMatchObject({ edit: true, submit: true });
    const [e11, e12] = d.plan.entries;
    const put = await contactA.put(`/api/plans/${planA}`, {
      version: d.plan.version,
      entries: [
        { rowId: e11!.rowId, measures: "修订党组理论学习中心组学习规则，每月集中学习", deadline: "2024-11-15" },
        { rowId: e12!.rowId, deadline: "2024-11-30", responsibleLeader: "王副局长" },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const sub = await contactA.post(`/api/plans/${planA}/submit`, { version: (put.json() as Detail).plan.version });
    expect(sub.statusCode, sub.body).toBe(200);
    const s: Detail = sub.json();
    expect(s.plan).toMatchObject({ status: "submitted", currentVersion: 2 });
    expect(s.versions.map((v) => [v.no, v.decision])).toEqual([
      [2, null],
      [1, "returned"],
    ]);
  });

  it("compares two versions field by field", async () => {
    const res = await office.get(`/api/plans/${planA}/compare?from=1&to=2`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.from.label).toBe("第1版");
    expect(c.to.label).toBe("第2版");
    expect(c.summary.changed).toBe(false);
    expect(c.changedEntries).toBe(2);
    const bySeq = Object.fromEntries(
      (c.entries as Array<{ seqLabel: string; changes: Array<{ field: string; from: string; to: string }> }>).map((e) => [
        e.seqLabel,
        e.changes,
      ]),
    );
    expect(bySeq["1.1"]).toEqual([
      {
        field: "measures",
        label: "整改措施",
        from: "制定党组理论学习中心组年度学习计划",
        to: "修订党组理论学习中心组学习规则，每月集中学习",
      },
      { field: "deadline", label: "完成时限", from: "2024-11-30", to: "2024-11-15" },
    ]);
    expect(bySeq["1.2"]).toEqual([
      { field: "responsibleLeader", label: "责任领导", from: "李局长", to: "王副局长" },
      { field: "deadline", label: "完成时限", from: "2024-12-31", to: "2024-11-30" },
    ]);
    expect(bySeq["2"]).toEqual([]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    const toDraft = (await office.get(`/api/plans/${planA}/compare?from=2&to=draft`)).json();
    expect(toDraft.changedEntries).toBe(0);
    expect((await office.get(`/api/plans/${planA}/compare?from=3&to=2`)).statusCode).toBe(404);
    expect((await office.get(`/api/plans/${planA}/compare?from=x&to=2`)).statusCode).toBe(400);
    expect((await contactB.get(`/api/plans/${planA}/compare?from=1&to=2`)).statusCode).toBe(404);
  });

  it("on approval writes the plan onto the rows still open, and leaves the others", async () => {
    // Row 1.1 goes for close-out before approval: it keeps what it has.
    const r11 = (await ledger(contactA, asg.A)).find((r) => r.seqLabel === "1.1")!;
    expect((await upload(contactA, r11.id)).statusCode).toBe(200);
    expect((await contactA.post(`/api/ledger/${r11.id}/request-closeout`, {})).statusCode).toBe(200);
    const before = new Map((await ledger(office, asg.A)).map((r) => [r.seqLabel, r]));

    expect((await contactA.post(`/api/plans/${planA}/approve`, {})).statusCode).toBe(403);
    const res = await officeHead.post(`/api/plans/${planA}/approve`, { comment: "同意" });
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    expect(d.plan).toMatchObject({ status: "approved", statusLabel: "已审核通过", overdue: false });
    expect(d.plan.can).toMatchObject({ edit: false, approve: false, return: false });
    expect(d.versions[0]).toMatchObject({ no: 2, decision: "approved", comment: "同意" });

    const after = new Map((await ledger(office, asg.A)).map((r) => [r.seqLabel, r]));
    expect(after.get("1.1")).toMatchObject({ status: "close_requested", measures: "制定党组理论学习中心组年度学习计划" });
    expect(after.get("1.1")!.version).toBe(before.get("1.1")!.version);
    expect(after.get("1.2")).toMatchObject({
      status: "open",
      measures: "针对第1.2条制定整改措施",
      responsibleLeader: "王副局长",
      responsibleDepartment: "办公室",
      deadline: "2024-11-30",
    });
    expect(after.get("1.2")!.version).toBe(before.get("1.2")!.version + 1);
    const history = (await office.get(`/api/ledger/${after.get("1.2")!.id}`)).json().history as Array<{
      action: string;
      actorName: string;
      changes: Record<string, unknown>;
    }>;
    expect(history.find((h) => h.action === "ledger.update")).toMatchObject({
      actorName: "巡察办主任（office2）",
      changes: { measures: [null, "针对第1.2条制定整改措施"], source: "整改方案第2版审核通过" },
    });
    expect(after.get("2")).toMatchObject({ measures: "针对第2条制定整改措施", responsibleDepartment: "财务室" });

    const again = await office.post(`/api/plans/${planA}/approve`, {});
    expect(again.statusCode).toBe(422);
    expect((await contactA.put(`/api/plans/${planA}`, { version: d.plan.version, summary: "改" })).statusCode).toBe(422);
  });

  it("does not let the one who submitted approve, even holding both roles", async () => {
    const created = await both.post(`/api/assignments/${asg.D}/plan`, {});
    expect(created.statusCode, created.body).toBe(200);
    const d: Detail = created.json();
    const put = await both.put(`/api/plans/${d.plan.id}`, { version: d.plan.version, entries: complete(d.plan.entries) });
    expect(put.statusCode).toBe(200);
    const sub = await both.post(`/api/plans/${d.plan.id}/submit`, {});
    expect(sub.statusCode, sub.body).toBe(200);
    expect((sub.json() as Detail).plan.can).toMatchObject({ approve: false, return: false, addOpinion: true });
    const res = await both.post(`/api/plans/${d.plan.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("不能审核自己报送的整改方案");
    expect((await both.post(`/api/plans/${d.plan.id}/return`, { comment: "自己退回" })).statusCode).toBe(403);
    expect((await office.post(`/api/plans/${d.plan.id}/approve`, {})).statusCode).toBe(200);
  });

  it("lists late plans as overdue: not started, or drafted and not submitted by the due date", async () => {
    const draftB = await contactB.post(`/api/assignments/${asg.B}/plan`, {});
    expect(draftB.statusCode).toBe(200);
    const overdue = await list(office, "?overdue=true");
    expect(overdue.map((i) => [i.orgName, i.status, i.dueDate])).toEqual([
      ["城关镇党委", "draft", "2024-06-25"],
      ["县水利局", "not_started", "2024-01-26"],
    ]);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    expect((await list(office, "?status=not_started")).map((i) => i.orgName)).toEqual(["县水利局"]);
    expect((await list(office, "?status=approved")).map((i) => i.orgName).sort()).toEqual(
      ["县交通运输局", "县农业农村局"].sort(),
    );
    const bogus = await office.get("/api/plans?status=bogus");
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().message).toContain("方案状态无效");
  });
});
