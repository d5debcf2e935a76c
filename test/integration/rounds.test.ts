import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { auditEntries, feedbackAspects, orgs } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";

let t: TestApp;
let office: Client;
let leaderUser: NewUser;
let memberUser: NewUser;
let otherUser: NewUser;
let adminUser: NewUser;
let agencyId: string;
let villageId: string;
let spareOrgId: string;

async function newOrg(name: string, kind: string): Promise<string> {
  const id = uuidv7();
  await t.ctx.db.insert(orgs).values({ id, name, kind, path: `/${id}/` });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  agencyId = await newOrg("县农业农村局", "agency");
  villageId = await newOrg("红星村", "village");
  spareOrgId = await newOrg("县水利局", "agency");
  await newUser(t.ctx, "office1", ["office_staff"], "王办");
  await newUser(t.ctx, "ldxz", ["leading_group"], "领导小组");
  await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId: agencyId }], "联络人");
  leaderUser = await newUser(t.ctx, "zuzhang", [], "李组长");
  memberUser = await newUser(t.ctx, "chengyuan", [], "赵成员");
  otherUser = await newUser(t.ctx, "biezu", [], "钱别组");
  adminUser = await newUser(t.ctx, "secadmin", ["security_admin"], "安全保密管理员");
  await newUser(t.ctx, "auditadm", ["audit_admin"], "安全审计员");
  office = await login(t.app, "office1");
});
afterAll(() => t.close());

/** Shared state built up by the tests below, in order. */
const s = { termId: "", roundId: "", teamA: "", teamB: "", leaderMemberId: "", agencyAsg: "", villageAsg: "", otherAsg: "" };

describe("terms, rounds and teams", () => {
  it("creates a term and refuses one that ends before it starts", async () => {
    const bad = await office.post("/api/terms", { name: "十三届县委", startDate: "2026-09-01", endDate: "2021-09-01" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toBe("届次结束日期须晚于开始日期");
    const ok = await office.post("/api/terms", { name: "十三届县委", startDate: "2021-09-01", endDate: "2026-09-01" });
    expect(ok.statusCode).toBe(200);
    s.termId = ok.json().term.id;
    const list = await office.get("/api/terms");
    expect(list.json().items.map((x: { name: string }) => x.name)).toEqual(["十三届县委"]);
  });

  it("requires a theme for a special round and lists the round with its kind label", async () => {
    const noTheme = await office.post("/api/rounds", { termId: s.termId, name: "第七轮", kind: "special" });
    expect(noTheme.statusCode).toBe(422);
    expect(noTheme.json().message).toBe("专项巡察须填写巡察主题");
    const badKind = await office.post("/api/rounds", { termId: s.termId, name: "第七轮", kind: "weird" });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain("巡察类型无效");
    const ok = await office.post("/api/rounds", {
      termId: s.termId,
      name: "第七轮",
      kind: "special",
      theme: "涉粮",
      startDate: "2023-09-01",
      endDate: "2023-12-31",
    });
    expect(ok.statusCode).toBe(200);
    const round = ok.json().round;
    s.roundId = round.id;
    // The term counts its rounds.
    const terms = (await office.get("/api/terms")).json().items;
    expect(terms.find((t: { id: string }) => t.id === s.termId)).toMatchObject({ roundCount: 1 });
    expect(round).toMatchObject({
      termName: "十三届县委",
      kindLabel: "专项巡察",
      theme: "涉粮",
      assignmentCount: 0,
      can: { update: true, manage: true },
    });
  });

  it("changes a round with its version and refuses a stale version", async () => {
    const first = await office.patch(`/api/rounds/${s.roundId}`, { name: "第七轮（涉粮专项）", version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().round).toMatchObject({ name: "第七轮（涉粮专项）", version: 2 });
    const stale = await office.patch(`/api/rounds/${s.roundId}`, { name: "又改", version: 1 });
    expect(stale.statusCode).toBe(409);
    const unknown = await office.patch(`/api/rounds/${uuidv7()}`, { name: "x", version: 1 });
    expect(unknown.statusCode).toBe(404);
    expect((await office.get("/api/rounds/not-a-uuid")).statusCode).toBe(400);
  });

  it("forms teams with one leader, each person once, and no administrator accounts", async () => {
    s.teamA = (await office.post(`/api/rounds/${s.roundId}/teams`, { name: "第一巡察组" })).json().team.id;
    s.teamB = (await office.post(`/api/rounds/${s.roundId}/teams`, { name: "第二巡察组" })).json().team.id;
    const lead = await office.post(`/api/teams/${s.teamA}/members`, { userId: leaderUser.id, position: "leader" });
    expect(lead.statusCode).toBe(200);
    expect(lead.json().member).toMatchObject({ displayName: "李组长", positionLabel: "组长" });
    s.leaderMemberId = lead.json().member.id;
    expect((await office.post(`/api/teams/${s.teamA}/members`, { userId: memberUser.id, position: "member" })).statusCode).toBe(
      200,
    );
    expect((await office.post(`/api/teams/${s.teamB}/members`, { userId: otherUser.id, position: "liaison" })).statusCode).toBe(
      200,
    );

    const secondLeader = await office.post(`/api/teams/${s.teamA}/members`, { userId: otherUser.id, position: "leader" });
    expect(secondLeader.statusCode).toBe(422);
    expect(secondLeader.json().message).toContain("只能有一名组长");
    const twice = await office.post(`/api/teams/${s.teamA}/members`, { userId: memberUser.id, position: "liaison" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe("赵成员已是第一巡察组成员");
    const admin = await office.post(`/api/teams/${s.teamA}/members`, { userId: adminUser.id, position: "member" });
    expect(admin.statusCode).toBe(422);
    expect(admin.json().message).toContain("不能加入巡察组");
  });

  it("offers business accounts, not administrators, when picking members", async () => {
    const all = (await office.get("/api/people")).json().items.map((p: { username: string }) => p.username);
    expect(all).toContain("zuzhang");
    expect(all).not.toContain("secadmin");
    expect(all).not.toContain("auditadm");
    expect(all).not.toContain("sysadmin");
    const found = (await office.get(`/api/people?q=${encodeURIComponent("赵")}`)).json().items;
    expect(found).toEqual([{ id: memberUser.id, username: "chengyuan", displayName: "赵成员" }]);
    const leader = await login(t.app, "zuzhang");
    expect((await leader.get("/api/people")).statusCode).toBe(403);
  });
});

describe("assignments", () => {
  it("sets the default withdrawal date 40 working days after entry for an agency, across the 2023 National Day holiday", async () => {
    // Entry Wed 2023-09-06. Working days after it: 9/7–9/8 (2), 9/11–15 (7), 9/18–22 (12), 9/25–28 (16);
    // 9/29–10/6 are the 中秋国庆 holidays; Sat 10/7 and Sun 10/8 are make-up workdays (18); 10/9–13 (23),
    // 10/16–20 (28), 10/23–27 (33), 10/30–11/3 (38), Mon 11/6 (39), Tue 11/7 (40). Without the holiday
    // arrangement the 40th weekday would be 11/1: six weekdays off, two weekend days worked.
    const res = await office.post(`/api/rounds/${s.roundId}/assignments`, {
      teamId: s.teamA,
      orgId: agencyId,
      entryDate: "2023-09-06",
    });
    expect(res.statusCode).toBe(200);
    const a = res.json().assignment;
    s.agencyAsg = a.id;
    expect(a).toMatchObject({
      orgName: "县农业农村局",
      teamName: "第一巡察组",
      entryDate: "2023-09-06",
      withdrawalDate: "2023-11-07",
      onSiteWorkingDays: 40,
      feedbackDate: null,
      findingCount: 0,
      feedbackRegistered: false,
      can: { update: true, addFinding: true, registerFeedback: true },
    });
  });

  it("sets 7 working days for a village (Mon 2023-09-25 → Tue 2023-10-10, the holiday skipped, 10/7–10/8 worked)", async () => {
    const res = await office.post(`/api/rounds/${s.roundId}/assignments`, {
      teamId: s.teamA,
      orgId: villageId,
      entryDate: "2023-09-25",
    });
    expect(res.json().assignment).toMatchObject({ withdrawalDate: "2023-10-10", onSiteWorkingDays: 7 });
    s.villageAsg = res.json().assignment.id;
  });

  it("refuses dates out of order with a Chinese reason, a second assignment of one org, and a team of another round", async () => {
    const back = await office.post(`/api/rounds/${s.roundId}/assignments`, {
      teamId: s.teamB,
      orgId: spareOrgId,
      entryDate: "2023-09-06",
      withdrawalDate: "2023-09-01",
    });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ code: "rule_violation", message: "撤点日期不能早于进驻日期" });
    const early = await office.post(`/api/rounds/${s.roundId}/assignments`, {
      teamId: s.teamB,
      orgId: spareOrgId,
      entryDate: "2023-09-06",
      feedbackDate: "2023-10-01",
    });
    expect(early.json().message).toBe("反馈日期不能早于撤点日期");
    const twice = await office.post(`/api/rounds/${s.roundId}/assignments`, { teamId: s.teamB, orgId: agencyId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe("县农业农村局在本轮已有巡察任务");
    const otherRound = (await office.post("/api/rounds", { termId: s.termId, name: "第八轮", kind: "regular" })).json().round.id;
    const wrongTeam = await office.post(`/api/rounds/${otherRound}/assignments`, { teamId: s.teamB, orgId: spareOrgId });
    expect(wrongTeam.json().message).toBe("所选巡察组不属于本轮巡察");
    const badDate = await office.post(`/api/rounds/${s.roundId}/assignments`, {
      teamId: s.teamB,
      orgId: spareOrgId,
      entryDate: "2023-02-30",
    });
    expect(badDate.statusCode).toBe(400);
    const ok = await office.post(`/api/rounds/${s.roundId}/assignments`, { teamId: s.teamB, orgId: spareOrgId });
    expect(ok.json().assignment).toMatchObject({ entryDate: null, withdrawalDate: null, onSiteWorkingDays: null });
    s.otherAsg = ok.json().assignment.id;
  });

  it("changes dates in order, computes the plan due date, and locks the feedback date once feedback is registered", async () => {
    const bad = await office.patch(`/api/assignments/${s.agencyAsg}`, { feedbackDate: "2023-11-01", version: 1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toBe("反馈日期不能早于撤点日期");
    const ok = await office.patch(`/api/assignments/${s.agencyAsg}`, { feedbackDate: "2023-11-20", version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().assignment).toMatchObject({ feedbackDate: "2023-11-20", version: 2 });
    // Mon 11/20 + 15 working days: 11/21–24 (4), 11/27–12/1 (9), 12/4–8 (14), Mon 12/11 (15).
    const detail = (await office.get(`/api/assignments/${s.agencyAsg}`)).json();
    expect(detail.planDueDate).toBe("2023-12-11");

    await t.ctx.db.insert(feedbackAspects).values({ id: uuidv7(), assignmentId: s.agencyAsg, seq: 1, title: "党的领导方面" });
    const after = (await office.get(`/api/assignments/${s.agencyAsg}`)).json().assignment;
    expect(after).toMatchObject({ feedbackRegistered: true, can: { registerFeedback: false } });
    const locked = await office.patch(`/api/assignments/${s.agencyAsg}`, { feedbackDate: "2023-11-21", version: 2 });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().message).toBe("已登记反馈意见，不能修改反馈日期");
    const stale = await office.patch(`/api/assignments/${s.agencyAsg}`, { withdrawalDate: "2023-11-08", version: 1 });
    expect(stale.statusCode).toBe(409);
  });
});

describe("who sees what", () => {
  it("shows a team member only their own team's assignments and rounds", async () => {
    const member = await login(t.app, "chengyuan");
    const rounds = (await member.get("/api/rounds")).json().items;
    expect(rounds.map((r: { name: string }) => r.name)).toEqual(["第七轮（涉粮专项）"]);
    expect(rounds[0]).toMatchObject({ assignmentCount: 2, can: { update: false, manage: false } });
    const list = (await member.get("/api/assignments")).json().items;
    expect(list.map((a: { orgName: string }) => a.orgName).sort()).toEqual(["红星村", "县农业农村局"].sort());
    expect(list[0].can).toMatchObject({ update: false, addFinding: true, registerFeedback: false });
    const detail = (await member.get(`/api/rounds/${s.roundId}`)).json();
    expect(detail.teams.map((x: { name: string }) => x.name)).toEqual(["第一巡察组"]);
    expect(detail.teams[0].members.map((m: { displayName: string }) => m.displayName)).toEqual(["李组长", "赵成员"]);
    expect(detail.assignments).toHaveLength(2);
    expect((await member.get(`/api/assignments/${s.otherAsg}`)).statusCode).toBe(403);
    expect((await member.patch(`/api/assignments/${s.villageAsg}`, { feedbackDate: "2023-10-20", version: 1 })).statusCode).toBe(
      403,
    );
  });

  it("refuses another team's member on this team's assignment", async () => {
    const other = await login(t.app, "biezu");
    const res = await other.get(`/api/assignments/${s.agencyAsg}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("您不是该巡察组成员，无权查看该巡察任务");
    expect((await other.get("/api/assignments")).json().items.map((a: { id: string }) => a.id)).toEqual([s.otherAsg]);
  });

  it("lets the leading group read every assignment but not change them", async () => {
    const lg = await login(t.app, "ldxz");
    const items = (await lg.get(`/api/assignments?roundId=${s.roundId}`)).json().items;
    expect(items).toHaveLength(3);
    expect(items.every((a: { can: { update: boolean } }) => !a.can.update)).toBe(true);
    expect((await lg.post("/api/terms", { name: "十四届", startDate: "2026-09-01", endDate: "2031-09-01" })).statusCode).toBe(
      403,
    );
  });

  it("refuses an organisation contact and the administrators", async () => {
    for (const username of ["contact1", "secadmin", "auditadm"]) {
      const c = await login(t.app, username);
      expect((await c.get("/api/rounds")).statusCode, username).toBe(403);
      expect((await c.get("/api/terms")).statusCode, username).toBe(403);
      expect((await c.get(`/api/rounds/${s.roundId}`)).statusCode, username).toBe(403);
      expect((await c.get(`/api/assignments/${s.agencyAsg}`)).statusCode, username).toBe(403);
      expect((await c.get("/api/assignments")).statusCode, username).toBe(403);
    }
  });

  it("hides an assignment from a removed member at once", async () => {
    const leader = await login(t.app, "zuzhang");
    expect((await leader.get(`/api/assignments/${s.agencyAsg}`)).statusCode).toBe(200);
    const removed = await office.delete(`/api/teams/${s.teamA}/members/${s.leaderMemberId}`);
    expect(removed.statusCode).toBe(200);
    expect((await leader.get(`/api/assignments/${s.agencyAsg}`)).statusCode).toBe(403);
    const again = await office.delete(`/api/teams/${s.teamA}/members/${s.leaderMemberId}`);
    expect(again.statusCode).toBe(404);
    const team = (await office.get(`/api/rounds/${s.roundId}`)).json().teams.find((x: { id: string }) => x.id === s.teamA);
    expect(team.members.map((m: { displayName: string }) => m.displayName)).toEqual(["赵成员"]);
  });

  it("records each change in the audit log", async () => {
    const rows = await t.ctx.db.select({ action: auditEntries.action }).from(auditEntries);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      "term.create",
      "round.create",
      "round.update",
      "team.create",
      "team.add_member",
      "team.remove_member",
      "assignment.create",
      "assignment.update",
    ]) {
      expect(actions, a).toContain(a);
    }
    const [created] = await t.ctx.db
      .select({ changes: auditEntries.changes })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "assignment.create"), eq(auditEntries.recordIds, [s.agencyAsg])));
    expect(created?.changes).toMatchObject({ withdrawalDate: "2023-11-07", withdrawalDateDefaulted: true });
  });
});
