/** Registered feedback laid out like the documents: "一、方面", numbered problems, their refined ledger rows. */
import { Alert, Space, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import type { LedgerStatus } from "../../../domain/ledger.ts";
import { fmtDate } from "../../components/format.ts";
import { totalsLine, type FeedbackProblemView, type FeedbackRowView, type FeedbackView } from "./types.ts";

const STATUS_COLORS: Record<LedgerStatus, string> = { open: "processing", close_requested: "warning", closed: "success" };

const ledgerUrl = (assignmentId: string, rowId?: string) =>
  `/ledger?assignmentId=${assignmentId}${rowId ? `&open=${rowId}` : ""}`;

/** Status, progress and the link into the ledger, at the end of a line. */
function RowState({ assignmentId, row }: { assignmentId: string; row: FeedbackRowView }) {
  return (
    <Space size={8} style={{ flex: "none" }}>
      <Tag color={STATUS_COLORS[row.status] ?? "default"} bordered={false} style={{ marginInlineEnd: 0 }}>
        {row.statusLabel}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: "inline-block", minWidth: 72 }}>
        {row.progressLabel}
      </Typography.Text>
      <Link to={ledgerUrl(assignmentId, row.id)} style={{ whiteSpace: "nowrap" }}>
        查看台账
      </Link>
    </Space>
  );
}

function FindingsNote({ p }: { p: FeedbackProblemView }) {
  if (!p.findings.length) return null;
  return (
    <Tooltip
      title={p.findings.map((f, i) => `${i + 1}. ${f.text}`).join("\n")}
      overlayStyle={{ whiteSpace: "pre-line", maxWidth: 480 }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, cursor: "help", whiteSpace: "nowrap" }}>
        归并巡察发现问题 {p.findings.length} 条
      </Typography.Text>
    </Tooltip>
  );
}

function Problem({ assignmentId, p }: { assignmentId: string; p: FeedbackProblemView }) {
  // A problem registered as itself (not refined) is one line carrying its row's state.
  const single = p.rows.length === 1 && p.rows[0]!.text === p.text ? p.rows[0]! : null;
  return (
    <div style={{ margin: "0 0 10px 16px" }}>
      <div style={{ display: "flex", gap: 12, alignItems: "baseline" }}>
        <Typography.Text style={{ flex: 1 }}>
          <Typography.Text strong>{p.seq}.</Typography.Text> {p.text}
          <FindingsNote p={p} />
        </Typography.Text>
        {single && <RowState assignmentId={assignmentId} row={single} />}
      </div>
      {!single &&
        p.rows.map((r) => (
          <div key={r.id} style={{ display: "flex", gap: 12, alignItems: "baseline", padding: "3px 0 0 20px" }}>
            <Typography.Text type="secondary" style={{ minWidth: 36 }}>
              {r.seqLabel}
            </Typography.Text>
            <Typography.Text style={{ flex: 1 }}>{r.text}</Typography.Text>
            <RowState assignmentId={assignmentId} row={r} />
          </div>
        ))}
    </div>
  );
}

export function FeedbackDocument({ assignmentId, feedback }: { assignmentId: string; feedback: FeedbackView }) {
  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          <Space wrap>
            <span>{totalsLine(feedback.totals)}</span>
            {feedback.feedbackDate && (
              <Typography.Text type="secondary">反馈日期：{fmtDate(feedback.feedbackDate)}</Typography.Text>
            )}
            <Link to={ledgerUrl(assignmentId)}>在整改台账中查看全部</Link>
          </Space>
        }
      />
      {feedback.aspects.map((a) => (
        <section key={a.id} style={{ marginBottom: 20 }}>
          <Typography.Title level={5} style={{ marginBottom: 8 }}>
            {a.ordinal}、{a.title}
          </Typography.Title>
          {a.problems.map((p) => (
            <Problem key={p.id} assignmentId={assignmentId} p={p} />
          ))}
        </section>
      ))}
    </div>
  );
}
