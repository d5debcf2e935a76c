/**
 * What every workbook the system writes shares: calendar dates as real Excel dates, column widths fitted to
 * Chinese text, a bold frozen header, file names in RFC 5987 form, and a streaming writer that waits for the zip
 * to catch up so that a large export keeps memory flat.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DATE_FORMAT = "yyyy-mm-dd";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-05" → the Date Excel stores for that day (UTC midnight); null when not a real calendar day. */
export function excelDate(iso: string | null | undefined): Date | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso ? d : null;
}

/** The day in China (UTC+8) of an instant, as an ISO date. */
export const chinaDate = (d: Date | null): string | null =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null;

/** Display width of a text in Excel's character units: a Chinese character takes two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}

/** RFC 5987: an ASCII fallback and the UTF-8 name. */
export function attachment(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters. */
export const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, "").slice(0, 31) || "Sheet1";

export function streamingWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  // Shared strings would keep every text in memory until the end: cells carry their text inline instead.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "巡察整改工作系统";
  wb.created = new Date();
  return wb;
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } };
  });
}

/** exceljs internals the back-pressure check reads (the sheet's buffer and the pipe archiver reads it from). */
interface SheetStream {
  buffers?: unknown[];
  pipes?: Array<{ _writableState?: { length: number }; _readableState?: { length: number } }>;
}

const BACKLOG_LIMIT = 1 << 20;

/**
 * Waits until the zip has compressed what the sheet has written so far (at most ~1 MB pending). exceljs's
 * streaming writer takes rows without back-pressure: without this pause a fast producer piles the whole
 * uncompressed sheet up in memory. Stops with an error when the receiver went away.
 */
export async function drained(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const stream = (ws as unknown as { stream?: SheetStream }).stream;
  const backlog = () => {
    const pipe = stream?.pipes?.[0];
    return (stream?.buffers?.length ?? 0) * 65_536 + (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  };
  while (backlog() > BACKLOG_LIMIT) {
    if (out.destroyed) throw new Error("export receiver closed");
    await sleep(2);
  }
}

/** Commits a sheet and waits until the zip has taken all of it (the next sheet would otherwise queue behind it). */
export async function commitSheet(ws: ExcelJS.Worksheet): Promise<void> {
  const stream = (ws as unknown as { stream: NodeJS.EventEmitter }).stream;
  const zipped = new Promise<void>((resolve) => stream.once("zipped", () => resolve()));
  ws.commit();
  await zipped;
}

/** Who exported a workbook and when (China time, to the minute), printed on every page of every sheet. */
export interface ExportMark {
  user: string;
  at: string;
}

/**
 * The print header and footer that carry the export mark: Excel has no watermark, so every printed page names who
 * exported it and when (left: 内部资料; right: the mark), and the footer numbers the pages.
 */
export function markedHeaderFooter(mark: ExportMark | undefined): Partial<ExcelJS.HeaderFooter> | undefined {
  if (!mark) return undefined;
  const text = `${mark.user} ${mark.at} 导出`.replace(/&/g, "&&");
  return { oddHeader: `&L内部资料&R${text}`, oddFooter: "&C第 &P 页，共 &N 页" };
}
