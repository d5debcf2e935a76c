import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin, ensureCalendar } from "../../src/server/bootstrap.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createContext, todayIn } from "../../src/server/context.ts";
import { openPglite } from "../../src/server/db/client.ts";
import { anonymous, createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";

let t: TestApp;
let auditor: Client;
let staffUser: NewUser;
beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "secadmin", ["security_admin"], "安全员");
  await newUser(t.ctx, "auditor", ["audit_admin"], "审计员");
  staffUser = await newUser(t.ctx, "staff", ["office_staff"], "办公室小李");
  auditor = await login(t.app, "auditor");
  // Some history: logins, a failed login, a settings change.
  const admin = await login(t.app, "sysadmin");
  await login(t.app, "staff");
  await anonymous(t.app).post("/api/auth/login", { username: "staff", password: "wrong" });
  await admin.put("/api/settings", { officeName: "某县委巡察办" });
});
afterAll(() => t.close());

interface Item {
  seq: number;
  id: string;
  action: string;
  actionLabel: string;
  actorName: string | null;
  actorId: string | null;
  recordIds: string[];
  changes: Record<string, unknown>;
}
const search = async (query = "") => {
  const r = await auditor.get(`/api/audit${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Item[]; total: number };
};

describe("audit trail (audit administrator)", () => {
  it("lists entries newest first with Chinese action names", async () => {
    const { items, total } = await search();
    expect(total).toBeGreaterThanOrEqual(items.length);
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({
      action: "settings.update",
      actionLabel: "修改设置",
      actorName: "系统管理员（sysadmin）",
      changes: { officeName: ["县委巡察办", "某县委巡察办"] },
    });
  });

  it("filters by action, by actor name or id, and by record", async () => {
    const failed = await search("?action=auth.login_failed");
    expect(failed.items.map((i) => i.actionLabel)).toEqual(["登录失败"]);
    expect(failed.items[0]!.recordIds).toEqual([staffUser.id]);

    const byName = await search(`?actor=${encodeURIComponent("系统管理员")}`);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((i) => i.actorName!.includes("系统管理员"))).toBe(true);
    const sysId = byName.items[0]!.actorId!;
    expect((await search(`?actor=${sysId}`)).total).toBe(byName.total);
    // A LIKE wildcard is taken literally.
    expect((await search("?actor=%25")).total).toBe(0);

    const byRecord = await search(`?record=${staffUser.id}`);
    expect(byRecord.items.map((i) => i.action).sort()).toEqual(["auth.login", "auth.login_failed"]);
  });

  it("filters by China dates and pages through the results", async () => {
    const today = todayIn(t.ctx);
    const all = await search();
    expect((await search(`?from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await search("?from=2000-01-01&to=2000-01-02")).total).toBe(0);
    expect((await search("?from=&to=&actor=")).total).toBe(all.total);
    const page2 = await search("?page=2&pageSize=2");
    expect(page2.items.map((i) => i.seq)).toEqual(all.items.slice(2, 4).map((i) => i.seq));
  });

  it("refuses malformed filters with Chinese messages", async () => {
    const r = await auditor.get("/api/audit?action=nope&record=123&pageSize=1000");
    expect(r.statusCode).toBe(400);
    const msg = r.json().message as string;
    expect(msg).toContain("操作类型无效");
    expect(msg).toContain("记录编号应为 UUID");
    expect(msg).toContain("每页最多 200 条");
  });

  it("names every action and record type for the filter form", async () => {
    const r = await auditor.get("/api/audit/actions");
    expect(r.json().labels).toMatchObject({ "user.create": "创建用户", "audit.export": "导出审计日志" });
    expect(r.json().recordTypes.user).toBe("用户账号");
  });

  it("exports the filtered entries to Excel with Chinese headers, and records the export", async () => {
    const r = await auditor.get("/api/audit/export?action=auth.login");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const day = todayIn(t.ctx).replaceAll("-", "");
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="audit-log-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`审计日志_${day}.xlsx`)}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("审计日志")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "序号",
      "时间",
      "操作人",
      "操作",
      "记录类型",
      "记录编号",
      "变更内容",
      "客户端 IP",
      "日志编号",
    ]);
    const logins = (await search("?action=auth.login")).total;
    expect(ws.rowCount).toBe(1 + logins);
    expect(ws.getRow(2).getCell(4).value).toBe("登录");
    expect(ws.getRow(2).getCell(5).value).toBe("用户账号");
    expect(String(ws.getRow(2).getCell(2).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const exports = await search("?action=audit.export");
    expect(exports.items[0]).toMatchObject({
      actorName: "审计员（auditor）",
      changes: { filter: { action: "auth.login" }, rows: logins },
    });
  });

  it("verifies the chain: intact", async () => {
    const r = await auditor.get("/api/audit/verify");
    const { total } = await search();
    expect(r.json()).toEqual({ ok: true, checked: total, firstBroken: null });
  });

  it("names the entry whose changes were edited behind the application's back", async () => {
    const { items } = await search("?action=settings.update");
    const target = items[0]!;
    await t.ctx.db.execute(
      sql`update audit_entries set changes = '{"officeName":["县委巡察办","别的名字"]}'::jsonb where seq = ${target.seq}`,
    );
    const r = (await auditor.get("/api/audit/verify")).json();
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({ seq: target.seq, id: target.id, reason: "条目内容与哈希不符（已被篡改）" });
    // Put it back exactly: the chain holds again.
    await t.ctx.db.execute(
      sql`update audit_entries set changes = ${JSON.stringify(target.changes)}::jsonb where seq = ${target.seq}`,
    );
    expect((await auditor.get("/api/audit/verify")).json().ok).toBe(true);
  });

  it("names the entry after a deleted middle entry", async () => {
    const { items } = await search("?pageSize=200");
    const seqs = items.map((i) => i.seq).sort((a, b) => a - b);
    const middle = seqs[Math.floor(seqs.length / 2)]!;
    const next = items.find((i) => i.seq === seqs[seqs.indexOf(middle) + 1])!;
    await t.ctx.db.execute(sql`delete from audit_entries where seq = ${middle}`);
    const r = (await auditor.get("/api/audit/verify")).json();
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({ seq: next.seq, id: next.id, reason: "与前一条目不衔接（前序条目被删除或改动）" });
    expect(r.checked).toBe(seqs.indexOf(middle));
  });
});

describe("separation of the three administrators", () => {
  it("refuses the audit trail to the system admin, the security admin and business users", async () => {
    for (const username of ["sysadmin", "secadmin", "staff"]) {
      const c = await login(t.app, username);
      for (const url of ["/api/audit", "/api/audit/export", "/api/audit/actions", "/api/audit/verify"]) {
        const r = await c.get(url);
        expect(r.statusCode, `${username} ${url}`).toBe(403);
        expect(r.json().message).toBe("仅安全审计员可以查看审计日志");
      }
    }
  });

  it("refuses the audit admin the other administrators' work", async () => {
    for (const url of ["/api/users", "/api/settings", "/api/grants", "/api/grants/users"]) {
      expect((await auditor.get(url)).statusCode, url).toBe(403);
    }
    const r = await auditor.post("/api/users", { username: "ghost", displayName: "幽灵" });
    expect(r.json().message).toBe("仅系统管理员可以管理用户账号");
  });
});

describe("npm run audit:verify", () => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const cli = path.resolve("src/server/cli/audit-verify.ts");
  let dataDir: string;

  const run = (dir: string) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        tsx,
        [cli],
        { env: { ...process.env, XUNCHA_DATA: dir, DATABASE_URL: "" }, timeout: 60_000 },
        (err, stdout, stderr) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, out: `${stdout}${stderr}` });
        },
      );
    });

  /** A data directory holding an embedded database with a few audit entries. */
  async function withDatabase(fn?: (db: ReturnType<typeof createContext>["db"]) => Promise<void>) {
    const database = await openPglite(path.join(dataDir, "pgdata"));
    const ctx = createContext({
      db: database.db,
      dbKind: "pglite",
      config: { ...loadConfig({}), dataDir, adminPassword: "Xuncha#2024ok" },
    });
    await ensureCalendar(ctx);
    await ensureAdmin(ctx);
    if (fn) await fn(database.db);
    await database.close();
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-audit-cli-"));
    await withDatabase();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("reports an intact trail and exits 0", async () => {
    const r = await run(dataDir);
    // 7 calendar years shipped + the system administrator.
    expect(r.out).toContain("审计日志完整：共校验 8 条");
    expect(r.code).toBe(0);
  });

  it("reports the first tampered entry and exits 1", async () => {
    let id = "";
    await withDatabase(async (db) => {
      const res = await db.execute(sql`select id from audit_entries where seq = 3`);
      id = (res.rows[0] as { id: string }).id;
      await db.execute(sql`update audit_entries set changes = '{"year":1999}'::jsonb where seq = 3`);
    });
    const r = await run(dataDir);
    expect(r.out).toContain(`审计日志被篡改：第一条异常条目 序号 3（id ${id}）：条目内容与哈希不符（已被篡改）`);
    expect(r.code).toBe(1);
  });

  it("refuses to run beside a running server holding the data directory", async () => {
    const lock = path.join(dataDir, "xuncha.lock");
    fs.writeFileSync(lock, String(process.pid));
    try {
      const r = await run(dataDir);
      expect(r.out).toContain(`正被另一个进程（PID ${process.pid}）使用`);
      expect(r.code).toBe(2);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });

  it("says so when the data directory holds no database", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-audit-empty-"));
    try {
      const r = await run(empty);
      expect(r.out).toContain("中没有数据库");
      expect(r.code).toBe(2);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
