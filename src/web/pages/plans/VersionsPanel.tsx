/** 版本记录: every submitted version with the office's decision, and a comparison of any two (or the draft). */
import { SwapRightOutlined } from "@ant-design/icons";
import { Alert, Checkbox, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import type { EntryComparison, PlanEntry, PlanEntryField } from "../../../domain/plan.ts";
import { withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { EntryHeading } from "./PlanEditor.tsx";
import { DECISION_COLORS, type Comparison, type PlanDetail, type PlanVersion } from "./types.ts";

const CHANGED_BG = "#fffbe6";
const shown = (v: string | null): ReactNode => v ?? <Typography.Text type="secondary">（空）</Typography.Text>;

function OldNew({ from, to }: { from: string | null; to: string | null }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text delete type="secondary">
        {from ?? "（空）"}
      </Typography.Text>
      <Space size={4} align="start">
        <SwapRightOutlined style={{ color: "#d48806" }} />
        <Typography.Text strong>{to ?? "（空）"}</Typography.Text>
      </Space>
    </Space>
  );
}

function fieldColumn(title: string, field: PlanEntryField, width?: number) {
  const change = (e: EntryComparison) => e.changes.find((c) => c.field === field);
  return {
    title,
    key: field,
    width,
    onCell: (e: EntryComparison) => (change(e) ? { style: { background: CHANGED_BG } } : {}),
    render: (_: unknown, e: EntryComparison) => {
      const c = change(e);
      return c ? <OldNew from={c.from} to={c.to} /> : shown(e.after[field]);
    },
  };
}

function EntryList({ title, entries, color }: { title: string; entries: PlanEntry[]; color: string }) {
  if (!entries.length) return null;
  return (
    <Alert
      type={color === "green" ? "success" : "error"}
      message={`${title} ${entries.length} 条`}
      description={
        <Space direction="vertical" size={2}>
          {entries.map((e) => (
            <span key={e.rowId}>
              <Tag color={color}>第{e.seqLabel}条</Tag>
              {e.rowText}
            </span>
          ))}
        </Space>
      }
    />
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const [onlyChanged, setOnlyChanged] = useState(true);
  const rows = onlyChanged ? c.entries.filter((e) => e.changes.length) : c.entries;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Text>
          {c.from.label} → {c.to.label}：{c.changedEntries} 条有修改
          {c.added.length ? `，新增 ${c.added.length} 条` : ""}
          {c.removed.length ? `，删除 ${c.removed.length} 条` : ""}
          {c.summary.changed ? "，方案说明有修改" : ""}
        </Typography.Text>
        <Checkbox checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)}>
          只看有修改的条目
        </Checkbox>
      </Space>
      {c.summary.changed && (
        <div style={{ background: CHANGED_BG, padding: 8 }}>
          <Typography.Text strong>方案说明：</Typography.Text>
          <OldNew from={c.summary.from} to={c.summary.to} />
        </div>
      )}
      <Table<EntryComparison>
        rowKey="rowId"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1000 }}
        locale={{ emptyText: onlyChanged ? "两个版本的条目没有修改" : "没有条目" }}
        columns={[
          { title: "问题 / 条目", key: "row", width: 280, render: (_, e) => <EntryHeading e={e} /> },
          fieldColumn("整改措施", "measures"),
          fieldColumn("责任领导", "responsibleLeader", 130),
          fieldColumn("责任部门", "responsibleDepartment", 150),
          fieldColumn("完成时限", "deadline", 140),
        ]}
      />
      <EntryList title="新增条目" entries={c.added} color="green" />
      <EntryList title="删除条目" entries={c.removed} color="red" />
    </Space>
  );
}

export function VersionsPanel({ detail }: { detail: PlanDetail }) {
  const { plan, versions } = detail;
  const editable = plan.status === "draft" || plan.status === "returned";
  const choices = [
    ...(editable ? [{ value: "draft", label: "当前草稿" }] : []),
    ...versions.map((v) => ({ value: String(v.no), label: `第${v.no}版` })),
  ];
  // By default the latest text against the one before it.
  const [from, setFrom] = useState<string | null>(choices[1]?.value ?? null);
  const [to, setTo] = useState<string | null>(choices[0]?.value ?? null);
  const compare = useGet<Comparison>(from && to && from !== to ? withQuery(`/api/plans/${plan.id}/compare`, { from, to }) : null);

  if (!versions.length) return <Empty description="尚未报送，暂无版本" />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Table<PlanVersion>
        rowKey="no"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: "版本", dataIndex: "no", width: 80, render: (v: number) => `第${v}版` },
          { title: "报送时间", dataIndex: "submittedAt", width: 160, render: (v: string) => fmtDateTime(v) },
          { title: "报送人", dataIndex: "submittedByName", width: 120, render: (v: string | null) => v ?? "—" },
          { title: "条目", dataIndex: "entryCount", width: 70 },
          {
            title: "审核结果",
            dataIndex: "decisionLabel",
            width: 110,
            render: (v: string, r) => <Tag color={r.decision ? DECISION_COLORS[r.decision] : "gold"}>{v}</Tag>,
          },
          { title: "审核意见", dataIndex: "comment", render: (v: string | null) => v ?? "—" },
          {
            title: "审核",
            key: "decided",
            width: 220,
            render: (_, r) => (r.decidedAt ? `${r.decidedByName ?? ""} ${fmtDateTime(r.decidedAt)}` : "—"),
          },
        ]}
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text strong>版本比较</Typography.Text>
          <Select style={{ width: 140 }} value={from} onChange={setFrom} options={choices} placeholder="原版本" />
          <SwapRightOutlined />
          <Select style={{ width: 140 }} value={to} onChange={setTo} options={choices} placeholder="新版本" />
        </Space>
        {choices.length < 2 ? (
          <Typography.Text type="secondary">只有一个版本，暂无可比较的内容</Typography.Text>
        ) : from === to ? (
          <Typography.Text type="secondary">请选择两个不同的版本</Typography.Text>
        ) : compare.data && compare.data.from.key === from && compare.data.to.key === to ? (
          <ComparisonView c={compare.data} />
        ) : (
          compare.loading && <Typography.Text type="secondary">正在比较…</Typography.Text>
        )}
      </Space>
    </Space>
  );
}
