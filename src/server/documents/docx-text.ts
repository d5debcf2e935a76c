/** The DOCX renderer's runs and paragraphs: fonts named on every run, 3号 on the 28-character pitch, exact lines. */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from "docx";
import { BODY_PT, CHAR_PITCH_PT, LINE_PITCH_TWIPS, TWIPS_PER_PT } from "./geometry.ts";
import type { HeadingLevel } from "./model.ts";

export const FONTS = {
  fangsong: "仿宋_GB2312",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
  xiaobiaosong: "方正小标宋简体",
  songti: "宋体",
  latin: "Times New Roman",
} as const;

export const RED = "FF0000";
export const CHAR_TWIPS = Math.round(CHAR_PITCH_PT * TWIPS_PER_PT);
/** Character spacing (twips), −6 = −0.3 pt: a 16 pt glyph on a 15.7 pt advance, 28 fit in 156 mm, 29 do not. */
const BODY_SPACING_TWIPS = Math.floor((CHAR_PITCH_PT - BODY_PT) * TWIPS_PER_PT) - 1;

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  color?: string;
  /** Character spacing in twips; default: the body grid's. */
  spacing?: number;
  scale?: number;
}

export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, ...runProps(s) });
}

export function runProps(s: RunStyle): IRunOptions {
  const size = s.size ?? BODY_PT;
  return {
    // hint: quotation marks and dashes, shared by both scripts, in the Chinese face (full width).
    font: { eastAsia: s.font ?? FONTS.fangsong, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, hint: "eastAsia" },
    size: size * 2,
    bold: s.bold,
    color: s.color,
    characterSpacing: s.spacing ?? (size === BODY_PT ? BODY_SPACING_TWIPS : undefined),
    scale: s.scale,
    language: { value: "zh-CN", eastAsia: "zh-CN" },
  };
}

export const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A paragraph on the body grid: 3号, exact line pitch, justified, first line indented two characters. */
export function bodyParagraph(
  text: string,
  s: RunStyle & { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
  extra: IParagraphOptions = {},
): Paragraph {
  return new Paragraph({
    alignment: s.align ?? AlignmentType.JUSTIFIED,
    spacing: exact(LINE_PITCH_TWIPS),
    indent: s.indent === false ? undefined : { firstLine: 2 * CHAR_TWIPS },
    widowControl: false,
    autoSpaceEastAsianText: false,
    run: runProps(s),
    children: text ? [run(text, s)] : [],
    ...extra,
  });
}

export const blankLine = () => bodyParagraph("", { indent: false });

export const HEADING_STYLE: Record<HeadingLevel, RunStyle> = {
  1: { font: FONTS.heiti },
  2: { font: FONTS.kaiti },
  3: { font: FONTS.fangsong, bold: true },
  4: { font: FONTS.fangsong },
};

export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;
