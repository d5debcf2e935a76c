/** The PDF renderer's tables (header row on every page, rows wrapped across pages) and 版记. */
import { BODY_PT, LINE_PITCH_PT, SMALL_PT, TABLE_PT, chineseDate } from "./geometry.ts";
import type { Line } from "./linebreak.ts";
import type { Block, OfficialDocument } from "./model.ts";
import type { Composer, TextStyle } from "./pdf.ts";

const CELL: TextStyle = { face: "serif", size: TABLE_PT };
const HEAD: TextStyle = { face: "sans", size: TABLE_PT };
const CELL_LINE = TABLE_PT * 1.5;
const PAD_X = 4;
const PAD_Y = 3;

type TableBlock = Extract<Block, { type: "table" }>;

/** The lines of one cell's text (explicit line breaks kept). */
function cellLines(c: Composer, text: string, width: number, s: TextStyle): Line[] {
  c.use(s);
  return text
    .split("\n")
    .flatMap((part) => c.lines(part, s, { left: 0, right: c.width - width, widePitch: s.size, hanging: false }))
    .filter((l, i, all) => l.glyphs.length > 0 || all.length === 1 || i < all.length - 1);
}

export function drawTable(c: Composer, t: TableBlock): void {
  const total = t.columns.reduce((n, col) => n + Math.max(0, col.width), 0);
  const widths = t.columns.map((col) => (total > 0 ? (c.width * Math.max(0, col.width)) / total : c.width / t.columns.length));
  const xs = widths.map((_, i) => c.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => (widths[i] ?? 0) - 2 * PAD_X;

  const head = t.columns.map((col, i) => cellLines(c, col.title, inner(i), HEAD));
  const headH = Math.max(1, ...head.map((l) => l.length)) * CELL_LINE + 2 * PAD_Y;
  const rowHeight = (row: string[] | undefined) =>
    Math.max(1, ...t.columns.map((_, i) => cellLines(c, row?.[i] ?? "", inner(i), CELL).length)) * CELL_LINE + 2 * PAD_Y;

  // The caption, the header and the first row start together: a new page rather than a header alone at the foot.
  const captionH = t.caption ? LINE_PITCH_PT : 0;
  const firstRow = Math.min(rowHeight(t.rows[0]), c.bottom - c.top - captionH - headH);
  c.ensure(captionH + headH + firstRow);
  if (t.caption) c.paragraph(t.caption, { face: "sans", size: BODY_PT }, { align: "center" });

  const drawRow = (cells: Line[][], height: number, style: TextStyle, center: boolean[]) => {
    const top = c.y;
    c.doc.save().lineWidth(0.5).strokeColor("#000000");
    cells.forEach((_, i) => c.doc.rect(xs[i] ?? 0, top, widths[i] ?? 0, height).stroke());
    c.doc.restore();
    cells.forEach((lines, i) => {
      lines.forEach((line, k) =>
        c.drawLine({ ...line, width: inner(i) }, (xs[i] ?? 0) + PAD_X, top + PAD_Y + k * CELL_LINE, CELL_LINE, style, {
          align: center[i] ? "center" : "left",
        }),
      );
    });
    c.y += height;
  };
  const drawHead = () =>
    drawRow(
      head,
      headH,
      HEAD,
      t.columns.map(() => true),
    );
  const center = t.columns.map((col) => col.align === "center");

  drawHead();
  c.onNewPage = drawHead;
  try {
    for (const row of t.rows) {
      let rest = t.columns.map((_, i) => cellLines(c, row[i] ?? "", inner(i), CELL));
      for (;;) {
        const need = Math.max(1, ...rest.map((l) => l.length));
        const height = need * CELL_LINE + 2 * PAD_Y;
        const room = c.bottom - c.y;
        if (height <= room + 0.01) {
          drawRow(rest, height, CELL, center);
          break;
        }
        const fit = Math.max(1, Math.floor((room - 2 * PAD_Y) / CELL_LINE));
        // A short row goes to the next page whole; a longer one is split where the page ends, at least two lines
        // on either side (as a reader expects of a ledger, without half-empty pages).
        const fresh = c.y <= c.top + headH + 0.01;
        if (!fresh && (room - 2 * PAD_Y < 2 * CELL_LINE || need <= 4 || need - fit < 2)) {
          c.newPage();
          continue;
        }
        drawRow(
          rest.map((l) => l.slice(0, fit)),
          fit * CELL_LINE + 2 * PAD_Y,
          CELL,
          center,
        );
        rest = rest.map((l) => l.slice(fit));
        c.newPage();
      }
    }
  } finally {
    c.onNewPage = null;
  }
  // Back onto the line grid for what follows.
  const k = Math.ceil((c.y - c.top) / LINE_PITCH_PT - 0.001);
  c.y = c.top + k * LINE_PITCH_PT;
}

/**
 * 版记 (GB/T 9704 7.4): 抄送 and 印发机关和印发日期 in 4号, between a thick rule above and a thick rule whose bottom
 * lies on the bottom edge of the 版心 of the last page, a thin rule between them. At the foot of the page where the
 * text ends when it fits there with a line free above it; otherwise alone at the foot of a new, last page (never at
 * the top of a page with blank space under it).
 */
export function drawColophon(c: Composer, doc: OfficialDocument): void {
  const rows: { left: string; right?: string }[] = [];
  if (doc.cc) rows.push({ left: `抄送：${doc.cc}` });
  if (doc.printedBy) rows.push({ left: doc.printedBy.issuer, right: `${chineseDate(doc.printedBy.date)}印发` });
  if (rows.length === 0) return;
  const s: TextStyle = { face: "serif", size: SMALL_PT };
  const one = SMALL_PT;
  const rowH = SMALL_PT * 1.8;
  // 0.35 mm and 0.25 mm, the heights the standard recommends.
  const THICK = 1;
  const THIN = 0.7;
  const lines = rows.map((r) => {
    c.use(s);
    const rightW = r.right ? c.doc.widthOfString(r.right) + one : 0;
    // Wrapped 抄送 lines align after "抄送：".
    const hang = r.right ? 0 : 3 * SMALL_PT;
    return c.lines(r.left, s, { left: one + hang, firstIndent: -hang, right: one + rightW, widePitch: SMALL_PT, hanging: false });
  });
  const height = lines.reduce((n, l) => n + l.length * rowH, 0) + THICK / 2;
  if (c.page === 0 || c.y + LINE_PITCH_PT + height > c.bottom + 0.01) c.newPage();
  let y = c.bottom - height;
  const rule = (at: number, width: number) =>
    c.doc.save().moveTo(c.left, at).lineTo(c.right, at).lineWidth(width).strokeColor("#000000").stroke().restore();
  rule(y, THICK);
  rows.forEach((r, i) => {
    const ls = lines[i] ?? [];
    ls.forEach((line, k) => {
      c.drawLine(line, c.left + one + (r.right ? 0 : 3 * SMALL_PT), y + k * rowH, rowH, s, { align: "left" });
      if (k === 0 && r.right) {
        c.use(s);
        const w = c.doc.widthOfString(r.right);
        c.doc.text(r.right, c.right - one - w, y + rowH - 0.22 * SMALL_PT, { lineBreak: false, baseline: "alphabetic" });
      }
    });
    y += ls.length * rowH;
    rule(y, i === rows.length - 1 ? THICK : THIN);
  });
  c.y = c.bottom;
}
