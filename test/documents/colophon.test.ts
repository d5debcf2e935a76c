/**
 * 版记 (GB/T 9704 7.4): 抄送 and 印发机关和印发日期 between rules at the FOOT of the last page, the last rule's bottom
 * on the bottom edge of the 版心 (262 mm from the top of a portrait page); when the text ends too low for it, alone
 * at the foot of a new, last page, never at the top of a page with blank space under it. In the PDF and in the
 * DOCX as LibreOffice lays it out.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocx, renderPdf } from "../../src/server/documents/index.ts";
import type { Block, OfficialDocument } from "../../src/server/documents/model.ts";
import { checkLayout, docxToPdf, measurePdf, type PdfLayout, type PdfLine, type PdfPage } from "../support/layout.ts";
import { letterDocument, paragraphText } from "./fixtures.ts";

const run = promisify(execFile);

/** Bottom edge of the 版心: 297 − 35 mm. */
const TEXT_BOTTOM = 262;
const LINE_MM = 225 / 22;
const CC = "县纪委监委，县委组织部。";
const PRINTED = "2024年3月5日印发";

/** 26 characters after the two-character indent: exactly one full line of the 28-character grid. */
const ONE_LINE = "坚持把巡察整改作为重大政治任务主要负责同志亲自研究。";

/**
 * A letter whose second page begins with `lines` one-line paragraphs; then the signature (two blank lines, issuer,
 * date) and one 附注: its text ends on line `lines + 5` of page 2.
 */
function letterEndingOnLine(lines: number): OfficialDocument {
  const body: Block[] = [{ type: "paragraph", text: paragraphText(0) }, { type: "pageBreak" }];
  for (let i = 0; i < lines; i++) body.push({ type: "paragraph", text: ONE_LINE });
  return letterDocument({ attachments: [], body });
}

const DOCS = {
  /** One page: 版头, a one-line title, a one-line paragraph and the signature, with room under them for the 版记. */
  short: letterDocument({
    copyNo: undefined,
    classification: undefined,
    title: "关于督促示范镇加快推进巡察整改的函",
    attachments: [],
    notes: [],
    body: [{ type: "paragraph", text: "请于本月底前将巡察反馈问题整改进展情况书面报送我办。" }],
  }),
  /** Ends on line 19 of page 2: one line free above the 版记, which stays on that page. */
  fits: letterEndingOnLine(14),
  /** Ends on line 21 of page 2, too low for the 版记: it goes to page 3, alone at the foot. */
  low: letterEndingOnLine(16),
};
type Name = keyof typeof DOCS;

interface Rule {
  /** mm from the top and left edges of the page. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The black horizontal rules longer than 100 mm on a page, top to bottom, found in a 300 dpi rendering of it
 * (poppler's pdftoppm): the 版记's rules are drawn, not text.
 */
async function horizontalRules(pdf: Buffer, page: number): Promise<Rule[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xuncha-rules-"));
  try {
    const file = path.join(dir, "document.pdf");
    await fs.writeFile(file, pdf);
    const dpi = 300;
    const { stdout } = await run("/usr/bin/pdftoppm", ["-r", String(dpi), "-f", `${page}`, "-l", `${page}`, file], {
      encoding: "buffer",
      maxBuffer: 64 << 20,
    });
    // PPM (P6): magic, width, height, maximum value, one whitespace, then three bytes (RGB) per pixel.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 64).toString("latin1"));
    if (!header) throw new Error("pdftoppm 未输出 PPM 图像");
    const [width, height] = [Number(header[1]), Number(header[2])];
    const start = header[0].length;
    const mm = (px: number) => (px * 25.4) / dpi;
    const rules: Rule[] = [];
    let open: Rule | null = null;
    for (let y = 0; y < height; y++) {
      // The longest run of dark pixels in the row.
      let best = 0;
      let bestStart = 0;
      let length = 0;
      for (let x = 0; x < width; x++) {
        const at = start + 3 * (y * width + x);
        // Black: dark in every channel (the red rule of the 版头 is not).
        if (Math.max(stdout[at] ?? 255, stdout[at + 1] ?? 255, stdout[at + 2] ?? 255) < 128) {
          length++;
          if (length > best) [best, bestStart] = [length, x - length + 1];
        } else length = 0;
      }
      if (mm(best) > 100) {
        if (open && Math.abs(open.bottom - mm(y)) < 0.01) open.bottom = mm(y + 1);
        else {
          open = { top: mm(y), bottom: mm(y + 1), left: mm(bestStart), right: mm(bestStart + best) };
          rules.push(open);
        }
      }
    }
    return rules;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

interface Measured {
  layout: PdfLayout;
  /** Rules of the page that holds the 版记. */
  rules: Rule[];
}

const compact = (l: PdfLine) => l.text.replace(/\s+/g, "");
const ccLine = (p: PdfPage) => p.lines.find((l) => compact(l).startsWith("抄送："));
const printedLine = (p: PdfPage) => p.lines.find((l) => compact(l).endsWith(PRINTED));
/** The page's text other than the 版记 and the page number. */
const textAbove = (p: PdfPage) => p.lines.filter((l) => l !== p.pageNumber && l !== ccLine(p) && l !== printedLine(p));

describe("版记", () => {
  const results: Record<string, Measured> = {};

  beforeAll(async () => {
    await Promise.all(
      Object.entries(DOCS).flatMap(([name, doc]) => [
        (async () => {
          const pdf = await renderPdf(doc);
          const layout = await measurePdf(pdf);
          results[`pdf:${name}`] = { layout, rules: await horizontalRules(pdf, layout.pages.length) };
        })(),
        (async () => {
          const pdf = await docxToPdf(await renderDocx(doc));
          const layout = await measurePdf(pdf);
          results[`docx:${name}`] = { layout, rules: await horizontalRules(pdf, layout.pages.length) };
        })(),
      ]),
    );
  });

  for (const format of ["pdf", "docx"] as const) {
    const get = (name: Name) => {
      const r = results[`${format}:${name}`];
      if (!r) throw new Error(`未生成 ${format}:${name}`);
      return r;
    };
    const last = (name: Name) => get(name).layout.pages.at(-1) as PdfPage;

    describe(format === "pdf" ? "PDF" : "DOCX（经 LibreOffice 转为 PDF）", () => {
      it("sits at the foot of the only page of a short letter, under the text", () => {
        const { layout } = get("short");
        expect(layout.pages.length).toBe(1);
        expect(checkLayout(layout)).toEqual([]);
        const page = last("short");
        const cc = ccLine(page);
        const printed = printedLine(page);
        expect(compact(cc as PdfLine)).toBe(`抄送：${CC}`);
        expect(printed).toBeTruthy();
        // 印发机关和印发日期 on the last line of the 版心, 抄送 on the line above.
        expect(Math.abs((printed?.yMax ?? 0) - TEXT_BOTTOM)).toBeLessThan(1.5);
        expect((printed?.yMin ?? 0) - (cc?.yMax ?? 0)).toBeGreaterThan(0);
        expect((printed?.yMin ?? 0) - (cc?.yMax ?? 0)).toBeLessThan(LINE_MM);
        // The signature above it, a line clear of it.
        const above = textAbove(page);
        expect(above.map(compact).at(-1)).toBe("2024年3月5日");
        expect(Math.max(...above.map((l) => l.yMax))).toBeLessThan((cc?.yMin ?? 0) - 5);
      });

      it("lies between rules as wide as the 版心, the last one's bottom on the 版心's bottom edge", () => {
        const { rules } = get("short");
        const page = last("short");
        const [first, middle, end] = rules;
        expect(rules.length).toBe(3);
        if (!first || !middle || !end) return;
        for (const r of rules) {
          expect(Math.abs(r.left - 28)).toBeLessThan(0.3);
          expect(Math.abs(r.right - 184)).toBeLessThan(0.3);
        }
        expect(Math.abs(end.bottom - TEXT_BOTTOM)).toBeLessThan(0.3);
        // 抄送 between the first rule and the thin one, 印发 between the thin one and the last (the glyph boxes reach
        // beyond the ink: their middles are compared).
        const middleOf = (l: PdfLine | undefined) => (l ? (l.yMin + l.yMax) / 2 : NaN);
        expect(middleOf(ccLine(page))).toBeGreaterThan(first.bottom);
        expect(middleOf(ccLine(page))).toBeLessThan(middle.top);
        expect(middleOf(printedLine(page))).toBeGreaterThan(middle.bottom);
        expect(middleOf(printedLine(page))).toBeLessThan(end.top);
        // The first and last rules thicker (0.35 mm) than the one between (0.25 mm).
        expect(first.bottom - first.top).toBeGreaterThan(middle.bottom - middle.top);
        expect(end.bottom - end.top).toBeGreaterThan(middle.bottom - middle.top);
      });

      it("stays at the foot of the page where the text ends when a line is free above it", () => {
        const { layout, rules } = get("fits");
        expect(layout.pages.length).toBe(2);
        const page = last("fits");
        const above = textAbove(page);
        // The text runs down to line 19 of the page.
        expect(Math.max(...above.map((l) => l.yMax))).toBeGreaterThan(37 + 18 * LINE_MM);
        expect(Math.max(...above.map((l) => l.yMax))).toBeLessThan(rules[0]?.top ?? 0);
        expect(Math.abs((printedLine(page)?.yMax ?? 0) - TEXT_BOTTOM)).toBeLessThan(1.5);
        expect(Math.abs((rules.at(-1)?.bottom ?? 0) - TEXT_BOTTOM)).toBeLessThan(0.3);
      });

      it("goes alone to the foot of a new last page when the text ends too low for it", () => {
        const { layout, rules } = get("low");
        expect(layout.pages.length).toBe(3);
        // The text ends low on page 2, with its 附注, and no 版记 there.
        const body = layout.pages[1] as PdfPage;
        const ends = body.lines.filter((l) => l !== body.pageNumber);
        expect(compact(ends.at(-1) as PdfLine)).toBe("（联系人：王敏，电话：0371-12345678）");
        expect(ends.at(-1)?.yMax ?? 0).toBeGreaterThan(TEXT_BOTTOM - 3 * LINE_MM);
        expect(ccLine(body)).toBeUndefined();
        // Page 3: the 版记 at the foot and nothing else but the page number.
        const page = last("low");
        expect(textAbove(page)).toEqual([]);
        expect(page.pageNumber).not.toBeNull();
        expect(ccLine(page)?.yMin ?? 0).toBeGreaterThan(TEXT_BOTTOM - 3 * LINE_MM);
        expect(Math.abs((printedLine(page)?.yMax ?? 0) - TEXT_BOTTOM)).toBeLessThan(1.5);
        expect(rules.length).toBe(3);
        expect(Math.abs((rules.at(-1)?.bottom ?? 0) - TEXT_BOTTOM)).toBeLessThan(0.3);
      });
    });
  }
});
