/**
 * 问题清单 / 任务清单 / 责任清单: the rows of one assignment or organisation grouped by problem, by measure, or by
 * responsible leader and department (GET /api/ledger/views). Clicking a row opens its drawer, as in the list.
 */
import { Alert, Collapse, Empty, Space, Spin, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { withQuery } from "../../api.ts";
import { useGet } from "../../components/useGet.ts";
import { DeadlineText, ProgressTag, StatusBadge } from "./badges.tsx";
import type { LedgerFilters, LedgerRow } from "./types.ts";

export type LedgerViewKind = "problems" | "tasks" | "responsibilities";

interface ViewsData {
  total: number;
  truncated: boolean;
  problems: Array<{
    problemId: string;
    aspectTitle: string;
    problemSeq: number;
    problemText: string;
    orgName: string;
    rows: LedgerRow[];
  }>;
  tasks: Array<{ measure: string; rows: LedgerRow[] }>;
  responsibilities: Array<{
    leader: string | null;
    department: string | null;
    rows: LedgerRow[];
    counts: { total: number; closed: number; overdue: number };
  }>;
}

const text = (v: string | null, lines = 2) =>
  v ? (
    <Typography.Paragraph ellipsis={{ rows: lines, tooltip: v }} style={{ marginBottom: 0 }}>
      {v}
    </Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">未填写</Typography.Text>
  );

const seqCol = { title: "序号", dataIndex: "seqLabel", width: 64 };
const textCol = { title: "问题", dataIndex: "text", render: (v: string) => text(v) };
const measuresCol = { title: "整改措施", dataIndex: "measures", width: 240, render: (v: string | null) => text(v) };
const leaderCol = { title: "责任领导", dataIndex: "responsibleLeader", width: 96, render: (v: string | null) => v || "—" };
const deptCol = { title: "责任部门", dataIndex: "responsibleDepartment", width: 120, render: (v: string | null) => v || "—" };
const tail: ColumnsType<LedgerRow> = [
  {
    title: "整改时限",
    dataIndex: "deadline",
    width: 140,
    render: (v: string | null, r) => <DeadlineText deadline={v} overdue={r.overdue} />,
  },
  {
    title: "进展",
    dataIndex: "progressLabel",
    width: 116,
    render: (v: string, r) => <ProgressTag progress={r.progress} label={v} />,
  },
  {
    title: "状态",
    dataIndex: "statusLabel",
    width: 86,
    render: (v: string, r) => <StatusBadge status={r.status} label={v} />,
  },
];

const COLUMNS: Record<LedgerViewKind, ColumnsType<LedgerRow>> = {
  problems: [seqCol, textCol, measuresCol, leaderCol, deptCol, ...tail],
  tasks: [seqCol, textCol, leaderCol, deptCol, ...tail],
  responsibilities: [seqCol, textCol, measuresCol, ...tail],
};

interface Group {
  key: string;
  label: ReactNode;
  extra: ReactNode;
  rows: LedgerRow[];
}

const count = (n: number) => <Tag>{n} 条</Tag>;

function groupsOf(kind: LedgerViewKind, d: ViewsData): Group[] {
  if (kind === "problems")
    return d.problems.map((p) => ({
      key: p.problemId,
      label: (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.orgName} · {p.aspectTitle}
          </Typography.Text>
          <Typography.Text strong>
            {p.problemSeq}. {p.problemText}
          </Typography.Text>
        </Space>
      ),
      extra: count(p.rows.length),
      rows: p.rows,
    }));
  if (kind === "tasks")
    return d.tasks.map((t, i) => ({
      key: `${i}`,
      label: (
        <Typography.Paragraph strong ellipsis={{ rows: 2, tooltip: t.measure }} style={{ marginBottom: 0 }}>
          {t.measure}
        </Typography.Paragraph>
      ),
      extra: count(t.rows.length),
      rows: t.rows,
    }));
  return d.responsibilities.map((g, i) => ({
    key: `${i}`,
    label: (
      <Typography.Text strong>
        {g.leader ?? "未填写责任领导"} · {g.department ?? "未填写责任部门"}
      </Typography.Text>
    ),
    extra: (
      <Space size={4}>
        {count(g.counts.total)}
        <Tag color="success">已销号 {g.counts.closed}</Tag>
        {g.counts.overdue > 0 && <Tag color="error">逾期 {g.counts.overdue}</Tag>}
      </Space>
    ),
    rows: g.rows,
  }));
}

export function LedgerViews({
  kind,
  filters,
  onOpen,
}: {
  kind: LedgerViewKind;
  filters: LedgerFilters;
  onOpen: (id: string) => void;
}) {
  const { data, loading } = useGet<ViewsData>(withQuery("/api/ledger/views", { ...filters }));
  if (!data) return <Spin spinning={loading}>{loading ? <div style={{ height: 160 }} /> : <Empty />}</Spin>;
  const groups = groupsOf(kind, data);
  return (
    <Spin spinning={loading}>
      {data.truncated && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`条目过多，仅显示前 ${data.total} 条，请缩小筛选范围`}
        />
      )}
      {groups.length ? (
        <Collapse
          key={kind}
          defaultActiveKey={groups.map((g) => g.key)}
          style={{ marginBottom: 16 }}
          items={groups.map((g) => ({
            key: g.key,
            label: g.label,
            extra: g.extra,
            children: (
              <Table<LedgerRow>
                rowKey="id"
                size="small"
                pagination={false}
                columns={COLUMNS[kind]}
                dataSource={g.rows}
                onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: "pointer" } })}
              />
            ),
          }))}
        />
      ) : (
        <Empty description="没有符合条件的台账条目" style={{ marginBottom: 16 }} />
      )}
    </Spin>
  );
}
