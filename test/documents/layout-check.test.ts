/** The layout check itself: a page set off the GB/T 9704 grid is reported, in Chinese, for what is wrong. */
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FONT_DIR } from "../../src/server/documents/pdf.ts";
import { checkOfficialLayout, measurePdf } from "../support/layout.ts";
import { paragraphText } from "./fixtures.ts";

const PT = 72 / 25.4;

/** Three pages of 16 pt text on the right line pitch but 30 characters a line, 23 lines a page, 20 mm from the left. */
function offGridPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false });
  doc.registerFont("serif", path.join(FONT_DIR, "NotoSerifCJK-Regular.ttc"), "NotoSerifCJKsc-Regular");
  const chunks: Buffer[] = [];
  doc.on("data", (d: Buffer) => chunks.push(d));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const text = [...Array.from({ length: 40 }, (_, i) => paragraphText(i)).join("")].filter((c) => c !== "。");
  let k = 0;
  for (let page = 0; page < 3; page++) {
    doc.addPage();
    for (let line = 0; line < 23; line++) {
      const chars = text.slice(k, k + 30).join("");
      k += 30;
      doc
        .font("serif")
        .fontSize(16)
        .text(chars, 20 * PT, 37 * PT + (line + 1) * 28.95 - 4, {
          lineBreak: false,
          baseline: "alphabetic",
          characterSpacing: -0.6,
        });
    }
  }
  doc.end();
  return done;
}

describe("版式检查", () => {
  it("reports the margin, the lines per page and the characters per line of an off-grid page", async () => {
    const pdf = await offGridPdf();
    const layout = await measurePdf(pdf);
    expect(layout.pages[0]?.lineCount).toBe(23);
    const problems = await checkOfficialLayout(pdf, { fullPages: [1, 2] });
    expect(problems).toContain("第 1 页：左边距 20.0 mm，应为 28±1 mm");
    expect(problems).toContain("第 2 页：正文 23 行，应为每页 22 行");
    expect(problems.some((p) => /^第 1 页：\d+ 个整行的字数为 30，应为每行 28 字/.test(p))).toBe(true);
  });
});
