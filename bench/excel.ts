/**
 * The Excel part of `npm run bench` (bench/main.ts runs it on PGlite with 100k ledger rows): the streamed ledger
 * workbook (writeLedgerWorkbook, three sheets) of about 25k, 50k and 100k rows — for each size the ledger filter
 * whose row count comes nearest — written into a counting sink in the server process, smallest first, with that
 * process's memory sampled every 50 ms (bench/work.ts). A streamed export keeps its peak flat as the rows grow.
 * With --explain, the smallest export is run again through a logging drizzle instance to EXPLAIN its batch queries.
 */
import type { BenchServer } from "./client.ts";
import { args } from "./options.ts";
import type { ExcelCase, ExcelExplain, ExcelRun } from "./protocol.ts";
import { fmtMb, fmtMs, seconds, table } from "./stats.ts";

export interface ExcelResult {
  runs: ExcelRun[];
  /** With --explain: the batch queries of the smallest export. */
  explain: ExcelExplain | null;
}

export async function benchExcel(server: BenchServer): Promise<ExcelResult> {
  const sizes = String(args["excel-sizes"]).split(",").map(Number);
  const cases = await server.call<ExcelCase[]>("excelCases", { sizes });
  console.log(`\n-- Excel on pglite: the ledger workbook of ${cases.map((c) => `${c.rows} rows (${c.label})`).join(", ")}`);
  const runs: ExcelRun[] = [];
  for (const c of cases) {
    const r = await server.call<ExcelRun>("excel", { case: c });
    console.log(`   ${c.label}: ${c.rows} rows in ${seconds(r.ms)}, peak RSS ${fmtMb(r.peak.rss)}`);
    runs.push(r);
  }
  let explain: ExcelExplain | null = null;
  if (args.explain && cases[0]) {
    explain = await server.call<ExcelExplain>("excelExplain", { case: cases[0] });
    for (const e of explain)
      console.log(
        `\n   -- ${e.label} (${cases[0].label}): ${fmtMs(e.ms)} ms, ${e.rows} rows\n${e.plan.replace(/^/gm, "      ")}`,
      );
  }
  return { runs, explain };
}

export function reportExcel(r: ExcelResult): void {
  const rise = (peak: number, base: number) => `+${fmtMb(Math.max(0, peak - base))}`;
  console.log(
    "\nExcel ledger export on PGlite, streamed into a counting sink (memory of the server process, sampled every 50 ms; " +
      "rise = peak − baseline after a GC):\n",
  );
  table(
    ["rows (filter)", "time", "rows/s", "CPU", "output", "peak RSS", "RSS rise", "peak heap", "heap rise", "peak external"],
    r.runs.map((x) => [
      `${x.rows.toLocaleString("en")} (${x.label})`,
      seconds(x.ms),
      Math.round((x.rows * 1000) / x.ms).toLocaleString("en"),
      seconds(x.cpuMs),
      fmtMb(x.bytes),
      fmtMb(x.peak.rss),
      rise(x.peak.rss, x.base.rss),
      fmtMb(x.peak.heapUsed),
      rise(x.peak.heapUsed, x.base.heapUsed),
      fmtMb(x.peak.external),
    ]),
  );
}
