/**
 * The bench's server process (forked by bench/main.ts): opens the engine, runs the migrations,
 * loads the seeded data, serves the real app on 127.0.0.1, and on request times the same SQL the
 * ledger list runs, directly on the same engine (for PGlite the one instance lives in this process),
 * or runs the documents, Excel and statistics work of bench/work.ts here, beside the data.
 * Talks to the driver over the fork IPC channel: { id, cmd, ... } → { id, result } | { id, error }.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { types as pgliteTypes, type PGlite } from "@electric-sql/pglite";
import { eq, type Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { uuidv7 } from "../src/domain/ids.ts";
import type { StatFigure, StatFilter } from "../src/domain/stats.ts";
import { buildApp } from "../src/server/app.ts";
import { ensureAdmin, ensureCalendar, ensureTaxonomy } from "../src/server/bootstrap.ts";
import { loadConfig } from "../src/server/config.ts";
import { createContext, todayIn } from "../src/server/context.ts";
import { openPglite, openPostgres, type Database, type Db } from "../src/server/db/client.ts";
import * as schema from "../src/server/db/schema.ts";
import { hashPassword } from "../src/server/features/auth/commands.ts";
import { createSession, loadActor, resolveSession } from "../src/server/features/auth/session.ts";
import { listRows } from "../src/server/features/ledger/queries.ts";
import { loadData, type LoadReport } from "./load.ts";
import {
  BENCH_HEAD_USER,
  BENCH_PASSWORD,
  BENCH_USER,
  PAGE_SIZE,
  type Breakdown,
  type CpuReport,
  type DirectResult,
  type ExcelCase,
  type PlanItem,
  type Ready,
  type ServerOptions,
} from "./protocol.ts";
import { runPool, summarise } from "./stats.ts";
import { documentsRun, excelCases, excelExplain, excelRun, statExplain, statTargets, type RunStatement } from "./work.ts";

interface Captured {
  sql: string;
  params: unknown[];
}

const opts = JSON.parse(process.env.BENCH_SERVER_OPTIONS ?? "{}") as ServerOptions;
const send = (m: unknown) => process.send?.(m);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-bench-"));
const database: Database =
  opts.engine === "pglite" ? await openPglite(path.join(dataDir, "pgdata")) : await openPostgres(opts.url!);
const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
const config = { ...loadConfig({}), dataDir, adminUser: "sysadmin", adminPassword: BENCH_PASSWORD };
const ctx = createContext({ db: database.db, dbKind: database.kind, config });
await ensureCalendar(ctx);
await ensureTaxonomy(ctx);
await ensureAdmin(ctx);

// ---------- data ----------
const loader = opts.engine === "pglite" ? null : new pg.Client({ connectionString: opts.url! });
await loader?.connect();
const q = async (sql: string): Promise<Array<Record<string, unknown>>> =>
  loader ? (await loader.query(sql)).rows : ((await (client as PGlite).query(sql)).rows as Array<Record<string, unknown>>);
const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0]!.n);

const [existing] = await ctx.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, BENCH_USER));
const reused = opts.reuse && !!existing && (await count("ledger_rows")) === opts.rows;
let officeId = existing?.id ?? "";
let load: LoadReport = { ms: 0, steps: [], fkOff: true };
if (!reused) {
  if (existing) throw new Error("the bench database already holds data: drop it first");
  officeId = uuidv7();
  const contactId = uuidv7();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const headId = uuidv7();
  await ctx.db.insert(schema.users).values([
    { id: officeId, username: BENCH_USER, displayName: "巡察办测试", passwordHash, mustChangePassword: false },
    { id: contactId, username: "bench_contact", displayName: "联络人测试", passwordHash, mustChangePassword: false },
    { id: headId, username: BENCH_HEAD_USER, displayName: "巡察办主任测试", passwordHash, mustChangePassword: false },
  ]);
  await ctx.db.insert(schema.roleGrants).values([
    { id: uuidv7(), userId: officeId, role: "office_staff", orgId: null },
    { id: uuidv7(), userId: headId, role: "office_head", orgId: null },
  ]);
  load = await loadData(q, { ...opts, officeUserId: officeId, contactUserId: contactId, vacuum: opts.engine === "postgres" });
}
for (const s of opts.extraSql) {
  const t0 = performance.now();
  await q(s);
  load.steps.push({ step: `extra: ${s}`, ms: performance.now() - t0 });
}

const counts: Record<string, number> = {};
for (const t of [
  ...["orgs", "assignments", "feedback_problems", "ledger_rows", "evidence_files"],
  ...["findings", "leads", "directives", "letters", "rules_made"],
])
  counts[t] = await count(t);
const status = (await q(`select status, count(*)::int as n from ledger_rows group by status order by status`)) as Ready["status"];
const orgOpen = (await q(
  `select o.id as "orgId", count(r.id) filter (where r.status = 'open')::int as open
     from orgs o join ledger_rows r on r.org_id = o.id and r.deleted_at is null where o.deleted_at is null group by o.id order by o.id`,
)) as Ready["orgOpen"];
const version = String((await q("select version() as v"))[0]!.v);
const sizes = (await q(
  `select relname as name, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
    where relname in ('ledger_rows', 'evidence_files', 'feedback_problems') order by relname`,
)) as Ready["sizes"];

const app = await buildApp(ctx);
await app.listen({ port: 0, host: "127.0.0.1" });
const port = (app.server.address() as AddressInfo).port;

// ---------- direct SQL ----------
let sink: Captured[] | null = null;
/** Sees each statement before it runs, and may stop the work by throwing (the Excel part's EXPLAIN). */
let watch: ((sql: string, params: unknown[]) => void) | null = null;
const logger: Logger = {
  logQuery: (sql, params) => {
    sink?.push({ sql, params });
    watch?.(sql, params);
  },
};
const logDb = (opts.engine === "pglite"
  ? drizzlePglite(client as PGlite, { schema, logger })
  : drizzlePg(client as pg.Pool, { schema, logger })) as unknown as Db;
const logCtx = createContext({ db: logDb, dbKind: database.kind, config });

const keepText = (v: string) => v;
const pgliteConfig = {
  rowMode: "array" as const,
  parsers: {
    [pgliteTypes.TIMESTAMP]: keepText,
    [pgliteTypes.TIMESTAMPTZ]: keepText,
    [pgliteTypes.DATE]: keepText,
    [pgliteTypes.INTERVAL]: keepText,
  },
};
const keepTypes = new Set<number>([
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
]);
const pgTypes = {
  getTypeParser: ((id: number, format?: string) =>
    keepTypes.has(id) ? keepText : pg.types.getTypeParser(id, format as "text")) as never,
};
const raw = (c: Captured) =>
  opts.engine === "pglite"
    ? (client as PGlite).query(c.sql, c.params, pgliteConfig)
    : (client as pg.Pool).query({ text: c.sql, values: c.params, rowMode: "array", types: pgTypes });

async function capturing<T>(fn: () => Promise<T>): Promise<Captured[]> {
  sink = [];
  try {
    await fn();
    return sink;
  } finally {
    sink = null;
  }
}

/** The session check's queries (session, user, grants, team seats), as every API request runs them. */
async function captureAuth(): Promise<Captured[]> {
  const token = await createSession(ctx, officeId, "127.0.0.1");
  await logCtx.settings();
  return capturing(() => resolveSession(logCtx, token));
}

/** Runs listRows once per plan item with a logging drizzle instance: the exact SQL and parameters it sends. */
async function captureList(plan: PlanItem[]): Promise<Captured[][]> {
  const actor = (await loadActor(ctx, officeId))!;
  const today = todayIn(ctx);
  const out: Captured[][] = [];
  for (const p of plan)
    out.push(
      await capturing(() => listRows(logDb, actor, { orgId: p.orgId, status: "open", page: p.page, pageSize: PAGE_SIZE }, today)),
    );
  return out;
}

/** The request's queries as the server sends them: auth one by one, page and count together, then evidence counts. */
async function replay(auth: Captured[], qs: Captured[]): Promise<void> {
  for (const c of auth) await raw(c);
  await Promise.all(qs.slice(0, 2).map(raw));
  for (const c of qs.slice(2)) await raw(c);
}

async function direct(plan: PlanItem[], concurrency: number, deadlineMs: number): Promise<DirectResult> {
  const auth = await captureAuth();
  const captured = await captureList(plan);
  const warm = captured.slice(0, 200);
  await runPool(warm, concurrency, (c) => replay([], c));
  const list = await runPool(captured, concurrency, (c) => replay([], c), performance.now() + deadlineMs);
  await runPool(warm, concurrency, (c) => replay(auth, c));
  const withAuth = await runPool(captured, concurrency, (c) => replay(auth, c), performance.now() + deadlineMs);
  return {
    list,
    withAuth,
    queriesPerRequest: captured.reduce((a, c) => a + c.length, 0) / (captured.length || 1),
    authQueries: auth.length,
    sampleSql: [...auth, ...(captured[0] ?? [])].map((c) => c.sql),
  };
}

/** Each statement alone, one at a time: where a request's database time goes. */
async function breakdown(plan: PlanItem[]): Promise<Breakdown> {
  const auth = await captureAuth();
  const captured = await captureList(plan);
  const names = ["page query", "count query", "evidence counts"];
  const times = new Map<string, number[]>();
  const time = async (name: string, c: Captured) => {
    const t0 = performance.now();
    await raw(c);
    times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
  };
  for (const qs of captured) {
    for (const [i, c] of auth.entries())
      await time(`session check ${i + 1}: ${[...c.sql.matchAll(/from "(\w+)"/g)].at(-1)?.[1] ?? "?"}`, c);
    for (const [i, c] of qs.entries()) await time(names[i] ?? `query ${i + 1}`, c);
  }
  return [...times].map(([query, ms]) => {
    const s = summarise(ms, 1);
    return { query, p50: s.p50, mean: s.mean };
  });
}

/** EXPLAIN ANALYZE of the captured queries of one request. */
async function explain(item: PlanItem): Promise<string[]> {
  const [qs] = await captureList([item]);
  const out: string[] = [];
  for (const c of qs ?? []) {
    const text = `explain (analyze, buffers, costs off) ${c.sql}`;
    const res =
      opts.engine === "pglite"
        ? await (client as PGlite).query(text, c.params)
        : await (client as pg.Pool).query({ text, values: c.params });
    out.push((res.rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]).join("\n"));
  }
  return out;
}

// ---------- resources ----------
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();
let cpuStart = process.cpuUsage();
let backendStart = new Map<number, number>();

/** CPU ms of each backend of the bench database, from /proc (only when PostgreSQL runs on this machine). */
async function backendTicks(): Promise<Map<number, number> | null> {
  if (opts.engine !== "postgres") return null;
  const pids = await (client as pg.Pool).query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database()",
  );
  const out = new Map<number, number>();
  for (const { pid } of pids.rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      return null;
    }
  }
  return out;
}

async function cpuReport(): Promise<CpuReport> {
  const used = process.cpuUsage(cpuStart);
  const after = await backendTicks();
  let backendCpuMs: number | null = null;
  if (after) backendCpuMs = [...after].reduce((a, [pid, ms]) => a + ms - (backendStart.get(pid) ?? 0), 0);
  return { peakRss, serverCpuMs: (used.user + used.system) / 1000, backendCpuMs };
}

type Message = { id: number; cmd: string; plan?: PlanItem[]; concurrency?: number; deadlineMs?: number; item?: PlanItem } & {
  runs?: number;
  rows?: number;
  sizes?: number[];
  case?: ExcelCase;
  figure?: StatFigure;
  filter?: StatFilter;
  drill?: { group: string; measure: string };
};

/** The signed-in user of a bench username, as the app loads it. */
async function actorOf(username: string) {
  const [u] = await ctx.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username));
  return (await loadActor(ctx, u!.id))!;
}
const runStatement: RunStatement = async (text, params) =>
  opts.engine === "pglite"
    ? ((await (client as PGlite).query(text, params)) as { rows: unknown[] })
    : await (client as pg.Pool).query({ text, values: params });
process.on("message", async (m: Message) => {
  try {
    let result: unknown;
    if (m.cmd === "mark") {
      peakRss = process.memoryUsage().rss;
      cpuStart = process.cpuUsage();
      backendStart = (await backendTicks()) ?? new Map();
      result = { rss: peakRss };
    } else if (m.cmd === "cpu") result = await cpuReport();
    else if (m.cmd === "cpuTotal") {
      // CPU ms used so far by this process and by the database's backends (PostgreSQL on this machine): for shares.
      const own = process.cpuUsage();
      const backends = await backendTicks();
      result = { serverCpuMs: (own.user + own.system) / 1000, backends: backends ? [...backends] : null };
    } else if (m.cmd === "direct") result = await direct(m.plan!, m.concurrency!, m.deadlineMs!);
    else if (m.cmd === "breakdown") result = await breakdown(m.plan!);
    else if (m.cmd === "explain") result = await explain(m.item!);
    else if (m.cmd === "documents")
      result = await documentsRun(ctx, await actorOf(BENCH_USER), q, { runs: m.runs!, rows: m.rows!, dir: os.tmpdir() });
    else if (m.cmd === "excelCases") result = await excelCases(q, m.sizes!);
    else if (m.cmd === "excel") result = await excelRun(ctx, await actorOf(BENCH_USER), m.case!);
    else if (m.cmd === "excelExplain")
      result = await excelExplain(logDb, (w) => (watch = w), runStatement, await actorOf(BENCH_USER), m.case!, todayIn(ctx));
    else if (m.cmd === "statTargets") result = await statTargets(q);
    else if (m.cmd === "statExplain")
      result = await statExplain(logDb, capturing, runStatement, await actorOf(BENCH_HEAD_USER), {
        figure: m.figure!,
        filter: m.filter!,
        today: todayIn(ctx),
        ...(m.drill ? { drill: m.drill } : {}),
      });
    else if (m.cmd === "stop") {
      clearInterval(sampler);
      await loader?.end();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      send({ id: m.id, result: { stopped: true } });
      process.exit(0);
    } else throw new Error(`unknown command ${m.cmd}`);
    send({ id: m.id, result });
  } catch (e) {
    send({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

// The driver went away (interrupted): do not linger with an open port and database.
process.on("disconnect", () => process.exit(1));

const ready: Ready = {
  port,
  loadMs: load.ms,
  reused,
  steps: load.steps,
  counts,
  status,
  orgOpen,
  version,
  sizes,
  fkOff: load.fkOff,
  rssAfterLoad: process.memoryUsage().rss,
};
send({ ready });
