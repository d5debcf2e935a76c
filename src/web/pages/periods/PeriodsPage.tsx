/**
 * 集中整改期: per assignment, the rectification meeting, the progress report and the dual disclosure, each tagged
 * 按时 / 逾期完成 / 未完成 / 进行中; a second tab lists the organisations that fell short (the office's list).
 */
import { Alert, Button, Card, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { PERIOD_ITEM_LABELS, PERIOD_ITEM_STATE_LABELS, type PeriodItem, type PeriodItemState } from "../../../domain/period.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { PeriodFormModal } from "./PeriodFormModal.tsx";
import type { Period } from "./types.ts";

const STATE_COLORS: Record<PeriodItemState, string> = {
  done: "success",
  late: "warning",
  missing: "error",
  pending: "processing",
};

function ItemCell({ p, item, date, extra }: { p: Period; item: PeriodItem; date: string | null; extra?: ReactNode }) {
  const state = p.states[item];
  return (
    <Space direction="vertical" size={2}>
      <Tag color={STATE_COLORS[state]}>{PERIOD_ITEM_STATE_LABELS[state]}</Tag>
      {date && <Typography.Text type="secondary">{fmtDate(date)}</Typography.Text>}
      {extra}
    </Space>
  );
}

export default function PeriodsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "missing" ? "missing" : "all";
  const [roundId, setRoundId] = useState<string | undefined>();
  const [editing, setEditing] = useState<Period | null>(null);
  const all = useGet<{ items: Period[] }>("/api/periods");

  const items = useMemo(() => all.data?.items ?? [], [all.data]);
  const rounds = useMemo(() => [...new Map(items.map((p) => [p.roundId, p.roundName])).entries()], [items]);
  const shown = items.filter((p) => !roundId || p.roundId === roundId);
  const missing = shown.filter((p) => p.missing.length > 0);

  const period: ColumnsType<Period>[number] = {
    title: "集中整改期",
    key: "period",
    width: 130,
    render: (_, p) => (
      <Space direction="vertical" size={0}>
        <span>{fmtDate(p.start)}</span>
        <span>至 {fmtDate(p.end)}</span>
        {!p.ended && <Typography.Text type="secondary">进行中</Typography.Text>}
      </Space>
    ),
  };
  const org: ColumnsType<Period> = [
    { title: "被巡察单位", dataIndex: "orgName", width: 200 },
    { title: "巡察轮次", dataIndex: "roundName", width: 140 },
    period,
  ];
  const action: ColumnsType<Period>[number] = {
    title: "操作",
    key: "action",
    width: 80,
    render: (_, p) =>
      p.can.edit && (
        <Button type="link" size="small" onClick={() => setEditing(p)}>
          登记
        </Button>
      ),
  };

  const columns: ColumnsType<Period> = [
    ...org,
    {
      title: PERIOD_ITEM_LABELS.meeting,
      key: "meeting",
      render: (_, p) => (
        <ItemCell
          p={p}
          item="meeting"
          date={p.meetingDate}
          extra={
            (p.commissionAbsent || p.orgDeptAbsent) && (
              <Space size={2} wrap>
                {p.commissionAbsent && <Tag color="volcano">纪委监委未列席</Tag>}
                {p.orgDeptAbsent && <Tag color="volcano">组织部未列席</Tag>}
              </Space>
            )
          }
        />
      ),
    },
    {
      title: PERIOD_ITEM_LABELS.progressReport,
      key: "progressReport",
      render: (_, p) => (
        <Tooltip title={p.progressReportNote}>
          <span>
            <ItemCell p={p} item="progressReport" date={p.progressReportDate} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: PERIOD_ITEM_LABELS.internalNotice,
      key: "internalNotice",
      render: (_, p) => <ItemCell p={p} item="internalNotice" date={p.internalNoticeDate} />,
    },
    {
      title: PERIOD_ITEM_LABELS.publicAnnouncement,
      key: "publicAnnouncement",
      render: (_, p) => (
        <ItemCell
          p={p}
          item="publicAnnouncement"
          date={p.publicAnnouncementDate}
          extra={p.publicAnnouncementPlace && <Typography.Text type="secondary">{p.publicAnnouncementPlace}</Typography.Text>}
        />
      ),
    },
    action,
  ];

  const missingColumns: ColumnsType<Period> = [
    ...org,
    {
      title: "未按要求完成的事项",
      key: "missing",
      render: (_, p) => (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {p.missing.map((m) => (
            <li key={m}>
              <Typography.Text type={m.startsWith("未") ? "danger" : "warning"}>{m}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    action,
  ];

  const table = (data: Period[], cols: ColumnsType<Period>, empty: string) => (
    <Table<Period>
      rowKey="assignmentId"
      size="middle"
      loading={all.loading}
      dataSource={data}
      columns={cols}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
      scroll={{ x: 1000 }}
    />
  );

  return (
    <Card
      title="集中整改期"
      extra={
        <Space>
          <Select
            allowClear
            placeholder="全部轮次"
            style={{ width: 220 }}
            value={roundId}
            options={rounds.map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => setRoundId(v)}
          />
          <ExportButton<Period>
            title={tab === "missing" ? "集中整改期未按要求完成的单位" : "集中整改期"}
            rows={tab === "missing" ? missing : shown}
            columns={[
              { title: "被巡察单位", key: "orgName" },
              { title: "巡察轮次", key: "roundName" },
              { title: "反馈日期", key: "feedbackDate" },
              { title: "整改期开始", key: "start" },
              { title: "整改期结束", key: "end" },
              { title: PERIOD_ITEM_LABELS.meeting, key: "meetingDate" },
              { title: "纪委监委列席", key: "commissionAttended" },
              { title: "组织部列席", key: "orgDeptAttended" },
              { title: PERIOD_ITEM_LABELS.progressReport, key: "progressReportDate" },
              { title: PERIOD_ITEM_LABELS.internalNotice, key: "internalNoticeDate" },
              { title: PERIOD_ITEM_LABELS.publicAnnouncement, key: "publicAnnouncementDate" },
              { title: "公开方式（地点）", key: "publicAnnouncementPlace" },
              { title: "未按要求完成的事项", key: "missing" },
            ]}
          />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "missing" ? { tab: "missing" } : {}, { replace: true })}
        items={[
          {
            key: "all",
            label: "各单位情况",
            children: table(shown, columns, "暂无已反馈的巡察任务"),
          },
          {
            key: "missing",
            label: `未按要求完成的单位${missing.length ? `（${missing.length}）` : ""}`,
            children: (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Alert
                  type="info"
                  showIcon
                  message="整改期内须召开整改专题民主生活会（纪委监委、组织部列席），期满报告整改进展，并在党内通报、向社会公开。以下单位有未完成、逾期完成或未列席的情况。"
                />
                {table(missing, missingColumns, "各单位均按要求完成")}
              </Space>
            ),
          },
        ]}
      />
      <PeriodFormModal
        period={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          all.reload();
        }}
      />
    </Card>
  );
}
