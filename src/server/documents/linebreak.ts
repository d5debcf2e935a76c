/**
 * Breaking Chinese text into lines for the PDF renderer: CJK characters on a fixed pitch (the 28-character grid),
 * Latin words and numbers kept together at their natural width, and the line-breaking rules of Chinese
 * typesetting (标点禁则): a closing punctuation mark never begins a line, an opening one never ends it.
 */
import { NO_LINE_START, isWide } from "./geometry.ts";

export interface Glyph {
  ch: string;
  wide: boolean;
  /** Advance in pt (before justification). */
  advance: number;
}

export interface Line {
  glyphs: Glyph[];
  /** Start offset in pt (first-line indent or hanging indent). */
  indent: number;
  /** Width available to the line (pt), after its indent. */
  width: number;
  /** The paragraph's last line: never justified. */
  last: boolean;
  /** The last glyph is a closing punctuation mark hanging in the right margin (标点溢出边界, as Word and LibreOffice). */
  hanging?: boolean;
}

/** May hang in the right margin. */
const HANGING = "，。、；：？！";
/** May not end a line. */
export const NO_LINE_END = "（《「『〈【〔“‘([{";

export interface BreakOptions {
  /** Width of the line (pt). */
  width: number;
  /** Indent of the first line (pt, may be negative for hanging). */
  firstIndent?: number;
  /** Indent of the following lines (pt). */
  restIndent?: number;
  /** Advance of a CJK character (pt). */
  widePitch: number;
  /** Natural width of a narrow character (pt). */
  narrowWidth: (ch: string) => number;
  /** Let a closing mark hang in the margin (default); not in a table cell, whose rules are close. */
  hanging?: boolean;
}

/** Units that stay together: one CJK character, or a run of narrow non-space characters, or a space. */
function units(text: string, o: BreakOptions): Glyph[][] {
  const out: Glyph[][] = [];
  let word: Glyph[] = [];
  const flush = () => {
    if (word.length) out.push(word);
    word = [];
  };
  for (const ch of text) {
    if (isWide(ch)) {
      flush();
      out.push([{ ch, wide: true, advance: o.widePitch }]);
    } else if (ch === " ") {
      flush();
      out.push([{ ch, wide: false, advance: o.narrowWidth(ch) }]);
    } else {
      word.push({ ch, wide: false, advance: o.narrowWidth(ch) });
    }
  }
  flush();
  return out;
}

const widthOf = (gs: Glyph[]) => gs.reduce((n, g) => n + g.advance, 0);
/** A hair of tolerance: 28 characters on a 15.79 pt pitch fill 156 mm exactly. */
const EPS = 0.01;

export function breakLines(text: string, o: BreakOptions): Line[] {
  const lines: Line[] = [];
  const first = o.firstIndent ?? 0;
  const rest = o.restIndent ?? 0;
  let current: Glyph[][] = [];
  let used = 0;
  const avail = () => o.width - (lines.length === 0 ? first : rest);
  const push = (last: boolean, hanging = false) => {
    const glyphs = current.flat();
    // Spaces at the end of a line take no room.
    while (glyphs.length && glyphs[glyphs.length - 1]?.ch === " ") glyphs.pop();
    const indent = lines.length === 0 ? first : rest;
    lines.push({ glyphs, indent, width: o.width - indent, last, hanging });
    current = [];
    used = 0;
  };

  const queue = units(text, o);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i] as Glyph[];
    const w = widthOf(u);
    if (used + w <= avail() + EPS || (current.length === 0 && u.length === 1)) {
      current.push(u);
      used += w;
      continue;
    }
    if (u[0]?.ch === " ") {
      // A space at the break disappears.
      push(false);
      continue;
    }
    if (w > avail() + EPS && u.length > 1) {
      // A word longer than the room left: split it at the room.
      let k = 0;
      let ww = 0;
      while (k < u.length && used + ww + (u[k] as Glyph).advance <= avail() + EPS) ww += (u[k++] as Glyph).advance;
      if (k > 0 || current.length > 0) {
        if (k > 0) current.push(u.slice(0, k));
        push(false);
        queue.splice(i + 1, 0, u.slice(k));
        continue;
      }
    }
    // A full-width closing mark that does not fit hangs in the margin.
    if (o.hanging !== false && u.length === 1 && u[0]?.wide && HANGING.includes(u[0].ch) && current.length > 0) {
      current.push(u);
      push(false, true);
      continue;
    }
    // 标点禁则: a closing mark at the break pulls the last unit down with it; an opening mark at the end goes down.
    const carry: Glyph[][] = [];
    if (NO_LINE_START.includes(u[0]?.ch ?? "") && current.length > 1) carry.unshift(current.pop() as Glyph[]);
    while (current.length > 1) {
      const lastUnit = current[current.length - 1] as Glyph[];
      if (!NO_LINE_END.includes(lastUnit[lastUnit.length - 1]?.ch ?? "")) break;
      carry.unshift(current.pop() as Glyph[]);
    }
    if (current.length) push(false);
    current = carry;
    used = widthOf(carry.flat());
    i--; // retry u on the new line
  }
  if (current.length || lines.length === 0) push(true);
  else if (lines.length) (lines[lines.length - 1] as Line).last = true;
  return lines;
}

/**
 * Positions of the glyphs of a line (pt from the line's start), justified when `justify` and not the last line:
 * the slack is shared between the gaps.
 */
export function placeGlyphs(line: Line, justify: boolean): number[] {
  const natural = widthOf(line.hanging ? line.glyphs.slice(0, -1) : line.glyphs);
  const gaps = line.glyphs.length - 1 - (line.hanging ? 1 : 0);
  const slack = line.width - natural;
  const extra = justify && !line.last && gaps > 0 && slack > 0 ? slack / gaps : 0;
  const xs: number[] = [];
  let x = 0;
  line.glyphs.forEach((g, i) => {
    xs.push(x);
    x += g.advance + (line.hanging && i === line.glyphs.length - 2 ? 0 : extra);
  });
  return xs;
}

export const lineWidth = (line: Line): number => widthOf(line.glyphs);
