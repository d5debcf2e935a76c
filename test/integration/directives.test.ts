import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { orgs } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";

let t: TestApp;
let office: Client;
let office2: Client;
let secretary: Client;
let owner: Client;
let contact: Client;
let sysadmin: Client;
let ownerUser: NewUser;
let officeUser: NewUser;
let orgId = "";
let meetingId = "";
const ids: string[] = [];

interface DirectiveJson {
  id: string;
  status: string;
  statusLabel: string;
  kindLabel: string;
  orgName: string | null;
  version: number;
  overdue: boolean;
  can: { report: boolean; close: boolean; return: boolean };
}

const directive = (i: number) => ({
  meetingId,
  kind: i % 2 ? "person" : "matter",
  target: i % 2 ? `某局副局长张某${i}` : `村集体资产出租问题${i}`,
  orgId,
  action: "限期查明情况并报告",
  owner: "县纪委监委第二室",
  ownerUserId: ownerUser.id,
  dueDate: i < 20 ? "2099-12-31" : "2020-06-30",
});

const get = async (c: Client, id: string): Promise<DirectiveJson> => (await c.get(`/api/directives/${id}`)).json().directive;

beforeAll(async () => {
  t = await createTestApp();
  orgId = uuidv7();
  await t.ctx.db.insert(orgs).values({ id: orgId, name: "县自然资源局", kind: "agency", path: `/${orgId}/` });
  officeUser = await newUser(t.ctx, "office1", ["office_staff"], "王办");
  await newUser(t.ctx, "office2", ["office_head"], "李主任");
  await newUser(t.ctx, "shuji", ["secretary"], "书记");
  ownerUser = await newUser(t.ctx, "banli", [{ role: "functional_dept", orgId }], "赵办理");
  await newUser(t.ctx, "contact1", [{ role: "org_contact", orgId }]);
  office = await login(t.app, "office1");
  office2 = await login(t.app, "office2");
  secretary = await login(t.app, "shuji");
  owner = await login(t.app, "banli");
  contact = await login(t.app, "contact1");
  sysadmin = await login(t.app, "sysadmin");
  const m = await office.post("/api/secretary-meetings", { heldOn: "2024-03-12", title: "2024年第一次书记专题会" });
  expect(m.statusCode).toBe(200);
  meetingId = m.json().id;
});
afterAll(() => t.close());

describe("directives from the secretary's meeting", () => {
  it("records 25 directives, of which 16 are closed: 25, 9 not done (the seed's figures)", async () => {
    for (let i = 0; i < 25; i++) {
      const res = await office.post("/api/directives", directive(i));
      expect(res.statusCode).toBe(200);
      ids.push(res.json().directive.id);
    }
    const first = await get(office, ids[0]!);
    expect(first).toMatchObject({ status: "open", statusLabel: "办理中", kindLabel: "点事", orgName: "县自然资源局" });
    for (const id of ids.slice(0, 16)) {
      const d = await get(owner, id);
      expect(d.can.report).toBe(true);
      const rep = await owner.post(`/api/directives/${id}/report`, { report: "已查明并整改，材料附后", version: d.version });
      expect(rep.statusCode).toBe(200);
      expect(rep.json().directive.statusLabel).toBe("已报办结");
      expect(rep.json().directive.can.close).toBe(false);
      const reported = await get(office, id);
      expect(reported.can.close).toBe(true);
      const close = await office.post(`/api/directives/${id}/close`, { version: reported.version });
      expect(close.statusCode).toBe(200);
      expect(close.json().directive.statusLabel).toBe("已办结");
    }
    const figures = await secretary.get("/api/figures/directives");
    expect(figures.statusCode).toBe(200);
    expect(figures.json()).toMatchObject({ total: 25, done: 16, notDone: 9, overdue: 5 });
    expect(figures.json().doneRate).toBeCloseTo(16 / 25);
    const meetings = (await secretary.get("/api/secretary-meetings")).json().items;
    expect(meetings[0]).toMatchObject({ title: "2024年第一次书记专题会", total: 25, done: 16 });
  });

  it("filters by state and overdue", async () => {
    const open = (await secretary.get(`/api/directives?meetingId=${meetingId}&status=open`)).json().items;
    expect(open).toHaveLength(9);
    const overdue = (await secretary.get("/api/directives?overdue=true")).json().items as DirectiveJson[];
    expect(overdue).toHaveLength(5);
    expect(overdue.every((d) => d.overdue)).toBe(true);
  });

  it("does not let the office close a directive that has not been reported", async () => {
    const d = await get(office, ids[20]!);
    expect(d.can.close).toBe(false);
    const res = await office.post(`/api/directives/${d.id}/close`, { version: d.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("尚未报告办结");
  });

  it("returns a report with a reason, and the owner reports again", async () => {
    const d = await get(owner, ids[17]!);
    await owner.post(`/api/directives/${d.id}/report`, { report: "已办结", version: d.version });
    const reported = await get(office, d.id);
    const res = await office.post(`/api/directives/${d.id}/return`, { reason: "缺少佐证材料", version: reported.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().directive).toMatchObject({ status: "open", returnReason: "缺少佐证材料" });
    expect((await get(owner, d.id)).can.report).toBe(true);
  });

  it("does not let the reporter close or return their own report", async () => {
    // An office member who is also the owner reports; they cannot confirm it, another office member can.
    const res = await office.post("/api/directives", { ...directive(1), ownerUserId: officeUser.id });
    const d = res.json().directive as DirectiveJson;
    const rep = await office.post(`/api/directives/${d.id}/report`, { report: "已办结", version: d.version });
    expect(rep.statusCode).toBe(200);
    expect(rep.json().directive.can.close).toBe(false);
    const close = await office.post(`/api/directives/${d.id}/close`, { version: d.version + 1 });
    expect(close.statusCode).toBe(403);
    expect(close.json().message).toContain("不能自行确认办结");
    const other = await office2.post(`/api/directives/${d.id}/close`, { version: d.version + 1 });
    expect(other.statusCode).toBe(200);
  });

  it("does not let the owner close, nor anyone but the owner report", async () => {
    const d = await get(owner, ids[18]!);
    await owner.post(`/api/directives/${d.id}/report`, { report: "已办结", version: d.version });
    const close = await owner.post(`/api/directives/${d.id}/close`, { version: d.version + 1 });
    expect(close.statusCode).toBe(403);
    expect(close.json().message).toContain("只有巡察办");
    const rep = await office.post(`/api/directives/${ids[19]}/report`, { report: "代报", version: 1 });
    expect(rep.statusCode).toBe(403);
    expect(rep.json().message).toContain("办理人");
  });

  it("refuses an organisation contact, an administrator and anonymous users", async () => {
    for (const url of ["/api/directives", "/api/secretary-meetings", "/api/figures/directives", `/api/directives/${ids[0]}`]) {
      const res = await contact.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await sysadmin.get(url)).statusCode).toBe(403);
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    }
    const post = await contact.post("/api/directives", directive(0));
    expect(post.statusCode).toBe(403);
    expect((await owner.post("/api/secretary-meetings", { heldOn: "2024-05-01", title: "会" })).statusCode).toBe(403);
  });

  it("shows an owner only the directives they own", async () => {
    const items = (await owner.get("/api/directives")).json().items as DirectiveJson[];
    expect(items.length).toBe(25);
  });

  it("answers a stale or invalid request with a 4xx and a Chinese message", async () => {
    const d = await get(owner, ids[21]!);
    const stale = await owner.post(`/api/directives/${d.id}/report`, { report: "已办结", version: d.version - 1 + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain("已被他人修改");
    const empty = await owner.post(`/api/directives/${d.id}/report`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const badId = await office.post("/api/directives/not-a-uuid/close", { version: 1 });
    expect(badId.statusCode).toBe(400);
    const missing = await office.post(`/api/directives/${uuidv7()}/close`, { version: 1 });
    expect(missing.statusCode).toBe(404);
    const badDate = await office.post("/api/directives", { ...directive(0), dueDate: "2024-02-30" });
    expect(badDate.statusCode).toBe(400);
    const noMeeting = await office.post("/api/directives", { ...directive(0), meetingId: uuidv7() });
    expect(noMeeting.statusCode).toBe(404);
    expect(noMeeting.json().message).toContain("书记专题会不存在");
    const badFilter = await secretary.get("/api/directives?overdue=maybe");
    expect(badFilter.statusCode).toBe(400);
  });
});
