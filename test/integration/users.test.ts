import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "secadmin", ["security_admin"], "安全员");
  await newUser(t.ctx, "auditor", ["audit_admin"], "审计员");
  await newUser(t.ctx, "staff", ["office_staff"], "办公室小李");
  admin = await login(t.app, "sysadmin");
});
afterAll(() => t.close());

/** Logs in with a one-time password and sets a proper one. */
async function firstLogin(username: string, oneTimePassword: string, newPassword = "Fresh#Pass2024"): Promise<Client> {
  const c = await login(t.app, username, oneTimePassword);
  const r = await c.post("/api/auth/password", { currentPassword: oneTimePassword, newPassword });
  expect(r.statusCode).toBe(200);
  return c;
}

describe("accounts (system administrator)", () => {
  it("lists accounts with their admin role and role names", async () => {
    const r = await admin.get("/api/users");
    expect(r.statusCode).toBe(200);
    const byName = Object.fromEntries(r.json().items.map((u: { username: string }) => [u.username, u]));
    expect(byName.sysadmin).toMatchObject({
      adminRole: "system_admin",
      active: true,
      roles: [{ role: "system_admin", label: "系统管理员", orgName: null }],
    });
    expect(byName.staff).toMatchObject({ adminRole: null, displayName: "办公室小李", roles: [{ label: "巡察办工作人员" }] });
    expect(byName.sysadmin.lastLoginAt).not.toBeNull();
    expect(byName.sysadmin.can).toMatchObject({ deactivate: false, resetPassword: false });
  });

  it("creates an account whose one-time password must be changed before anything else", async () => {
    const r = await admin.post("/api/users", { username: "wangwu", displayName: "王五" });
    expect(r.statusCode).toBe(200);
    const { user, oneTimePassword } = r.json();
    expect(user).toMatchObject({ username: "wangwu", displayName: "王五", mustChangePassword: true, adminRole: null, roles: [] });
    expect(oneTimePassword).toMatch(/^.{14}$/);
    const c = await login(t.app, "wangwu", oneTimePassword);
    const blocked = await c.get("/api/calendar/years");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().message).toBe("首次登录或密码已被重置，请先修改密码");
    await c.post("/api/auth/password", { currentPassword: oneTimePassword, newPassword: "Another#2024ok" });
    expect((await c.get("/api/calendar/years")).statusCode).toBe(200);
  });

  it("creates the security and the audit administrator, each with that role only", async () => {
    const sec = await admin.post("/api/users", {
      username: "anquan",
      displayName: "安全保密管理员甲",
      adminRole: "security_admin",
    });
    expect(sec.json().user).toMatchObject({
      adminRole: "security_admin",
      roles: [{ role: "security_admin", label: "安全保密管理员" }],
    });
    const c = await firstLogin("anquan", sec.json().oneTimePassword);
    const me = (await c.get("/api/auth/me")).json().user;
    expect(me.can).toMatchObject({ manageGrants: true, manageUsers: false, readAudit: false });

    const aud = await admin.post("/api/users", { username: "shenji", displayName: "审计员乙", adminRole: "audit_admin" });
    expect(aud.json().user.adminRole).toBe("audit_admin");
  });

  it("refuses to create a second system administrator through the form", async () => {
    const r = await admin.post("/api/users", { username: "sys2", displayName: "另一个", adminRole: "system_admin" });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain("管理员角色只能是安全保密管理员或安全审计员");
  });

  it("refuses a duplicate user name, whatever its case", async () => {
    for (const username of ["wangwu", "WangWu"]) {
      const r = await admin.post("/api/users", { username, displayName: "重名" });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: "conflict", message: "用户名已存在" });
    }
  });

  it("refuses a malformed user name and an empty display name, naming each field", async () => {
    const r = await admin.post("/api/users", { username: "张三", displayName: " " });
    expect(r.statusCode).toBe(400);
    const fields = r.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["username", "displayName"]));
    expect(r.json().message).toContain("用户名须为 3–32 位字母、数字或 _ . -");
    expect((await admin.post("/api/users", { username: "ab", displayName: "太短" })).statusCode).toBe(400);
  });

  it("renames and deactivates an account; a deactivated user is signed out and cannot log in", async () => {
    const created = (await admin.post("/api/users", { username: "zhaoliu", displayName: "赵六" })).json();
    const c = await firstLogin("zhaoliu", created.oneTimePassword, "Another#2024ok");
    const renamed = await admin.patch(`/api/users/${created.user.id}`, { displayName: "赵六六" });
    expect(renamed.json().user.displayName).toBe("赵六六");
    const off = await admin.patch(`/api/users/${created.user.id}`, { active: false });
    expect(off.json().user).toMatchObject({ active: false, can: { activate: true, deactivate: false } });
    expect((await c.get("/api/auth/me")).statusCode).toBe(401);
    const again = await anonymous(t.app).post("/api/auth/login", { username: "zhaoliu", password: "Another#2024ok" });
    expect(again.json().message).toBe("用户名或密码错误");
    await admin.patch(`/api/users/${created.user.id}`, { active: true });
    expect((await login(t.app, "zhaoliu", "Another#2024ok")).cookie).toBeTruthy();
  });

  it("does not let the system administrator deactivate their own account", async () => {
    const me = (await admin.get("/api/auth/me")).json().user;
    const r = await admin.patch(`/api/users/${me.id}`, { active: false });
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toBe("不能停用自己的账号");
  });

  it("resets a password: the old one stops working, the user is signed out and must change it", async () => {
    const created = (await admin.post("/api/users", { username: "sunqi", displayName: "孙七" })).json();
    const c = await firstLogin("sunqi", created.oneTimePassword, "Another#2024ok");
    const r = await admin.post(`/api/users/${created.user.id}/reset-password`);
    expect(r.statusCode).toBe(200);
    const { oneTimePassword } = r.json();
    expect(oneTimePassword).not.toBe(created.oneTimePassword);
    expect((await c.get("/api/auth/me")).statusCode).toBe(401);
    const old = await anonymous(t.app).post("/api/auth/login", { username: "sunqi", password: "Another#2024ok" });
    expect(old.statusCode).toBe(401);
    const fresh = await login(t.app, "sunqi", oneTimePassword);
    expect((await fresh.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);
  });

  it("unlocks an account locked by failed logins", async () => {
    const u = await newUser(t.ctx, "locked1", ["office_staff"]);
    for (let i = 0; i < 5; i++) await anonymous(t.app).post("/api/auth/login", { username: "locked1", password: "wrong" });
    const listed = (await admin.get("/api/users")).json().items.find((x: { id: string }) => x.id === u.id);
    expect(listed).toMatchObject({ locked: true, can: { unlock: true } });
    expect(listed.lockedUntil).not.toBeNull();
    const r = await admin.post(`/api/users/${u.id}/unlock`);
    expect(r.json().user).toMatchObject({ locked: false, lockedUntil: null });
    expect((await login(t.app, "locked1")).cookie).toBeTruthy();
  });

  it("answers 404 for an unknown account and 400 for a malformed id", async () => {
    const missing = await admin.patch("/api/users/0190b6a8-0000-7000-8000-000000000000", { displayName: "无" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe("用户不存在或已删除");
    expect((await admin.post("/api/users/not-a-uuid/unlock")).statusCode).toBe(400);
  });

  it("audits account changes without ever recording a password or its hash", async () => {
    const r = await admin.post("/api/users", { username: "audited", displayName: "留痕" });
    const { user, oneTimePassword } = r.json();
    const reset = (await admin.post(`/api/users/${user.id}/reset-password`)).json().oneTimePassword as string;
    await admin.post(`/api/users/${user.id}/unlock`);
    await admin.patch(`/api/users/${user.id}`, { displayName: "留痕二" });
    const entries = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(inArray(auditEntries.action, ["user.create", "user.update", "user.reset_password", "user.unlock"]));
    const mine = entries.filter((e) => e.recordIds.includes(user.id));
    expect(mine.map((e) => e.action).sort()).toEqual(["user.create", "user.reset_password", "user.unlock", "user.update"]);
    expect(mine.find((e) => e.action === "user.update")!.changes).toEqual({ displayName: ["留痕", "留痕二"] });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(oneTimePassword);
    expect(text).not.toContain(reset);
    expect(text).not.toContain("$argon2");
    const [creator] = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.id, mine.find((e) => e.action === "user.create")!.id));
    expect(creator!.actorName).toBe("系统管理员（sysadmin）");
  });
});

describe("separation of the three administrators", () => {
  it("refuses account management to the security admin, the audit admin and business users", async () => {
    for (const username of ["secadmin", "auditor", "staff"]) {
      const c = await login(t.app, username);
      for (const res of [
        await c.get("/api/users"),
        await c.post("/api/users", { username: "intruder", displayName: "闯入者" }),
        await c.post("/api/users/0190b6a8-0000-7000-8000-000000000000/reset-password"),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toBe("仅系统管理员可以管理用户账号");
      }
    }
    expect((await admin.get("/api/users")).json().items.some((u: { username: string }) => u.username === "intruder")).toBe(false);
  });

  it("refuses anonymous callers", async () => {
    const r = await anonymous(t.app).get("/api/users");
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toBe("请先登录");
  });
});
