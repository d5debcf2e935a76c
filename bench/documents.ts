/**
 * The documents part of `npm run bench` (bench/main.ts runs it on PGlite with 100k ledger rows): the ledger document
 * (整改台账: 问题清单, 任务清单, 责任清单 as three landscape tables) of an assignment of about 200 rows, built from the
 * records by the real builder and rendered by the real DOCX and PDF renderers, in the server process (bench/work.ts).
 * Time per document = build + render; p50 / p95 over --doc-runs runs after two unmeasured ones.
 */
import type { BenchServer } from "./client.ts";
import { num } from "./options.ts";
import type { DocumentsRun } from "./protocol.ts";
import { fmtMs, summarise, table } from "./stats.ts";

export type DocumentsResult = DocumentsRun;

export async function benchDocuments(server: BenchServer): Promise<DocumentsResult> {
  const runs = num("doc-runs");
  console.log(`\n-- documents on pglite: the ledger document of an assignment of about ${num("doc-rows")} rows, ${runs} runs`);
  const r = await server.call<DocumentsRun>("documents", { runs, rows: num("doc-rows") });
  console.log(
    `   ${r.assignment.org}: ${r.assignment.rows} ledger rows, ${r.tableRows} table rows in the document, ` +
      `PDF ${r.pdfPages ?? "?"} pages; the files: ${r.files}`,
  );
  return r;
}

export function reportDocuments(r: DocumentsResult): void {
  const sum = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `\nLedger document of one assignment on PGlite (${r.assignment.rows} ledger rows → ${r.tableRows} table rows, ` +
      `${r.pdfPages ?? "?"} PDF pages), ${r.build.length} runs each:\n`,
  );
  const line = (name: string, ms: number[], size: string) => {
    const s = summarise(ms, 1);
    return [name, `${fmtMs(s.p50)} ms`, `${fmtMs(s.p95)} ms`, `${fmtMs(s.max)} ms`, size];
  };
  table(
    ["step", "p50", "p95", "max", "output"],
    [
      line("build (records → document)", r.build, "–"),
      line("render DOCX", r.docx, kb(r.sizes.docx)),
      line("render PDF", r.pdf, kb(r.sizes.pdf)),
      line("DOCX document (build + render)", sum(r.build, r.docx), kb(r.sizes.docx)),
      line("PDF document (build + render)", sum(r.build, r.pdf), kb(r.sizes.pdf)),
    ],
  );
}
