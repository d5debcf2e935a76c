/** 整改方案: the plans the reader may see, and assignments with feedback whose plan is not started yet. */
import { FormOutlined } from "@ant-design/icons";
import { App, Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { PLAN_LIST_STATUSES, PLAN_STATUS_LABELS } from "../../../domain/plan.ts";
import { api, withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { PLAN_STATUS_COLORS, type PlanDetail, type PlanListItem } from "./types.ts";

const options = (items: PlanListItem[], key: "roundId" | "orgId", label: "roundName" | "orgName") =>
  [...new Map(items.map((i) => [i[key], i[label]])).entries()]
    .map(([value, text]) => ({ value, label: text }))
    .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));

export default function PlansPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const [status, setStatus] = useState<string | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);
  const filtered = Boolean(status || roundId || orgId || overdueOnly);
  // Everything the reader may see: the filters' choices and the counts; the filtered list only when filtering.
  const all = useGet<{ items: PlanListItem[] }>("/api/plans");
  const some = useGet<{ items: PlanListItem[] }>(
    filtered ? withQuery("/api/plans", { status, roundId, orgId, overdue: overdueOnly ? "true" : undefined }) : null,
  );
  const shown = filtered ? some : all;
  const everything = useMemo(() => all.data?.items ?? [], [all.data]);
  const counts = useMemo(() => {
    const by = (s: string) => everything.filter((i) => i.status === s).length;
    return {
      total: everything.length,
      notStarted: by("not_started"),
      submitted: by("submitted"),
      approved: by("approved"),
      overdue: everything.filter((i) => i.overdue).length,
    };
  }, [everything]);

  const create = async (item: PlanListItem) => {
    setCreating(item.assignmentId);
    try {
      const res = await api.post<PlanDetail>(`/api/assignments/${item.assignmentId}/plan`);
      void message.success(`已按反馈问题生成${item.orgName}整改方案草稿`);
      navigate(`/plans/${res.plan.id}`);
    } catch (e) {
      showError(e);
      all.reload();
    } finally {
      setCreating(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap size="large">
          <Typography.Text strong>整改方案 {counts.total} 项</Typography.Text>
          <Typography.Text>未编制 {counts.notStarted}</Typography.Text>
          <Typography.Text>待审核 {counts.submitted}</Typography.Text>
          <Typography.Text>已审核通过 {counts.approved}</Typography.Text>
          <Typography.Text type={counts.overdue ? "danger" : undefined}>逾期未报送 {counts.overdue}</Typography.Text>
        </Space>
      </Card>
      <Card
        size="small"
        title="整改方案清单"
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="巡察轮次"
              style={{ width: 200 }}
              value={roundId}
              onChange={(v) => setRoundId(v ?? null)}
              options={options(everything, "roundId", "roundName")}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="单位"
              style={{ width: 200 }}
              value={orgId}
              onChange={(v) => setOrgId(v ?? null)}
              options={options(everything, "orgId", "orgName")}
            />
            <Select
              allowClear
              placeholder="方案状态"
              style={{ width: 150 }}
              value={status}
              onChange={(v) => setStatus(v ?? null)}
              options={PLAN_LIST_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            />
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
              只看逾期
            </Checkbox>
            <ExportButton<PlanListItem>
              title="整改方案清单"
              rows={shown.data?.items}
              columns={[
                { title: "单位", key: "orgName" },
                { title: "轮次", key: "roundName" },
                { title: "反馈日期", key: "feedbackDate" },
                { title: "报送时限", key: "dueDate" },
                { title: "是否逾期", key: "overdue" },
                { title: "状态", key: "statusLabel" },
                { title: "版本", text: (p) => (p.currentVersion ? `第${p.currentVersion}版` : null) },
                { title: "报送时间", text: (p) => p.submittedAt?.slice(0, 10) ?? null },
                { title: "审核通过时间", text: (p) => p.approvedAt?.slice(0, 10) ?? null },
              ]}
            />
          </Space>
        }
      >
        <Table<PlanListItem>
          rowKey="assignmentId"
          size="middle"
          loading={shown.loading}
          dataSource={shown.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无整改方案" }}
          columns={[
            {
              title: "单位",
              dataIndex: "orgName",
              render: (v: string, p) => (p.id ? <Link to={`/plans/${p.id}`}>{v}</Link> : v),
            },
            { title: "轮次", dataIndex: "roundName" },
            { title: "反馈日期", dataIndex: "feedbackDate", width: 120, render: (v: string | null) => fmtDate(v) },
            {
              title: "报送时限",
              dataIndex: "dueDate",
              width: 160,
              render: (v: string | null, p) => (
                <Space size={4}>
                  <span style={{ whiteSpace: "nowrap" }}>{fmtDate(v)}</span>
                  {p.overdue && (
                    <Tag color="red" bordered={false}>
                      逾期
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: "状态",
              dataIndex: "statusLabel",
              width: 130,
              render: (v: string, p) => <Tag color={PLAN_STATUS_COLORS[p.status]}>{v}</Tag>,
            },
            {
              title: "版本",
              dataIndex: "currentVersion",
              width: 90,
              render: (v: number) => (v ? `第${v}版` : "—"),
            },
            {
              title: "操作",
              key: "actions",
              width: 130,
              render: (_, p) =>
                p.id ? (
                  <Link to={`/plans/${p.id}`}>查看</Link>
                ) : (
                  p.can.create && (
                    <Button
                      type="primary"
                      size="small"
                      icon={<FormOutlined />}
                      loading={creating === p.assignmentId}
                      onClick={() => void create(p)}
                    >
                      编制方案
                    </Button>
                  )
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
