/** Confidential exports: every page carries who exported the document and when; other documents carry nothing. */
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx, renderPdf } from "../../src/server/documents/index.ts";
import { checkLayout, docxToPdf, measurePdf, pdfPageTexts } from "../support/layout.ts";
import { letterBody, letterDocument } from "./fixtures.ts";

const USER = "赵晓东";
const AT = "2026-11-22 09:30";
const base = letterDocument({ body: letterBody(16) });
const marked = { ...base, watermark: { user: USER, at: AT } };

describe("水印", () => {
  const pages: Record<string, string[]> = {};
  const pdfs: Record<string, Buffer> = {};

  beforeAll(async () => {
    const [docxMarked, docxPlain, pdfMarked, pdfPlain] = await Promise.all([
      renderDocx(marked),
      renderDocx(base),
      renderPdf(marked),
      renderPdf(base),
    ]);
    const [viaMarked, viaPlain] = await Promise.all([docxToPdf(docxMarked), docxToPdf(docxPlain)]);
    Object.assign(pdfs, { viaMarked, viaPlain, pdfMarked, pdfPlain });
    for (const [k, v] of Object.entries(pdfs)) pages[k] = await pdfPageTexts(v);
  });

  it("is on every page of the DOCX and of the PDF, with the user and the time", () => {
    for (const k of ["viaMarked", "pdfMarked"]) {
      const texts = pages[k] ?? [];
      expect(texts.length, k).toBeGreaterThanOrEqual(3);
      texts.forEach((t, i) => {
        // Read in layout order, a level watermark may share its line with the text it lies over.
        for (const part of [USER, AT, "导出"]) expect(t, `${k} 第 ${i + 1} 页`).toContain(part);
      });
    }
  });

  it("is absent without a watermark", () => {
    for (const k of ["viaPlain", "pdfPlain"]) {
      const texts = pages[k] ?? [];
      expect(texts.length).toBeGreaterThanOrEqual(3);
      for (const t of texts) {
        expect(t).not.toContain(USER);
        expect(t).not.toContain(AT);
        expect(t).not.toContain("导出");
      }
    }
  });

  it("does not disturb the layout of the text", async () => {
    for (const k of ["viaMarked", "pdfMarked"]) {
      const layout = await measurePdf(pdfs[k] as Buffer);
      expect(checkLayout(layout), k).toEqual([]);
      for (const p of layout.pages.slice(1, -1)) expect(p.lineCount, k).toBe(22);
    }
  });
});
