/** The organisation import spreadsheet: the template a user downloads, and reading back what they filled in. */
import ExcelJS from "exceljs";
import { DomainError } from "../../../domain/errors.ts";
import { ORG_KIND_LABELS, ORG_KINDS, RISK_CLASS_LABELS, RISK_CLASSES } from "../../../domain/org.ts";
import { notXlsx } from "../../http/upload.ts";

export const IMPORT_COLUMNS = {
  name: "单位名称",
  code: "单位代码",
  kind: "单位类型",
  parent: "上级单位（名称或代码）",
  supervisingLeader: "分管（联系）领导",
  partySecretary: "党组织书记",
  riskClass: "村（社区）类别",
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
const COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
export const TEMPLATE_FILE_NAME = "被巡察单位导入模板.xlsx";
const DATA_SHEET = "单位名单";
const HELP_SHEET = "填写说明";
/** Rows of the template that carry the dropdowns. */
const TEMPLATE_ROWS = 2000;

export { notXlsx };

/** One filled row as text ("" when blank), with its Excel row number. */
export type SheetRow = { row: number } & Record<ImportColumn, string>;

export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "巡察整改工作系统";
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMN_KEYS.map((k) => ({
    header: IMPORT_COLUMNS[k],
    key: k,
    width: k === "name" || k === "parent" ? 30 : 18,
    style: { numFmt: "@" }, // text: codes keep their leading zeros
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center" };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  const list = (labels: string[], title: string) => ({
    type: "list" as const,
    allowBlank: true,
    formulae: [`"${labels.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error: "请从下拉列表中选择",
  });
  const col = (k: ImportColumn) => ws.getColumn(k).letter;
  // exceljs supports ranged validations at run time; its typings only know the per-cell form.
  const validations = (ws as unknown as { dataValidations: { add: (range: string, v: object) => void } }).dataValidations;
  validations.add(
    `${col("kind")}2:${col("kind")}${TEMPLATE_ROWS}`,
    list(
      ORG_KINDS.map((k) => ORG_KIND_LABELS[k]),
      "单位类型无效",
    ),
  );
  validations.add(
    `${col("riskClass")}2:${col("riskClass")}${TEMPLATE_ROWS}`,
    list(
      RISK_CLASSES.map((k) => RISK_CLASS_LABELS[k]),
      "村（社区）类别无效",
    ),
  );

  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 90;
  help.addRow(["被巡察单位导入说明"]).font = { bold: true, size: 14 };
  help.addRow([]);
  const lines: Array<[string, string]> = [
    ["填写位置", `在“${DATA_SHEET}”工作表中每行填写一个单位；请勿修改第一行表头。`],
    [IMPORT_COLUMNS.name, "必填，不超过 100 字；同一上级单位下不能重名。"],
    [IMPORT_COLUMNS.code, "选填，不超过 40 字；不得与系统中已有单位或本文件其他行重复。"],
    [IMPORT_COLUMNS.kind, `必填，从下拉列表选择：${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join("、")}。`],
    [
      IMPORT_COLUMNS.parent,
      "选填，填写系统中已有单位或本文件中其他行单位的名称或代码；留空表示顶级单位。有多个同名单位时请填写单位代码。",
    ],
    [IMPORT_COLUMNS.supervisingLeader, "选填，分管或联系该单位的县级领导姓名。"],
    [IMPORT_COLUMNS.partySecretary, "选填，该单位党组织书记姓名。"],
    [
      IMPORT_COLUMNS.riskClass,
      `仅“${ORG_KIND_LABELS.village}”填写，从下拉列表选择：${RISK_CLASSES.map((k) => RISK_CLASS_LABELS[k]).join("、")}；留空默认为“${RISK_CLASS_LABELS.normal}”。`,
    ],
    ["导入规则", "文件中只要有一处错误，整个文件都不会导入；系统会列出每处错误所在的行号、列名和原因，改正后重新上传即可。"],
    ["文件要求", `.xlsx 格式，不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，一次最多导入 ${IMPORT_MAX_ROWS} 个单位。`],
  ];
  for (const [k, v] of lines) {
    const r = help.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  help.addRow([]);
  help.addRow(["填写示例"]).font = { bold: true };
  help.addRow(COLUMN_KEYS.map((k) => IMPORT_COLUMNS[k])).font = { bold: true };
  help.addRow(["某某镇", "430000001", ORG_KIND_LABELS.township, "", "张某", "李某", ""]);
  help.addRow(["某某村", "430000002", ORG_KIND_LABELS.village, "某某镇", "张某", "王某", RISK_CLASS_LABELS.watch]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Header text as typed: brackets and spaces are forgiven. */
const normaliseHeader = (s: string) => s.replace(/\(/g, "（").replace(/\)/g, "）").replace(/\s+/g, "");

function cellText(cell: ExcelJS.Cell): string {
  try {
    return (cell.text ?? "").trim();
  } catch {
    return "";
  }
}

/** The filled rows of the first sheet with a 单位名称 header; refuses what is not a usable xlsx file. */
export async function readOrgSheet(file: Buffer): Promise<SheetRow[]> {
  // An xlsx file is a zip archive: refuse anything else before parsing.
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  const headerColumns = (ws: ExcelJS.Worksheet) => {
    const found: Partial<Record<ImportColumn, number>> = {};
    ws.getRow(1).eachCell((cell, colNumber) => {
      const text = normaliseHeader(cellText(cell));
      const key = COLUMN_KEYS.find((k) => IMPORT_COLUMNS[k] === text);
      if (key && found[key] === undefined) found[key] = colNumber;
    });
    return found;
  };
  const sheets = [wb.getWorksheet(DATA_SHEET), ...wb.worksheets].filter((ws): ws is ExcelJS.Worksheet => !!ws);
  const ws = sheets.find((w) => headerColumns(w).name !== undefined);
  if (!ws) throw new DomainError("file_rejected", `文件中没有“${IMPORT_COLUMNS.name}”列，请使用导入模板填写`);
  const columns = headerColumns(ws);
  if (columns.kind === undefined) {
    throw new DomainError("file_rejected", `文件中没有“${IMPORT_COLUMNS.kind}”列，请使用导入模板填写`);
  }

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const row = { row: rowNumber } as SheetRow;
    for (const k of COLUMN_KEYS) row[k] = columns[k] === undefined ? "" : cellText(r.getCell(columns[k]));
    if (COLUMN_KEYS.some((k) => row[k] !== "")) rows.push(row);
  });
  if (!rows.length) throw new DomainError("file_rejected", "文件中没有填写任何单位");
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new DomainError("file_rejected", `一次最多导入 ${IMPORT_MAX_ROWS} 个单位，请分批导入`);
  }
  return rows;
}
