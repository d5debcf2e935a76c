import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let commission: Client;
let orgDept: Client;
let secretary: Client;
let contactA: Client;
let contactB: Client;
let leader: Client;
let sysadmin: Client;
let orgA: { id: string; path: string; name: string };
let orgB: { id: string; path: string; name: string };
let rowA = "";
let letterId = "";
let fedA = "";
let unfedA = "";
let fedB = "";

interface ActionJson {
  id: string;
  kindLabel: string;
  targetLabel: string;
  orgName: string | null;
  personName: string | null;
  rows: Array<{ seqLabel: string; orgName: string }>;
  letters: Array<{ documentNumber: string; kindLabel: string }>;
}
interface RuleJson {
  id: string;
  orgName: string;
  kindLabel: string;
  findings: Array<{ id: string; text: string }>;
}

const action = (over: Record<string, unknown> = {}) => ({
  kind: "notice",
  orgId: orgA.id,
  decidedOn: "2024-06-20",
  authority: "县纪委监委",
  description: "整改工作推进不力，在全县通报批评",
  ...over,
});

const rule = (over: Record<string, unknown> = {}) => ({
  orgId: orgA.id,
  title: "县自然资源局津贴补贴发放管理办法",
  kind: "new",
  adoptedOn: "2024-05-10",
  description: "明确津贴补贴发放的审批程序",
  findingIds: [fedA],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const county = await newOrg(t.ctx, "某县");
  orgA = await newOrg(t.ctx, "县自然资源局", "agency", county);
  orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "jiwei", ["commission"], "纪委监委");
  await newUser(t.ctx, "zuzhibu", ["org_dept"], "组织部");
  await newUser(t.ctx, "shuji", ["secretary"], "书记");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "联络人甲");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "联络人乙");
  await newUser(t.ctx, "leader", [{ role: "supervising_leader", orgId: county.id }], "分管领导");
  [office, commission, orgDept, secretary, contactA, contactB, leader, sysadmin] = (await Promise.all(
    ["office1", "jiwei", "zuzhibu", "shuji", "contactA", "contactB", "leader", "sysadmin"].map((u) => login(t.app, u)),
  )) as [Client, Client, Client, Client, Client, Client, Client, Client];
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  const asgA = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id });
  const asgB = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id });
  fedA = (await newFinding(t.ctx, asgA.id, orgA.id, "违规发放津贴补贴")).id;
  unfedA = (await newFinding(t.ctx, asgA.id, orgA.id, "公务用车管理不规范")).id;
  fedB = (await newFinding(t.ctx, asgB.id, orgB.id, "违规发放误餐补助")).id;
  for (const [asg, finding] of [
    [asgA.id, fedA],
    [asgB.id, fedB],
  ] as const) {
    const res = await office.post(`/api/assignments/${asg}/feedback`, {
      feedbackDate: "2023-12-14",
      aspects: [{ title: "落实中央八项规定精神不到位", problems: [{ text: "违规发放补贴", findingIds: [finding] }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  rowA = (await office.get(`/api/ledger?assignmentId=${asgA.id}`)).json().items[0].id;
  const letter = await office.post("/api/letters", {
    kind: "supervision",
    addressee: "县自然资源局",
    addresseeOrgId: orgA.id,
    subject: "关于督促加快巡察整改进度的函",
    sentOn: "2024-04-01",
    rowIds: [rowA],
  });
  expect(letter.statusCode, letter.body).toBe(200);
  letterId = letter.json().letter.id;
});
afterAll(() => t.close());

describe("accountability", () => {
  it("needs an organisation or a person", async () => {
    const res = await commission.post("/api/accountability", action({ orgId: null, personName: " " }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("请选择被问责单位或填写被问责人");
  });

  it("records an action against a person, linked to the row and the letter that led to it", async () => {
    const res = await commission.post(
      "/api/accountability",
      action({
        kind: "party_discipline",
        personName: "张某",
        personPosition: "县自然资源局副局长",
        description: "督办后仍未整改，给予党内警告处分",
        rowIds: [rowA],
        letterIds: [letterId],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().action as ActionJson;
    expect(a).toMatchObject({ kindLabel: "党纪处分", targetLabel: "个人", orgName: "县自然资源局", personName: "张某" });
    expect(a.rows).toEqual([expect.objectContaining({ orgName: "县自然资源局", seqLabel: "1" })]);
    expect(a.letters).toEqual([expect.objectContaining({ documentNumber: "〔2024〕1号", kindLabel: "督办函" })]);
  });

  it("refuses links to rows or letters that do not exist", async () => {
    const row = await office.post("/api/accountability", action({ rowIds: [uuidv7()] }));
    expect(row.statusCode).toBe(404);
    expect(row.json().message).toBe("所选台账条目不存在或已删除");
    const letter = await office.post("/api/accountability", action({ letterIds: [uuidv7()] }));
    expect(letter.statusCode).toBe(404);
    expect(letter.json().message).toBe("所选函件不存在或已删除");
  });

  it("is recorded by the office, the commission and the organisation department only", async () => {
    expect((await office.post("/api/accountability", action())).statusCode).toBe(200);
    expect(
      (await orgDept.post("/api/accountability", action({ kind: "organisational_handling", orgId: orgB.id, personName: "李某" })))
        .statusCode,
    ).toBe(200);
    expect(
      (await orgDept.post("/api/accountability", action({ kind: "admonition", orgId: null, personName: "王某" }))).statusCode,
    ).toBe(200);
    for (const c of [contactA, leader, secretary]) {
      const res = await c.post("/api/accountability", action());
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("只有巡察办、纪委监委和组织部可以登记问责情况");
    }
    expect((await sysadmin.post("/api/accountability", action())).statusCode).toBe(403);
  });

  it("shows each organisation its own, a leader its subtree, wide readers everything", async () => {
    const names = async (c: Client, q = "") =>
      ((await c.get(`/api/accountability${q}`)).json().items as ActionJson[])
        .map((a) => `${a.kindLabel}:${a.personName ?? a.orgName}`)
        .sort();
    expect(await names(secretary)).toEqual(["党纪处分:张某", "组织处理:李某", "约谈:王某", "通报:县自然资源局"].sort());
    expect(await names(contactA)).toEqual(["党纪处分:张某", "通报:县自然资源局"].sort());
    expect(await names(leader)).toEqual(["党纪处分:张某", "通报:县自然资源局"].sort());
    expect(await names(contactB)).toEqual(["组织处理:李某"]);
    expect(await names(secretary, "?kind=notice")).toEqual(["通报:县自然资源局"]);
    expect(await names(secretary, `?orgId=${orgB.id}`)).toEqual(["组织处理:李某"]);
    expect((await sysadmin.get("/api/accountability")).statusCode).toBe(403);
  });

  it("counts by kind, persons apart from organisations", async () => {
    const f = (await secretary.get("/api/accountability/figures")).json();
    expect(f).toMatchObject({ total: 4, persons: 3, organisations: 1 });
    const byKind = Object.fromEntries(
      (f.byKind as Array<{ kindLabel: string; persons: number; organisations: number }>).map((k) => [
        k.kindLabel,
        [k.persons, k.organisations],
      ]),
    );
    expect(byKind).toEqual({ 通报: [0, 1], 约谈: [1, 0], 党纪处分: [1, 0], 组织处理: [1, 0] });
    const mine = (await contactA.get("/api/accountability/figures")).json();
    expect(mine).toMatchObject({ total: 2, persons: 1, organisations: 1 });
  });
});

describe("rules made", () => {
  it("needs at least one finding, each of that organisation", async () => {
    const none = await office.post("/api/rules", rule({ findingIds: [] }));
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain("请至少关联一个促成该制度的问题");
    const other = await office.post("/api/rules", rule({ findingIds: [fedA, fedB] }));
    expect(other.statusCode).toBe(422);
    expect(other.json().message).toBe("所选问题中有不属于县自然资源局的问题");
    const missing = await office.post("/api/rules", rule({ findingIds: [uuidv7()] }));
    expect(missing.statusCode).toBe(404);
  });

  it("is recorded by the organisation's contact with its fed-back findings, or by the office", async () => {
    const res = await contactA.post("/api/rules", rule());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rule).toMatchObject({ orgName: "县自然资源局", kindLabel: "新建制度" });
    expect(res.json().rule.findings.map((f: { text: string }) => f.text)).toEqual(["违规发放津贴补贴"]);
    const unfed = await contactA.post("/api/rules", rule({ findingIds: [unfedA] }));
    expect(unfed.statusCode).toBe(422);
    expect(unfed.json().message).toBe("所选问题中有尚未反馈给本单位的问题");
    const stranger = await contactB.post("/api/rules", rule());
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().message).toBe("只有巡察办或该单位联络人可以登记制度建设成果");
    for (const c of [commission, leader]) expect((await c.post("/api/rules", rule())).statusCode).toBe(403);
    const revised = await office.post(
      "/api/rules",
      rule({ title: "公务用车管理规定", kind: "revised", findingIds: [unfedA, fedA] }),
    );
    expect(revised.statusCode).toBe(200);
    expect(
      (await office.post("/api/rules", rule({ orgId: orgB.id, title: "误餐补助发放规定", findingIds: [fedB] }))).statusCode,
    ).toBe(200);
  });

  it("offers the organisation's findings to link: all to the office, the fed-back ones to its contact", async () => {
    const all = (await office.get(`/api/rules/findings?orgId=${orgA.id}`)).json().items as Array<{ text: string }>;
    expect(all.map((f) => f.text)).toEqual(["违规发放津贴补贴", "公务用车管理不规范"]);
    const own = (await contactA.get(`/api/rules/findings?orgId=${orgA.id}`)).json().items as Array<{ text: string }>;
    expect(own.map((f) => f.text)).toEqual(["违规发放津贴补贴"]);
    expect((await contactB.get(`/api/rules/findings?orgId=${orgA.id}`)).statusCode).toBe(403);
  });

  it("lists rules with their findings' text, within what each may see", async () => {
    const a = (await secretary.get(`/api/rules?orgId=${orgA.id}`)).json().items as RuleJson[];
    expect(a).toHaveLength(2);
    const revised = a.find((r) => r.kindLabel === "修订完善")!;
    expect(revised.findings.map((f) => f.text)).toEqual(["公务用车管理不规范", "违规发放津贴补贴"]);
    expect(((await contactB.get("/api/rules")).json().items as RuleJson[]).map((r) => r.orgName)).toEqual(["某乡镇党委"]);
    expect(((await leader.get("/api/rules")).json().items as RuleJson[]).map((r) => r.orgName)).toEqual([
      "县自然资源局",
      "县自然资源局",
    ]);
  });

  it("counts rules by kind and by organisation", async () => {
    const f = (await secretary.get("/api/rules/figures")).json();
    expect(f.total).toBe(3);
    expect(f.byKind).toEqual([
      { kind: "new", kindLabel: "新建制度", count: 2 },
      { kind: "revised", kindLabel: "修订完善", count: 1 },
    ]);
    expect(f.byOrg).toEqual([
      { orgId: orgA.id, orgName: "县自然资源局", total: 2, new: 1, revised: 1 },
      { orgId: orgB.id, orgName: "某乡镇党委", total: 1, new: 1, revised: 0 },
    ]);
    expect((await contactA.get("/api/rules/figures")).json().total).toBe(2);
  });
});
