/**
 * The statistics part of `npm run bench` (bench/main.ts runs it on PostgreSQL with 1M ledger rows): every figure of
 * STAT_FIGURES through GET /api/stats/:figure, signed in as the office user, one request at a time (latency, not
 * throughput), without a filter and with each of two filters (an organisation subtree; a round), then drill-downs
 * (GET /api/stats/:figure/records) from a count of the unfiltered result. The server then captures each figure's
 * SQL (unfiltered) and times each statement alone: the database's part of the response time (with --explain it
 * prints the EXPLAIN ANALYZE of the slowest figure's statements).
 */
import http from "node:http";
import { STAT_FIGURES, type StatFigure, type StatRecords, type StatResult } from "../src/domain/stats.ts";
import { login, request, type BenchServer, type Response } from "./client.ts";
import { args, num } from "./options.ts";
import { BENCH_HEAD_USER, type Ready, type StatExplain, type StatTargets } from "./protocol.ts";
import { fmtMs, summarise, table, type Summary } from "./stats.ts";

interface FilterCase {
  key: string;
  label: string;
  query: Record<string, string>;
}

interface FigureRun {
  figure: StatFigure;
  filter: string;
  summary: Summary | null;
  failures: number;
  firstError: string | null;
  groups: number;
  bytes: number;
  /** A count in the totals, to show the figure is not trivial (the first count measure). */
  sample: string;
}

interface DrillRun {
  label: string;
  summary: Summary | null;
  failures: number;
  firstError: string | null;
  total: number;
  items: number;
}

export interface StatsResult {
  targets: StatTargets;
  filters: FilterCase[];
  runs: FigureRun[];
  drills: DrillRun[];
  /** Every figure's statements without a filter, each run alone. */
  explains: StatExplain[];
  /** The slowest figure's (by API p50 without a filter). */
  explain: StatExplain | null;
}

const qs = (q: Record<string, string>) => {
  const s = new URLSearchParams(q).toString();
  return s ? `?${s}` : "";
};

/** `n` requests one after another (after `warmup` unmeasured ones): latencies, failures, the last good body. */
async function measure(send: () => Promise<Response>, warmup: number, n: number) {
  const ms: number[] = [];
  let failures = 0;
  let firstError: string | null = null;
  let body: string | null = null;
  const t0 = performance.now();
  for (let i = 0; i < warmup + n; i++) {
    const start = performance.now();
    const res = await send();
    const took = performance.now() - start;
    if (res.status !== 200) {
      failures++;
      firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
      if (i === 0) break; // the route answers with an error: no point in asking again
      continue;
    }
    body = res.body;
    if (i >= warmup) ms.push(took);
  }
  return { summary: ms.length ? summarise(ms, performance.now() - t0) : null, failures, firstError, body };
}

export async function benchStats(server: BenchServer, ready: Ready): Promise<StatsResult> {
  const requests = num("stat-requests");
  const warmup = num("stat-warmup");
  const targets = await server.call<StatTargets>("statTargets");
  const filters: FilterCase[] = [
    { key: "none", label: "no filter", query: {} },
    {
      key: "org",
      label: `orgId: ${targets.org.name} and its subtree (${targets.org.orgs} orgs, ${targets.org.rows.toLocaleString("en")} rows)`,
      query: { orgId: targets.org.id },
    },
    {
      key: "round",
      label: `roundId: ${targets.round.name} (${targets.round.rows.toLocaleString("en")} rows)`,
      query: { roundId: targets.round.id },
    },
  ];
  console.log(
    `\n-- statistics API on postgres: ${STAT_FIGURES.length} figures × ${filters.length} filters, ` +
      `${requests} requests each (after ${warmup} warm-up), one at a time`,
  );
  for (const f of filters.slice(1)) console.log(`   filter ${f.key}: ${f.label}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cookie = await login(agent, ready.port, BENCH_HEAD_USER);
  const get = (url: string) => request(agent, ready.port, "GET", url, { cookie });

  const runs: FigureRun[] = [];
  const unfiltered = new Map<StatFigure, StatResult>();
  for (const f of filters) {
    process.stdout.write(`   ${f.key}:`);
    for (const figure of STAT_FIGURES) {
      const m = await measure(() => get(`/api/stats/${figure}${qs(f.query)}`), warmup, requests);
      let groups = 0;
      let sample = "";
      if (m.body) {
        const r = JSON.parse(m.body) as StatResult;
        groups = r.groups.length;
        const firstCount = r.measures.find((x) => x.kind === "count");
        sample = firstCount ? `${firstCount.key} ${r.totals[firstCount.key] ?? "–"}` : "";
        if (f.key === "none") unfiltered.set(figure, r);
      }
      runs.push({ figure, filter: f.key, ...m, groups, bytes: m.body?.length ?? 0, sample });
      process.stdout.write(` ${figure} ${m.summary ? `${fmtMs(m.summary.p50)} ms` : "failed"}`);
    }
    process.stdout.write("\n");
  }

  // Drill-downs from the unfiltered counts, each into the group with the largest count: the organisation with the
  // most overdue rows (hundreds of records), and every row of the largest round (page 1 of a hundred thousand).
  const drills: DrillRun[] = [];
  const largestGroup = (figure: StatFigure, measure: string) => {
    const gs = unfiltered.get(figure)?.groups.filter((g) => (g.values[measure] ?? 0) > 0) ?? [];
    return gs.length ? gs.reduce((a, b) => ((b.values[measure] ?? 0) > (a.values[measure] ?? 0) ? b : a)) : null;
  };
  const drillCases: Array<[StatFigure, string]> = [
    ["overdue", "overdue"],
    ["rectification_by_round", "rows"],
  ];
  for (const [figure, key] of drillCases) {
    const g = largestGroup(figure, key);
    const label = `${figure} → ${key} of ${g ? `“${g.label}” (${g.values[key]})` : "no group"}`;
    if (!g) {
      drills.push({ label, summary: null, failures: 0, firstError: "no group with a count to drill into", total: 0, items: 0 });
      continue;
    }
    const url = `/api/stats/${figure}/records${qs({ group: g.key, measure: key })}`;
    const m = await measure(() => get(url), warmup, requests);
    const body = m.body ? (JSON.parse(m.body) as StatRecords) : null;
    drills.push({ label, ...m, total: body?.total ?? 0, items: body?.items.length ?? 0 });
    if (args.explain) {
      const e = await server.call<StatExplain>("statExplain", { figure, filter: {}, drill: { group: g.key, measure: key } });
      for (const [i, st] of e.statements.entries())
        console.log(`\n   -- drill-down ${label}, statement ${i + 1} (${fmtMs(st.ms)} ms)\n${st.plan.replace(/^/gm, "      ")}`);
    }
  }
  agent.destroy();

  // Each figure's statements without a filter, run alone in the server (best of 3): the database's part of the
  // response time. With --explain, the plans of the slowest figure's statements.
  process.stdout.write("   SQL alone, without a filter:");
  const explains: StatExplain[] = [];
  for (const figure of STAT_FIGURES) {
    try {
      const e = await server.call<StatExplain>("statExplain", { figure, filter: {} });
      explains.push(e);
      process.stdout.write(` ${figure} ${fmtMs(e.statements.reduce((a, x) => a + x.ms, 0))} ms`);
    } catch (e) {
      process.stdout.write(` ${figure} failed (${(e instanceof Error ? e.message : String(e)).split("\n")[0]})`);
    }
  }
  process.stdout.write("\n");
  const slowest = runs.filter((r) => r.filter === "none" && r.summary).sort((a, b) => b.summary!.p50 - a.summary!.p50)[0];
  const explain = explains.find((e) => e.figure === slowest?.figure) ?? null;
  if (args.explain && explain)
    for (const [i, st] of explain.statements.entries())
      console.log(`\n   -- ${explain.figure}, statement ${i + 1} (${fmtMs(st.ms)} ms)\n${st.plan.replace(/^/gm, "      ")}`);
  return { targets, filters, runs, drills, explains, explain };
}

export function reportStats(r: StatsResult): void {
  const ms = (s: Summary | null, k: "p50" | "p95") => (s ? `${fmtMs(s[k])} ms` : "–");
  console.log(
    `\nStatistics API on PostgreSQL, GET /api/stats/:figure one request at a time, p50 / p95 per filter ` +
      `(org = ${r.targets.org.name} subtree, round = ${r.targets.round.name}):\n`,
  );
  const figures = [...new Set(r.runs.map((x) => x.figure))];
  const cell = (figure: StatFigure, filter: string) => {
    const x = r.runs.find((y) => y.figure === figure && y.filter === filter);
    if (!x) return "–";
    if (!x.summary) return `failed: ${x.firstError?.slice(0, 40) ?? "?"}`;
    return `${ms(x.summary, "p50")} / ${ms(x.summary, "p95")}`;
  };
  table(
    ["figure", ...r.filters.map((f) => f.key), "SQL alone (none)", "statements", "groups", "response", "totals (first count)"],
    figures.map((f) => {
      const none = r.runs.find((y) => y.figure === f && y.filter === "none");
      const e = r.explains.find((x) => x.figure === f);
      return [
        f,
        ...r.filters.map((x) => cell(f, x.key)),
        e ? `${fmtMs(e.statements.reduce((a, x) => a + x.ms, 0))} ms` : "–",
        e ? String(e.statements.length) : "–",
        String(none?.groups ?? "–"),
        none?.bytes ? `${(none.bytes / 1024).toFixed(1)} kB` : "–",
        none?.sample ?? "",
      ];
    }),
  );
  console.log("\nDrill-down, GET /api/stats/:figure/records (first page):\n");
  table(
    ["drill-down", "p50", "p95", "records counted", "items on the page"],
    r.drills.map((d) => [
      d.label,
      d.summary ? ms(d.summary, "p50") : `failed: ${d.firstError ?? "?"}`,
      ms(d.summary, "p95"),
      d.total.toLocaleString("en"),
      String(d.items),
    ]),
  );
  if (r.explain) {
    console.log(`\nSlowest figure without a filter: ${r.explain.figure}, its statements run alone:`);
    for (const [i, s] of r.explain.statements.entries())
      console.log(`   ${i + 1}. ${fmtMs(s.ms)} ms  ${s.sql.replace(/\s+/g, " ").slice(0, 160)}…`);
  }
}
