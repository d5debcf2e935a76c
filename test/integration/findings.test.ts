import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { auditEntries, feedbackAspects, feedbackProblems, findings, orgs } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";

let t: TestApp;
let office: Client;
let member: Client;
let memberUser: NewUser;
/** An assignment whose team left the site in 2023: anything entered now is backfill (补录). */
let pastAsg = "";
/** An assignment still on site (withdrawal in the future). */
let currentAsg = "";
let otherTeamAsg = "";
let orgId = "";

const finding = {
  text: "落实中央八项规定精神不到位，违规发放津贴补贴",
  category: "strict_governance",
  characterisation: "违反中央八项规定精神",
  isCommon: false,
  isCoreMandate: true,
  involvesTopLeader: true,
  source: "documents",
};

async function newOrg(name: string): Promise<string> {
  const id = uuidv7();
  await t.ctx.db.insert(orgs).values({ id, name, kind: "agency", path: `/${id}/` });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await newOrg("县粮食和物资储备局");
  const orgB = await newOrg("县市场监督管理局");
  const orgC = await newOrg("县供销合作社");
  await newUser(t.ctx, "office1", ["office_staff"], "王办");
  await newUser(t.ctx, "ldxz", ["leading_group"]);
  await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId }]);
  await newUser(t.ctx, "sysadm2", ["system_admin"]);
  await newUser(t.ctx, "secadmin", ["security_admin"]);
  await newUser(t.ctx, "auditadm", ["audit_admin"]);
  memberUser = await newUser(t.ctx, "chengyuan", [], "赵成员");
  const liaison = await newUser(t.ctx, "lianluo", [], "孙联络");
  const other = await newUser(t.ctx, "biezu", [], "钱别组");
  office = await login(t.app, "office1");

  const termId = (await office.post("/api/terms", { name: "十三届县委", startDate: "2021-09-01", endDate: "2026-09-01" })).json()
    .term.id;
  const roundId = (await office.post("/api/rounds", { termId, name: "第七轮", kind: "regular" })).json().round.id;
  const teamA = (await office.post(`/api/rounds/${roundId}/teams`, { name: "第一巡察组" })).json().team.id;
  const teamB = (await office.post(`/api/rounds/${roundId}/teams`, { name: "第二巡察组" })).json().team.id;
  await office.post(`/api/teams/${teamA}/members`, { userId: memberUser.id, position: "member" });
  await office.post(`/api/teams/${teamA}/members`, { userId: liaison.id, position: "liaison" });
  await office.post(`/api/teams/${teamB}/members`, { userId: other.id, position: "leader" });
  pastAsg = (await office.post(`/api/rounds/${roundId}/assignments`, { teamId: teamA, orgId, entryDate: "2023-09-06" })).json()
    .assignment.id;
  currentAsg = (
    await office.post(`/api/rounds/${roundId}/assignments`, {
      teamId: teamA,
      orgId: orgB,
      entryDate: "2024-03-01",
      withdrawalDate: "2099-12-31",
    })
  ).json().assignment.id;
  otherTeamAsg = (await office.post(`/api/rounds/${roundId}/assignments`, { teamId: teamB, orgId: orgC })).json().assignment.id;
  member = await login(t.app, "chengyuan");
});
afterAll(() => t.close());

describe("findings entered by the team", () => {
  it("lets a team member enter a finding, with labels and the assignment's organisation", async () => {
    const res = await member.post(`/api/assignments/${currentAsg}/findings`, finding);
    expect(res.statusCode).toBe(200);
    expect(res.json().finding).toMatchObject({
      text: finding.text,
      categoryLabel: "全面从严治党",
      sourceLabel: "查阅资料",
      problemId: null,
      createdBy: memberUser.id,
      enteredAfterWithdrawal: false,
      can: { update: true, delete: true },
    });
    const [row] = await t.ctx.db.select().from(findings).where(eq(findings.id, res.json().finding.id));
    expect(row?.orgId).not.toBe(orgId); // copied from this assignment, not another
    const asg = (await member.get(`/api/assignments/${currentAsg}`)).json().assignment;
    expect(asg.findingCount).toBe(1);
  });

  it("marks findings entered after withdrawal as backfill and reports the shares", async () => {
    const liaison = await login(t.app, "lianluo");
    await liaison.post(`/api/assignments/${pastAsg}/findings`, finding);
    await liaison.post(`/api/assignments/${pastAsg}/findings`, {
      ...finding,
      text: "“三会一课”制度落实不严格",
      category: "party_building",
      isCommon: true,
      isCoreMandate: false,
      involvesTopLeader: false,
      source: null,
    });
    await liaison.post(`/api/assignments/${pastAsg}/findings`, {
      ...finding,
      text: "粮食收储监管存在漏洞",
      category: "core_mandate",
      isCommon: true,
      characterisation: undefined,
      source: undefined,
    });
    await liaison.post(`/api/assignments/${pastAsg}/findings`, {
      ...finding,
      text: "干部选拔程序不规范",
      category: "party_building",
      isCommon: true,
      isCoreMandate: false,
    });
    const list = (await member.get(`/api/assignments/${pastAsg}/findings`)).json();
    expect(list.items).toHaveLength(4);
    expect(list.items.every((f: { enteredAfterWithdrawal: boolean }) => f.enteredAfterWithdrawal)).toBe(true);
    expect(list.items[1]).toMatchObject({ source: null, sourceLabel: null });
    expect(list.shares).toEqual({ coreMandate: 0.5, common: 0.75 });
    const empty = (await office.get(`/api/assignments/${otherTeamAsg}/findings`)).json();
    expect(empty).toEqual({ items: [], shares: { coreMandate: null, common: null } });
  });

  it("lets the team change and delete a finding, with its version", async () => {
    const created = (await member.post(`/api/assignments/${currentAsg}/findings`, { ...finding, text: "初稿" })).json().finding;
    const changed = await member.patch(`/api/findings/${created.id}`, {
      text: "修改后的问题描述",
      isCommon: true,
      version: created.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().finding).toMatchObject({ text: "修改后的问题描述", isCommon: true, version: 2 });
    const stale = await member.patch(`/api/findings/${created.id}`, { text: "再改", version: 1 });
    expect(stale.statusCode).toBe(409);
    const badCategory = await member.patch(`/api/findings/${created.id}`, { category: "other", version: 2 });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().message).toContain("问题类别无效");
    expect((await member.delete(`/api/findings/${created.id}`)).statusCode).toBe(200);
    const texts = (await member.get(`/api/assignments/${currentAsg}/findings`)).json().items.map((f: { text: string }) => f.text);
    expect(texts).not.toContain("修改后的问题描述");
    expect((await member.get(`/api/findings/${created.id}`)).statusCode).toBe(404);
    const actions = (await t.ctx.db.select({ action: auditEntries.action }).from(auditEntries)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["finding.create", "finding.update", "finding.delete"]));
  });

  it("refuses an empty text in Chinese", async () => {
    const res = await member.post(`/api/assignments/${currentAsg}/findings`, { ...finding, text: "  " });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("请填写问题描述");
  });

  it("lets the office enter findings too", async () => {
    const res = await office.post(`/api/assignments/${otherTeamAsg}/findings`, finding);
    expect(res.statusCode).toBe(200);
  });
});

describe("who may see and change findings", () => {
  it("refuses another team's member", async () => {
    const other = await login(t.app, "biezu");
    expect((await other.get(`/api/assignments/${currentAsg}/findings`)).statusCode).toBe(403);
    const post = await other.post(`/api/assignments/${currentAsg}/findings`, finding);
    expect(post.statusCode).toBe(403);
    expect(post.json().message).toBe("只有巡察办和该巡察组成员可以登记问题");
    const mine = (await member.get(`/api/assignments/${currentAsg}/findings`)).json().items[0];
    expect((await other.patch(`/api/findings/${mine.id}`, { text: "x", version: mine.version })).statusCode).toBe(403);
    expect((await other.delete(`/api/findings/${mine.id}`)).statusCode).toBe(403);
  });

  it("lets the leading group read findings, which hears the reports, but not change them", async () => {
    const mine = (await member.get(`/api/assignments/${currentAsg}/findings`)).json().items[0];
    const c = await login(t.app, "ldxz");
    const list = await c.get(`/api/assignments/${currentAsg}/findings`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0].can).toEqual({ update: false, delete: false, addEvidence: false, fix: false });
    expect((await c.post(`/api/assignments/${currentAsg}/findings`, finding)).statusCode).toBe(403);
    expect((await c.patch(`/api/findings/${mine.id}`, { text: "x", version: mine.version })).statusCode).toBe(403);
    expect((await c.delete(`/api/findings/${mine.id}`)).statusCode).toBe(403);
  });

  it("refuses an organisation contact and the three administrators", async () => {
    const mine = (await member.get(`/api/assignments/${currentAsg}/findings`)).json().items[0];
    for (const username of ["contact1", "sysadm2", "secadmin", "auditadm"]) {
      const c = await login(t.app, username);
      expect((await c.get(`/api/assignments/${currentAsg}/findings`)).statusCode, username).toBe(403);
      expect((await c.get(`/api/findings/${mine.id}`)).statusCode, username).toBe(403);
      expect((await c.post(`/api/assignments/${currentAsg}/findings`, finding)).statusCode, username).toBe(403);
      expect((await c.patch(`/api/findings/${mine.id}`, { text: "x", version: mine.version })).statusCode, username).toBe(403);
      expect((await c.delete(`/api/findings/${mine.id}`)).statusCode, username).toBe(403);
    }
  });

  it("makes a finding read-only once it is fed back", async () => {
    const mine = (await member.get(`/api/assignments/${pastAsg}/findings`)).json().items[0];
    const aspectId = uuidv7();
    const problemId = uuidv7();
    await t.ctx.db.insert(feedbackAspects).values({ id: aspectId, assignmentId: pastAsg, seq: 1, title: "全面从严治党方面" });
    await t.ctx.db.insert(feedbackProblems).values({ id: problemId, assignmentId: pastAsg, aspectId, seq: 1, text: mine.text });
    await t.ctx.db.update(findings).set({ problemId }).where(eq(findings.id, mine.id));

    const after = (await member.get(`/api/assignments/${pastAsg}/findings`)).json().items[0];
    expect(after).toMatchObject({ problemId, can: { update: false, delete: false } });
    for (const c of [member, office]) {
      const patch = await c.patch(`/api/findings/${mine.id}`, { text: "改", version: after.version });
      expect(patch.statusCode).toBe(422);
      expect(patch.json().message).toBe("该问题已反馈，不能修改");
      const del = await c.delete(`/api/findings/${mine.id}`);
      expect(del.json().message).toBe("该问题已反馈，不能修改");
    }
  });

  it("answers unknown or malformed ids without a server error", async () => {
    expect((await member.get(`/api/assignments/${uuidv7()}/findings`)).statusCode).toBe(404);
    expect((await member.patch(`/api/findings/${uuidv7()}`, { text: "x", version: 1 })).statusCode).toBe(404);
    expect((await member.delete("/api/findings/123")).statusCode).toBe(400);
    const plain = await member.post(`/api/assignments/${currentAsg}/findings`, "not json");
    expect(plain.statusCode).toBe(415);
    expect(plain.json().message).toBe("不支持的请求内容类型");
  });
});
