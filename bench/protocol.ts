/** What the bench driver (main.ts and its parts) and its forked server (server.ts, work.ts) share. */
import type { LedgerStatus, ProgressState } from "../src/domain/ledger.ts";

export interface ServerOptions {
  engine: "pglite" | "postgres";
  /** PostgreSQL: the bench database's URL. */
  url: string | null;
  rows: number;
  orgs: number;
  seed: number;
  /** PostgreSQL: keep data already loaded by an earlier `--keep` run when the row count matches. */
  reuse: boolean;
  /** Extra SQL run after the load and ANALYZE (to try an index). */
  extraSql: string[];
}

/** One list request: GET /api/ledger?orgId=…&status=open&page=…&pageSize=PAGE_SIZE. */
export interface PlanItem {
  orgId: string;
  page: number;
}

export interface Ready {
  port: number;
  loadMs: number;
  reused: boolean;
  steps: Array<{ step: string; ms: number }>;
  counts: Record<string, number>;
  status: Array<{ status: string; n: number }>;
  orgOpen: Array<{ orgId: string; open: number }>;
  version: string;
  sizes: Array<{ name: string; size: string }>;
  fkOff: boolean;
  rssAfterLoad: number;
}

export interface PoolRun {
  ms: number[];
  wallMs: number;
  failures: number;
  firstError: string | null;
}

export interface DirectResult {
  /** listRows' queries (page + count together, then evidence counts). */
  list: PoolRun;
  /** The same preceded by the session check's queries, as the API runs them. */
  withAuth: PoolRun;
  queriesPerRequest: number;
  authQueries: number;
  sampleSql: string[];
}

/** Each statement's time run alone (concurrency 1), in ms: p50 and mean over the sample. */
export type Breakdown = Array<{ query: string; p50: number; mean: number }>;

/** CPU time used by the server process and, for PostgreSQL, its backends, over a measured phase. */
export interface CpuReport {
  peakRss: number;
  serverCpuMs: number;
  /** null when the backends' /proc entries cannot be read (PostgreSQL on another machine, PGlite). */
  backendCpuMs: number | null;
}

export const BENCH_USER = "bench_office";
export const BENCH_PASSWORD = "Bench#2024ok";
export const PAGE_SIZE = 50;

/** The office head the statistics part signs in as (leads are for the office head, not the office staff). */
export const BENCH_HEAD_USER = "bench_head";

/** What the statistics part filters by: an organisation subtree and a round, with their sizes. */
export interface StatTargets {
  org: { id: string; name: string; orgs: number; rows: number };
  round: { id: string; name: string; rows: number };
}

/** One figure's statements as statResult sends them, each run alone (best of 3) with its EXPLAIN ANALYZE. */
export interface StatExplain {
  figure: string;
  statements: Array<{ sql: string; ms: number; plan: string }>;
}

/** The ledger document of one assignment, timed per run (ms): the builder, then each renderer on its result. */
export interface DocumentsRun {
  assignment: { id: string; rows: number; org: string };
  build: number[];
  docx: number[];
  pdf: number[];
  /** Bytes of the last run's files. */
  sizes: { docx: number; pdf: number };
  /** Pages of the PDF (pdfinfo), null without poppler. */
  pdfPages: number | null;
  /** Body rows over the document's three tables. */
  tableRows: number;
  /** Where the last run's files were left. */
  files: string;
}

/** An Excel export to measure: the ledger filter and how many rows it selects. */
export interface ExcelCase {
  label: string;
  filter: { status?: LedgerStatus; progress?: ProgressState; roundId?: string };
  rows: number;
}

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** One streamed export into a counting sink: time, CPU, bytes written, and memory before (after a GC) and at peak. */
export interface ExcelRun extends ExcelCase {
  ms: number;
  cpuMs: number;
  bytes: number;
  base: Memory;
  peak: Memory;
}

/** The Excel export's batch queries (first and second of each sheet): time alone, rows, EXPLAIN ANALYZE. */
export type ExcelExplain = Array<{ label: string; sql: string; ms: number; rows: number; plan: string }>;
