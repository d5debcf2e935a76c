import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar.ts";
import { todayIn } from "../../src/server/context.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let office2: Client;
let secretary: Client;
let department: Client;
let contactA: Client;
let contactB: Client;
let contactC: Client;
const org: Record<"A" | "B" | "C", { id: string; path: string; name: string }> = {} as never;
const f: Record<string, string> = {};
let problemId = "";
let campaignId = "";
let dueDate = "";
let roundId = "";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function upload(c: Client, rowId: string) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="自查报告.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`,
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

interface LedgerItem {
  id: string;
  seqLabel: string;
  text: string;
  campaignId: string | null;
  assignmentId: string | null;
  deadline: string | null;
  version: number;
  can: Record<string, boolean>;
}
const selfCheckRows = async (c: Client): Promise<LedgerItem[]> => {
  const res = await c.get("/api/ledger?pageSize=100");
  expect(res.statusCode).toBe(200);
  return (res.json().items as LedgerItem[]).filter((r) => r.campaignId !== null);
};

interface Counts {
  total: number;
  not_started: number;
  in_progress: number;
  close_requested: number;
  closed: number;
  overdue: number;
}
const counts = async (): Promise<Counts> => {
  const res = await office.get(`/api/campaigns/${campaignId}`);
  expect(res.statusCode).toBe(200);
  return res.json().campaign.counts;
};

beforeAll(async () => {
  t = await createTestApp();
  // The clock is pinned, so due dates can be passed later without touching the sessions' timeouts.
  t.setNow(new Date("2024-04-01T02:00:00Z"));
  org.A = await newOrg(t.ctx, "县教育局");
  org.B = await newOrg(t.ctx, "县卫生健康局");
  org.C = await newOrg(t.ctx, "县水利局");
  const round = await newRound(t.ctx, "第七轮巡察");
  roundId = round.id;
  const team = await newTeam(t.ctx, round.id);
  const a = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: org.A.id });
  const b = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: org.B.id });
  f.meetingsA = (
    await newFinding(t.ctx, a.id, org.A.id, "机关党支部“三会一课”流于形式，党小组会记录内容雷同，组织生活开展不经常。")
  ).id;
  f.meetingsB = (
    await newFinding(t.ctx, b.id, org.B.id, "党支部落实“三会一课”制度不到位，全年党课次数不足，组织生活开展不经常。")
  ).id;
  f.procurementA = (await newFinding(t.ctx, a.id, org.A.id, "政府采购内控制度不够细化，自行采购项目未按规定比价。")).id;
  f.drinkB = (await newFinding(t.ctx, b.id, org.B.id, "党员干部酒驾醉驾问题时有发生，警示教育未形成长效机制。")).id;
  f.allowanceA = (await newFinding(t.ctx, a.id, org.A.id, "无依据向教职工发放各类补助，违规发放津补贴。")).id;
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "office2", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "shuji", ["secretary"], "书记");
  await newUser(t.ctx, "minzheng", [{ role: "functional_dept", orgId: org.C.id }], "职能部门");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: org.A.id }]);
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: org.B.id }]);
  await newUser(t.ctx, "contactC", [{ role: "org_contact", orgId: org.C.id }]);
  const clients = await Promise.all(
    ["office1", "office2", "shuji", "minzheng", "contactA", "contactB", "contactC"].map((u) => login(t.app, u)),
  );
  [office, office2, secretary, department, contactA, contactB, contactC] = clients as [
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
  dueDate = addDays(todayIn(t.ctx), 30);
  expect(dueDate).toBe("2024-05-01");
});
afterAll(() => t.close());

describe("similar findings proposed as common problems", () => {
  it("groups the similar findings of two organisations and leaves the unrelated ones out", async () => {
    const res = await office.get("/api/common-problems/candidates");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.considered).toBe(5);
    expect(body.groups).toHaveLength(1);
    const [group] = body.groups;
    expect(group.findings.map((x: { id: string }) => x.id).sort()).toEqual([f.meetingsA, f.meetingsB].sort());
    expect(group.orgs.map((o: { name: string }) => o.name).sort()).toEqual(["县卫生健康局", "县教育局"]);
    expect(group.suggestedTitle).toContain("三会一课");
    expect(group.suggestedCategoryLabel).toBe("党的领导");
    expect(group.score).toBeGreaterThanOrEqual(0.25);
    expect((await office.get(`/api/common-problems/candidates?roundId=${roundId}`)).json().groups).toHaveLength(1);
    const other = await office.get(`/api/common-problems/candidates?roundId=${org.C.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe("巡察轮次不存在或已删除");
    // A strict threshold proposes nothing; an out-of-range one is refused in Chinese.
    expect((await office.get("/api/common-problems/candidates?threshold=0.9")).json().groups).toHaveLength(0);
    const bad = await office.get("/api/common-problems/candidates?threshold=2");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/相似度阈值/);
  });

  it("is the office's working material", async () => {
    const res = await secretary.get("/api/common-problems/candidates");
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("只有巡察办可以查看相似问题推荐");
  });
});

describe("the common-problem list", () => {
  it("refuses a common problem whose findings all come from one organisation", async () => {
    const res = await office.post("/api/common-problems", {
      title: "内部管理不规范",
      findingIds: [f.meetingsA, f.procurementA],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("至少两个不同单位");
    const one = await office.post("/api/common-problems", { title: "只有一条", findingIds: [f.meetingsA] });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("refuses anyone but the office, in Chinese", async () => {
    const body = { title: "“三会一课”制度落实不到位", findingIds: [f.meetingsA, f.meetingsB] };
    for (const c of [secretary, department, contactA]) {
      const res = await c.post("/api/common-problems", body);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("只有巡察办可以新建和修改共性问题");
    }
  });

  it("lists a common problem with its findings by organisation, and stops proposing them", async () => {
    const res = await office.post("/api/common-problems", {
      title: "“三会一课”制度落实不到位",
      category: "party_building",
      department: "县委组织部",
      findingIds: [f.meetingsA, f.meetingsB],
    });
    expect(res.statusCode, res.body).toBe(200);
    problemId = res.json().problem.id;
    expect(res.json().problem).toMatchObject({ findingCount: 2, orgCount: 2, campaignCount: 0, categoryLabel: "党的建设" });
    expect(res.json().findings.map((x: { orgName: string; roundName: string }) => [x.orgName, x.roundName])).toEqual([
      ["县卫生健康局", "第七轮巡察"],
      ["县教育局", "第七轮巡察"],
    ]);
    expect((await office.get("/api/common-problems/candidates?threshold=0.1")).json().considered).toBe(3);
    // Wide readers and functional departments read the list; an organisation's contact does not.
    const list = await department.get("/api/common-problems");
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].can).toEqual({ update: false, launchCampaign: false });
    expect((await secretary.get(`/api/common-problems/${problemId}`)).statusCode).toBe(200);
    const contactRead = await contactA.get("/api/common-problems");
    expect(contactRead.statusCode).toBe(403);
    expect(contactRead.json().message).toMatch(/只有巡察办/);
  });

  it("refuses a finding already in a common problem", async () => {
    const res = await office.post("/api/common-problems", { title: "重复归入", findingIds: [f.meetingsA, f.drinkB] });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("已归入共性问题““三会一课”制度落实不到位”");
  });

  it("changes title and department with the version it was read at", async () => {
    const detail = (await office.get(`/api/common-problems/${problemId}`)).json();
    const res = await office.put(`/api/common-problems/${problemId}`, {
      title: "基层党支部“三会一课”制度落实不到位",
      version: detail.problem.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().problem.title).toBe("基层党支部“三会一课”制度落实不到位");
    expect(res.json().problem.department).toBe("县委组织部");
    const stale = await office.put(`/api/common-problems/${problemId}`, { title: "旧版本", version: detail.problem.version });
    expect(stale.statusCode).toBe(409);
  });

  it("adds a finding and removes it, but never leaves fewer than two organisations", async () => {
    const added = await office.post(`/api/common-problems/${problemId}/findings`, { findingIds: [f.allowanceA] });
    expect(added.statusCode).toBe(200);
    expect(added.json().problem).toMatchObject({ findingCount: 3, orgCount: 2 });
    const lastOfB = await office.delete(`/api/common-problems/${problemId}/findings/${f.meetingsB}`);
    expect(lastOfB.statusCode).toBe(422);
    expect(lastOfB.json().message).toContain("不能移出");
    const removed = await office.delete(`/api/common-problems/${problemId}/findings/${f.allowanceA}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().problem).toMatchObject({ findingCount: 2, orgCount: 2 });
    const again = await office.delete(`/api/common-problems/${problemId}/findings/${f.allowanceA}`);
    expect(again.statusCode).toBe(404);
  });
});

describe("a fix-alike campaign", () => {
  it("refuses anyone but the office, in Chinese", async () => {
    const body = { kind: "fix_alike", title: "自查", instructions: "自查", dueDate, orgIds: [org.A.id] };
    for (const c of [secretary, department, contactA]) {
      const res = await c.post(`/api/common-problems/${problemId}/campaigns`, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("只有巡察办可以部署同类同改、未巡先改");
    }
  });

  it("puts exactly one self-check row in each target organisation's ledger, inspected or not", async () => {
    const options = (await office.get("/api/campaigns/org-options")).json().items as Array<{ name: string; inspected: boolean }>;
    expect(options.find((o) => o.name === "县水利局")?.inspected).toBe(false);
    expect(options.find((o) => o.name === "县教育局")?.inspected).toBe(true);
    const res = await office.post(`/api/common-problems/${problemId}/campaigns`, {
      kind: "fix_before_inspection",
      title: "对照检查“三会一课”落实情况",
      instructions: "对照《中国共产党支部工作条例（试行）》自查2024年以来“三会一课”开展情况并整改",
      dueDate,
      orgIds: [org.A.id, org.C.id],
    });
    expect(res.statusCode).toBe(200);
    campaignId = res.json().campaign.id;
    expect(res.json().campaign).toMatchObject({ kindLabel: "未巡先改", dueDate });
    expect(
      res
        .json()
        .targets.map((x: { orgName: string; inspected: boolean; responseLabel: string }) => [
          x.orgName,
          x.inspected,
          x.responseLabel,
        ]),
    ).toEqual(
      expect.arrayContaining([
        ["县教育局", true, "未开始"],
        ["县水利局", false, "未开始"],
      ]),
    );
    for (const c of [contactA, contactC]) {
      const rows = await selfCheckRows(c);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ seqLabel: "自查1", assignmentId: null, deadline: dueDate, campaignId });
      expect(rows[0]!.text).toContain("对照检查“三会一课”落实情况");
      expect(rows[0]!.can.fill).toBe(true);
      // Its detail names the campaign where a feedback row names its round.
      const detail = await c.get(`/api/ledger/${rows[0]!.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().row).toMatchObject({ aspectTitle: "同类同改自查", problemId: null });
      expect(detail.json().row.roundName).toMatch(/^同类同改自查：/);
    }
    expect(await selfCheckRows(contactB)).toHaveLength(0);
    expect(await counts()).toEqual({ total: 2, not_started: 2, in_progress: 0, close_requested: 0, closed: 0, overdue: 0 });
    const list = (await office.get(`/api/common-problems`)).json().items[0];
    expect(list.campaignCount).toBe(1);
  });

  it("follows the contact's filling, close-out request and the office's close-out in its counts", async () => {
    const [row] = await selfCheckRows(contactA);
    const fill = await contactA.patch(`/api/ledger/${row!.id}`, {
      version: row!.version,
      measures: "各支部补开党课，建立“三会一课”记实台账",
      responsibleLeader: "李局长",
      progress: "in_progress",
    });
    expect(fill.statusCode).toBe(200);
    expect(await counts()).toMatchObject({ not_started: 1, in_progress: 1 });
    expect((await upload(contactA, row!.id)).statusCode).toBe(200);
    expect((await contactA.post(`/api/ledger/${row!.id}/request-closeout`, {})).statusCode).toBe(200);
    expect(await counts()).toMatchObject({ not_started: 1, in_progress: 0, close_requested: 1 });
    const close = await office2.post(`/api/ledger/${row!.id}/close`, { opinion: "佐证材料齐全" });
    expect(close.statusCode).toBe(200);
    expect(await counts()).toMatchObject({ not_started: 1, close_requested: 0, closed: 1 });
    const detail = (await department.get(`/api/campaigns/${campaignId}`)).json();
    expect(detail.targets.find((x: { orgName: string }) => x.orgName === "县教育局")).toMatchObject({
      statusLabel: "已销号",
      responseLabel: "已销号",
    });
  });

  it("refuses an organisation already targeted, and adds a new one", async () => {
    const dup = await office.post(`/api/campaigns/${campaignId}/targets`, { orgIds: [org.C.id] });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().message).toBe("“县水利局”已在本次部署中，不能重复部署");
    const twice = await office.post(`/api/common-problems/${problemId}/campaigns`, {
      kind: "fix_alike",
      title: "重复",
      instructions: "重复",
      dueDate,
      orgIds: [org.B.id, org.B.id],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/重复/);
    const added = await office.post(`/api/campaigns/${campaignId}/targets`, { orgIds: [org.B.id] });
    expect(added.statusCode).toBe(200);
    expect(added.json().campaign.counts).toMatchObject({ total: 3, not_started: 2, closed: 1 });
    expect(await selfCheckRows(contactB)).toHaveLength(1);
    const contactAdd = await contactB.post(`/api/campaigns/${campaignId}/targets`, { orgIds: [org.A.id] });
    expect(contactAdd.statusCode).toBe(403);
  });

  it("numbers a second campaign's row in the same organisation 自查2, and counts overdue rows", async () => {
    const res = await office.post(`/api/common-problems/${problemId}/campaigns`, {
      kind: "fix_alike",
      title: "党课开展情况回头看",
      instructions: "检查补开党课的效果",
      dueDate,
      orgIds: [org.C.id],
    });
    expect(res.statusCode).toBe(200);
    expect((await selfCheckRows(contactC)).map((r) => r.seqLabel).sort()).toEqual(["自查1", "自查2"]);
    const past = await office.post(`/api/common-problems/${problemId}/campaigns`, {
      ...{ kind: "fix_alike", title: "过期", instructions: "过期", orgIds: [org.C.id] },
      dueDate: "2024-03-31",
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().message).toBe("整改时限不能早于今天");
    // Two days after the due date (fresh sessions: the old ones would have timed out).
    t.setNow(new Date("2024-05-03T02:00:00Z"));
    office = await login(t.app, "office1");
    secretary = await login(t.app, "shuji");
    expect(await counts()).toMatchObject({ total: 3, closed: 1, overdue: 2 });
    const late = await office.post(`/api/campaigns/${campaignId}/targets`, { orgIds: [org.A.id] });
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toBe("本次部署的整改时限已过，不能追加单位");
    const campaigns = (await secretary.get(`/api/campaigns?commonProblemId=${problemId}`)).json().items;
    expect(campaigns).toHaveLength(2);
  });
});
