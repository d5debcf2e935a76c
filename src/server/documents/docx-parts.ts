/** The DOCX renderer's tables, 版记, page numbers and watermark. */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  ImportedXmlComponent,
  LineRuleType,
  OverlapType,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";
import {
  LINE_PITCH_TWIPS,
  SMALL_PT,
  TABLE_PT,
  TWIPS_PER_PT,
  chineseDate,
  mmToPt,
  mmToTwips,
  textWidthInChars,
  type PageGeometry,
} from "./geometry.ts";
import type { Block, OfficialDocument } from "./model.ts";
import { FONTS, bodyParagraph, exact, run, runProps, type RunStyle } from "./docx-text.ts";

function cellParagraph(text: string, s: RunStyle & { align: (typeof AlignmentType)[keyof typeof AlignmentType] }) {
  return new Paragraph({
    alignment: s.align,
    spacing: exact(Math.round(TABLE_PT * 1.5 * TWIPS_PER_PT)),
    widowControl: false,
    run: runProps({ size: TABLE_PT, font: s.font }),
    children: text ? [run(text, { size: TABLE_PT, font: s.font, bold: s.bold })] : [],
  });
}

export function table(
  block: Extract<Block, { type: "table" }>,
  widthTwips: number,
  captionExtra: IParagraphOptions,
): (Paragraph | Table)[] {
  const total = block.columns.reduce((n, c) => n + Math.max(0, c.width), 0);
  const share = (c: { width: number }) => (total > 0 ? Math.max(0, c.width) / total : 1 / block.columns.length);
  const widths = block.columns.map((c) => Math.floor(widthTwips * share(c)));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          borders,
          margins,
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(c.title, { align: AlignmentType.CENTER, font: FONTS.heiti })],
        }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        children: block.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders,
              margins,
              verticalAlign: VerticalAlign.CENTER,
              children: (r[i] ?? "")
                .split("\n")
                .map((line) => cellParagraph(line, { align: c.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT })),
            }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (block.caption)
    out.push(
      bodyParagraph(
        block.caption,
        { indent: false, align: AlignmentType.CENTER, font: FONTS.heiti },
        { keepNext: true, ...captionExtra },
      ),
    );
  out.push(
    new Table({
      width: { size: widthTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: "fixed",
      rows: [header, ...rows],
    }),
  );
  return out;
}

/**
 * 版记 (7.4): 抄送 and 印发机关和印发日期 in 4号仿宋, one character in from either side, between a thick rule above and
 * below and a thin one between, the last rule's bottom on the bottom edge of the 版心 of the last page.
 *
 * A floating table (w:tblpPr) aligned to the bottom of the margin, anchored to the document's last paragraph, so
 * that it lands at the foot of the page where the text ends. Text may not come nearer than one line above it
 * (topFromText): where the text ends lower, the anchor moves to a new page and the 版记 with it, alone at that
 * page's foot, as in the PDF. Positioned horizontally from the page edge: LibreOffice (writerfilter) turns a
 * floating table as wide as the text area into an ordinary table in the text unless it is placed relative to the
 * page; a table cell margin of 0 keeps its rules on the edges of the 版心 (LibreOffice shifts a floating table left
 * by the default cell margin). Checked through LibreOffice only (test/documents/colophon.test.ts).
 */
export function colophon(doc: OfficialDocument, widthTwips: number, g: PageGeometry): (Table | Paragraph)[] {
  const rows: { left: string; right?: string }[] = [];
  if (doc.cc) rows.push({ left: `抄送：${doc.cc}` });
  if (doc.printedBy) rows.push({ left: doc.printedBy.issuer, right: `${chineseDate(doc.printedBy.date)}印发` });
  if (rows.length === 0) return [];
  const one = Math.round(SMALL_PT * TWIPS_PER_PT);
  // Eighths of a point: 1 pt (0.35 mm) and 0.75 pt (0.26 mm), the heights GB/T 9704 recommends.
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const small: RunStyle = { size: SMALL_PT, spacing: 0 };
  const rowTwips = Math.round(SMALL_PT * 1.8 * TWIPS_PER_PT);
  return [
    new Table({
      width: { size: widthTwips, type: WidthType.DXA },
      columnWidths: [widthTwips],
      layout: "fixed",
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: mmToTwips(g.left),
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        topFromText: LINE_PITCH_TWIPS,
        overlap: OverlapType.NEVER,
      },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
      rows: rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: widthTwips, type: WidthType.DXA },
                margins: { left: one, right: one, top: 0, bottom: 0 },
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.LEFT,
                    spacing: exact(rowTwips),
                    widowControl: false,
                    // Wrapped 抄送 lines align after "抄送：".
                    indent: r.right ? undefined : { left: 3 * one, hanging: 3 * one },
                    tabStops: r.right ? [{ type: "right", position: widthTwips - 2 * one }] : undefined,
                    run: runProps(small),
                    children: [
                      run(r.left, small),
                      ...(r.right ? [new TextRun({ text: "\t", ...runProps(small) }), run(r.right, small)] : []),
                    ],
                  }),
                ],
              }),
            ],
          }),
      ),
    }),
    // The anchor, one point high: a document ends with a paragraph (Word requires one after a table).
    new Paragraph({ spacing: exact(20), run: runProps({ size: 1 }), children: [] }),
  ];
}

/** "— 1 —" in 4号, at the outer corner: odd pages right, even pages left, one character in from the edge. */
export function pageNumberFooter(side: "odd" | "even"): Footer {
  const one = Math.round(SMALL_PT * TWIPS_PER_PT);
  const font = { eastAsia: FONTS.songti, ascii: FONTS.songti, hAnsi: FONTS.songti, cs: FONTS.songti };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: one } : { left: one },
        spacing: { before: 0, after: 0, line: Math.round(SMALL_PT * 1.2 * TWIPS_PER_PT), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font, size: SMALL_PT * 2, snapToGrid: false })],
      }),
    ],
  });
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The watermark: a borderless text box behind the text, turned 45° (bottom left to top right), light grey, anchored
 * in the header so that it is on every page. Raw DrawingML (a wps shape), which the docx package does not offer and
 * which LibreOffice turns with its text (a VML text box stays level there).
 */
export function watermarkParagraph(text: string, n: number, g: { width: number; height: number }): Paragraph {
  const size = 30;
  const emu = (pt: number) => Math.round(pt * 12700);
  const w = emu(Math.min(mmToPt(Math.hypot(g.width, g.height)) * 0.7, (textWidthInChars(text) + 2) * size));
  const h = emu(size * 1.6);
  const rot = Math.round((360 - (Math.atan2(g.height, g.width) * 180) / Math.PI) * 60000);
  const font = `<w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${FONTS.heiti}" w:cs="${FONTS.latin}"/>`;
  const content =
    `<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/></w:pPr>` +
    `<w:r><w:rPr>${font}<w:color w:val="BFBFBF"/><w:sz w:val="${size * 2}"/></w:rPr><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>` +
    `</w:p></w:txbxContent>`;
  // Word writes a VML fallback for readers without DrawingML shapes; so do we.
  const vml =
    `<w:pict><v:shape id="xunchaWatermark${n}" type="#_x0000_t202" filled="f" stroked="f" ` +
    `style="position:absolute;margin-left:0;margin-top:0;width:${w / 12700}pt;height:${h / 12700}pt;rotation:${rot / 60000};z-index:-251654144;` +
    `mso-position-horizontal:center;mso-position-horizontal-relative:page;` +
    `mso-position-vertical:center;mso-position-vertical-relative:page">` +
    `<v:textbox inset="0,0,0,0">${content}</v:textbox></v:shape></w:pict>`;
  const xml =
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>` +
    `<w:r><w:rPr>${font}<w:sz w:val="2"/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>` +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${n}" behindDoc="1" locked="1" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/>` +
    `<wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:align>center</wp:align></wp:positionV>` +
    `<wp:extent cx="${w}" cy="${h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${4000 + n}" name="水印 ${n}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr txBox="1"/>` +
    `<wps:spPr><a:xfrm rot="${rot}"><a:off x="0" y="0"/><a:ext cx="${w}" cy="${h}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx>${content}</wps:txbx>` +
    `<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>` +
    `</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback>${vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  return ImportedXmlComponent.fromXmlString(xml) as unknown as Paragraph;
}
