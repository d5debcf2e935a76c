/**
 * What the bench server (bench/server.ts) does on request for the documents, Excel and statistics parts, in the
 * server process where the engine and the loaded data live: build and render the ledger document, stream the Excel
 * ledger into a counting sink while sampling memory, pick the statistics' filters, and time and EXPLAIN one figure's
 * statements. The driver (documents.ts, excel.ts, stats-api.ts) only asks and reports.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import type { Actor } from "../src/domain/roles.ts";
import type { StatFigure, StatFilter } from "../src/domain/stats.ts";
import { todayIn, type AppContext } from "../src/server/context.ts";
import type { Db } from "../src/server/db/client.ts";
import { renderDocx, renderPdf } from "../src/server/documents/index.ts";
import { buildLedgerDocument } from "../src/server/features/documents/ledger.ts";
import { writeLedgerWorkbook } from "../src/server/features/excel/ledger.ts";
import type { LedgerFilter } from "../src/server/features/ledger/queries.ts";
import { statRecords, statResult } from "../src/server/features/stats/queries.ts";
import type { Query } from "./load.ts";
import type { DocumentsRun, ExcelCase, ExcelExplain, ExcelRun, StatExplain, StatTargets } from "./protocol.ts";

/** Runs one captured statement (with its parameters) on the engine; resolves when it is done. */
export type RunStatement = (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

// ---------- documents ----------

/** The assignment whose ledger is nearest `rows` rows (ties: the smaller id), and its size. */
async function assignmentNear(q: Query, rows: number): Promise<{ id: string; rows: number; org: string }> {
  const [a] = await q(
    `select r.assignment_id as id, count(*)::int as rows, min(o.name) as org from ledger_rows r join orgs o on o.id = r.org_id
      where r.deleted_at is null and r.assignment_id is not null group by r.assignment_id
      order by abs(count(*) - ${Math.round(rows)}), r.assignment_id limit 1`,
  );
  if (!a) throw new Error("no assignment has ledger rows");
  return { id: String(a.id), rows: Number(a.rows), org: String(a.org) };
}

/**
 * The ledger document (整改台账, three landscape tables) of an assignment of about `rows` rows, `runs` times after
 * two unmeasured runs: the builder (records → OfficialDocument) and each renderer timed apart.
 */
export async function documentsRun(
  ctx: AppContext,
  actor: Actor,
  q: Query,
  o: { runs: number; rows: number; dir: string },
): Promise<DocumentsRun> {
  const target = await assignmentNear(q, o.rows);
  const build: number[] = [];
  const docx: number[] = [];
  const pdf: number[] = [];
  let sizes = { docx: 0, pdf: 0 };
  let pdfPages: number | null = null;
  let tableRows = 0;
  for (let i = 0; i < o.runs + 2; i++) {
    const t0 = performance.now();
    const doc = await buildLedgerDocument(ctx, actor, target.id);
    const t1 = performance.now();
    const d = await renderDocx(doc);
    const t2 = performance.now();
    const p = await renderPdf(doc);
    const t3 = performance.now();
    if (i < 2) continue;
    build.push(t1 - t0);
    docx.push(t2 - t1);
    pdf.push(t3 - t2);
    sizes = { docx: d.length, pdf: p.length };
    if (i === o.runs + 1) {
      tableRows = doc.body.reduce((n, b) => n + (b.type === "table" ? b.rows.length : 0), 0);
      // Kept after the bench, to look at what was measured.
      const file = path.join(o.dir, "xuncha-bench-ledger.pdf");
      fs.writeFileSync(file, p);
      fs.writeFileSync(path.join(o.dir, "xuncha-bench-ledger.docx"), d);
      try {
        const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
        pdfPages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
      } catch {
        pdfPages = null; // poppler is not installed: the page count is left out
      }
    }
  }
  return {
    assignment: target,
    build,
    docx,
    pdf,
    sizes,
    pdfPages,
    tableRows,
    files: path.join(o.dir, "xuncha-bench-ledger.{docx,pdf}"),
  };
}

// ---------- Excel ----------

/** Bytes written, nothing kept: the export's own memory is what is measured, not a buffer of its output. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.bytes += chunk.length;
    done();
  }
}

/** Filters whose row counts come near each wanted size: no filter, each status, each progress, each round. */
export async function excelCases(q: Query, sizes: number[]): Promise<ExcelCase[]> {
  const live = "deleted_at is null";
  const candidates: ExcelCase[] = [
    { label: "no filter", filter: {}, rows: Number((await q(`select count(*)::int as n from ledger_rows where ${live}`))[0]!.n) },
  ];
  for (const r of await q(`select status as k, count(*)::int as n from ledger_rows where ${live} group by 1 order by 1`))
    candidates.push({ label: `status=${String(r.k)}`, filter: { status: r.k as LedgerFilter["status"] }, rows: Number(r.n) });
  for (const r of await q(`select progress as k, count(*)::int as n from ledger_rows where ${live} group by 1 order by 1`))
    candidates.push({
      label: `progress=${String(r.k)}`,
      filter: { progress: r.k as LedgerFilter["progress"] },
      rows: Number(r.n),
    });
  for (const r of await q(
    `select a.round_id as k, min(ro.name) as name, count(*)::int as n from ledger_rows l join assignments a on a.id = l.assignment_id
       join rounds ro on ro.id = a.round_id where l.${live} group by 1 order by min(ro.start_date)`,
  ))
    candidates.push({ label: `roundId=${String(r.name)}`, filter: { roundId: String(r.k) }, rows: Number(r.n) });
  const picked: ExcelCase[] = [];
  for (const size of sizes) {
    const best = candidates.reduce((a, b) => (Math.abs(b.rows - size) < Math.abs(a.rows - size) ? b : a));
    if (!picked.includes(best)) picked.push(best);
  }
  return picked.sort((a, b) => a.rows - b.rows);
}

/**
 * One streamed export of the ledger workbook into a counting sink, with this process's memory sampled every 50 ms
 * (and at the end): the peak RSS, V8 heap and external memory (Buffers, and PGlite's WebAssembly memory), each also
 * as the rise over the baseline taken after a full garbage collection just before the export.
 */
export async function excelRun(ctx: AppContext, actor: Actor, c: ExcelCase): Promise<ExcelRun> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heapUsed: base.heapUsed, external: base.external };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  const timer = setInterval(sample, 50);
  const sink = new CountingSink();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  try {
    await writeLedgerWorkbook(ctx.db, actor, c.filter, sink, todayIn(ctx));
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  sample();
  return {
    ...c,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    bytes: sink.bytes,
    base: { rss: base.rss, heapUsed: base.heapUsed, external: base.external },
    peak,
  };
}

/**
 * The export's batch queries as they are sent (through a logging drizzle instance): the first and second batch of
 * each distinct query (by its ORDER BY: one per sheet, or more; the second batch has the keyset condition), each then
 * run alone and with EXPLAIN (ANALYZE, BUFFERS).
 */
export async function excelExplain(
  logDb: Db,
  setWatch: (w: ((sql: string, params: unknown[]) => void) | null) => void,
  run: RunStatement,
  actor: Actor,
  c: ExcelCase,
  today: string,
): Promise<ExcelExplain> {
  const shapes = new Map<string, Array<{ sql: string; params: unknown[] }>>();
  setWatch((sql, params) => {
    if (!/ limit \$\d+$/.test(sql)) return;
    const order = sql.slice(sql.lastIndexOf(" order by "));
    const seen = shapes.get(order) ?? [];
    if (seen.length < 2) seen.push({ sql, params });
    shapes.set(order, seen);
  });
  try {
    await writeLedgerWorkbook(logDb, actor, c.filter, new CountingSink(), today);
  } finally {
    setWatch(null);
  }
  const out: ExcelExplain = [];
  for (const [order, batches] of shapes)
    for (const [j, b] of batches.entries()) {
      const t0 = performance.now();
      const res = await run(b.sql, b.params);
      const ms = performance.now() - t0;
      const plan = await run(`explain (analyze, buffers, costs off) ${b.sql}`, b.params);
      out.push({
        label: `${order.replace(/"/g, "").replace(/\s+/g, " ").trim()}, batch ${j + 1}`,
        sql: b.sql,
        ms,
        rows: res.rows.length,
        plan: (plan.rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]).join("\n"),
      });
    }
  return out;
}

// ---------- statistics ----------

/** The township whose subtree holds the most ledger rows, and the middle round of the term. */
export async function statTargets(q: Query): Promise<StatTargets> {
  const [org] = await q(
    `with per_org as (select org_id, count(*) as n from ledger_rows where deleted_at is null group by org_id)
     select t.id, t.name, count(s.id)::int as orgs, coalesce(sum(p.n), 0)::int as rows
       from orgs t join orgs s on s.path like t.path || '%' and s.deleted_at is null left join per_org p on p.org_id = s.id
      where t.kind = 'township' and t.deleted_at is null group by t.id, t.name order by 4 desc, t.id limit 1`,
  );
  const rounds = await q(
    `select ro.id, ro.name, count(l.id)::int as rows from rounds ro join assignments a on a.round_id = ro.id
       left join ledger_rows l on l.assignment_id = a.id and l.deleted_at is null
      where ro.deleted_at is null group by ro.id, ro.name, ro.start_date order by ro.start_date, ro.id`,
  );
  const round = rounds[Math.floor(rounds.length / 2)];
  if (!org || !round) throw new Error("the bench data has no township or no round");
  return {
    org: { id: String(org.id), name: String(org.name), orgs: Number(org.orgs), rows: Number(org.rows) },
    round: { id: String(round.id), name: String(round.name), rows: Number(round.rows) },
  };
}

/**
 * The statements statResult sends for one figure — or statRecords for one drill-down, when `drill` is given —
 * (captured through a logging drizzle instance), each run alone — best of three — and with EXPLAIN (ANALYZE, BUFFERS).
 */
export async function statExplain(
  logDb: Db,
  capture: (fn: () => Promise<unknown>) => Promise<Array<{ sql: string; params: unknown[] }>>,
  run: RunStatement,
  actor: Actor,
  o: { figure: StatFigure; filter: StatFilter; today: string; drill?: { group: string; measure: string } },
): Promise<StatExplain> {
  const drill = o.drill;
  const captured = await capture(() =>
    drill
      ? statRecords(logDb, actor, o.figure, drill.group, drill.measure, o.filter, o.today)
      : statResult(logDb, actor, o.figure, o.filter, o.today),
  );
  const statements: StatExplain["statements"] = [];
  for (const c of captured) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await run(c.sql, c.params);
      best = Math.min(best, performance.now() - t0);
    }
    const res = await run(`explain (analyze, buffers, costs off) ${c.sql}`, c.params);
    const plan = (res.rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]).join("\n");
    statements.push({ sql: c.sql, ms: best, plan });
  }
  return { figure: o.figure, statements };
}
