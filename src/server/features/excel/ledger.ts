/**
 * The ledger as the offices keep it in Excel: one workbook, three sheets — 问题清单 (by feedback problem), 任务清单
 * (by measure) and 责任清单 (by responsible leader and department) — of the rows the actor may see under the list's
 * filter. Written as a stream into `out`: rows come from the database 1000 at a time by keyset pagination
 * (ledger-rows.ts), each sheet's rows go to the zip as they are written, so 100 000 rows export in flat memory.
 * Every sheet carries 台账编号 (the row id), by which a re-import finds the row.
 */
import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import {
  CAMPAIGN_ASPECT_TITLE,
  LEDGER_STATUS_LABELS,
  PROGRESS_LABELS,
  RECTIFICATION_KIND_LABELS,
  type LedgerStatus,
  type ProgressState,
  type RectificationKind,
} from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { ledgerBatches, RowSpool, type ExportRow, type LedgerExportFilter } from "./ledger-rows.ts";
import {
  DATE_FORMAT,
  chinaDate,
  commitSheet,
  drained,
  excelDate,
  markedHeaderFooter,
  streamingWorkbook,
  styleHeader,
  type ExportMark,
} from "./workbook.ts";

export { countLedgerRows, ledgerBatches, type LedgerExportFilter } from "./ledger-rows.ts";

export const LEDGER_SHEETS = ["问题清单", "任务清单", "责任清单"] as const;
/** The column a re-import finds rows by. */
export const ROW_ID_HEADER = "台账编号";

interface Column {
  header: string;
  width: number;
  value: (r: ExportRow, n: number) => string | number | Date | null;
  date?: boolean;
  wrap?: boolean;
  /** The row id column: narrow and grey, read by a re-import rather than by people. */
  id?: boolean;
}

const text = (v: string | null | undefined) => (v?.trim() ? v : null);
const col = {
  org: { header: "被巡察单位", width: 18, value: (r) => r.orgName, wrap: true },
  aspect: {
    header: "问题方面",
    width: 22,
    value: (r) => r.aspectTitle || (r.campaignId ? CAMPAIGN_ASPECT_TITLE : ""),
    wrap: true,
  },
  problem: { header: "反馈问题", width: 34, value: (r) => r.problemText || null, wrap: true },
  text: { header: "具体问题", width: 40, value: (r) => r.text, wrap: true },
  measures: { header: "整改措施", width: 40, value: (r) => text(r.measures), wrap: true },
  leader: { header: "责任领导", width: 11, value: (r) => text(r.responsibleLeader) },
  department: { header: "责任部门", width: 16, value: (r) => text(r.responsibleDepartment), wrap: true },
  deadline: { header: "整改时限", width: 12, value: (r) => excelDate(r.deadline), date: true },
  kind: {
    header: "整改类型",
    width: 10,
    value: (r) => (r.kind ? (RECTIFICATION_KIND_LABELS[r.kind as RectificationKind] ?? r.kind) : null),
  },
  note: { header: "整改进展", width: 34, value: (r) => r.note, wrap: true },
  progress: { header: "进展状态", width: 12, value: (r) => PROGRESS_LABELS[r.progress as ProgressState] ?? r.progress },
  status: { header: "状态", width: 9, value: (r) => LEDGER_STATUS_LABELS[r.status as LedgerStatus] ?? r.status },
  closedAt: {
    header: "完成时间",
    width: 12,
    value: (r) => excelDate(chinaDate(r.closedAt ? new Date(r.closedAt) : null)),
    date: true,
  },
  id: { header: ROW_ID_HEADER, width: 10, value: (r) => r.id, id: true },
} satisfies Record<string, Column>;
const running: Column = { header: "序号", width: 6, value: (_r, n) => n };

/** Chinese text in the order of the dictionary (pinyin); blank last. */
const collator = new Intl.Collator("zh-CN");
const byText =
  (...get: Array<(r: ExportRow) => string | null>) =>
  (a: ExportRow, b: ExportRow): number => {
    for (const g of get) {
      const x = g(a)?.trim() || null;
      const y = g(b)?.trim() || null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = collator.compare(x, y);
      if (c) return c;
    }
    return 0;
  };

interface SheetSpec {
  name: (typeof LEDGER_SHEETS)[number];
  title: string;
  columns: Column[];
  /** How rows are grouped within each assignment (a stable sort: feedback order within a group). */
  group?: (a: ExportRow, b: ExportRow) => number;
}

const SHEETS: SheetSpec[] = [
  {
    name: "问题清单",
    title: "整改问题清单",
    columns: [
      { header: "序号", width: 7, value: (r) => r.seqLabel },
      col.org,
      col.aspect,
      col.problem,
      col.text,
      col.measures,
      col.leader,
      col.department,
      col.deadline,
      col.kind,
      col.note,
      col.progress,
      col.status,
      col.closedAt,
      col.id,
    ],
  },
  {
    name: "任务清单",
    title: "整改任务清单",
    columns: [
      running,
      col.measures,
      col.org,
      col.problem,
      col.text,
      col.leader,
      col.department,
      col.deadline,
      col.note,
      col.progress,
      col.status,
      col.closedAt,
      col.id,
    ],
    // Grouped by measure (rows without measures last).
    group: byText((r) => r.measures),
  },
  {
    name: "责任清单",
    title: "整改责任清单",
    columns: [
      running,
      col.leader,
      col.department,
      col.org,
      col.text,
      col.measures,
      col.deadline,
      col.progress,
      col.status,
      col.closedAt,
      col.id,
    ],
    // Grouped by responsible leader, then department (blank ones last).
    // Grouped by responsible leader, then department (blank ones last).
    group: byText(
      (r) => r.responsibleLeader,
      (r) => r.responsibleDepartment,
    ),
  },
];

function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  today: string,
  mark: ExportMark | undefined,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: "frozen", ySplit: 2, activeCell: "A3" }],
    headerFooter: markedHeaderFooter(mark),
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Styles only where they matter: every styled cell costs a style lookup when written.
  ws.columns = spec.columns.map((c) => ({
    width: c.width,
    style: {
      ...(c.date ? { numFmt: DATE_FORMAT } : {}),
      ...(c.wrap ? { alignment: { vertical: "top", wrapText: true } } : {}),
      ...(c.id ? { font: { color: { argb: "FF999999" }, size: 9 } } : {}),
    },
  }));
  const title = ws.addRow([`${spec.title}（${mark ? `${mark.user} ${mark.at} 导出` : `导出日期：${today}`}）`]);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { vertical: "middle", horizontal: "center" };
  ws.mergeCells(1, 1, 1, spec.columns.length);
  title.commit();
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.height = 22;
  styleHeader(header);
  header.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: spec.columns.length } };
  return ws;
}

/**
 * Writes the three-sheet ledger workbook of the rows the actor may see into `out` (ended when done). Returns the
 * number of rows (each sheet holds all of them). The database is read once, for the first sheet; the other two
 * replay the spooled rows, grouped within each assignment.
 */
export async function writeLedgerWorkbook(
  db: Db,
  actor: Actor,
  filter: LedgerExportFilter,
  out: Writable,
  today: string,
  mark?: ExportMark,
): Promise<number> {
  const wb = streamingWorkbook(out);
  const spool = new RowSpool();
  try {
    const [first, ...rest] = SHEETS;
    let count = 0;
    const ws = addSheet(wb, first!, today, mark);
    for await (const batch of ledgerBatches(db, actor, filter, today)) {
      for (const r of batch) {
        const n = ++count;
        ws.addRow(first!.columns.map((c) => c.value(r, n))).commit();
      }
      await spool.add(batch);
      await drained(ws, out);
    }
    await commitSheet(ws);
    for (const spec of rest) {
      const sheet = addSheet(wb, spec, today, mark);
      let n = 0;
      for await (const block of spool.blocks()) {
        if (spec.group) block.sort(spec.group);
        for (const r of block) {
          const at = ++n;
          sheet.addRow(spec.columns.map((c) => c.value(r, at))).commit();
        }
        await drained(sheet, out);
      }
      await commitSheet(sheet);
    }
    await wb.commit();
    return count;
  } finally {
    await spool.remove();
  }
}
