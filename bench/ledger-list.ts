/**
 * The ledger list part of `npm run bench` (bench/main.ts runs it): GET /api/ledger filtered by organisation and
 * status=open, 50 a page, under 20 concurrent keep-alive connections, on PGlite with 100k rows and on PostgreSQL with
 * 1M rows, beside the same SQL run directly on the same engine. Aim: API p95 ≤ 50 ms and API/SQL p95 ≤ 2.
 *
 * Each engine runs in a forked server process (bench/server.ts) that loads seeded data and serves the real
 * app over HTTP on 127.0.0.1; this process is only the load generator. Flags in bench/options.ts; see
 * docs/benchmarks.md.
 */
import http from "node:http";
import { login, request, type BenchServer } from "./client.ts";
import { args, num } from "./options.ts";
import { PAGE_SIZE, type Breakdown, type CpuReport, type DirectResult, type PlanItem, type Ready } from "./protocol.ts";
import { fmtMb, fmtMs, machineCpu, mulberry32, runPool, seconds, summarise, table, type Summary } from "./stats.ts";

const CONCURRENCY = num("concurrency");
const REQUESTS = num("requests");
const WARMUP = num("warmup");
const SEQUENTIAL = num("sequential");
const SEED = num("seed");
const PHASE_MS = num("time-limit") * 1000;
const AIM_P95 = 50;
const AIM_RATIO = 2;

export interface LedgerListResult {
  engine: string;
  rows: number;
  api: Summary;
  apiFailures: number;
  sql: Summary;
  sqlAuth: Summary;
  apiOne: Summary;
  breakdown: Breakdown;
  queries: number;
  cpu: CpuReport & { clientCpuMs: number };
  /** Share of the machine's CPU busy during the API run, and the part used by processes other than this bench. */
  machine: { busy: number; others: number } | null;
  ready: Ready;
}

/** The requests, from the seeded PRNG: random orgs with open rows; mostly the first pages, some deep ones. */
function makePlan(orgOpen: Ready["orgOpen"], n: number, seed: number): PlanItem[] {
  const rnd = mulberry32(seed);
  const orgs = orgOpen.filter((o) => o.open > 0);
  return Array.from({ length: n }, () => {
    const o = orgs[Math.floor(rnd() * orgs.length)]!;
    const pages = Math.ceil(o.open / PAGE_SIZE);
    const r = rnd();
    const page = r < 0.6 ? 1 : r < 0.85 ? Math.min(pages, 2 + Math.floor(rnd() * 2)) : 1 + Math.floor(rnd() * pages);
    return { orgId: o.orgId, page };
  });
}

/** The ledger list on one engine's loaded server (bench/main.ts starts and stops it). */
export async function benchLedgerList(
  engine: "pglite" | "postgres",
  server: BenchServer,
  ready: Ready,
): Promise<LedgerListResult> {
  console.log(
    `\n-- ledger list on ${engine}: GET /api/ledger?orgId=…&status=open&pageSize=${PAGE_SIZE}, ${CONCURRENCY} connections, ` +
      `${REQUESTS} requests after ${WARMUP} warm-up`,
  );
  const c = ready.counts;
  const plan = makePlan(ready.orgOpen, WARMUP + REQUESTS, SEED + (engine === "pglite" ? 1 : 2));
  const measured = plan.slice(WARMUP);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const cookies: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) cookies.push(await login(agent, ready.port));
  const list = async (p: PlanItem, w: number) => {
    const url = `/api/ledger?orgId=${p.orgId}&status=open&page=${p.page}&pageSize=${PAGE_SIZE}`;
    const res = await request(agent, ready.port, "GET", url, { cookie: cookies[w]! });
    if (res.status !== 200) throw new Error(`GET /api/ledger → ${res.status} ${res.body.slice(0, 200)}`);
  };
  const first = await request(
    agent,
    ready.port,
    "GET",
    `/api/ledger?orgId=${plan[0]!.orgId}&status=open&page=1&pageSize=${PAGE_SIZE}`,
    {
      cookie: cookies[0]!,
    },
  );
  const check = JSON.parse(first.body) as { items: unknown[]; total: number };
  console.log(`   check: an org with ${check.total} open rows, page 1 has ${check.items.length} items`);

  process.stdout.write(`   API: warm-up ${WARMUP}`);
  await runPool(plan.slice(0, WARMUP), CONCURRENCY, list);
  process.stdout.write(`, ${SEQUENTIAL} one at a time`);
  const one = await runPool(measured.slice(0, SEQUENTIAL), 1, list, performance.now() + PHASE_MS);
  process.stdout.write(`, ${REQUESTS} at ${CONCURRENCY} connections`);
  await server.call("mark");
  const clientCpu = process.cpuUsage();
  const machineBefore = machineCpu();
  const api = await runPool(measured, CONCURRENCY, list, performance.now() + PHASE_MS);
  const machineAfter = machineCpu();
  const clientUsed = process.cpuUsage(clientCpu);
  const cpu = { ...(await server.call<CpuReport>("cpu")), clientCpuMs: (clientUsed.user + clientUsed.system) / 1000 };
  let machine: LedgerListResult["machine"] = null;
  if (machineBefore && machineAfter) {
    const total = machineAfter.totalMs - machineBefore.totalMs;
    const busy = machineAfter.busyMs - machineBefore.busyMs;
    const ours = cpu.clientCpuMs + cpu.serverCpuMs + (cpu.backendCpuMs ?? 0);
    machine = { busy: busy / total, others: Math.max(0, busy - ours) / total };
  }
  agent.destroy();
  console.log(api.ms.length < measured.length ? ` (stopped by the time limit after ${api.ms.length})` : "");
  if (api.failures) console.log(`   ${api.failures} API requests failed, first: ${api.firstError}`);

  process.stdout.write(`   SQL: capture listRows' statements, run them at ${CONCURRENCY}-way concurrency`);
  const direct = await server.call<DirectResult>("direct", { plan: measured, concurrency: CONCURRENCY, deadlineMs: PHASE_MS });
  process.stdout.write(`, then each statement alone\n`);
  const breakdown = await server.call<Breakdown>("breakdown", { plan: measured.slice(0, SEQUENTIAL) });
  for (const r of [direct.list, direct.withAuth])
    if (r.failures) console.log(`   ${r.failures} direct runs failed, first: ${r.firstError}`);
  if (args.verbose) direct.sampleSql.forEach((s, i) => console.log(`   SQL ${i + 1}: ${s}`));

  if (args.explain) {
    const biggest = [...ready.orgOpen].sort((a, b) => b.open - a.open)[0]!;
    for (const page of [1, Math.ceil(biggest.open / PAGE_SIZE)]) {
      console.log(`\n   EXPLAIN ANALYZE, the org with the most open rows (${biggest.open}), page ${page}:`);
      const plans = await server.call<string[]>("explain", { item: { orgId: biggest.orgId, page } });
      plans.forEach((p, i) => console.log(`   -- statement ${i + 1}\n${p.replace(/^/gm, "      ")}`));
    }
  }
  return {
    engine,
    rows: c.ledger_rows ?? 0,
    api: summarise(api.ms, api.wallMs),
    apiFailures: api.failures,
    sql: summarise(direct.list.ms, direct.list.wallMs),
    sqlAuth: summarise(direct.withAuth.ms, direct.withAuth.wallMs),
    apiOne: summarise(one.ms, one.wallMs),
    breakdown,
    queries: direct.queriesPerRequest + direct.authQueries,
    cpu,
    machine,
    ready,
  };
}

export function reportLedgerList(results: LedgerListResult[]): void {
  const ms = (x: number) => `${fmtMs(x)} ms`;
  console.log(
    `\nLedger list, ${CONCURRENCY} concurrent connections (API = HTTP round trip; SQL = listRows' statements run directly on the same engine):\n`,
  );
  table(
    ["engine", "rows", "API p50", "API p95", "SQL p50", "SQL p95", "ratio p50", "ratio p95", "load", "server peak RSS"],
    results.map((r) => [
      r.engine,
      r.rows.toLocaleString("en"),
      ms(r.api.p50),
      ms(r.api.p95),
      ms(r.sql.p50),
      ms(r.sql.p95),
      (r.api.p50 / r.sql.p50).toFixed(2),
      (r.api.p95 / r.sql.p95).toFixed(2),
      r.ready.reused ? "reused" : seconds(r.ready.loadMs),
      fmtMb(r.cpu.peakRss),
    ]),
  );
  console.log("\nWhere the time goes:\n");
  const perReq = (cpuMs: number | null, r: LedgerListResult) => (cpuMs === null ? "–" : fmtMs(cpuMs / r.api.n));
  table(
    [
      "engine",
      "API req/s",
      "SQL req/s",
      "SQL+auth p50",
      "SQL+auth p95",
      "stmts/request",
      "CPU ms/req: client",
      "server",
      "PG backends",
      "machine busy (others)",
      "API alone p50",
    ],
    results.map((r) => [
      r.engine,
      r.api.perSecond.toFixed(0),
      r.sql.perSecond.toFixed(0),
      ms(r.sqlAuth.p50),
      ms(r.sqlAuth.p95),
      r.queries.toFixed(0),
      perReq(r.cpu.clientCpuMs, r),
      perReq(r.cpu.serverCpuMs, r),
      perReq(r.cpu.backendCpuMs, r),
      r.machine ? `${(r.machine.busy * 100).toFixed(0)}% (${(r.machine.others * 100).toFixed(0)}%)` : "–",
      ms(r.apiOne.p50),
    ]),
  );
  console.log("\nEach statement alone (one at a time), p50 / mean:\n");
  const names = [...new Set(results.flatMap((r) => r.breakdown.map((b) => b.query)))];
  table(
    ["statement", ...results.map((r) => r.engine)],
    names.map((n) => [
      n,
      ...results.map((r) => {
        const b = r.breakdown.find((x) => x.query === n);
        return b ? `${fmtMs(b.p50)} / ${fmtMs(b.mean)} ms` : "–";
      }),
    ]),
  );
  console.log("");
  for (const r of results) {
    const ratio = r.api.p95 / r.sql.p95;
    const ok = r.api.p95 <= AIM_P95 && ratio <= AIM_RATIO;
    console.log(
      `${r.engine}: API p95 ${ms(r.api.p95)} (aim ≤ ${AIM_P95}) ${r.api.p95 <= AIM_P95 ? "✓" : "✗"}, ratio p95 ${ratio.toFixed(2)} ` +
        `(aim ≤ ${AIM_RATIO}) ${ratio <= AIM_RATIO ? "✓" : "✗"} → ${ok ? "meets the aim" : "misses the aim"}; ${r.api.n} requests, ` +
        `p99 ${ms(r.api.p99)}, max ${ms(r.api.max)}${r.apiFailures ? `, ${r.apiFailures} failed` : ""}`,
    );
  }
}
