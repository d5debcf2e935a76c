/** The audit trail as an Excel workbook, written row by row into the response stream. */
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import { eachAuditEntry, type AuditFilter } from "./queries.ts";

/** Record types as the audit screen names them; unknown types show as stored. */
export const RECORD_TYPE_LABELS: Record<string, string> = {
  user: "用户账号",
  role_grant: "角色授权",
  settings: "系统设置",
  calendar: "节假日安排",
  audit: "审计日志",
  org: "单位",
  term: "届次",
  round: "巡察轮次",
  team: "巡察组",
  team_member: "巡察组成员",
  assignment: "巡察任务",
  finding: "问题",
  feedback: "反馈意见",
  ledger_row: "台账条目",
  ledger_note: "进展记录",
  evidence_file: "佐证材料",
  secretary_meeting: "书记专题会",
  directive: "点人点事",
  rectification_plan: "整改方案",
  notification: "提醒",
  rectification_period: "集中整改期",
  letter: "函件",
  common_problem: "共性问题",
  campaign: "同类同改",
  evaluation: "整改评估",
  revisit: "回头看",
  revisit_item: "回头看抽查条目",
  accountability_action: "问责",
  rule: "制度建设",
  announcement_details: "整改进展公告",
  pool_person: "人才库人员",
  pool_relation: "回避关系",
  training: "培训",
  document_profile: "发文机关信息",
  document_template: "公文模板",
  stats: "统计数据",
};

const COLUMNS = [
  { header: "序号", key: "seq", width: 10 },
  { header: "时间", key: "at", width: 21 },
  { header: "操作人", key: "actorName", width: 24 },
  { header: "操作", key: "actionLabel", width: 18 },
  { header: "记录类型", key: "recordType", width: 14 },
  { header: "记录编号", key: "recordIds", width: 40 },
  { header: "变更内容", key: "changes", width: 80 },
  { header: "客户端 IP", key: "clientIp", width: 16 },
  { header: "日志编号", key: "id", width: 38 },
];

const EXCEL_CELL_MAX = 32_767;

/** 2024-05-06 14:03:09 in China time. */
export const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

export function auditWorkbookStream(db: Db, filter: AuditFilter): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "巡察整改工作系统";
  const ws = wb.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  const fill = async () => {
    ws.getRow(1).commit();
    for await (const e of eachAuditEntry(db, filter)) {
      const changes = JSON.stringify(e.changes);
      ws.addRow({
        seq: e.seq,
        at: chinaTime(e.at),
        actorName: e.actorName ?? "",
        actionLabel: e.actionLabel,
        recordType: RECORD_TYPE_LABELS[e.recordType] ?? e.recordType,
        recordIds: e.recordIds.join("\n"),
        changes: changes.length > EXCEL_CELL_MAX ? `${changes.slice(0, EXCEL_CELL_MAX - 1)}…` : changes,
        clientIp: e.clientIp ?? "",
        id: e.id,
      }).commit();
    }
    ws.commit();
    await wb.commit();
  };
  fill().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** RFC 5987: an ASCII fallback and the UTF-8 name. */
export function attachment(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
