/**
 * The bench's command line, shared by every part (bench/main.ts runs them):
 *
 *   npm run bench                                   every part on both engines
 *   npm run bench -- --only documents,excel         some parts: ledger-list, documents, excel, stats
 *   npm run bench -- --engines pglite               the parts of one engine (documents and excel run on PGlite,
 *                                                   stats on PostgreSQL, the ledger list on each)
 * Ledger list: --requests --warmup --sequential --concurrency --time-limit --sql --explain (docs/benchmarks.md).
 * Data: --seed --pglite-rows --pglite-orgs --pg-rows --pg-orgs; PostgreSQL --keep / --reuse.
 * Documents: --doc-runs (per format) --doc-rows (the size of the assignment whose ledger is rendered).
 * Excel: --excel-sizes (row counts exported, each by a filter picked to come near it).
 * Statistics: --stat-requests (per figure and filter) --stat-warmup; --explain also prints the slowest figure's plans.
 */
import { parseArgs } from "node:util";

export const PARTS = ["ledger-list", "documents", "excel", "stats"] as const;
export type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string", default: PARTS.join(",") },
    engines: { type: "string", default: "pglite,postgres" },
    requests: { type: "string", default: "2000" },
    warmup: { type: "string", default: "200" },
    sequential: { type: "string", default: "200" },
    concurrency: { type: "string", default: "20" },
    seed: { type: "string", default: "20241121" },
    "pglite-rows": { type: "string", default: "100000" },
    "pglite-orgs": { type: "string", default: "200" },
    "pg-rows": { type: "string", default: "1000000" },
    "pg-orgs": { type: "string", default: "2000" },
    "time-limit": { type: "string", default: "60" },
    "doc-runs": { type: "string", default: "20" },
    "doc-rows": { type: "string", default: "200" },
    "excel-sizes": { type: "string", default: "25000,50000,100000" },
    "stat-requests": { type: "string", default: "20" },
    "stat-warmup": { type: "string", default: "2" },
    sql: { type: "string", multiple: true, default: [] },
    explain: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});

export const args = values as Required<typeof values> & { sql: string[] };

export const num = (k: keyof typeof values): number => {
  const n = Number(values[k]);
  if (!Number.isFinite(n)) throw new Error(`--${k} must be a number, got ${String(values[k])}`);
  return n;
};

const unknownPart = String(values.only)
  .split(",")
  .find((p) => !(PARTS as readonly string[]).includes(p));
if (unknownPart) {
  console.error(`--only: unknown part "${unknownPart}" (parts: ${PARTS.join(", ")})`);
  process.exit(2);
}

/** The parts asked for with --only (all by default). */
export const parts = new Set(String(values.only).split(",") as Part[]);
export const engines = new Set(String(values.engines).split(","));
