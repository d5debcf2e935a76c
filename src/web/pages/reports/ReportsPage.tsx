/**
 * 报告与听取: per assignment with a withdrawal date, the three deadlines counted from it — the team's materials
 * (巡察报告报送), the office's consultation (办组会商) and the leading group's hearing (听取汇报) — with their delays;
 * the team's report editor with its quality indicators; the office records the hearing.
 */
import { Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { MILESTONE_LABELS } from "../../../domain/report.ts";
import { withQuery } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { HearingModal, type HearingTarget } from "./HearingModal.tsx";
import { MilestoneTag } from "./MilestoneTag.tsx";
import { ReportDrawer } from "./ReportDrawer.tsx";
import type { DeadlineItem } from "./types.ts";

export default function ReportsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roundId = params.get("roundId") || undefined;
  const lateOnly = params.get("late") === "true";
  const setQuery = (next: { roundId?: string | undefined; late?: boolean }) => {
    const merged = { roundId, late: lateOnly, ...next };
    const q: Record<string, string> = {};
    if (merged.roundId) q.roundId = merged.roundId;
    if (merged.late) q.late = "true";
    setParams(q, { replace: true });
  };
  const rounds = useGet<{ items: Array<{ id: string; name: string }> }>(me.can.viewRounds ? "/api/rounds" : null);
  const list = useGet<{ items: DeadlineItem[] }>(
    withQuery(roundId ? `/api/rounds/${roundId}/report-deadlines` : "/api/report-deadlines", {
      late: lateOnly ? "true" : undefined,
    }),
  );
  const [reportOf, setReportOf] = useState<string | null>(null);
  const [hearing, setHearing] = useState<HearingTarget | null>(null);
  const items = list.data?.items ?? [];
  const lateCount = items.filter((i) => i.late).length;

  return (
    <Card
      title="报告与听取汇报"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="全部轮次"
            style={{ width: 240 }}
            loading={rounds.loading}
            value={roundId}
            options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            onChange={(v?: string) => setQuery({ roundId: v })}
          />
          <Checkbox checked={lateOnly} onChange={(e) => setQuery({ late: e.target.checked })}>
            只看逾期
          </Checkbox>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        自撤点之日起按自然日计算：巡察组报送材料、巡察办完成办组会商、领导小组听取汇报各有时限（见系统设置）。
        {!lateOnly && items.length > 0 && ` 共 ${items.length} 个巡察任务，其中 ${lateCount} 个存在逾期。`}
      </Typography.Paragraph>
      <Table<DeadlineItem>
        rowKey="assignmentId"
        size="middle"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: lateOnly ? "没有逾期的巡察任务" : "暂无已撤点的巡察任务" }}
        columns={[
          {
            title: "单位",
            dataIndex: "orgName",
            render: (v: string, d) => (
              <Space direction="vertical" size={0}>
                <span>{v}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {roundId ? d.teamName : `${d.roundName} · ${d.teamName}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: "撤点日期", dataIndex: "withdrawalDate", width: 110, render: (v: string) => fmtDate(v) },
          {
            title: MILESTONE_LABELS.materials,
            key: "materials",
            width: 130,
            render: (_, d) => <MilestoneTag milestone={d.materials} />,
          },
          {
            title: MILESTONE_LABELS.consultation,
            key: "consultation",
            width: 130,
            render: (_, d) => <MilestoneTag milestone={d.consultation} />,
          },
          {
            title: MILESTONE_LABELS.hearing,
            key: "hearing",
            width: 130,
            render: (_, d) => <MilestoneTag milestone={d.hearing} />,
          },
          {
            title: "最长逾期",
            dataIndex: "maxDelayDays",
            width: 100,
            align: "right",
            sorter: (a, b) => (a.maxDelayDays ?? 0) - (b.maxDelayDays ?? 0),
            render: (v: number | null) => (v === null ? "—" : <Typography.Text type="danger">{v} 天</Typography.Text>),
          },
          {
            title: "巡察报告",
            dataIndex: "reportStatusLabel",
            width: 100,
            render: (v: string, d) => (
              <Tag color={d.reportStatus === "submitted" ? "success" : d.reportStatus ? "processing" : "default"}>{v}</Tag>
            ),
          },
          {
            title: "操作",
            key: "actions",
            width: 190,
            render: (_, d) => (
              <Space size={0}>
                {d.can.view && (
                  <Button type="link" size="small" onClick={() => setReportOf(d.assignmentId)}>
                    {d.can.save ? "撰写报告" : "查看报告"}
                  </Button>
                )}
                {d.can.recordHearing && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      setHearing({
                        assignmentId: d.assignmentId,
                        orgName: d.orgName,
                        withdrawalDate: d.withdrawalDate,
                        hearingDate: d.hearing.doneOn,
                        hearingDue: d.hearing.due,
                      })
                    }
                  >
                    登记听取汇报
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReportDrawer assignmentId={reportOf} onClose={() => setReportOf(null)} onChanged={list.reload} />
      <HearingModal
        target={hearing}
        onClose={() => setHearing(null)}
        onSaved={() => {
          setHearing(null);
          list.reload();
        }}
      />
    </Card>
  );
}
