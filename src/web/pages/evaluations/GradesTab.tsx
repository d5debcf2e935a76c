/** 整改评估: each organisation's metrics, the suggested grade, the confirmed grade, and a chart of the grades. */
import { Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { EChartsOption } from "echarts";
import { useMemo, useState } from "react";
import { GRADE_LABELS, GRADES, type Grade } from "../../../domain/evaluation.ts";
import { withQuery } from "../../api.ts";
import { Chart } from "../../components/Chart.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { percent } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { ConfirmEvaluationModal } from "./ConfirmEvaluationModal.tsx";
import type { Evaluation } from "./types.ts";

const GRADE_COLORS: Record<Grade, string> = { good: "green", fair: "gold", poor: "red" };

function gradeOption(items: Evaluation[]): EChartsOption {
  const count = (pick: (e: Evaluation) => Grade | undefined) => GRADES.map((g) => items.filter((e) => pick(e) === g).length);
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: ["建议等次", "确定等次"] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: GRADES.map((g) => GRADE_LABELS[g]) },
    yAxis: { type: "value", name: "单位数", minInterval: 1 },
    series: [
      {
        name: "建议等次",
        type: "bar",
        barMaxWidth: 32,
        color: "#bfbfbf",
        label: { show: true, position: "top" },
        data: count((e) => e.suggestedGrade),
      },
      {
        name: "确定等次",
        type: "bar",
        barMaxWidth: 32,
        label: { show: true, position: "top" },
        color: "#1677ff",
        data: count((e) => e.evaluation?.grade),
      },
    ],
  };
}

const ratio = (part: number, whole: number, rate: number | null) => (
  <Tooltip title={`${part} / ${whole}`}>
    <span>{percent(rate)}</span>
  </Tooltip>
);

export function GradesTab({ roundId }: { roundId: string | undefined }) {
  const list = useGet<{ items: Evaluation[] }>(withQuery("/api/evaluations", { roundId }));
  const [confirming, setConfirming] = useState<Evaluation | null>(null);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const option = useMemo(() => gradeOption(items), [items]);
  const confirmed = items.filter((e) => e.evaluation).length;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        size="small"
        title={`评估等次分布（已确定 ${confirmed} / ${items.length} 个单位）`}
        extra={
          <ExportButton<Evaluation>
            title="整改评估"
            rows={items}
            columns={[
              { title: "被巡察单位", key: "orgName" },
              { title: "巡察轮次", key: "roundName" },
              { title: "反馈日期", key: "feedbackDate" },
              { title: "整改期结束", key: "periodEnd" },
              { title: "台账条目", key: "metrics.rows" },
              { title: "已销号", key: "metrics.closed" },
              { title: "完成率", text: (e) => percent(e.metrics.completionRate) },
              { title: "按时完成率", text: (e) => percent(e.metrics.onTimeRate) },
              { title: "佐证完备率", text: (e) => percent(e.metrics.evidenceRate) },
              { title: "反弹", key: "metrics.relapses" },
              { title: "点人点事", key: "metrics.directives" },
              { title: "点人点事办结", key: "metrics.directivesDone" },
              { title: "建议等次", key: "suggestedGradeLabel" },
              { title: "确定等次", key: "evaluation.gradeLabel" },
              { title: "确定理由", key: "evaluation.reason" },
              { title: "确定日期", key: "evaluation.evaluatedOn" },
            ]}
          />
        }
      >
        {items.length ? <Chart option={option} height={220} /> : <Empty description="暂无已反馈的巡察任务" />}
      </Card>
      <Table<Evaluation>
        rowKey="assignmentId"
        size="middle"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: "暂无已反馈的巡察任务" }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: "被巡察单位", dataIndex: "orgName", width: 160 },
          { title: "巡察轮次", dataIndex: "roundName", width: 120 },
          {
            title: "整改期",
            key: "period",
            width: 120,
            render: (_, e) => (
              <Space direction="vertical" size={0}>
                <span>至 {e.periodEnd}</span>
                {!e.periodEnded && <Tag color="processing">未结束</Tag>}
              </Space>
            ),
          },
          { title: "台账条目", key: "rows", width: 90, render: (_, e) => e.metrics.rows },
          {
            title: "完成率",
            key: "completion",
            width: 90,
            render: (_, e) => ratio(e.metrics.closed, e.metrics.rows, e.metrics.completionRate),
          },
          {
            title: "按时完成率",
            key: "onTime",
            width: 100,
            render: (_, e) => ratio(e.metrics.onTime, e.metrics.withDeadline, e.metrics.onTimeRate),
          },
          {
            title: "佐证完备率",
            key: "evidence",
            width: 100,
            render: (_, e) => ratio(e.metrics.closedWithEvidence, e.metrics.closed, e.metrics.evidenceRate),
          },
          {
            title: "反弹",
            key: "relapses",
            width: 70,
            render: (_, e) => (e.metrics.relapses ? <Typography.Text type="danger">{e.metrics.relapses}</Typography.Text> : 0),
          },
          {
            title: "点人点事办结",
            key: "directives",
            width: 110,
            render: (_, e) =>
              e.metrics.directives ? (
                `${e.metrics.directivesDone} / ${e.metrics.directives}`
              ) : (
                <Typography.Text type="secondary">无</Typography.Text>
              ),
          },
          {
            title: "建议等次",
            key: "suggested",
            width: 90,
            render: (_, e) => <Tag color={GRADE_COLORS[e.suggestedGrade]}>{e.suggestedGradeLabel}</Tag>,
          },
          {
            title: "确定等次",
            key: "grade",
            width: 150,
            render: (_, e) =>
              e.evaluation ? (
                <Space direction="vertical" size={0}>
                  <Tooltip title={e.evaluation.reason ? `理由：${e.evaluation.reason}` : undefined}>
                    <Tag color={GRADE_COLORS[e.evaluation.grade]}>
                      {e.evaluation.gradeLabel}
                      {e.evaluation.reason ? "（有理由）" : ""}
                    </Tag>
                  </Tooltip>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.evaluation.evaluatedOn} {e.evaluation.evaluatedBy ?? ""}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">未确定</Typography.Text>
              ),
          },
          {
            title: "操作",
            key: "action",
            width: 90,
            render: (_, e) =>
              e.can.confirm && (
                <Button type="link" size="small" onClick={() => setConfirming(e)}>
                  {e.evaluation ? "重新确定" : "确定等次"}
                </Button>
              ),
          },
        ]}
      />
      <ConfirmEvaluationModal
        target={confirming}
        onClose={() => setConfirming(null)}
        onSaved={() => {
          setConfirming(null);
          list.reload();
        }}
      />
    </Space>
  );
}
