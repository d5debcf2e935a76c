/** 时间安排 of a round: its assignments on a time axis, entry → withdrawal, feedback marked, grouped by team. */
import { Empty, Typography } from "antd";
import { useMemo } from "react";
import { Chart } from "../../components/Chart.tsx";
import { todayInChina } from "../../components/format.ts";
import { timelineOption, timelineRows, type TimelineItem } from "./chartOptions.ts";

export function RoundTimeline({ assignments }: { assignments: TimelineItem[] }) {
  const option = useMemo(() => timelineOption(assignments, todayInChina()), [assignments]);
  const rows = timelineRows(assignments);
  const undated = assignments.length - rows;
  if (rows === 0) return <Empty description={assignments.length ? "巡察任务尚未确定进驻日期" : "暂无巡察任务"} />;
  return (
    <>
      <Chart option={option} height={Math.max(240, rows * 30 + 130)} />
      {undated > 0 && <Typography.Text type="secondary">另有 {undated} 个巡察任务尚未确定进驻日期，未列入图中。</Typography.Text>}
    </>
  );
}
