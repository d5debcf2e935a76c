/**
 * An official document (公文) as the builders describe it and the renderers lay it out: DOCX in the layout of
 * GB/T 9704 (docx.ts) and PDF with the Noto CJK fonts (pdf.ts). The builders know the records and the wording;
 * the renderers know the page. Nothing here depends on the database.
 *
 * GB/T 9704 parts, top to bottom: 版头 (份号, 密级, 发文机关标志 in red, 发文字号, the red rule), 主体 (标题, 主送机关,
 * 正文, 附件说明, 发文机关署名, 成文日期, 附注), 版记 (抄送, 印发机关和印发日期). Every part but the title and the
 * body is optional: a ledger has neither header nor signature; a letter has all of them.
 */

/** Heading levels of the body: 1 一、(黑体)  2 （一）(楷体)  3 1.(仿宋, bold)  4 (1)(仿宋). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface TableColumn {
  title: string;
  /** Relative width; the renderer shares the text block's width by these. */
  width: number;
  align?: "left" | "center";
}

export type Block =
  /** The heading's text carries its own numbering ("一、总体情况"): the builder numbers, the renderer styles. */
  | { type: "heading"; level: HeadingLevel; text: string }
  /** A body paragraph: 3号仿宋, first line indented two characters unless `indent` is false. */
  | { type: "paragraph"; text: string; indent?: boolean; align?: "left" | "center" | "right" | "justify"; bold?: boolean }
  /**
   * A table (ledgers, plans, statistics). The header row repeats on every page; the body is set smaller than the
   * text (仿宋 4号 or 小4号 as the renderer fits it). `caption` is set above it, centred, in 黑体.
   */
  | { type: "table"; caption?: string; columns: TableColumn[]; rows: string[][] }
  | { type: "pageBreak" };

export interface OfficialDocument {
  /** DocumentKind (src/domain/documents.ts), for the file name and the audit entry. */
  kind: string;
  /** Ledgers and wide tables: landscape A4 (the text block turned, margins as in portrait rotated). */
  orientation: "portrait" | "landscape";
  /** 份号 (copy number), top left; rarely used. */
  copyNo?: string;
  /** 密级和保密期限 or 内部资料, top left under the copy number. */
  classification?: string;
  /** 发文机关标志, red 小标宋, centred (e.g. "中共××县委巡察工作领导小组办公室"). Absent: no 版头 at all. */
  authority?: string;
  /** 发文字号, centred under the mark, e.g. "县巡督〔2024〕3号"; the red rule follows. */
  number?: string;
  /** 标题: 2号小标宋, centred, may wrap (the renderer splits long titles over lines). */
  title: string;
  /** 主送机关, flush left, followed by a full-width colon: "中共××镇委员会：". */
  recipient?: string;
  body: Block[];
  /** 附件说明: "附件：1. …". */
  attachments?: string[];
  /** 发文机关署名 and 成文日期 (ISO date; the renderer writes 2024年3月5日), right, as GB/T 9704 7.3.5. */
  signature?: { issuer: string; date: string };
  /** 附注, in parentheses under the date (联系人及电话). */
  notes?: string[];
  /** 版记: 抄送 and 印发机关和印发日期 (ISO date), between rules at the foot of the last page. */
  cc?: string;
  printedBy?: { issuer: string; date: string };
  /**
   * Confidential exports (leads, petitions, unpublished figures): every page carries a diagonal grey watermark with
   * who exported it and when, e.g. "王敏 2026-11-22 09:30".
   */
  watermark?: { user: string; at: string };
}
