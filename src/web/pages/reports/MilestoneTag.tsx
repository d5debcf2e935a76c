/** 按时 / 逾期N天完成 / 已逾期N天 / 未到期, with the due date and the day it was done in the tooltip. */
import { Tag, Tooltip } from "antd";
import type { MilestoneState } from "../../../domain/report.ts";
import { fmtDate } from "../../components/format.ts";
import type { Milestone } from "./types.ts";

const COLORS: Record<MilestoneState, string> = { on_time: "success", late: "warning", overdue: "error", pending: "default" };

export function MilestoneTag({ milestone: m }: { milestone: Milestone }) {
  const when = m.doneOn ? `，完成于 ${fmtDate(m.doneOn)}` : "，尚未完成";
  return (
    <Tooltip title={`时限 ${fmtDate(m.due)}${when}`}>
      <Tag color={COLORS[m.state]} style={{ marginInlineEnd: 0 }}>
        {m.label}
      </Tag>
    </Tooltip>
  );
}
