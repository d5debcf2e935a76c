import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestApp, login, newUser, TEST_PASSWORD, type TestApp } from "../support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "zhangsan", ["office_staff"], "张三");
});
afterAll(() => t.close());

describe("login and sessions", () => {
  it("reports health with the engine in use", async () => {
    const res = await anonymous(t.app).get("/api/health");
    expect(res.json()).toMatchObject({ status: "ok", database: process.env.XUNCHA_TEST_DB ?? "pglite" });
  });

  it("refuses a wrong password with a Chinese message and locks after five failures", async () => {
    await newUser(t.ctx, "lisi", ["office_staff"]);
    const anon = anonymous(t.app);
    for (let i = 0; i < 4; i++) {
      const r = await anon.post("/api/auth/login", { username: "lisi", password: "wrong" });
      expect(r.statusCode).toBe(401);
      expect(r.json().message).toBe("用户名或密码错误");
    }
    const fifth = await anon.post("/api/auth/login", { username: "lisi", password: "wrong" });
    expect(fifth.json().code).toBe("account_locked");
    const right = await anon.post("/api/auth/login", { username: "lisi", password: TEST_PASSWORD });
    expect(right.json().code).toBe("account_locked");
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const c = await login(t.app, "zhangsan");
    expect((await c.get("/api/auth/me")).statusCode).toBe(200);
    t.setNow(new Date(Date.now() + 31 * 60_000));
    const r = await c.get("/api/auth/me");
    t.setNow(new Date());
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("session_expired");
  });

  it("sets an HttpOnly, SameSite=Strict cookie", async () => {
    const res = await anonymous(t.app).post("/api/auth/login", { username: "zhangsan", password: TEST_PASSWORD });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it("rejects a weak new password and accepts a strong one", async () => {
    const c = await login(t.app, "zhangsan");
    const weak = await c.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "zhangsan1" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain("三类");
    const ok = await c.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "Another#2025x" });
    expect(ok.statusCode).toBe(200);
  });
});
