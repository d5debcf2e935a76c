/**
 * Reads an uploaded ledger workbook as a stream (exceljs's streaming reader: flat memory, the event loop stays
 * free): finds the first sheet whose header names ledger fields, and keeps its rows' cells as plain values —
 * text, numbers, and dates as ISO strings.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DomainError } from "../../../domain/errors.ts";
import { columnLetter, headerScore, type SheetColumn } from "./import-fields.ts";
import { sheetRowCounts } from "./zip.ts";
import { notXlsx } from "../../http/upload.ts";

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
/** The header is looked for among a sheet's first rows (a title row may come first). */
const HEADER_SEARCH_ROWS = 10;
const MAX_COLUMNS = 60;

export type CellValue = string | number | null;
/** A data row: its row number in the sheet, then one value per column of `columns`. */
export type SheetRow = [number, ...CellValue[]];

export interface ParsedSheet {
  sheet: string;
  headerRow: number;
  columns: SheetColumn[];
  rows: SheetRow[];
}

export { notXlsx };

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** A cell's value as the import reads it: dates as "2024-03-05", formulas by their result, rich text as text. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "object") {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return plainValue(o.richText.map((t) => t.text).join(""));
    if ("result" in o) return plainValue(o.result);
    if ("text" in o) return plainValue(o.text);
    if ("error" in o) return null;
  }
  return null;
}

const asText = (v: CellValue) => (v === null ? "" : String(v));

type Progress = (processed: number, total: number) => Promise<void>;

export async function readLedgerSheet(file: Buffer, onProgress: Progress = async () => {}): Promise<ParsedSheet> {
  if (!isZip(file)) throw notXlsx();
  const totals = await sheetRowCounts(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let processed = 0;
  let result: ParsedSheet | null = null;
  try {
    for await (const ws of reader) {
      const meta = ws as unknown as { name?: string; state?: string };
      if (meta.state === "hidden" || meta.state === "veryHidden") continue;
      const name = meta.name ?? "";
      const total = totals.get(name) ?? 0;
      const first: Array<{ number: number; cells: CellValue[] }> = [];
      let sheet: ParsedSheet | null = null;
      for await (const row of ws) {
        processed++;
        // row.values is sparse (index = column number): holes are empty cells.
        const raw = row.values as unknown[];
        const values = Array.from({ length: Math.min(MAX_COLUMNS, Math.max(0, raw.length - 1)) }, (_, i) =>
          plainValue(raw[i + 1]),
        );
        if (!sheet) {
          if (values.every((v) => v === null)) continue;
          first.push({ number: row.number, cells: values });
          if (first.length < HEADER_SEARCH_ROWS) continue;
          sheet = pickHeader(name, first);
          if (!sheet) break;
          continue;
        }
        addRow(sheet, row.number, values);
        if (processed % 500 === 0) await onProgress(processed, Math.max(total, processed));
      }
      // A sheet shorter than the header search: decide on what it has.
      sheet ??= first.length < HEADER_SEARCH_ROWS ? pickHeader(name, first) : null;
      if (sheet) {
        result = sheet;
        break;
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError(
      "file_rejected",
      "文件无法读取：请确认是有效的 .xlsx 文件（可用 Excel 或 WPS 打开后另存为 .xlsx 再上传）",
    );
  }
  if (!result) {
    throw new DomainError("file_rejected", "文件中没有找到台账表头：请确认工作表前几行中有“具体问题”“整改措施”“整改时限”等列名");
  }
  if (!result.rows.length) throw new DomainError("file_rejected", `工作表“${result.sheet}”的表头下没有任何数据行`);
  await onProgress(processed, processed);
  return result;
}

/** The best header among the first rows (naming at least two ledger fields); the rows after it are data. */
function pickHeader(sheetName: string, first: Array<{ number: number; cells: CellValue[] }>): ParsedSheet | null {
  let best = -1;
  let bestScore = 1;
  for (const [i, r] of first.entries()) {
    const s = headerScore(r.cells.map(asText));
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0) return null;
  const header = first[best]!;
  const columns: SheetColumn[] = [];
  for (const [i, v] of header.cells.entries()) {
    const text = asText(v).replace(/\s+/g, " ").trim();
    if (text) columns.push({ index: i + 1, letter: columnLetter(i + 1), header: text });
  }
  const sheet: ParsedSheet = { sheet: sheetName, headerRow: header.number, columns, rows: [] };
  for (const r of first.slice(best + 1)) addRow(sheet, r.number, r.cells);
  return sheet;
}

function addRow(sheet: ParsedSheet, number: number, values: CellValue[]): void {
  const cells = sheet.columns.map((c) => values[c.index - 1] ?? null);
  if (cells.every((v) => v === null)) return;
  if (sheet.rows.length >= IMPORT_MAX_ROWS) {
    throw new DomainError("file_rejected", `一次最多导入 ${IMPORT_MAX_ROWS} 行，请将文件拆分后分批导入`);
  }
  sheet.rows.push([number, ...cells]);
}
