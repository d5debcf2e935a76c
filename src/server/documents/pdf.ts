/**
 * OfficialDocument → PDF (pdfkit) with the Noto CJK fonts of Debian (fonts-noto-cjk), on the same page and grid as
 * the DOCX (geometry.ts): every CJK character is set on the 15.79 pt pitch of the 28-character line, every body line
 * on the 28.95 pt pitch of the 22-line page. Text stays text: a reader can select, copy and search it.
 *
 * Faces: Noto Serif CJK SC for 仿宋 (body) and, bold, for 小标宋 (title, 发文机关标志) and bold headings; Noto Sans
 * CJK SC for 黑体. The Noto CJK fonts have no 楷体: level-2 headings are set in the body face.
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import {
  BODY_PT,
  CHAR_PITCH_PT,
  LINE_PITCH_PT,
  SMALL_PT,
  TITLE_PT,
  balanceTitle,
  chineseDate,
  mmToPt,
  pageGeometry,
  textWidthInChars,
  watermarkText,
} from "./geometry.ts";
import { breakLines, placeGlyphs, type Line } from "./linebreak.ts";
import type { Block, HeadingLevel, OfficialDocument } from "./model.ts";
import { drawColophon, drawTable } from "./pdf-parts.ts";

export const FONT_DIR = "/usr/share/fonts/opentype/noto";

export type Face = "serif" | "serifBold" | "sans" | "sansBold";
const FACES: Record<Face, [file: string, postscriptName: string]> = {
  serif: ["NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular"],
  serifBold: ["NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold"],
  sans: ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular"],
  sansBold: ["NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold"],
};

export class PdfFontsMissingError extends Error {
  constructor(missing: string[]) {
    super(`无法生成 PDF：缺少中文字体 ${missing.join("、")}，请安装 Debian 软件包 fonts-noto-cjk`);
    this.name = "PdfFontsMissingError";
  }
}

const RED = "#FF0000";

export interface TextStyle {
  face: Face;
  size: number;
  color?: string;
}

export interface ParagraphOptions {
  align?: "left" | "center" | "right" | "justify";
  /** Indents in pt. */
  firstIndent?: number;
  left?: number;
  right?: number;
  /** Line height (pt); default the body pitch. */
  lineHeight?: number;
  /** Advance of a CJK character; default the body pitch for 3号, the size otherwise. */
  widePitch?: number;
  /** Horizontal scale of the glyphs (1 = none). */
  scale?: number;
  /** Closing marks may hang in the right margin (default true). */
  hanging?: boolean;
}

/** The page being filled and the cursor on it. Shared with pdf-parts.ts (tables, 版记). */
export class Composer {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
  y: number;
  page = 0;
  /** Called after a page break inside a table: draws the header row again. */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly source: OfficialDocument,
    fontDir: string,
  ) {
    const g = pageGeometry(source);
    const missing = Object.values(FACES)
      .map(([file]) => path.join(fontDir, file))
      .filter((f) => !fs.existsSync(f));
    if (missing.length) throw new PdfFontsMissingError(missing);
    this.doc = new PDFDocument({
      size: "A4",
      layout: source.orientation,
      margin: 0,
      autoFirstPage: false,
      bufferPages: false,
      info: { Title: source.title, Creator: "xuncha", Producer: "xuncha" },
      lang: "zh-CN",
      displayTitle: true,
    });
    for (const [name, [file, ps]] of Object.entries(FACES)) this.doc.registerFont(name, path.join(fontDir, file), ps);
    this.left = mmToPt(g.left);
    this.top = mmToPt(g.top);
    this.right = mmToPt(g.width - g.right);
    this.bottom = mmToPt(g.height - g.bottom);
    this.width = this.right - this.left;
    this.y = this.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.page += 1;
    this.y = this.top;
    if (this.source.watermark) this.watermark(watermarkText(this.source.watermark));
    this.pageNumber();
    this.onNewPage?.();
  }

  /** Room for `height` more points on this page, else a new page. */
  ensure(height: number): void {
    if (this.page === 0 || this.y + height > this.bottom + 0.01) this.newPage();
  }

  use(s: TextStyle): void {
    this.doc
      .font(s.face)
      .fontSize(s.size)
      .fillColor(s.color ?? "#000000");
  }

  /** Break `text` into lines for the style and options, measured in the style's font. */
  lines(text: string, s: TextStyle, o: ParagraphOptions = {}): Line[] {
    this.use(s);
    const width = this.width - (o.left ?? 0) - (o.right ?? 0);
    return breakLines(text, {
      width,
      firstIndent: o.firstIndent ?? 0,
      restIndent: 0,
      widePitch: o.widePitch ?? (s.size === BODY_PT ? CHAR_PITCH_PT : s.size),
      narrowWidth: (ch) => this.doc.widthOfString(ch),
      // A centred or right-aligned line has no margin to hang into.
      hanging: o.hanging ?? (o.align === undefined || o.align === "justify" || o.align === "left"),
    });
  }

  /** Draw one line with its top at `top` and height `height` (the glyphs sit at the bottom of the slot). */
  drawLine(line: Line, x0: number, top: number, height: number, s: TextStyle, o: ParagraphOptions = {}): void {
    const align = o.align ?? "justify";
    const xs = placeGlyphs(line, align === "justify");
    const used = line.glyphs.length ? (xs[xs.length - 1] ?? 0) + (line.glyphs[line.glyphs.length - 1]?.advance ?? 0) : 0;
    let shift = 0;
    if (align === "center") shift = (line.width - used) / 2;
    else if (align === "right") shift = line.width - used;
    const baseline = top + height - 0.22 * s.size;
    const start = x0 + line.indent + shift;
    this.use(s);
    const scale = o.scale ?? 1;
    if (scale !== 1) this.doc.save().scale(scale, 1, { origin: [start, baseline] });
    // One text call per run of glyphs of one kind, the pitch carried by the character spacing.
    let i = 0;
    while (i < line.glyphs.length) {
      const g0 = line.glyphs[i];
      if (!g0) break;
      let j = i + 1;
      while (j < line.glyphs.length && line.glyphs[j]?.wide === g0.wide) j++;
      const text = line.glyphs
        .slice(i, j)
        .map((g) => g.ch)
        .join("");
      const step = j - i > 1 ? (xs[i + 1] ?? 0) - (xs[i] ?? 0) : g0.advance;
      const natural = g0.wide ? s.size : this.doc.widthOfString(g0.ch);
      const characterSpacing = g0.wide ? step - natural : step - g0.advance;
      this.doc.text(text, start + (xs[i] ?? 0), baseline, {
        lineBreak: false,
        baseline: "alphabetic",
        characterSpacing,
      });
      i = j;
    }
    if (scale !== 1) this.doc.restore();
  }

  /** A paragraph in the flow: lines on the pitch, a page break wherever the page is full. */
  paragraph(text: string, s: TextStyle, o: ParagraphOptions = {}): void {
    const height = o.lineHeight ?? LINE_PITCH_PT;
    for (const line of this.lines(text, s, o)) {
      this.ensure(height);
      this.drawLine(line, this.left + (o.left ?? 0), this.y, height, s, o);
      this.y += height;
    }
  }

  /** An empty line; none at the top of a page but the first (it would only push the text down). */
  blank(height = LINE_PITCH_PT): void {
    if (this.page > 1 && this.y <= this.top + 0.01) return;
    this.ensure(height);
    if (this.page > 1 && this.y <= this.top + 0.01) return;
    this.y += height;
  }

  private pageNumber(): void {
    const s: TextStyle = { face: "serif", size: SMALL_PT };
    const text = `— ${this.page} —`;
    this.use(s);
    const w = this.doc.widthOfString(text);
    const one = SMALL_PT;
    const x = this.page % 2 === 1 ? this.right - one - w : this.left + one;
    // The dashes' line 7 mm under the 版心.
    const baseline = this.bottom + mmToPt(7) + 0.88 * SMALL_PT;
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
  }

  private watermark(text: string): void {
    const { doc } = this;
    const size = 30;
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    doc.save();
    doc.font("sans").fontSize(size).fillColor("#B4B4B4").fillOpacity(0.45);
    const w = doc.widthOfString(text);
    doc.rotate(-Math.atan2(doc.page.height, doc.page.width) * (180 / Math.PI), { origin: [cx, cy] });
    // One span with its text as ActualText: extraction reads it whole, not as glyphs scattered along the diagonal.
    doc.markContent("Span", { actual: text } as never);
    doc.text(text, cx - w / 2, cy, { lineBreak: false, baseline: "middle" });
    doc.endMarkedContent();
    doc.restore();
    doc.fillOpacity(1);
  }
}

const HEADING: Record<HeadingLevel, TextStyle> = {
  1: { face: "sans", size: BODY_PT },
  2: { face: "serif", size: BODY_PT },
  3: { face: "serifBold", size: BODY_PT },
  4: { face: "serif", size: BODY_PT },
};
const BODY: TextStyle = { face: "serif", size: BODY_PT };
const INDENT2 = 2 * CHAR_PITCH_PT;

function letterhead(c: Composer, doc: OfficialDocument): void {
  let used = 0;
  if (doc.copyNo) {
    c.paragraph(doc.copyNo, BODY, { align: "left" });
    used += LINE_PITCH_PT;
  }
  if (doc.classification) {
    c.paragraph(doc.classification, { face: "sans", size: BODY_PT }, { align: "left" });
    used += LINE_PITCH_PT;
  }
  if (doc.authority) {
    // GB/T 9704 7.2.3: the mark's top 35 mm under the top of the 版心.
    c.blank(Math.max(0, mmToPt(35) - used));
    const chars = Math.max(1, textWidthInChars(doc.authority));
    const size = Math.max(TITLE_PT, Math.min(42, Math.floor(c.width / chars)));
    const scale = chars * size > c.width ? c.width / (chars * size) : 1;
    const s: TextStyle = { face: "serifBold", size, color: RED };
    // Measured unscaled on a widened line, then drawn condensed.
    c.use(s);
    const line: Line = {
      glyphs: [...doc.authority].map((ch) => ({
        ch,
        wide: textWidthInChars(ch) === 1,
        advance: textWidthInChars(ch) === 1 ? size : c.doc.widthOfString(ch),
      })),
      indent: 0,
      width: c.width / scale,
      last: true,
    };
    const height = size * 1.3;
    c.ensure(height);
    c.drawLine(line, c.left, c.y, height, s, { align: "center", scale });
    c.y += height;
    c.blank();
    c.blank();
  }
  if (doc.number) c.paragraph(doc.number, BODY, { align: "center" });
  else c.blank();
  // The red rule, 4 mm under the number.
  const ruleY = c.y + mmToPt(4) - 0.22 * BODY_PT;
  c.doc.save().moveTo(c.left, ruleY).lineTo(c.right, ruleY).lineWidth(1.5).strokeColor(RED).stroke().restore();
  c.blank();
  c.blank();
}

function block(c: Composer, b: Block): void {
  switch (b.type) {
    case "heading":
      c.paragraph(b.text, HEADING[b.level], { firstIndent: INDENT2 });
      return;
    case "paragraph":
      c.paragraph(b.text, b.bold ? { face: "serifBold", size: BODY_PT } : BODY, {
        firstIndent: b.indent === false ? 0 : INDENT2,
        align: b.align ?? "justify",
      });
      return;
    case "pageBreak":
      // Not twice: a page that has just begun is the new page.
      if (c.y > c.top + 0.01) c.newPage();
      return;
    case "table":
      drawTable(c, b);
      return;
  }
}

function attachments(c: Composer, items: string[]): void {
  if (items.length === 0) return;
  c.blank();
  const label = 3 * CHAR_PITCH_PT;
  items.forEach((name, i) => {
    const prefix = items.length > 1 ? `${i + 1}.` : "";
    c.use(BODY);
    const prefixW = c.doc.widthOfString(prefix);
    const left = INDENT2 + label + prefixW;
    const text = `${i === 0 ? "附件：" : ""}${prefix}${name}`;
    c.paragraph(text, BODY, { align: "left", left, firstIndent: -(i === 0 ? label + prefixW : prefixW) });
  });
}

function signature(c: Composer, sig: NonNullable<OfficialDocument["signature"]>): void {
  const date = chineseDate(sig.date);
  const issuerRight = Math.max(0, 4 + (textWidthInChars(date) - textWidthInChars(sig.issuer)) / 2);
  c.blank();
  c.blank();
  c.paragraph(sig.issuer, BODY, { align: "right", right: issuerRight * CHAR_PITCH_PT });
  c.paragraph(date, BODY, { align: "right", right: 4 * CHAR_PITCH_PT });
}

export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const c = new Composer(doc, process.env.XUNCHA_CJK_FONT_DIR || FONT_DIR);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    c.doc.on("data", (d: Buffer) => chunks.push(d));
    c.doc.on("end", () => resolve(Buffer.concat(chunks)));
    c.doc.on("error", reject);
  });
  c.newPage();
  if (doc.authority || doc.number || doc.copyNo || doc.classification) letterhead(c, doc);
  const title: TextStyle = { face: "serifBold", size: TITLE_PT };
  for (const line of balanceTitle(doc.title, Math.floor(c.width / TITLE_PT)))
    c.paragraph(line, title, { align: "center", lineHeight: TITLE_PT * 1.6 });
  if (doc.recipient || doc.body.length > 0) c.blank();
  if (doc.recipient) c.paragraph(doc.recipient, BODY, { align: "left" });
  for (const b of doc.body) block(c, b);
  attachments(c, doc.attachments ?? []);
  if (doc.signature) signature(c, doc.signature);
  for (const note of doc.notes ?? []) {
    const text = /^[（(]/.test(note) ? note : `（${note}）`;
    c.paragraph(text, BODY, { align: "left", firstIndent: INDENT2 });
  }
  drawColophon(c, doc);
  c.doc.end();
  return done;
}
