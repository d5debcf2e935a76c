/**
 * Measuring an official document's layout as a reader (or a ruler) would: DOCX → PDF through LibreOffice, then the
 * PDF's text positions from poppler (pdfinfo, pdftotext -bbox-layout), then the GB/T 9704 checks.
 *
 * Needs the Debian packages libreoffice-writer (soffice) and poppler-utils (pdftotext, pdfinfo).
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateRawSync } from "node:zlib";

const run = promisify(execFile);
const MM_PER_PT = 25.4 / 72;

export const SOFFICE = "/usr/bin/soffice";
export const PDFTOTEXT = "/usr/bin/pdftotext";

/** DOCX → PDF with LibreOffice, in a fresh directory with its own profile so that parallel runs do not clash. */
export async function docxToPdf(docx: Buffer, timeoutMs = 90_000): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xuncha-soffice-"));
  try {
    const input = path.join(dir, "document.docx");
    await fs.writeFile(input, docx);
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        input,
      ],
      { timeout: timeoutMs, killSignal: "SIGKILL", env: { ...process.env, HOME: dir } },
    );
    try {
      return await fs.readFile(path.join(dir, "document.pdf"));
    } catch {
      throw new Error("LibreOffice 未生成 PDF 文件（soffice --convert-to pdf 没有输出）");
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface PdfWord {
  text: string;
  /** mm from the page's left and top edges. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfLine extends PdfWord {
  words: PdfWord[];
  /** Height of the glyph box in pt: tells the font size (about 1.3 × the size for the Noto CJK faces). */
  heightPt: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** mm. */
  width: number;
  height: number;
  /** Every horizontal line of text, top to bottom (page number and watermark included). */
  lines: PdfLine[];
  /** The page number line ("— 3 —"), if any. */
  pageNumber: PdfLine | null;
  /** Lines set in the body size (3号), without the page number. */
  bodyLines: PdfLine[];
  /**
   * Left edge of the text (mm): the leftmost line of running text (a body line wider than 100 mm), or the leftmost
   * line of any kind when there is none (a table page).
   */
  left: number | null;
  /** Whether `left` was measured from running text. */
  leftFromText: boolean;
  /** Right edge of the running text (mm), where most of its lines end; null without running text. */
  right: number | null;
  /** Lines that are neither body text, nor the page number, nor drawn over the text (a watermark). */
  otherLines: PdfLine[];
  /**
   * Top of the text block as used (mm): the top of the first line's slot, i.e. its glyph box less the leading,
   * which LibreOffice, Word and the PDF renderer all put above the glyphs under an exact line spacing.
   */
  top: number | null;
  /** Body line pitch on this page (pt): the median distance between consecutive body lines. */
  linePitchPt: number | null;
  /** Number of body lines on the page. */
  lineCount: number;
  /**
   * Characters in each full body line: a line of a paragraph that is not its last line (it reaches the right edge
   * and the next line continues the paragraph), CJK only; its indent counted in characters, a closing punctuation
   * mark hanging in the right margin not counted.
   */
  fullLineChars: number[];
  /** The full lines themselves, with the line that follows each. */
  fullLines: { line: PdfLine; chars: number; next: PdfLine }[];
}

export interface PdfLayout {
  pages: PdfPage[];
  /** Body font's glyph box height (pt), the most common line height. */
  bodyHeightPt: number | null;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)?.[1] ?? NaN);

/** 225 mm / 22 lines. */
const BODY_PITCH_PT = (225 / 22) * (72 / 25.4);
const PAGE_NUMBER = /^[—–-]\s*\d+\s*[—–-]$/;
const WATERMARK = /\d{4}-\d{2}-\d{2}\d{2}:\d{2}导出$/;
/** CJK ideographs and full-width punctuation: what a full body line holds. */
const CJK_ONLY = /^[\u3000-\u303f\u3400-\u9fff\uff01-\uff60\u2014\u2026\u201c\u201d\u2018\u2019]+$/u;
/** May not begin a line (the line before then ends a character short). */
const NO_LINE_START = "，。、；：？！）》」』〉】”’…—";
/** May not end a line (it moves to the next, and the line ends a character short). */
const NO_LINE_END = "（《「『〈【〔“‘";

async function withPdfFile<T>(pdf: Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xuncha-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    await fs.writeFile(file, pdf);
    return await fn(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page as pdftotext extracts it (what a reader can select and copy). */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run(PDFTOTEXT, ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 << 20 });
    const pages = stdout.split("\f");
    if (pages.length > 1 && pages[pages.length - 1]?.trim() === "") pages.pop();
    return pages;
  });
}

export async function measurePdf(pdf: Buffer): Promise<PdfLayout> {
  return withPdfFile(pdf, async (file) => {
    const info = (await run("/usr/bin/pdfinfo", [file])).stdout;
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const { stdout } = await run(PDFTOTEXT, ["-bbox-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 256 << 20 });
    const pages: { width: number; height: number; words: PdfWord[] }[] = [];
    for (const m of stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
      const head = m[1] ?? "";
      const words: PdfWord[] = [];
      for (const w of (m[2] ?? "").matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
        const tag = w[1] ?? "";
        words.push({
          text: decode(w[2] ?? ""),
          xMin: attr(tag, "xMin") * MM_PER_PT,
          xMax: attr(tag, "xMax") * MM_PER_PT,
          yMin: attr(tag, "yMin") * MM_PER_PT,
          yMax: attr(tag, "yMax") * MM_PER_PT,
        });
      }
      pages.push({ width: attr(head, "width") * MM_PER_PT, height: attr(head, "height") * MM_PER_PT, words });
    }
    if (pages.length !== pageCount) throw new Error(`pdfinfo 报告 ${pageCount} 页，pdftotext 读出 ${pages.length} 页`);

    const grouped = pages.map((p) => groupLines(p.words));
    const bodyHeightPt = bodyHeight(grouped);
    return {
      bodyHeightPt,
      pages: pages.map((p, i) => pageMetrics(i + 1, p.width, p.height, grouped[i] ?? [], bodyHeightPt)),
    };
  });
}

/**
 * Words → lines by their vertical position (pdftotext may split a line into many flows). Words of rotated text
 * (the watermark) come as boxes taller than wide per glyph run; they form lines of their own and are not body text.
 */
function groupLines(words: PdfWord[]): PdfLine[] {
  const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: PdfWord[][] = [];
  for (const w of sorted) {
    const h = w.yMax - w.yMin;
    const line = lines.find((l) => {
      const f = l[0] as PdfWord;
      return Math.abs(f.yMax - w.yMax) < 0.25 * h && Math.abs(f.yMax - f.yMin - h) < 0.25 * h;
    });
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines
    .map((ws) => {
      ws.sort((a, b) => a.xMin - b.xMin);
      let text = "";
      let prev: PdfWord | null = null;
      for (const w of ws) {
        // A gap wider than a third of the glyph box between Latin words is a space.
        if (prev && w.xMin - prev.xMax > (w.yMax - w.yMin) / 3 && !(CJK_ONLY.test(prev.text) && CJK_ONLY.test(w.text)))
          text += " ";
        text += w.text;
        prev = w;
      }
      const xMin = Math.min(...ws.map((w) => w.xMin));
      const xMax = Math.max(...ws.map((w) => w.xMax));
      const yMin = Math.min(...ws.map((w) => w.yMin));
      const yMax = Math.max(...ws.map((w) => w.yMax));
      return { text, xMin, xMax, yMin, yMax, words: ws, heightPt: (yMax - yMin) / MM_PER_PT };
    })
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

/**
 * The glyph box height of body text: of the line heights, the one whose lines most often follow each other at the
 * body pitch (28.95 pt). A ledger whose text is all table cells has no body text.
 */
function bodyHeight(pages: PdfLine[][]): number | null {
  const votes = new Map<number, number>();
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as PdfLine;
      const b = lines[i] as PdfLine;
      if (PAGE_NUMBER.test(a.text) || PAGE_NUMBER.test(b.text)) continue;
      if (Math.abs(a.heightPt - b.heightPt) > 0.08 * a.heightPt) continue;
      if (Math.abs((b.yMax - a.yMax) / MM_PER_PT - BODY_PITCH_PT) > 0.5) continue;
      const k = Math.round(b.heightPt * 2) / 2;
      votes.set(k, (votes.get(k) ?? 0) + 1);
    }
  let best: number | null = null;
  let n = 1;
  for (const [k, c] of votes)
    if (c > n) {
      best = k;
      n = c;
    }
  return best;
}

/** The most common value, in bins of 0.5 (mm); null for none. */
function modeOf(xs: number[]): number | null {
  const bins = new Map<number, number[]>();
  for (const x of xs) bins.set(Math.round(x * 2), [...(bins.get(Math.round(x * 2)) ?? []), x]);
  let best: number[] = [];
  for (const b of bins.values()) if (b.length > best.length) best = b;
  return best.length ? (median(best) ?? null) : null;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? null;
};

function pageMetrics(number: number, width: number, height: number, lines: PdfLine[], bodyHeightPt: number | null): PdfPage {
  const pageNumber = lines.find((l) => PAGE_NUMBER.test(l.text)) ?? null;
  // The watermark ("王敏 2026-11-22 09:30 导出") is drawn over the page, not set in it (LibreOffice lays it flat).
  const content = lines.filter((l) => l !== pageNumber && !WATERMARK.test(l.text.replace(/\s+/g, "")));
  const isBody = (l: PdfLine) => bodyHeightPt !== null && Math.abs(l.heightPt - bodyHeightPt) <= 0.08 * bodyHeightPt;
  const bodyLines = content.filter(isBody);
  // Consecutive body lines of the same paragraph or of paragraphs that follow each other (no blank line between).
  const adjacent: [PdfLine, PdfLine][] = [];
  for (let i = 1; i < bodyLines.length; i++) {
    const a = bodyLines[i - 1] as PdfLine;
    const b = bodyLines[i] as PdfLine;
    const d = (b.yMax - a.yMax) / MM_PER_PT;
    if (d > 1 && d < 1.5 * BODY_PITCH_PT) adjacent.push([a, b]);
  }
  const linePitchPt = median(adjacent.map(([a, b]) => (b.yMax - a.yMax) / MM_PER_PT));
  // The right edge of the text: where most lines of running text (wider than 100 mm) end.
  const right = modeOf(bodyLines.filter((l) => l.xMax - l.xMin > 100).map((l) => l.xMax));
  // Word and LibreOffice let a closing mark hang in the margin (标点溢出边界).
  const hanging = (l: PdfLine) =>
    right !== null && l.xMax > right + 1.5 && l.xMax < right + 8 && NO_LINE_START.includes(l.text.slice(-1));
  const reachesRight = (l: PdfLine) => right !== null && (Math.abs(l.xMax - right) <= 1.5 || hanging(l));
  // A line that continues a full line starts at the left edge of the text (a first line is indented, a centred or
  // right-aligned line is not running text).
  const continuations = adjacent
    .filter(([a, b]) => reachesRight(a) && b.xMax - b.xMin > 20 && b.xMin <= a.xMin + 0.5)
    .map(([, b]) => b);
  const leftFromText = continuations.length > 0;
  const left = leftFromText
    ? Math.min(...continuations.map((l) => l.xMin))
    : content.length
      ? Math.min(...content.map((l) => l.xMin))
      : null;
  const first = content[0];
  let top: number | null = null;
  if (first) {
    const pitch = linePitchPt !== null && Math.abs(linePitchPt - BODY_PITCH_PT) < 1 ? linePitchPt : BODY_PITCH_PT;
    const leading = isBody(first) ? Math.max(0, pitch - first.heightPt) * MM_PER_PT : 0;
    top = first.yMin - leading;
  }
  // Neither body text nor a decoration drawn over it (a watermark): titles, 版头, table cells, captions in 黑体.
  const overlaps = (a: PdfLine, b: PdfLine) =>
    a !== b && a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;
  const otherLines = content.filter(
    (l) => !isBody(l) && l.xMax - l.xMin > 2 && !content.some((o) => isBody(o) && overlaps(l, o)),
  );

  // Full lines: a line of running text followed by the rest of its paragraph, both CJK only.
  const fullLines: PdfPage["fullLines"] = [];
  if (leftFromText && left !== null && right !== null)
    for (const [l, next] of adjacent) {
      if (!CJK_ONLY.test(l.text) || !CJK_ONLY.test(next.text)) continue;
      if (!reachesRight(l) || Math.abs(next.xMin - left) > 1) continue;
      const indent = Math.round((l.xMin - left) / ((right - left) / 28));
      fullLines.push({ line: l, chars: [...l.text].length - (hanging(l) ? 1 : 0) + indent, next });
    }
  return {
    number,
    width,
    height,
    lines,
    pageNumber,
    bodyLines,
    left,
    leftFromText,
    right,
    top,
    linePitchPt,
    otherLines,
    lineCount: bodyLines.length,
    fullLineChars: fullLines.map((f) => f.chars),
    fullLines,
  };
}

export interface LayoutCheckOptions {
  /**
   * Pages (1-based) that must hold 22 body lines. Default: every page whose last paragraph runs on to the next page
   * (its last line is full and the next page goes on without an indent): such a page cannot have ended early.
   */
  fullPages?: number[];
}

/**
 * Problems against GB/T 9704 (Chinese, empty when fine): A4; left margin 28 ± 1 mm; top of the text 37 ± 1.5 mm
 * where a page begins with body text; body lines 28.95 pt apart, at most 22 a page and 22 on a full page; 28
 * characters in a full body line. Landscape: A4 turned, left 37 ± 1, top 28 ± 1.5. Table pages (no body text):
 * nothing in the margins, the first line within a cell's padding of the top.
 */
export async function checkOfficialLayout(pdf: Buffer, options: LayoutCheckOptions = {}): Promise<string[]> {
  return checkLayout(await measurePdf(pdf), options);
}

/** The page's last paragraph goes on at the top of the next page. */
function runsOn(p: PdfPage, next: PdfPage | undefined): boolean {
  const last = p.bodyLines[p.bodyLines.length - 1];
  const first = next?.bodyLines[0];
  if (!last || !first || p.right === null || !next?.leftFromText || next.left === null) return false;
  const full = last.xMax > p.right - 1.5;
  const firstOnTop = next.lines.find((l) => l !== next.pageNumber && l.heightPt < 3 * first.heightPt) === first;
  return full && firstOnTop && Math.abs(first.xMin - next.left) < 1;
}

export function checkLayout(layout: PdfLayout, options: LayoutCheckOptions = {}): string[] {
  const problems: string[] = [];
  if (layout.pages.length === 0) return ["PDF 没有页面"];
  const forced = new Set(options.fullPages ?? []);
  layout.pages.forEach((p, index) => {
    const at = `第 ${p.number} 页`;
    const landscape = p.width > p.height;
    const [w, h] = landscape ? [297, 210] : [210, 297];
    if (Math.abs(p.width - w) > 1 || Math.abs(p.height - h) > 1)
      problems.push(`${at}：纸张 ${p.width.toFixed(1)}×${p.height.toFixed(1)} mm，应为 A4 ${w}×${h} mm`);
    const [left, top] = landscape ? [37, 28] : [28, 37];
    const body = p.bodyLines.length > 0;
    // On a table page the text starts inside a cell (its rules are not text): nothing may stand in the margin.
    if (p.left !== null && (p.left < left - 1 || p.left > left + (p.leftFromText ? 1 : 10)))
      problems.push(`${at}：左边距 ${p.left.toFixed(1)} mm，应为 ${left}±1 mm`);
    // The top is measured where the page begins with body text or a table; a 版头 or a title has its own place, and
    // a page whose text begins low (a 版记 alone at the foot of the last page) is not held to the top.
    const firstLine = p.lines.find((l) => l !== p.pageNumber && l.heightPt < 3 * (layout.bodyHeightPt ?? 99));
    const topMax = body ? top + 1.5 : top + 3;
    const measured = body ? firstLine === p.bodyLines[0] : p.top !== null && p.top < p.height / 2;
    if (p.top !== null && measured && (p.top < top - 1.5 || p.top > topMax))
      problems.push(`${at}：版心上边缘 ${p.top.toFixed(1)} mm，应为 ${top}±1.5 mm`);
    if (!body || landscape) return;
    if (p.linePitchPt !== null && Math.abs(p.linePitchPt - BODY_PITCH_PT) > 0.3)
      problems.push(`${at}：正文行距 ${p.linePitchPt?.toFixed(2)} pt，应为 ${BODY_PITCH_PT.toFixed(2)} pt（每页 22 行）`);
    if (p.lineCount > 22) problems.push(`${at}：正文 ${p.lineCount} 行，应为每页 22 行`);
    else if ((forced.has(p.number) || (p.otherLines.length === 0 && runsOn(p, layout.pages[index + 1]))) && p.lineCount !== 22)
      problems.push(`${at}：正文 ${p.lineCount} 行（段落延续到下页），应为每页 22 行`);
    // A line a character short is right when the break keeps 标点禁则: the next line begins with a mark that may not
    // begin a line, or with the character carried along with one (“试｜行）”), or with a mark that may not end one.
    const kept = (next: string) =>
      NO_LINE_START.includes(next.charAt(0)) || NO_LINE_START.includes(next.charAt(1)) || NO_LINE_END.includes(next.charAt(0));
    const wrong = p.fullLines.filter((f) => f.chars !== 28 && !(f.chars === 27 && kept(f.next.text)));
    if (wrong.length > 0)
      problems.push(
        `${at}：${wrong.length} 个整行的字数为 ${[...new Set(wrong.map((f) => f.chars))].join("、")}，应为每行 28 字` +
          `（如“${wrong[0]?.line.text}”）`,
      );
  });
  return problems;
}

/** The entries of a ZIP archive (a DOCX) by name, read from its central directory. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("不是 ZIP 文件（找不到中央目录）");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("ZIP 中央目录损坏");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
