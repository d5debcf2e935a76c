/** What the bench driver (ledger-list.ts) and its forked server (server.ts) share. */

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
