/** The top of the drawer: the problem in its feedback context, and the row's 基本信息. */
import { Alert, Descriptions, Typography } from "antd";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { DeadlineText, ProgressTag, StatusBadge } from "./badges.tsx";
import type { LedgerDetail } from "./types.ts";

export function RowContext({ row }: { row: LedgerDetail["row"] }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {row.aspectTitle}
      </Typography.Text>
      {row.problemText !== row.text && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            问题：{row.problemText}
          </Typography.Text>
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 6, marginBottom: 0 }}>
        {row.seqLabel}. {row.text}
      </Typography.Title>
      {row.overdue && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={`已超过整改时限（${fmtDate(row.deadline)}）${row.status === "open" ? "，请抓紧整改" : ""}`}
        />
      )}
      {row.returnReason && row.status === "open" && (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon message={`销号申请被退回：${row.returnReason}`} />
      )}
    </div>
  );
}

export function RowDescriptions({ row, withFill }: { row: LedgerDetail["row"]; withFill: boolean }) {
  const items = [
    { key: "org", label: "单位", children: row.orgName },
    { key: "round", label: "巡察轮次", children: row.roundName || "—" },
    { key: "status", label: "销号状态", children: <StatusBadge status={row.status} label={row.statusLabel} /> },
    { key: "progress", label: "整改进展", children: <ProgressTag progress={row.progress} label={row.progressLabel} /> },
    ...(withFill
      ? []
      : [
          {
            key: "measures",
            label: "整改措施",
            span: 2,
            children: <span style={{ whiteSpace: "pre-wrap" }}>{row.measures || "未填写"}</span>,
          },
          { key: "leader", label: "责任领导", children: row.responsibleLeader || "未填写" },
          { key: "dept", label: "责任部门", children: row.responsibleDepartment || "未填写" },
          { key: "deadline", label: "整改时限", children: <DeadlineText deadline={row.deadline} overdue={row.overdue} /> },
          { key: "kind", label: "整改类型", children: row.kindLabel || "未填写" },
        ]),
    { key: "evidence", label: "佐证材料", children: `${row.evidenceCount} 份` },
    {
      key: "relapse",
      label: "反弹次数",
      children: row.relapseCount ? <Typography.Text type="danger">{row.relapseCount} 次</Typography.Text> : "0 次",
    },
    ...(row.closeRequestedAt ? [{ key: "asked", label: "申请销号时间", children: fmtDateTime(row.closeRequestedAt) }] : []),
    ...(row.closedAt ? [{ key: "closed", label: "销号时间", children: fmtDateTime(row.closedAt) }] : []),
    { key: "updated", label: "最近更新", children: fmtDate(row.updatedAt) },
  ];
  return <Descriptions size="small" bordered column={2} items={items} styles={{ label: { width: 120, whiteSpace: "nowrap" } }} />;
}
