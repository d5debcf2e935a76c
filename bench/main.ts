/**
 * npm run bench — every part of the bench on the engine it belongs to, one loaded server per engine:
 *   PGlite, 100k ledger rows: the ledger list (ledger-list.ts), the ledger document as DOCX and PDF
 *     (documents.ts), the streamed Excel export of the ledger (excel.ts);
 *   PostgreSQL, 1M ledger rows: the ledger list, the statistics API (stats-api.ts).
 * Each engine's data is loaded once by a forked bench/server.ts; this process sends the requests. The parts only
 * report what they measure: nothing here fails on a number. Flags: bench/options.ts; results: docs/benchmarks.md.
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * the bench creates and finally drops the database xuncha_bench there.
 */
import os from "node:os";
import pg from "pg";
import { BenchServer } from "./client.ts";
import { benchDocuments, reportDocuments, type DocumentsResult } from "./documents.ts";
import { benchExcel, reportExcel, type ExcelResult } from "./excel.ts";
import { benchLedgerList, reportLedgerList, type LedgerListResult } from "./ledger-list.ts";
import { args, engines, num, parts, type Part } from "./options.ts";
import type { Ready } from "./protocol.ts";
import { benchStats, reportStats, type StatsResult } from "./stats-api.ts";
import { machineCpu, seconds, table } from "./stats.ts";

type Engine = "pglite" | "postgres";
const ENGINE_PARTS: Record<Engine, Part[]> = {
  pglite: ["ledger-list", "documents", "excel"],
  postgres: ["ledger-list", "stats"],
};

async function preparePostgres(): Promise<{ url: string; drop: () => Promise<void> } | { skipped: string }> {
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    const exists = (await admin.query("select 1 from pg_database where datname = 'xuncha_bench'")).rowCount;
    if (!(args.reuse && exists)) {
      await admin.query("drop database if exists xuncha_bench with (force)");
      await admin.query("create database xuncha_bench");
    }
  } catch (e) {
    return { skipped: `${base.replace(/\/\/[^@/]*@/, "//…@")}: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(base);
  url.pathname = "/xuncha_bench";
  return {
    url: url.toString(),
    drop: async () => {
      if (args.keep) return console.log("   kept the database xuncha_bench (--keep)");
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query("drop database if exists xuncha_bench with (force)");
      await c.end();
    },
  };
}

function describeLoad(engine: Engine, rows: number, orgs: number, ready: Ready): void {
  const c = ready.counts;
  console.log(`\n== ${engine}: ${rows.toLocaleString("en")} ledger rows over ${orgs} organisations`);
  console.log(
    `   ${ready.reused ? "reused the data of an earlier --keep run" : `loaded in ${seconds(ready.loadMs)}`}: ${c.ledger_rows} ledger rows, ` +
      `${c.feedback_problems} problems, ${c.assignments} assignments, ${c.orgs} orgs, ${c.evidence_files} evidence files, ` +
      `${c.findings} findings, ${c.leads} leads, ${c.directives} directives, ${c.letters} letters, ${c.rules_made} rules ` +
      `(${ready.sizes.map((s) => `${s.name} ${s.size}`).join(", ")}); ${ready.status.map((s) => `${s.status} ${s.n}`).join(", ")}`,
  );
  if (!ready.fkOff) console.log("   (foreign-key triggers could not be switched off for the load)");
  if (args.verbose) for (const s of ready.steps) console.log(`     ${seconds(s.ms).padStart(8)}  ${s.step}`);
  console.log(`   ${ready.version.replace(/ on .*?\(/, " (").replace(/, compiled by.*$/, "")}`);
}

/** How busy the machine was during one part, and how much of that was not the bench (other processes). */
interface MachineShare {
  part: string;
  engine: Engine;
  wallMs: number;
  busy: number | null;
  others: number | null;
}

interface Results {
  machine: MachineShare[];
  ledgerList: LedgerListResult[];
  documents: DocumentsResult | null;
  excel: ExcelResult | null;
  stats: StatsResult | null;
}

/** Starts one engine's server, runs the asked-for parts that belong to it, stops it. */
async function runEngine(engine: Engine, url: string | null, out: Results): Promise<void> {
  const rows = num(engine === "pglite" ? "pglite-rows" : "pg-rows");
  const orgs = num(engine === "pglite" ? "pglite-orgs" : "pg-orgs");
  const server = new BenchServer(
    { engine, url, rows, orgs, seed: num("seed"), reuse: args.reuse, extraSql: args.sql },
    args.verbose,
  );
  try {
    const ready = await server.ready;
    describeLoad(engine, rows, orgs, ready);
    /** Runs one part, noting the machine's CPU use meanwhile: ours (this process, the server, its backends) and the rest. */
    const part = async <T>(name: Part, fn: () => Promise<T>): Promise<T> => {
      type Total = { serverCpuMs: number; backends: Array<[number, number]> | null };
      const server0 = await server.call<Total>("cpuTotal");
      const before = machineCpu();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await fn();
      const wallMs = performance.now() - t0;
      const after = machineCpu();
      const own = process.cpuUsage(cpu0);
      const server1 = await server.call<Total>("cpuTotal");
      // A backend that started during the part counts whole; one that ended during it is lost (as in the ledger list).
      const start = new Map(server0.backends ?? []);
      const backendMs = (server1.backends ?? []).reduce((a, [pid, ms]) => a + ms - (start.get(pid) ?? 0), 0);
      const serverMs = server1.serverCpuMs - server0.serverCpuMs + backendMs;
      let busy: number | null = null;
      let others: number | null = null;
      if (before && after) {
        const total = after.totalMs - before.totalMs;
        const used = after.busyMs - before.busyMs;
        busy = used / total;
        others = Math.max(0, used - (own.user + own.system) / 1000 - serverMs) / total;
      }
      out.machine.push({ part: name, engine, wallMs, busy, others });
      return result;
    };
    if (parts.has("ledger-list")) out.ledgerList.push(await part("ledger-list", () => benchLedgerList(engine, server, ready)));
    if (engine === "pglite" && parts.has("documents")) out.documents = await part("documents", () => benchDocuments(server));
    if (engine === "pglite" && parts.has("excel")) out.excel = await part("excel", () => benchExcel(server));
    if (engine === "postgres" && parts.has("stats")) out.stats = await part("stats", () => benchStats(server, ready));
  } finally {
    await server.stop();
  }
}

const started = performance.now();
console.log(
  `bench: ${[...parts].join(", ")} on ${[...engines].join(", ")}; seed ${args.seed}; ${os.cpus().length} CPUs, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
);
const results: Results = { machine: [], ledgerList: [], documents: null, excel: null, stats: null };
for (const engine of ["pglite", "postgres"] as const) {
  const wanted = ENGINE_PARTS[engine].filter((p) => parts.has(p));
  if (!wanted.length) continue;
  if (!engines.has(engine)) {
    console.log(`\n== ${engine}: not in --engines, so ${wanted.join(", ")} on ${engine} skipped`);
    continue;
  }
  if (engine === "pglite") await runEngine(engine, null, results);
  else {
    const pgDb = await preparePostgres();
    if ("skipped" in pgDb) console.log(`\n== postgres: skipped, PostgreSQL is unreachable (${pgDb.skipped})`);
    else {
      try {
        await runEngine(engine, pgDb.url, results);
      } finally {
        await pgDb.drop();
      }
    }
  }
}
if (results.ledgerList.length) reportLedgerList(results.ledgerList);
if (results.documents) reportDocuments(results.documents);
if (results.excel) reportExcel(results.excel);
if (results.stats) reportStats(results.stats);
if (results.machine.length) {
  console.log("\nThe machine during each part (busy = share of all CPUs in use; others = the part not used by the bench):\n");
  const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(0)}%`);
  table(
    ["part", "engine", "time", "machine busy", "others"],
    results.machine.map((m) => [m.part, m.engine, seconds(m.wallMs), pct(m.busy), pct(m.others)]),
  );
}
console.log(`\ntotal bench time ${seconds(performance.now() - started)}`);
