/** Status and progress of a ledger row as the badges office users know. */
import { Badge, Space, Tag, Typography, type BadgeProps } from "antd";
import type { LedgerStatus, ProgressState } from "../../../domain/ledger.ts";
import { fmtDate } from "../../components/format.ts";

const STATUS_BADGES: Record<LedgerStatus, NonNullable<BadgeProps["status"]>> = {
  open: "processing",
  close_requested: "warning",
  closed: "success",
};

const PROGRESS_COLORS: Record<ProgressState, string> = {
  not_started: "default",
  in_progress: "blue",
  done: "green",
  significant_progress: "cyan",
  ongoing: "geekblue",
};

export function StatusBadge({ status, label }: { status: LedgerStatus; label: string }) {
  return <Badge status={STATUS_BADGES[status] ?? "default"} text={label} />;
}

export function ProgressTag({ progress, label }: { progress: ProgressState; label: string }) {
  return (
    <Tag color={PROGRESS_COLORS[progress] ?? "default"} bordered={false}>
      {label}
    </Tag>
  );
}

/** 整改时限, red with a 逾期 tag when the row is overdue. */
export function DeadlineText({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  if (!deadline) return <Typography.Text type="secondary">未填写</Typography.Text>;
  if (!overdue) return <span style={{ whiteSpace: "nowrap" }}>{fmtDate(deadline)}</span>;
  return (
    <Space size={4} wrap={false}>
      <Typography.Text type="danger" style={{ whiteSpace: "nowrap" }}>
        {fmtDate(deadline)}
      </Typography.Text>
      <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
        逾期
      </Tag>
    </Space>
  );
}
