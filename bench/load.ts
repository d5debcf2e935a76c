/**
 * Loads the seeded bench data on one connection: foreign-key triggers off (the generated data is
 * consistent), secondary indexes of the loaded tables dropped and rebuilt afterwards, then statistics.
 */
import { LOADED_TABLES, seedStatements, type SeedOptions } from "./seed.ts";

export type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

export interface LoadReport {
  ms: number;
  steps: Array<{ step: string; ms: number }>;
  fkOff: boolean;
}

export async function loadData(q: Query, o: SeedOptions & { vacuum: boolean }): Promise<LoadReport> {
  const start = performance.now();
  const steps: LoadReport["steps"] = [];
  const timed = async (step: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    steps.push({ step, ms: performance.now() - t0 });
  };
  let fkOff = true;
  await q("set session_replication_role = replica").catch(() => (fkOff = false));
  const indexes = (await q(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in (${LOADED_TABLES.map((t) => `'${t}'`).join(",")})
       and indexname not in (select conname from pg_constraint)`,
  )) as Array<{ indexname: string; indexdef: string }>;
  for (const i of indexes) await q(`drop index ${i.indexname}`);
  for (const [n, s] of seedStatements(o).entries()) {
    const name = /^\s*(create temp table|insert into|update|create or replace function|drop \w+)\s+(\w+)/i.exec(s);
    await timed(name ? `${name[1]} ${name[2]}` : `statement ${n}`, () => q(s));
  }
  await timed("create secondary indexes", async () => {
    for (const i of indexes) await q(i.indexdef);
  });
  if (fkOff) await q("set session_replication_role = origin");
  // PostgreSQL's autovacuum would vacuum the freshly loaded tables soon anyway; PGlite has no autovacuum.
  await timed(o.vacuum ? "vacuum analyze" : "analyze", () => q(o.vacuum ? "vacuum analyze" : "analyze"));
  return { ms: performance.now() - start, steps, fkOff };
}
