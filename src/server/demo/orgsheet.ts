/**
 * Hundreds of organisations are entered the way an office enters them: one spreadsheet in the import template's
 * columns, uploaded through the organisation import (all rows or none, one audit entry).
 */
import ExcelJS from "exceljs";
import { ORG_KIND_LABELS, RISK_CLASS_LABELS, type OrgKind, type RiskClass } from "../../domain/org.ts";
import { IMPORT_COLUMNS } from "../features/orgs/excel.ts";
import type { DemoClient } from "./client.ts";

export interface SheetOrg {
  name: string;
  kind: OrgKind;
  /** The parent's name: an organisation already registered or one earlier in the sheet. */
  parent: string;
  riskClass?: RiskClass;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function importOrgSheet(office: DemoClient, fileName: string, rows: readonly SheetOrg[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("单位名单");
  ws.addRow([IMPORT_COLUMNS.name, IMPORT_COLUMNS.kind, IMPORT_COLUMNS.parent, IMPORT_COLUMNS.riskClass]);
  for (const o of rows) ws.addRow([o.name, ORG_KIND_LABELS[o.kind], o.parent, o.riskClass ? RISK_CLASS_LABELS[o.riskClass] : ""]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const { created } = await office.upload<{ created: number }>("/api/orgs/import", fileName, file, XLSX);
  if (created !== rows.length) throw new Error(`演示数据加载失败：${fileName} 导入 ${created} 个单位，应为 ${rows.length} 个`);
  return created;
}

/** Name → id of every organisation the office sees. */
export async function orgIds(office: DemoClient): Promise<Map<string, string>> {
  const { items } = await office.get<{ items: Array<{ id: string; name: string }> }>("/api/orgs");
  return new Map(items.map((o) => [o.name, o.id]));
}

/** Ids of the named accounts, as the office finds them when seating a team. */
export async function userIds(office: DemoClient, usernames: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const u of usernames) {
    const { items } = await office.get<{ items: Array<{ id: string; username: string }> }>(
      `/api/people?q=${encodeURIComponent(u)}`,
    );
    const id = items.find((p) => p.username === u)?.id;
    if (!id) throw new Error(`演示数据加载失败：找不到账号 ${u}`);
    out.set(u, id);
  }
  return out;
}
