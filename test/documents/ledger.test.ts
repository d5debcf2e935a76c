/** A landscape ledger of 200 rows: A4 turned, the header row on every page, no row lost or doubled. */
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx, renderPdf } from "../../src/server/documents/index.ts";
import { checkLayout, docxToPdf, measurePdf, pdfPageTexts, type PdfLayout } from "../support/layout.ts";
import { LEDGER_COLUMNS, ledgerDocument } from "./fixtures.ts";

const ROWS = 200;
const doc = ledgerDocument(ROWS);

describe("整改台账（横向表格）", () => {
  const results: Record<string, { layout: PdfLayout; texts: string[] }> = {};

  beforeAll(async () => {
    const [docx, pdf] = await Promise.all([renderDocx(doc), renderPdf(doc)]);
    const viaLibreOffice = await docxToPdf(docx);
    for (const [name, file] of [
      ["docx", viaLibreOffice],
      ["pdf", pdf],
    ] as const)
      results[name] = { layout: await measurePdf(file), texts: await pdfPageTexts(file) };
  });

  for (const name of ["docx", "pdf"] as const) {
    describe(name === "docx" ? "DOCX（经 LibreOffice 转为 PDF）" : "PDF", () => {
      it("is A4 landscape with the turned margins", () => {
        const { layout } = results[name] ?? { layout: null };
        expect(layout).toBeTruthy();
        if (!layout) return;
        expect(layout.pages.length).toBeGreaterThan(5);
        for (const p of layout.pages) {
          expect(Math.round(p.width)).toBe(297);
          expect(Math.round(p.height)).toBe(210);
        }
        expect(checkLayout(layout)).toEqual([]);
      });

      it("repeats the header row on every page", () => {
        const texts = results[name]?.texts ?? [];
        texts.forEach((t, i) => {
          for (const c of LEDGER_COLUMNS) expect(t, `第 ${i + 1} 页应有表头“${c.title}”`).toContain(c.title);
        });
      });

      it("keeps every row exactly once", () => {
        const all = (results[name]?.texts ?? []).join("\n").replace(/\s+/g, "");
        const seen = new Map<number, number>();
        for (const m of all.matchAll(/第(\d+)项/g)) seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
        for (let i = 1; i <= ROWS; i++) expect(seen.get(i), `第${i}项`).toBe(1);
        expect(seen.size).toBe(ROWS);
      });

      it("numbers the pages at the outer corners", () => {
        for (const p of results[name]?.layout.pages ?? []) {
          expect(p.pageNumber?.text.replace(/\s+/g, "")).toBe(`—${p.number}—`);
          const middle = ((p.pageNumber?.xMin ?? 0) + (p.pageNumber?.xMax ?? 0)) / 2;
          if (p.number % 2 === 1) expect(middle).toBeGreaterThan(297 / 2);
          else expect(middle).toBeLessThan(297 / 2);
        }
      });
    });
  }
});
