/**
 * A long letter with every part of GB/T 9704 (版头, number, two-line title, recipient, three heading levels, 64
 * paragraphs over many pages, attachments, signature, 附注, 版记): DOCX through LibreOffice, and the PDF renderer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx, renderPdf } from "../../src/server/documents/index.ts";
import type { OfficialDocument } from "../../src/server/documents/model.ts";
import { checkLayout, docxToPdf, measurePdf, type PdfLayout, type PdfPage } from "../support/layout.ts";
import { letterDocument } from "./fixtures.ts";

const doc = letterDocument();
const MM_PER_CHAR_4 = (14 * 25.4) / 72; // one 4号 character

/** All the text of the document, page numbers left out, without whitespace: what a reader can copy. */
const readable = (layout: PdfLayout) =>
  layout.pages
    .flatMap((p) => p.lines.filter((l) => l !== p.pageNumber).map((l) => l.text))
    .join("")
    .replace(/\s+/g, "");

/** Every piece of the document's text, in reading order. */
function expectedTexts(d: OfficialDocument): string[] {
  const out = [d.authority ?? "", d.number ?? "", d.title, d.recipient ?? ""];
  for (const b of d.body) if (b.type === "heading" || b.type === "paragraph") out.push(b.text);
  d.attachments?.forEach((a, i) => out.push(`${i + 1}.${a}`));
  out.push(d.signature?.issuer ?? "", "2024年3月5日", ...(d.notes ?? []), `抄送：${d.cc}`, "2024年3月5日印发");
  return out.filter(Boolean).map((t) => t.replace(/\s+/g, ""));
}

function expectInOrder(text: string, parts: string[]) {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    expect(found, `“${part.slice(0, 30)}” 应在前文之后出现`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

function expectPageNumbers(pages: PdfPage[]) {
  for (const p of pages) {
    const pn = p.pageNumber;
    expect(pn, `第 ${p.number} 页应有页码`).not.toBeNull();
    if (!pn) continue;
    expect(pn.text.replace(/\s+/g, "")).toBe(`—${p.number}—`);
    // Outer corner, one character in: odd pages at the right of the 版心, even pages at the left.
    if (p.number % 2 === 1) expect(Math.abs(pn.xMax - (210 - 26 - MM_PER_CHAR_4))).toBeLessThan(1.5);
    else expect(Math.abs(pn.xMin - (28 + MM_PER_CHAR_4))).toBeLessThan(1.5);
    // Under the 版心 (its bottom edge at 262 mm).
    expect(pn.yMin).toBeGreaterThan(262);
  }
}

function expectTitleCentred(layout: PdfLayout) {
  const first = layout.pages[0] as PdfPage;
  const titleLines = first.lines.filter((l) => doc.title.includes(l.text.replace(/\s+/g, "")) && l.text.length > 4);
  expect(titleLines.length).toBe(2);
  for (const l of titleLines) expect(Math.abs((l.xMin + l.xMax) / 2 - (28 + 156 / 2))).toBeLessThan(1.5);
  // Larger than the body text.
  expect(titleLines[0]?.heightPt ?? 0).toBeGreaterThan((layout.bodyHeightPt ?? 99) * 1.2);
}

describe("公文（长篇函件）", () => {
  let viaLibreOffice: PdfLayout;
  let direct: PdfLayout;

  beforeAll(async () => {
    const [docx, pdf] = await Promise.all([renderDocx(doc), renderPdf(doc)]);
    viaLibreOffice = await measurePdf(await docxToPdf(docx));
    direct = await measurePdf(pdf);
  });

  for (const [name, get] of [
    ["DOCX（经 LibreOffice 转为 PDF）", () => viaLibreOffice],
    ["PDF", () => direct],
  ] as const) {
    describe(name, () => {
      it("every full page is A4 with 22 lines of 28 characters at the GB/T 9704 margins", () => {
        const layout = get();
        expect(layout.pages.length).toBeGreaterThanOrEqual(3);
        expect(checkLayout(layout)).toEqual([]);
        const middle = layout.pages.slice(1, -1);
        expect(middle.length).toBeGreaterThanOrEqual(2);
        for (const p of middle) {
          expect(p.lineCount).toBe(22);
          expect(p.fullLineChars.length).toBeGreaterThan(5);
          expect(Math.abs((p.left ?? 0) - 28)).toBeLessThan(1);
          expect(Math.abs((p.top ?? 0) - 37)).toBeLessThan(1.5);
          expect(Math.abs((p.linePitchPt ?? 0) - 28.95)).toBeLessThan(0.2);
        }
      });

      it("numbers the pages “— n —” at the outer corners, odd right and even left", () => {
        expectPageNumbers(get().pages);
      });

      it("keeps all the text, selectable and in reading order", () => {
        expectInOrder(readable(get()), expectedTexts(doc));
      });

      it("centres the two-line title, larger than the body", () => {
        expectTitleCentred(get());
      });

      it("sets the 版头 above the title: the red mark, the number centred", () => {
        const first = get().pages[0] as PdfPage;
        const mark = first.lines.find((l) => l.text.replace(/\s+/g, "") === doc.authority);
        const number = first.lines.find((l) => l.text.replace(/\s+/g, "") === doc.number);
        const title = first.lines.find((l) => doc.title.startsWith(l.text.replace(/\s+/g, "")));
        expect(mark && number && title).toBeTruthy();
        if (!mark || !number || !title) return;
        expect(mark.yMax).toBeLessThan(number.yMin);
        expect(number.yMax).toBeLessThan(title.yMin);
        expect(Math.abs((number.xMin + number.xMax) / 2 - 106)).toBeLessThan(1.5);
        expect(mark.xMax - mark.xMin).toBeGreaterThan(120);
        // The date under the issuer, right-indented four characters (4 × 5.57 mm from the right edge at 184 mm).
        const last = get().pages[get().pages.length - 1] as PdfPage;
        const date = last.lines.find((l) => l.text.replace(/\s+/g, "") === "2024年3月5日");
        expect(date).toBeTruthy();
        expect(Math.abs((date?.xMax ?? 0) - (184 - 4 * (156 / 28)))).toBeLessThan(1.5);
      });
    });
  }
});
