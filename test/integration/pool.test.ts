import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";
import { newOrg, newRound } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let orgDept: Client;
let contact: Client;
let sysadmin: Client;
let zhangsanAccount: NewUser;
let zhoujiuAccount: NewUser;
let outsiderAccount: NewUser;
const org = {
  county: { id: "", path: "", name: "" },
  town: { id: "", path: "", name: "" },
  village: { id: "", path: "", name: "" },
};
const bureau = { id: "", path: "", name: "" };
const audit = { id: "", path: "", name: "" };
/** Pool person ids by name. */
const P: Record<string, string> = {};
let round0 = "";
let round1 = "";
let teamA = "";
let teamB = "";

interface PersonJson {
  id: string;
  name: string;
  status: string;
  statusLabel: string;
  removedReason: string | null;
  removedOn: string | null;
  roundsServed: number;
  trainingsAttended: number;
  version: number;
  can: { update: boolean; remove: boolean; manageRelations: boolean };
}
interface MemberJson {
  displayName: string;
  userId: string | null;
  poolPersonId: string | null;
  positionLabel: string;
  specialistReason: string | null;
  overrideReason: string | null;
}
interface TeamJson {
  id: string;
  members: MemberJson[];
  branchSecretary: string | null;
  poolMemberCount: number;
  warnings: string[];
}

const person = (name: string, fields: Record<string, unknown>) => ({
  name,
  unit: "县委巡察办",
  partyStatus: "full",
  status: "formal",
  ...fields,
});

async function addPerson(body: Record<string, unknown>): Promise<PersonJson> {
  const res = await office.post("/api/pool", body);
  expect(res.statusCode, res.body).toBe(200);
  const p = res.json().person as PersonJson;
  P[p.name] = p.id;
  return p;
}

const seat = (teamId: string, body: Record<string, unknown>) => office.post(`/api/teams/${teamId}/members`, body);
const seatOk = async (teamId: string, body: Record<string, unknown>) => {
  const res = await seat(teamId, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().member as MemberJson;
};
const teamOf = async (roundId: string, teamId: string): Promise<TeamJson> =>
  (await office.get(`/api/rounds/${roundId}`)).json().teams.find((x: TeamJson) => x.id === teamId);
const personOf = async (name: string) => (await office.get(`/api/pool/${P[name]}`)).json();
const names = (items: PersonJson[]) => items.map((p) => p.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  org.county = await newOrg(t.ctx, "某县委", "agency");
  org.town = await newOrg(t.ctx, "某镇党委", "township", org.county);
  org.village = await newOrg(t.ctx, "某村党支部", "village", org.town);
  Object.assign(bureau, await newOrg(t.ctx, "县财政局党组", "agency", org.county));
  Object.assign(audit, await newOrg(t.ctx, "县审计局党组", "agency", org.county));
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办王敏");
  await newUser(t.ctx, "zuzhibu", ["org_dept"], "组织部李华");
  await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId: org.town.id }], "某镇联络员");
  zhangsanAccount = await newUser(t.ctx, "zhangsan", [], "张三");
  zhoujiuAccount = await newUser(t.ctx, "zhoujiu", [], "周九");
  outsiderAccount = await newUser(t.ctx, "waibu", [], "外部账号");
  office = await login(t.app, "office1");
  orgDept = await login(t.app, "zuzhibu");
  contact = await login(t.app, "contact1");
  sysadmin = await login(t.app, "sysadmin");
  round0 = (await newRound(t.ctx, "第一轮巡察")).id;
  round1 = (await newRound(t.ctx, "第二轮巡察")).id;
});
afterAll(() => t.close());

describe("the talent pool", () => {
  it("enters people (office), with Chinese reasons for what is missing", async () => {
    await addPerson(
      person("张三", { unit: "某镇党委", unitOrgId: org.town.id, specialties: ["财务"], userId: zhangsanAccount.id }),
    );
    await addPerson(person("李四", { specialties: ["审计"], leaderPool: true, rank: "county" }));
    await addPerson(person("王五", { partyStatus: "none", specialties: ["工程"], position: "高级工程师" }));
    await addPerson(person("周九", { specialties: ["组织人事"], leaderPool: true }));
    await addPerson(person("赵六", { unit: "县财政局", unitOrgId: bureau.id, specialties: ["财务"] }));
    await addPerson(person("钱七", { partyStatus: "probationary", specialties: ["法律"] }));
    await addPerson(person("孙八", { status: "reserve", specialties: ["财务"] }));
    await addPerson(person("吴十", { specialties: ["纪检"] }));
    await addPerson(person("陈一", { specialties: ["纪检"] }));
    await addPerson(person("林二", { specialties: ["财务"] }));
    await addPerson(person("黄三", { specialties: ["法律"] }));
    await addPerson(person("何四", { specialties: ["财务", "审计"] }));

    const missing = await office.post("/api/pool", { unit: "县审计局", partyStatus: "full" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("请填写姓名");
    const badParty = await office.post("/api/pool", { name: "某人", unit: "县审计局", partyStatus: "member" });
    expect(badParty.statusCode).toBe(400);
    expect(badParty.body).toContain("请选择政治面貌");
    const twice = await office.post("/api/pool", person("张三二", { userId: zhangsanAccount.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe("该账号已关联人才库人员 张三");
  });

  it("lets the office and the organisation department read it, and only the office change it", async () => {
    expect((await orgDept.get("/api/pool")).statusCode).toBe(200);
    const write = await orgDept.post("/api/pool", person("某人", {}));
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toBe("只有巡察办可以管理人才库和培训");
    expect((await orgDept.get("/api/pool")).json().items.every((p: PersonJson) => !p.can.update)).toBe(true);
    expect((await contact.get("/api/pool")).statusCode).toBe(403);
    expect((await contact.get("/api/pool")).json().message).toBe("只有巡察办和组织部可以查看人才库");
    expect((await sysadmin.get("/api/pool")).statusCode).toBe(403);
    expect((await anonymous(t.app).get("/api/pool")).statusCode).toBe(401);
  });

  it("filters by status, leader pool, specialty, party status and a search", async () => {
    const list = async (q: string) => names((await office.get(`/api/pool${q}`)).json().items);
    expect(await list("?leaderPool=true")).toEqual(["周九", "李四"].sort());
    expect(await list("?status=reserve")).toEqual(["孙八"]);
    expect(await list(`?specialty=${encodeURIComponent("财务")}`)).toEqual(["何四", "孙八", "张三", "林二", "赵六"].sort());
    expect(await list("?partyStatus=none")).toEqual(["王五"]);
    expect(await list("?partyStatus=probationary")).toEqual(["钱七"]);
    expect(await list(`?q=${encodeURIComponent("县财政")}`)).toEqual(["赵六"]);
    expect(await list(`?q=${encodeURIComponent("工程师")}`)).toEqual(["王五"]);
    expect((await office.get("/api/pool?leaderPool=maybe")).statusCode).toBe(400);
  });

  it("changes a person with the version read and refuses a stale one", async () => {
    const before = (await personOf("钱七")).person as PersonJson;
    const res = await office.patch(`/api/pool/${P["钱七"]}`, { version: before.version, phone: "0730-1234567", rank: "section" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().person).toMatchObject({ phone: "0730-1234567", rankLabel: "科级", version: before.version + 1 });
    const stale = await office.patch(`/api/pool/${P["钱七"]}`, { version: before.version, phone: "1" });
    expect(stale.statusCode).toBe(409);
    const same = await office.patch(`/api/pool/${P["钱七"]}`, { version: before.version + 1, phone: "0730-1234567" });
    expect(same.statusCode).toBe(422);
    expect(same.json().message).toBe("没有需要保存的修改");
  });

  it("records declared ties and removes them", async () => {
    const led = await office.post(`/api/pool/${P["李四"]}/relations`, {
      orgId: org.village.id,
      kind: "led",
      note: "2019-2021年任村支书",
    });
    expect(led.statusCode, led.body).toBe(200);
    expect(led.json().relations).toMatchObject([{ orgName: "某村党支部", kindLabel: "曾任领导" }]);
    const again = await office.post(`/api/pool/${P["李四"]}/relations`, { orgId: org.village.id, kind: "led" });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe("已登记 李四 与 某村党支部 的“曾任领导”关系");
    const related = await office.post(`/api/pool/${P["钱七"]}/relations`, {
      orgId: bureau.id,
      kind: "related",
      note: "配偶在该局任职",
    });
    expect(related.statusCode).toBe(200);
    const wrong = await office.post(`/api/pool/${P["黄三"]}/relations`, { orgId: audit.id, kind: "works_in" });
    const relationId = wrong.json().relations[0].id;
    const removed = await office.delete(`/api/pool/${P["黄三"]}/relations/${relationId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().relations).toEqual([]);
    expect((await office.delete(`/api/pool/${P["黄三"]}/relations/${relationId}`)).statusCode).toBe(404);
    expect((await orgDept.post(`/api/pool/${P["黄三"]}/relations`, { orgId: audit.id, kind: "led" })).statusCode).toBe(403);
  });

  it("removes a person with the reason, keeps them in history, and changes them no more", async () => {
    const p = (await personOf("吴十")).person as PersonJson;
    const noReason = await office.post(`/api/pool/${P["吴十"]}/remove`, { version: p.version, reason: " " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("请填写清退原因");
    const res = await office.post(`/api/pool/${P["吴十"]}/remove`, {
      version: p.version,
      reason: "年度考核不称职",
      removedOn: "2024-03-01",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().person).toMatchObject({
      status: "removed",
      statusLabel: "已清退",
      removedReason: "年度考核不称职",
      removedOn: "2024-03-01",
      can: { update: false, remove: false, manageRelations: false },
    });
    expect(names((await office.get("/api/pool")).json().items)).not.toContain("吴十");
    expect(names((await office.get("/api/pool?status=removed")).json().items)).toEqual(["吴十"]);
    const edit = await office.patch(`/api/pool/${P["吴十"]}`, { version: p.version + 1, phone: "1" });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().message).toBe("吴十 已从人才库清退，不能再修改");
  });
});

describe("trainings", () => {
  it("records a training with attendees, adds more, and refuses repeats and removed people", async () => {
    const res = await office.post("/api/trainings", {
      title: "2024年巡察干部业务培训班",
      heldOn: "2024-04-10",
      days: 3,
      organiser: "县委巡察办",
      personIds: [P["张三"], P["李四"]],
    });
    expect(res.statusCode, res.body).toBe(200);
    const training = res.json().training;
    expect(training.attendees.map((a: { name: string }) => a.name)).toEqual(["张三", "李四"]);
    const more = await office.post(`/api/trainings/${training.id}/attendees`, { personIds: [P["李四"], P["赵六"]] });
    expect(more.statusCode, more.body).toBe(200);
    expect(more.json().added).toBe(1);
    const repeat = await office.post(`/api/trainings/${training.id}/attendees`, { personIds: [P["赵六"]] });
    expect(repeat.statusCode).toBe(422);
    expect(repeat.json().message).toBe("所选人员均已登记参加“2024年巡察干部业务培训班”");
    const removed = await office.post(`/api/trainings/${training.id}/attendees`, { personIds: [P["吴十"]] });
    expect(removed.statusCode).toBe(422);
    expect(removed.json().message).toBe("吴十 已从人才库清退，不能登记参训");
    const empty = await office.post(`/api/trainings/${training.id}/attendees`, { personIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("请选择参训人员");
    expect((await orgDept.post("/api/trainings", { title: "x", heldOn: "2024-04-10" })).statusCode).toBe(403);

    const zhao = await personOf("赵六");
    expect(zhao.trainings.map((x: { title: string }) => x.title)).toEqual(["2024年巡察干部业务培训班"]);
    expect(zhao.person.trainingsAttended).toBe(1);
    expect((await orgDept.get("/api/trainings")).json().items).toHaveLength(1);
  });

  it("counts the pool: people by status, the leader pool, trainings and attendances", async () => {
    const f = (await orgDept.get("/api/pool/figures")).json();
    expect(f).toEqual({
      total: 11,
      byStatus: [
        { status: "reserve", label: "后备", count: 1 },
        { status: "formal", label: "正式", count: 10 },
        { status: "removed", label: "已清退", count: 1 },
      ],
      leaderPool: 2,
      trainings: 1,
      attendances: 3,
      trainedPeople: 3,
    });
    expect((await contact.get("/api/pool/figures")).statusCode).toBe(403);
  });
});

describe("forming a team from the pool", () => {
  it("serves an earlier round (for the rounds-served figure)", async () => {
    const team0 = (await office.post(`/api/rounds/${round0}/teams`, { name: "第一巡察组" })).json().team.id;
    await seatOk(team0, { poolPersonId: P["陈一"], position: "member" });
    await seatOk(team0, { poolPersonId: P["林二"], position: "member" });
    // Seated by an account not yet linked to the pool: a seat, not a pool member.
    const byAccount = await seatOk(team0, { userId: zhoujiuAccount.id, position: "leader" });
    expect(byAccount).toMatchObject({ displayName: "周九", poolPersonId: null });
    // Linked afterwards: the earlier seat counts for the person (rounds served), and later seats go through the rules.
    const zhou = (await personOf("周九")).person as PersonJson;
    const linked = await office.patch(`/api/pool/${P["周九"]}`, { version: zhou.version, userId: zhoujiuAccount.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().person).toMatchObject({ userId: zhoujiuAccount.id, username: "zhoujiu" });
  });

  it("refuses a member who works in the organisation inspected, naming the person, the organisation and the tie", async () => {
    teamA = (await office.post(`/api/rounds/${round1}/teams`, { name: "第一巡察组" })).json().team.id;
    teamB = (await office.post(`/api/rounds/${round1}/teams`, { name: "第二巡察组" })).json().team.id;
    const asg = await office.post(`/api/rounds/${round1}/assignments`, { teamId: teamA, orgId: org.town.id });
    expect(asg.statusCode, asg.body).toBe(200);

    const works = await seat(teamA, { poolPersonId: P["张三"], position: "member" });
    expect(works.statusCode).toBe(422);
    expect(works.json().message).toBe("张三 与 某镇党委 存在回避关系（工作单位），不能参加该巡察组");
    // The same person through their account: the same rule.
    const byAccount = await seat(teamA, { userId: zhangsanAccount.id, position: "member" });
    expect(byAccount.statusCode).toBe(422);
    expect(byAccount.json().message).toBe("张三 与 某镇党委 存在回避关系（工作单位），不能参加该巡察组");
    // A tie below the organisation inspected (led a village of the township).
    const led = await seat(teamA, { poolPersonId: P["李四"], position: "leader" });
    expect(led.statusCode).toBe(422);
    expect(led.json().message).toBe("李四 与 某镇党委 存在回避关系（曾任领导：某村党支部），不能参加该巡察组");
  });

  it("admits a non-party member only as a needed specialist, with the reason recorded", async () => {
    const refused = await seat(teamA, { poolPersonId: P["王五"], position: "member" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toBe("王五 不是中共党员（含预备党员），只有作为急需的专业人才并填写理由才能加入巡察组");
    const m = await seatOk(teamA, { poolPersonId: P["王五"], position: "member", specialistReason: "工程项目审查急需" });
    expect(m).toMatchObject({ displayName: "王五", specialistReason: "工程项目审查急需", userId: null });
    // A probationary member is a party member.
    await seatOk(teamB, { poolPersonId: P["钱七"], position: "member" });
  });

  it("takes the leader from the leader pool, or records the office's reason for an exception", async () => {
    const outsider = await seat(teamB, { poolPersonId: P["赵六"], position: "leader" });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().message).toBe("赵六 不在组长库中，担任组长须由巡察办填写破格选配理由");
    const overridden = await seatOk(teamB, {
      poolPersonId: P["赵六"],
      position: "leader",
      overrideReason: "熟悉财政业务，经办务会研究破格选配",
    });
    expect(overridden.overrideReason).toBe("熟悉财政业务，经办务会研究破格选配");
    // A pool person with an account gives that account the seat.
    const leader = await seatOk(teamA, { poolPersonId: P["周九"], position: "leader" });
    expect(leader).toMatchObject({
      displayName: "周九",
      userId: zhoujiuAccount.id,
      poolPersonId: P["周九"],
      positionLabel: "组长",
    });
    const zhoujiu = await login(t.app, "zhoujiu");
    expect((await zhoujiu.get(`/api/rounds/${round1}`)).statusCode).toBe(200);
  });

  it("refuses a removed person and a person twice", async () => {
    const removed = await seat(teamA, { poolPersonId: P["吴十"], position: "member" });
    expect(removed.statusCode).toBe(422);
    expect(removed.json().message).toBe("吴十 已从人才库清退，不能加入巡察组");
    const twice = await seat(teamA, { userId: zhoujiuAccount.id, position: "member" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe("周九已是第一巡察组成员");
    const both = await seat(teamA, { userId: outsiderAccount.id, poolPersonId: P["黄三"], position: "member" });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain("请选择一名人才库人员或一个账号");
  });

  it("shows the temporary party branch's secretary and warns when pool members are outside 4–6", async () => {
    // An account without a pool record takes a seat but is not a pool member.
    await seatOk(teamA, { userId: outsiderAccount.id, position: "liaison" });
    const a = await teamOf(round1, teamA);
    expect(a.branchSecretary).toBe("周九");
    expect(a.poolMemberCount).toBe(2);
    expect(a.warnings).toEqual(["人才库人员 2 人，少于每组 4 人的要求"]);
    expect(a.members.map((m) => m.displayName)).toEqual(["周九", "王五", "外部账号"]);

    const b = await teamOf(round1, teamB);
    expect(b.branchSecretary).toBe("赵六");
    expect(b.warnings).toEqual(["人才库人员 2 人，少于每组 4 人的要求"]);

    const team = (await office.post(`/api/rounds/${round1}/teams`, { name: "第三巡察组" })).json().team;
    expect(team.branchSecretary).toBeNull();
    expect(team.warnings).toContain("尚未配备组长（临时党支部书记）");

    // The range is a setting: with at most one pool member, two is too many.
    expect((await sysadmin.put("/api/settings", { teamPoolMin: 1, teamPoolMax: 1 })).statusCode).toBe(200);
    expect((await teamOf(round1, teamA)).warnings).toEqual(["人才库人员 2 人，多于每组 1 人的上限"]);
    expect((await sysadmin.put("/api/settings", { teamPoolMin: 4, teamPoolMax: 6 })).statusCode).toBe(200);
  });

  it("refuses to give a team an organisation a member is tied to, naming each member", async () => {
    const res = await office.post(`/api/rounds/${round1}/assignments`, { teamId: teamB, orgId: bureau.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe(
      "钱七 与 县财政局党组 存在回避关系（亲属等利害关系）；赵六 与 县财政局党组 存在回避关系（工作单位），该巡察组不能承担此巡察任务",
    );
    // Inspecting the county committee would cover the bureau too.
    const above = await office.post(`/api/rounds/${round1}/assignments`, { teamId: teamB, orgId: org.county.id });
    expect(above.statusCode).toBe(422);
    expect((await office.post(`/api/rounds/${round1}/assignments`, { teamId: teamB, orgId: audit.id })).statusCode).toBe(200);
  });

  it("counts the distinct rounds each person served", async () => {
    const chen = await personOf("陈一");
    expect(chen.person.roundsServed).toBe(1);
    expect(chen.rounds).toMatchObject([{ roundName: "第一轮巡察", teamName: "第一巡察组", positionLabel: "成员" }]);
    await seatOk(teamB, { poolPersonId: P["陈一"], position: "member" });
    expect((await personOf("陈一")).person.roundsServed).toBe(2);
    // Seated in round 0 by account, in round 1 as the pool person: two rounds.
    expect((await personOf("周九")).person.roundsServed).toBe(2);
    expect((await personOf("林二")).person.roundsServed).toBe(1);
    expect((await personOf("黄三")).person.roundsServed).toBe(0);
  });

  it("suggests formal people free of recusal, by specialty, then the fewest rounds served, with the reason", async () => {
    const get = async (q = "") => (await office.get(`/api/teams/${teamA}/suggestions${q}`)).json().items;
    const finance = await get(`?specialty=${encodeURIComponent("财务")}`);
    // Out: 张三 and 李四 (recusal), 孙八 (reserve), 吴十 (removed), everyone seated in this round.
    expect(finance.map((s: { person: PersonJson }) => s.person.name)).toEqual(["何四", "林二", "黄三"]);
    expect(finance[0]).toMatchObject({
      specialtyMatch: true,
      reason: "具备“财务”专长；尚未参加过巡察；与本组巡察对象无回避关系",
    });
    expect(finance[1].reason).toBe("具备“财务”专长；已参加 1 轮巡察；与本组巡察对象无回避关系");
    expect(finance[2]).toMatchObject({ specialtyMatch: false });
    const any = await get();
    expect(any.map((s: { person: PersonJson }) => s.person.name)).toEqual(["何四", "黄三", "林二"]);
    expect((await orgDept.get(`/api/teams/${teamA}/suggestions`)).statusCode).toBe(403);
  });

  it("removes a member and writes each step to the audit trail", async () => {
    const a = await teamOf(round1, teamA);
    const wang = (a.members as Array<MemberJson & { id: string }>).find((m) => m.displayName === "王五")!;
    expect((await office.delete(`/api/teams/${teamA}/members/${wang.id}`)).statusCode).toBe(200);
    expect((await teamOf(round1, teamA)).members.map((m) => m.displayName)).toEqual(["周九", "外部账号"]);
    await newUser(t.ctx, "auditor1", ["audit_admin"]);
    const auditor = await login(t.app, "auditor1");
    const entries = async (action: string) =>
      (await auditor.get(`/api/audit?action=${action}&pageSize=200`)).json().items as Array<{ changes: Record<string, unknown> }>;
    for (const action of [
      "pool.create",
      "pool.update",
      "pool.remove",
      "pool.add_relation",
      "pool.remove_relation",
      "training.create",
      "training.add_attendees",
      "team.remove_member",
    ]) {
      expect((await entries(action)).length, action).toBeGreaterThan(0);
    }
    // The office's exception is on record with the seat.
    const seats = await entries("team.add_member");
    expect(seats.find((e) => e.changes.name === "赵六")?.changes).toMatchObject({
      position: "leader",
      overrideReason: "熟悉财政业务，经办务会研究破格选配",
    });
    expect(seats.find((e) => e.changes.name === "王五")?.changes).toMatchObject({ specialistReason: "工程项目审查急需" });
  });
});
