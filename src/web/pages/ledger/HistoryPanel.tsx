/** 操作历史 and 反弹记录 of a row: the audit entries naming it, changes shown as "字段：旧 → 新" in Chinese. */
import { Empty, List, Timeline, Typography } from "antd";
import { LEDGER_STATUS_LABELS, PROGRESS_LABELS, RECTIFICATION_KIND_LABELS } from "../../../domain/ledger.ts";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { sizeText } from "./EvidencePanel.tsx";
import type { HistoryEntry, Relapse } from "./types.ts";

const FIELD_LABELS: Record<string, string> = {
  status: "状态",
  measures: "整改措施",
  responsibleLeader: "责任领导",
  responsibleDepartment: "责任部门",
  deadline: "整改时限",
  kind: "整改类型",
  progress: "整改进展",
  note: "申请说明",
  opinion: "审核意见",
  reason: "理由",
  foundWhere: "发现途径",
  foundOn: "发现日期",
  relapseCount: "反弹次数",
  noteDate: "日期",
  text: "内容",
  fileName: "文件",
  size: "大小",
  feedbackDate: "反馈日期",
  aspects: "方面数",
  problems: "问题数",
  rows: "整改任务数",
};
/** Values not worth a line in the history (the file's hash is checked by the server, not read by people). */
const HIDDEN = new Set(["contentHash"]);

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: LEDGER_STATUS_LABELS,
  progress: PROGRESS_LABELS,
  kind: RECTIFICATION_KIND_LABELS,
};

const ORDER = Object.keys(FIELD_LABELS);
const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "（空）";
  if (field === "size" && typeof v === "number") return sizeText(v);
  if (typeof v === "string") return ENUM_LABELS[field]?.[v] ?? v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

/** "reason" means the return's reason or the relapse's description, by action. */
const REASON_LABELS: Record<string, string> = { "ledger.return": "退回理由", "ledger.reopen": "反弹情况" };

function ChangeLines({ action, changes }: { action: string; changes: unknown }) {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return null;
  const entries = Object.entries(changes as Record<string, unknown>)
    .filter(([k, v]) => !HIDDEN.has(k) && !(Array.isArray(v) && v.length === 2 && JSON.stringify(v[0]) === JSON.stringify(v[1])))
    .sort(([a], [b]) => rank(a) - rank(b));
  if (!entries.length) return null;
  return (
    <div style={{ fontSize: 13, lineHeight: "22px", marginTop: 2 }}>
      {entries.map(([field, v]) => {
        const label = (field === "reason" ? REASON_LABELS[action] : undefined) ?? FIELD_LABELS[field] ?? field;
        const isDiff = Array.isArray(v) && v.length === 2;
        return (
          <div key={field} style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
            <Typography.Text type="secondary">{label}：</Typography.Text>
            {isDiff ? (
              <>
                <Typography.Text type="secondary">{show(field, v[0])}</Typography.Text>
                {" → "}
                <Typography.Text>{show(field, v[1])}</Typography.Text>
              </>
            ) : (
              <Typography.Text>{show(field, v)}</Typography.Text>
            )}
          </div>
        );
      })}
    </div>
  );
}

const DOT_COLORS: Record<string, string> = {
  "ledger.request_closeout": "orange",
  "ledger.close": "green",
  "ledger.return": "red",
  "ledger.reopen": "red",
};

export function HistoryPanel({ history }: { history: HistoryEntry[] }) {
  if (!history.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无操作记录" />;
  return (
    <Timeline
      items={[...history].reverse().map((h, i) => ({
        key: `${h.at}-${i}`,
        color: DOT_COLORS[h.action] ?? "gray",
        children: (
          <>
            <div>
              <Typography.Text strong>{h.actionLabel}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {h.actorName} · {fmtDateTime(h.at)}
              </Typography.Text>
            </div>
            <ChangeLines action={h.action} changes={h.changes} />
          </>
        ),
      }))}
    />
  );
}

export function RelapsesPanel({ relapses }: { relapses: Relapse[] }) {
  if (!relapses.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发生问题反弹" />;
  return (
    <List
      size="small"
      bordered
      dataSource={relapses}
      renderItem={(r, i) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Typography.Text type="danger">
                第 {i + 1} 次反弹 · {fmtDate(r.foundOn)} · {r.foundWhere}
              </Typography.Text>
            }
            description={<span style={{ whiteSpace: "pre-wrap" }}>{r.reason}</span>}
          />
        </List.Item>
      )}
    />
  );
}
