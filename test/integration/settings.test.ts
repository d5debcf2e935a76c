import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings.ts";
import { auditEntries, settings } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "secadmin", ["security_admin"]);
  await newUser(t.ctx, "auditor", ["audit_admin"]);
  await newUser(t.ctx, "staff", ["office_staff"]);
  admin = await login(t.app, "sysadmin");
});
afterAll(() => t.close());

describe("settings (system administrator)", () => {
  it("shows the defaults quoted by the seeds, with Chinese labels", async () => {
    const r = await admin.get("/api/settings");
    expect(r.statusCode).toBe(200);
    expect(r.json().settings).toEqual(DEFAULT_SETTINGS);
    expect(r.json().labels.maxFailedLogins).toBe("连续登录失败锁定次数");
  });

  it("applies a lower failed-login limit at once: three wrong passwords now lock the account", async () => {
    await newUser(t.ctx, "careless", ["office_staff"]);
    const r = await admin.put("/api/settings", { maxFailedLogins: 3 });
    expect(r.statusCode).toBe(200);
    expect(r.json().settings).toEqual({ ...DEFAULT_SETTINGS, maxFailedLogins: 3 });
    const anon = anonymous(t.app);
    for (let i = 0; i < 2; i++)
      expect((await anon.post("/api/auth/login", { username: "careless", password: "x" })).statusCode).toBe(401);
    const third = await anon.post("/api/auth/login", { username: "careless", password: "x" });
    expect(third.json()).toMatchObject({ code: "account_locked", message: "连续 3 次登录失败，账号已锁定 15 分钟" });
  });

  it("stores the whole settings under one key, merged with the earlier changes", async () => {
    await admin.put("/api/settings", { officeName: "某某县委巡察办" });
    const [row] = await t.ctx.db.select().from(settings).where(eq(settings.key, "office"));
    expect(row!.value).toEqual({ ...DEFAULT_SETTINGS, maxFailedLogins: 3, officeName: "某某县委巡察办" });
    expect((await admin.get("/api/settings")).json().settings.officeName).toBe("某某县委巡察办");
  });

  it("keeps a session alive longer after the idle timeout is raised", async () => {
    const c = await login(t.app, "staff");
    await admin.put("/api/settings", { sessionIdleMinutes: 60 });
    t.setNow(new Date(Date.now() + 45 * 60_000));
    const r = await c.get("/api/auth/me");
    t.setNow(new Date());
    expect(r.statusCode).toBe(200);
  });

  it("refuses out-of-range and unknown settings, naming the field", async () => {
    const low = await admin.put("/api/settings", { sessionIdleMinutes: 1 });
    expect(low.statusCode).toBe(400);
    expect(low.json().fields[0].field).toBe("sessionIdleMinutes");
    const unknown = await admin.put("/api/settings", { colour: "red" });
    expect(unknown.statusCode).toBe(400);
    const wrongType = await admin.put("/api/settings", { officeName: 5 });
    expect(wrongType.json().code).toBe("validation_failed");
    expect((await admin.get("/api/settings")).json().settings.sessionIdleMinutes).toBe(60);
  });

  it("audits each change as before → after", async () => {
    const entries = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "settings.update"));
    expect(entries.map((e) => e.changes)).toEqual([
      { maxFailedLogins: [5, 3] },
      { officeName: ["县委巡察办", "某某县委巡察办"] },
      { sessionIdleMinutes: [30, 60] },
    ]);
  });
});

describe("separation of the three administrators", () => {
  it("refuses settings to the security admin, the audit admin and business users", async () => {
    for (const username of ["secadmin", "auditor", "staff"]) {
      const c = await login(t.app, username);
      for (const res of [await c.get("/api/settings"), await c.put("/api/settings", { maxFailedLogins: 20 })]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toBe("仅系统管理员可以管理系统设置");
      }
    }
    expect((await admin.get("/api/settings")).json().settings.maxFailedLogins).toBe(3);
  });

  it("refuses the system admin the security and audit administrators' work", async () => {
    const g = await admin.get("/api/grants");
    expect(g.statusCode).toBe(403);
    expect(g.json().message).toBe("仅安全保密管理员可以管理角色授权");
    const a = await admin.get("/api/audit");
    expect(a.statusCode).toBe(403);
    expect(a.json().message).toBe("仅安全审计员可以查看审计日志");
    expect((await admin.get("/api/audit/export")).statusCode).toBe(403);
  });
});
