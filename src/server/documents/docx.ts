/**
 * OfficialDocument → DOCX in the layout of GB/T 9704-2012 (see geometry.ts for the page).
 *
 * Fonts: every run names its east-Asian font explicitly (w:rFonts eastAsia), Latin and digits in Times New Roman.
 * Body 仿宋_GB2312 (the standard's face, installed in offices; where it is missing Word falls back to its own
 * substitute), title and 发文机关标志 方正小标宋简体, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold / 仿宋_GB2312.
 *
 * The 22 × 28 grid, as measured through LibreOffice (test/documents): body paragraphs have an exact line spacing
 * of 579 twips (225 mm / 22), and every 3号 run a character spacing of −0.3 pt, which sets the 16 pt glyph on a
 * 15.7 pt advance: 28 characters fit in 156 mm, 29 do not (at −0.25 pt LibreOffice drops a closing mark that should
 * hang in the margin). The section's w:docGrid records the line pitch without snapping to it: a snapping grid does
 * not work in LibreOffice 7.4. With type="linesAndChars" and the negative charSpace of a 15.79 pt pitch it gives
 * each 16 pt glyph two grid cells (14 characters a line); with type="lines" it sets every larger or smaller line
 * (title, table cells) on two grid lines.
 */
import { AlignmentType, BorderStyle, Document, Header, Packer, PageOrientation, Paragraph, Table, TextRun } from "docx";
import {
  BODY_PT,
  LINE_PITCH_TWIPS,
  TITLE_PT,
  TWIPS_PER_PT,
  balanceTitle,
  chineseDate,
  mmToTwips,
  pageGeometry,
  textWidthInChars,
  textWidthMm,
  watermarkText,
} from "./geometry.ts";
import type { Block, OfficialDocument } from "./model.ts";
import { colophon, pageNumberFooter, table, watermarkParagraph } from "./docx-parts.ts";
import {
  ALIGN,
  CHAR_TWIPS,
  FONTS,
  HEADING_STYLE,
  RED,
  blankLine,
  bodyParagraph,
  exact,
  run,
  runProps,
  type RunStyle,
} from "./docx-text.ts";

export { FONTS } from "./docx-text.ts";

/** The 版头: 份号, 密级, 发文机关标志 in red, 发文字号, the red rule (GB/T 9704 7.2). */
function letterhead(doc: OfficialDocument, widthPt: number): Paragraph[] {
  const out: Paragraph[] = [];
  let used = 0;
  if (doc.copyNo) {
    out.push(bodyParagraph(doc.copyNo, { indent: false, align: AlignmentType.LEFT }));
    used += LINE_PITCH_TWIPS;
  }
  if (doc.classification) {
    out.push(bodyParagraph(doc.classification, { indent: false, align: AlignmentType.LEFT, font: FONTS.heiti }));
    used += LINE_PITCH_TWIPS;
  }
  if (doc.authority) {
    // 初号 (42 pt) when it fits, smaller down to 2号, then condensed to the width of the 版心.
    const chars = Math.max(1, textWidthInChars(doc.authority));
    const size = Math.max(TITLE_PT, Math.min(42, Math.floor(widthPt / chars)));
    const scale = chars * size > widthPt ? Math.floor((widthPt / (chars * size)) * 100) : undefined;
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // 7.2.3: the mark's top edge 35 mm under the top of the 版心.
        spacing: { ...exact(Math.round(size * 1.3 * TWIPS_PER_PT)), before: Math.max(0, mmToTwips(35) - used) },
        widowControl: false,
        run: runProps({ font: FONTS.xiaobiaosong, size, color: RED }),
        children: [run(doc.authority, { font: FONTS.xiaobiaosong, size, color: RED, scale, spacing: 0 })],
      }),
    );
    // 7.2.4: the number two lines under the mark.
    out.push(blankLine(), blankLine());
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE_PITCH_TWIPS),
      widowControl: false,
      run: runProps({}),
      // 7.2.5: the red rule, 4 mm under the number, as wide as the 版心.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: doc.number ? [run(doc.number, { spacing: 0 })] : [],
    }),
  );
  // 7.3.1: the title two lines under the rule.
  out.push(blankLine(), blankLine());
  return out;
}

/** 标题: 2号小标宋, centred, over lines of about equal length. */
function titleParagraph(title: string, widthPt: number): Paragraph {
  const lines = balanceTitle(title, Math.floor(widthPt / TITLE_PT));
  const style: RunStyle = { font: FONTS.xiaobiaosong, size: TITLE_PT };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(Math.round(TITLE_PT * 1.6 * TWIPS_PER_PT)),
    widowControl: false,
    keepNext: true,
    run: runProps(style),
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...runProps(style) })),
  });
}

/**
 * A block's paragraphs and tables. A page break is not a paragraph of its own (it would leave an empty line at the
 * top of the next page): the block after it starts the page.
 */
function blockElements(
  block: Exclude<Block, { type: "pageBreak" }>,
  widthTwips: number,
  pageBreakBefore: boolean,
): (Paragraph | Table)[] {
  const extra = pageBreakBefore ? { pageBreakBefore } : {};
  switch (block.type) {
    case "heading":
      return [bodyParagraph(block.text, HEADING_STYLE[block.level], extra)];
    case "paragraph":
      return [
        bodyParagraph(
          block.text,
          { indent: block.indent, align: block.align ? ALIGN[block.align] : undefined, bold: block.bold },
          extra,
        ),
      ];
    case "table":
      return [...(pageBreakBefore && !block.caption ? [pageBreakParagraph()] : []), ...table(block, widthTwips, extra)];
  }
}

/** An empty paragraph one point high that starts a new page. */
const pageBreakParagraph = () =>
  new Paragraph({ pageBreakBefore: true, spacing: exact(20), run: runProps({ size: 1 }), children: [] });

/** 附件说明: 左空二字 "附件：1. …", further items aligned under the first name, wrapped lines under the name. */
function attachments(items: string[]): Paragraph[] {
  if (items.length === 0) return [];
  const out: Paragraph[] = [blankLine()];
  const label = "附件：";
  const labelTwips = 3 * CHAR_TWIPS;
  items.forEach((name, i) => {
    const prefix = items.length > 1 ? `${i + 1}.` : "";
    const prefixTwips = Math.round(textWidthInChars(prefix) * CHAR_TWIPS);
    const left = 2 * CHAR_TWIPS + labelTwips + prefixTwips;
    out.push(
      bodyParagraph(
        `${i === 0 ? label : ""}${prefix}${name}`,
        { indent: false, align: AlignmentType.LEFT },
        { indent: { left, hanging: i === 0 ? labelTwips + prefixTwips : prefixTwips } },
      ),
    );
  });
  return out;
}

/**
 * 发文机关署名 and 成文日期: the date right-indented four characters, the issuer centred over the date
 * (GB/T 9704 7.3.5.1, the usual layout under a seal).
 */
function signature(sig: NonNullable<OfficialDocument["signature"]>): Paragraph[] {
  const date = chineseDate(sig.date);
  const dateW = textWidthInChars(date);
  const issuerW = textWidthInChars(sig.issuer);
  const issuerRight = Math.max(0, 4 + (dateW - issuerW) / 2);
  return [
    blankLine(),
    blankLine(),
    bodyParagraph(
      sig.issuer,
      { indent: false, align: AlignmentType.RIGHT },
      { indent: { right: Math.round(issuerRight * CHAR_TWIPS) } },
    ),
    bodyParagraph(date, { indent: false, align: AlignmentType.RIGHT }, { indent: { right: 4 * CHAR_TWIPS } }),
  ];
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DEFAULT_RUN =
  `<w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${FONTS.fangsong}" w:cs="${FONTS.latin}" w:hint="eastAsia"/>` +
  `<w:sz w:val="${BODY_PT * 2}"/><w:szCs w:val="${BODY_PT * 2}"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>`;
/** No extra space between Chinese and Latin letters or digits (Word's and LibreOffice's default): it breaks the grid. */
const DEFAULT_PARAGRAPH = `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0"/>`;
/**
 * The styles part, written out because the docx package cannot switch off w:autoSpaceDE: 3号 仿宋 by default, on
 * the document defaults and on Normal (LibreOffice reads the Normal style for the default size).
 */
const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${DEFAULT_RUN}</w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr>${DEFAULT_PARAGRAPH}</w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
  `<w:pPr>${DEFAULT_PARAGRAPH}</w:pPr><w:rPr>${DEFAULT_RUN}</w:rPr></w:style>` +
  `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>` +
  `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
  `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
  `</w:styles>`;

export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const g = pageGeometry(doc);
  const widthTwips = mmToTwips(textWidthMm(g));
  const widthPt = widthTwips / TWIPS_PER_PT;

  const children: (Paragraph | Table)[] = [];
  if (doc.authority || doc.number || doc.copyNo || doc.classification) children.push(...letterhead(doc, widthPt));
  children.push(titleParagraph(doc.title, widthPt));
  if (doc.recipient || doc.body.length > 0) children.push(blankLine());
  if (doc.recipient) children.push(bodyParagraph(doc.recipient, { indent: false, align: AlignmentType.LEFT }));
  let pageBreak = false;
  for (const b of doc.body) {
    if (b.type === "pageBreak") pageBreak = true;
    else {
      children.push(...blockElements(b, widthTwips, pageBreak));
      pageBreak = false;
    }
  }
  if (pageBreak) children.push(pageBreakParagraph());
  children.push(...attachments(doc.attachments ?? []));
  if (doc.signature) children.push(...signature(doc.signature));
  for (const note of doc.notes ?? []) {
    const text = /^[（(]/.test(note) ? note : `（${note}）`;
    children.push(bodyParagraph(text, { align: AlignmentType.LEFT }));
  }
  children.push(...colophon(doc, widthTwips, g));

  const headers = doc.watermark
    ? {
        default: new Header({ children: [watermarkParagraph(watermarkText(doc.watermark), 1, g)] }),
        even: new Header({ children: [watermarkParagraph(watermarkText(doc.watermark), 2, g)] }),
      }
    : undefined;

  const document = new Document({
    creator: "xuncha",
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    externalStyles: STYLES_XML,
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mmToTwips(210),
              height: mmToTwips(297),
              orientation: doc.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwips(g.top),
              right: mmToTwips(g.right),
              bottom: mmToTwips(g.bottom),
              left: mmToTwips(g.left),
              header: mmToTwips(15),
              // The page number's top edge about 7 mm under the 版心.
              footer: mmToTwips(g.bottom - 7 - 6),
            },
          },
          grid: { linePitch: LINE_PITCH_TWIPS },
        },
        headers,
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
