import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";

let t: TestApp;
let admin: Client;
let staff: Client;
beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "secadmin", ["security_admin"]);
  await newUser(t.ctx, "auditor", ["audit_admin"]);
  await newUser(t.ctx, "staff", ["office_staff"]);
  admin = await login(t.app, "sysadmin");
  staff = await login(t.app, "staff");
});
afterAll(() => t.close());

const year2027 = {
  year: 2027,
  source: "测试用安排",
  days: [
    { date: "2027-01-01", kind: "holiday", name: "元旦" },
    { date: "2027-01-02", kind: "holiday", name: "元旦" },
    { date: "2027-01-03", kind: "holiday", name: "元旦" },
  ],
};

describe("working-day calendar", () => {
  it("lists the shipped years 2020–2026 to any signed-in user, with 28 holidays and 8 make-up workdays in 2024", async () => {
    const r = await staff.get("/api/calendar/years");
    expect(r.statusCode).toBe(200);
    const items = r.json().items;
    expect(items.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(items.find((y: { year: number }) => y.year === 2024)).toMatchObject({
      holidays: 28,
      workdays: 8,
      source: expect.stringContaining("国办发明电〔2023〕7号"),
    });
    expect(r.json().can.importYear).toBe(false);
    expect((await admin.get("/api/calendar/years")).json().can.importYear).toBe(true);
  });

  it("shows one year's days in date order (2024-02-18, a Sunday, is a make-up workday)", async () => {
    const r = await staff.get("/api/calendar/2024");
    const days = r.json().days as Array<{ date: string; kind: string; name: string }>;
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === "2024-02-18")).toEqual({ date: "2024-02-18", kind: "workday", name: "春节调休上班" });
    expect((await staff.get("/api/calendar/2031")).json().days).toEqual([]);
  });

  it("counts 1 working day from 2024-09-30 to 2024-10-08 (the National Day week is off)", async () => {
    const r = await staff.get("/api/calendar/working-days?from=2024-09-30&to=2024-10-08");
    expect(r.json()).toEqual({ workingDays: 1, missingYears: [] });
  });

  it("puts 40 working days after 2023-09-06 on 2023-11-07 (6 weekdays off, 2 weekend days worked)", async () => {
    const r = await staff.get("/api/calendar/add-working-days?date=2023-09-06&days=40");
    expect(r.json()).toEqual({ date: "2023-11-07", missingYears: [] });
  });

  it("refuses malformed dates and day counts with Chinese messages", async () => {
    const bad = await staff.get("/api/calendar/working-days?from=2024-13-01&to=2024-10-08");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("日期");
    expect((await staff.get("/api/calendar/add-working-days?date=2024-01-01&days=-1")).json().message).toContain("天数不能为负");
    expect((await staff.get("/api/calendar/add-working-days?date=1900-01-01&days=1")).statusCode).toBe(400);
    expect((await staff.get("/api/calendar/abc")).statusCode).toBe(400);
  });

  it("imports a new year, which deadlines use at once (2027-01-01 becomes a holiday)", async () => {
    const before = (await staff.get("/api/calendar/add-working-days?date=2026-12-31&days=1")).json();
    expect(before).toEqual({ date: "2027-01-01", missingYears: [2027] });
    const r = await admin.put("/api/calendar/2027", year2027);
    expect(r.statusCode).toBe(200);
    expect(r.json().days).toHaveLength(3);
    const after = (await staff.get("/api/calendar/add-working-days?date=2026-12-31&days=1")).json();
    expect(after).toEqual({ date: "2027-01-04", missingYears: [] });
  });

  it("replaces a year's days on a second import", async () => {
    await admin.put("/api/calendar/2027", { year: 2027, days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }] });
    const days = (await staff.get("/api/calendar/2027")).json().days;
    expect(days).toEqual([{ date: "2027-01-01", kind: "holiday", name: "元旦" }]);
    const items = (await staff.get("/api/calendar/years")).json().items;
    expect(items.find((y: { year: number }) => y.year === 2027)).toMatchObject({ holidays: 1, workdays: 0, source: null });
  });

  it("refuses days outside the year and duplicated days, naming each", async () => {
    const outside = await admin.put("/api/calendar/2027", {
      year: 2027,
      days: [{ date: "2028-01-01", kind: "holiday", name: "元旦" }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain("2028-01-01 不在 2027 年内");
    expect(outside.json().fields[0].field).toBe("days.0.date");
    const dup = await admin.put("/api/calendar/2027", {
      year: 2027,
      days: [
        { date: "2027-01-01", kind: "holiday", name: "元旦" },
        { date: "2027-01-01", kind: "workday", name: "元旦" },
      ],
    });
    expect(dup.json().message).toContain("2027-01-01 重复出现");
    const mismatch = await admin.put("/api/calendar/2027", {
      year: 2026,
      days: [{ date: "2026-01-01", kind: "holiday", name: "元旦" }],
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().message).toBe("提交的年份（2026）与地址中的年份（2027）不一致");
    expect((await admin.put("/api/calendar/2027", { year: 2027, days: [] })).json().message).toContain("至少需要一天");
    expect((await staff.get("/api/calendar/2027")).json().days).toHaveLength(1);
  });

  it("audits each import with what was added and removed", async () => {
    const entries = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "calendar.import_year"));
    const mine = entries.filter((e) => (e.changes as { year: number }).year === 2027);
    expect(mine).toHaveLength(2);
    expect(mine[1]!.changes).toMatchObject({
      days: 1,
      added: [],
      removed: ["2027-01-02|holiday|元旦", "2027-01-03|holiday|元旦"],
    });
    expect(mine[1]!.actorName).toBe("系统管理员（sysadmin）");
  });
});

describe("separation of the three administrators", () => {
  it("lets only the system admin import a year", async () => {
    for (const username of ["secadmin", "auditor", "staff"]) {
      const c = await login(t.app, username);
      const r = await c.put("/api/calendar/2027", year2027);
      expect(r.statusCode).toBe(403);
      expect(r.json().message).toBe("仅系统管理员可以维护节假日安排");
    }
    expect((await staff.get("/api/calendar/2027")).json().days).toHaveLength(1);
  });

  it("refuses business users every administrator's route", async () => {
    for (const url of [
      "/api/users",
      "/api/settings",
      "/api/grants",
      "/api/grants/users",
      "/api/grants/orgs",
      "/api/audit",
      "/api/audit/actions",
      "/api/audit/verify",
      "/api/audit/export",
    ]) {
      const r = await staff.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().code).toBe("forbidden");
    }
  });
});
