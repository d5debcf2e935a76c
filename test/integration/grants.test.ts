import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { auditEntries, orgs, roleGrants } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";

let t: TestApp;
let sec: Client;
let secUser: NewUser;
let zhang: NewUser;
let auditor: NewUser;
const county = uuidv7();
const township = uuidv7();

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.db.insert(orgs).values([
    { id: county, name: "某县", kind: "agency", path: `/${county}/`, supervisingLeader: "李副县长" },
    { id: township, name: "城关镇", kind: "township", parentId: county, path: `/${county}/${township}/` },
  ]);
  secUser = await newUser(t.ctx, "secadmin", ["security_admin"], "安全员");
  auditor = await newUser(t.ctx, "auditor", ["audit_admin"], "审计员");
  zhang = await newUser(t.ctx, "zhangsan", [], "张三");
  await newUser(t.ctx, "staff", ["office_staff"], "办公室小李");
  sec = await login(t.app, "secadmin");
});
afterAll(() => t.close());

const grant = (body: object) => sec.post("/api/grants", body);

describe("grants (security administrator)", () => {
  it("lists the accounts to grant to, with their admin role", async () => {
    const r = await sec.get("/api/grants/users");
    expect(r.statusCode).toBe(200);
    const byName = Object.fromEntries(r.json().items.map((u: { username: string }) => [u.username, u]));
    expect(byName.zhangsan).toMatchObject({ displayName: "张三", adminRole: null });
    expect(byName.auditor.adminRole).toBe("audit_admin");
    expect(byName.sysadmin.adminRole).toBe("system_admin");
  });

  it("lists organisations by name only, for choosing a scope", async () => {
    const r = await sec.get("/api/grants/orgs");
    expect(r.json().items).toEqual([
      { id: county, name: "某县", kind: "agency", path: `/${county}/` },
      { id: township, name: "城关镇", kind: "township", path: `/${county}/${township}/` },
    ]);
  });

  it("grants a business role, which applies at once to the user's open session", async () => {
    const z = await login(t.app, "zhangsan");
    expect((await z.get("/api/auth/me")).json().user.roles).toEqual([]);
    const r = await grant({ userId: zhang.id, role: "office_staff" });
    expect(r.statusCode).toBe(200);
    expect(r.json().grant).toMatchObject({
      userId: zhang.id,
      username: "zhangsan",
      displayName: "张三",
      role: "office_staff",
      roleLabel: "巡察办工作人员",
      orgId: null,
      orgName: null,
      can: { revoke: true },
    });
    const me = (await z.get("/api/auth/me")).json().user;
    expect(me.roles).toEqual([{ role: "office_staff", label: "巡察办工作人员", orgId: null }]);
    expect(me.can.manageOrgs).toBe(true);
  });

  it("grants an organisation-scoped role with its organisation", async () => {
    const r = await grant({ userId: zhang.id, role: "supervising_leader", orgId: township });
    expect(r.json().grant).toMatchObject({
      role: "supervising_leader",
      roleLabel: "分管（联系）领导",
      orgId: township,
      orgName: "城关镇",
    });
    const list = (await sec.get(`/api/grants?userId=${zhang.id}`)).json().items;
    expect(list.map((g: { role: string }) => g.role)).toEqual(["office_staff", "supervising_leader"]);
  });

  it("refuses an organisation-scoped role without an organisation, or with one that does not exist", async () => {
    const none = await grant({ userId: zhang.id, role: "org_contact" });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: "rule_violation", message: "授予“被巡察单位联络人”须指定所属单位" });
    const ghost = await grant({ userId: zhang.id, role: "org_contact", orgId: uuidv7() });
    expect(ghost.json().message).toBe("所选单位不存在或已删除");
  });

  it("refuses an organisation on a role that is not scoped by organisation", async () => {
    const r = await grant({ userId: zhang.id, role: "leading_group", orgId: county });
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toBe("“巡察工作领导小组”不按单位授权，不能指定单位");
  });

  it("refuses a duplicate of an active grant", async () => {
    const r = await grant({ userId: zhang.id, role: "office_staff" });
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toBe("该用户已有相同的授权");
  });

  it("refuses to grant any of the three administrators' roles", async () => {
    for (const role of ["system_admin", "security_admin", "audit_admin"]) {
      const r = await grant({ userId: zhang.id, role });
      expect(r.statusCode).toBe(422);
      expect(r.json().message).toContain("属于三员角色");
    }
  });

  it("refuses business roles to an administrator's account, and to oneself", async () => {
    const toAuditor = await grant({ userId: auditor.id, role: "office_head" });
    expect(toAuditor.json().message).toBe("该账号是三员账号，不能再授予业务角色");
    const self = await grant({ userId: secUser.id, role: "office_head" });
    expect(self.json().message).toBe("不能给自己授予角色");
    const held = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.role, "office_head"));
    expect(held).toEqual([]);
  });

  it("refuses an unknown role or user with a Chinese message", async () => {
    const bad = await grant({ userId: zhang.id, role: "emperor" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("角色无效");
    const ghost = await grant({ userId: uuidv7(), role: "office_staff" });
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().message).toBe("用户不存在或已删除");
  });

  it("revokes a grant (soft delete): the role is gone from the user's session at once", async () => {
    const z = await login(t.app, "zhangsan");
    const [g] = (await sec.get(`/api/grants?userId=${zhang.id}`))
      .json()
      .items.filter((x: { role: string }) => x.role === "office_staff");
    const r = await sec.delete(`/api/grants/${g.id}`);
    expect(r.statusCode).toBe(200);
    expect((await z.get("/api/auth/me")).json().user.roles.map((x: { role: string }) => x.role)).toEqual(["supervising_leader"]);
    const [row] = await t.ctx.db.select().from(roleGrants).where(eq(roleGrants.id, g.id));
    expect(row!.deletedAt).not.toBeNull();
    const again = await sec.delete(`/api/grants/${g.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe("授权不存在或已删除");
    // Revoked, it may be granted again.
    expect((await grant({ userId: zhang.id, role: "office_staff" })).statusCode).toBe(200);
  });

  it("shows the administrators' own grants but refuses to revoke them", async () => {
    const all = (await sec.get("/api/grants")).json().items;
    const sysGrant = all.find((g: { role: string }) => g.role === "system_admin");
    expect(sysGrant.can.revoke).toBe(false);
    const r = await sec.delete(`/api/grants/${sysGrant.id}`);
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toBe("三员角色随账号设置，不能在此撤销");
  });

  it("audits each grant and revocation with the grantee and the organisation", async () => {
    const entries = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "grant.create"), eq(auditEntries.actorId, secUser.id)));
    const scoped = entries.find((e) => (e.changes as { role: string }).role === "supervising_leader");
    expect(scoped!.recordIds).toEqual(expect.arrayContaining([zhang.id, township]));
    expect(scoped!.changes).toMatchObject({ username: "zhangsan", orgName: "城关镇", roleLabel: "分管（联系）领导" });
    const revoked = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "grant.revoke"));
    expect(revoked).toHaveLength(1);
  });
});

describe("separation of the three administrators", () => {
  it("refuses grant management to the system admin, the audit admin and business users", async () => {
    for (const username of ["sysadmin", "auditor", "staff"]) {
      const c = await login(t.app, username);
      for (const res of [
        await c.get("/api/grants"),
        await c.get("/api/grants/users"),
        await c.get("/api/grants/orgs"),
        await c.post("/api/grants", { userId: zhang.id, role: "office_head" }),
        await c.delete(`/api/grants/${uuidv7()}`),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toBe("仅安全保密管理员可以管理角色授权");
      }
    }
  });

  it("refuses the security admin the other administrators' work", async () => {
    for (const url of ["/api/users", "/api/settings", "/api/audit", "/api/audit/verify"]) {
      expect((await sec.get(url)).statusCode).toBe(403);
    }
    expect(
      (await sec.put("/api/calendar/2030", { year: 2030, days: [{ date: "2030-01-01", kind: "holiday", name: "元旦" }] }))
        .statusCode,
    ).toBe(403);
  });
});
