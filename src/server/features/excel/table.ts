/**
 * 导出表格: what a list screen shows (its column titles and the cell texts of its filtered rows) as a workbook —
 * header bold and frozen, ISO dates as real Excel dates, numbers as numbers, widths fitted to the text.
 */
import type { Writable } from "node:stream";
import { z } from "zod";
import {
  DATE_FORMAT,
  commitSheet,
  drained,
  excelDate,
  sheetName,
  streamingWorkbook,
  styleHeader,
  textWidth,
  markedHeaderFooter,
  type ExportMark,
} from "./workbook.ts";

export const TABLE_EXPORT_MAX_ROWS = 50_000;
export const TABLE_EXPORT_MAX_COLUMNS = 60;
const CELL_MAX = 32_767;

const cell = z.union([z.string().max(CELL_MAX, "单元格内容过长"), z.number(), z.null()], { error: "单元格内容无效" });

export const tableExportBody = z
  .object({
    title: z.string({ error: "请填写表格名称" }).trim().min(1, "请填写表格名称").max(60, "表格名称不超过 60 字"),
    columns: z
      .array(z.string().trim().min(1, "列名不能为空").max(100, "列名不超过 100 字"), { error: "请提供列名" })
      .min(1, "至少需要一列")
      .max(TABLE_EXPORT_MAX_COLUMNS, `一次最多导出 ${TABLE_EXPORT_MAX_COLUMNS} 列`),
    rows: z
      .array(z.array(cell, { error: "每行应为单元格列表" }), { error: "请提供要导出的行" })
      .max(TABLE_EXPORT_MAX_ROWS, `一次最多导出 ${TABLE_EXPORT_MAX_ROWS} 行，请缩小筛选范围后分批导出`),
  })
  .refine((b) => b.rows.every((r) => r.length <= b.columns.length), { error: "某些行的单元格多于列数", path: ["rows"] });
export type TableExport = z.infer<typeof tableExportBody>;

/** An ISO date becomes a date cell; other text stays text. */
const value = (v: string | number | null): string | number | Date | null => (typeof v === "string" ? (excelDate(v) ?? v) : v);

/** Column widths from the header and the first rows: Chinese text counts double, between 6 and 60. */
function widths(t: TableExport): number[] {
  const sample = t.rows.slice(0, 300);
  return t.columns.map((h, i) => {
    let w = textWidth(h) + 2;
    for (const r of sample) {
      const v = r[i];
      if (v === null || v === undefined) continue;
      const s = typeof v === "number" ? String(v) : excelDate(v) ? "2024-01-01" : v.split("\n")[0]!;
      w = Math.max(w, textWidth(s) + 2);
    }
    return Math.min(60, Math.max(6, w));
  });
}

export async function writeTableWorkbook(t: TableExport, out: Writable, mark?: ExportMark): Promise<void> {
  const wb = streamingWorkbook(out);
  const ws = wb.addWorksheet(sheetName(t.title), {
    views: [{ state: "frozen", ySplit: 1, activeCell: "A2" }],
    headerFooter: markedHeaderFooter(mark),
  });
  const w = widths(t);
  ws.columns = t.columns.map((_, i) => ({ width: w[i]!, style: { alignment: { vertical: "top", wrapText: w[i]! >= 40 } } }));
  const header = ws.addRow(t.columns);
  styleHeader(header);
  header.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  for (const [i, r] of t.rows.entries()) {
    const row = ws.addRow(r.map(value));
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = DATE_FORMAT;
    });
    row.commit();
    if (i % 1000 === 999) await drained(ws, out);
  }
  await commitSheet(ws);
  await wb.commit();
}
