/**
 * The page of GB/T 9704-2012, shared by the DOCX and the PDF renderer so that both lay out the same grid:
 * A4, 版心 156 × 225 mm, 22 lines of 28 characters in 3号 (16 pt).
 *
 * Landscape (ledgers and wide tables): the page turned, the text block turned with it, 225 mm wide and 156 mm
 * high, with the binding margin (37 mm, the portrait top) on the left and the portrait left (28 mm) on top:
 * top 28, right 35, bottom 26, left 37 mm.
 */
import type { OfficialDocument } from "./model.ts";

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const mmToTwips = (mm: number): number => Math.round(mm * PT_PER_MM * TWIPS_PER_PT);

export interface PageGeometry {
  /** Page size and margins in mm. */
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const PORTRAIT: PageGeometry = { width: 210, height: 297, top: 37, right: 26, bottom: 35, left: 28 };
export const LANDSCAPE: PageGeometry = { width: 297, height: 210, top: 28, right: 35, bottom: 26, left: 37 };

export const pageGeometry = (doc: Pick<OfficialDocument, "orientation">): PageGeometry =>
  doc.orientation === "landscape" ? LANDSCAPE : PORTRAIT;

export const textWidthMm = (g: PageGeometry): number => g.width - g.left - g.right;
export const textHeightMm = (g: PageGeometry): number => g.height - g.top - g.bottom;

/** 3号, the body size. */
export const BODY_PT = 16;
/** 2号, the title. */
export const TITLE_PT = 22;
/** 4号: page numbers and 版记. */
export const SMALL_PT = 14;
/** 小4号: table text. */
export const TABLE_PT = 12;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Line pitch: 225 mm / 22 = 28.99 pt; in twips 579 (rounded down so that 22 lines fit in the 版心 and 23 do not).
 */
export const LINE_PITCH_TWIPS = Math.floor((mmToPt(textHeightMm(PORTRAIT)) * TWIPS_PER_PT) / LINES_PER_PAGE);
export const LINE_PITCH_PT = LINE_PITCH_TWIPS / TWIPS_PER_PT;

/** Character pitch: 156 mm / 28 = 15.79 pt, a little less than the 16 pt glyph. */
export const CHAR_PITCH_PT = mmToPt(textWidthMm(PORTRAIT)) / CHARS_PER_LINE;

export { chineseDate } from "../../domain/calendar.ts";

/** The watermark's text: who exported and when. */
export const watermarkText = (w: NonNullable<OfficialDocument["watermark"]>): string => `${w.user} ${w.at} 导出`;

/** Width of a text in body characters: CJK and full-width forms count 1, everything else (Latin, digits) ½. */
export function textWidthInChars(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch) ? 1 : 0.5;
  return n;
}

/** CJK ideographs, CJK punctuation and full-width forms: set on the full character grid. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3ffff) ||
    c === 0x2014 || // 一字线 —
    c === 0x2026 || // …
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019
  );
}

/** May not begin a line (Chinese line-breaking rules). */
export const NO_LINE_START = "，。、；：？！）》」』〉】〕”’…—·,.;:?!)]}%";

/**
 * A title over as few lines as it needs, the lines of about equal length (GB/T 9704 7.3.1: 排列对称) rather than
 * full lines and a short last one; no line begins with a closing mark, Latin words and numbers are not cut.
 * `perLine` is the line's capacity in title characters.
 */
export function balanceTitle(title: string, perLine: number): string[] {
  const text = title.trim();
  const width = textWidthInChars(text);
  const count = Math.ceil(width / Math.max(1, perLine));
  if (count <= 1) return [text];
  const target = width / count;
  const chars = [...text];
  const lines: string[] = [];
  let line = "";
  let acc = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const next = chars[i + 1] ?? "";
    line += ch;
    acc += textWidthInChars(ch);
    const inWord = /[A-Za-z0-9]/.test(ch) && /[A-Za-z0-9.%-]/.test(next);
    const full = acc >= target - 0.25 || acc + textWidthInChars(next) > perLine;
    if (lines.length < count - 1 && full && next && !inWord && !NO_LINE_START.includes(next)) {
      lines.push(line);
      line = "";
      acc = 0;
    }
  }
  if (line) lines.push(line);
  return lines;
}
