import { z } from "zod";
import { isoDate } from "./calendar.ts";

/**
 * The rectification ledger: a row is registered at feedback, filled by the organisation, and closed
 * out (销号) by the office only on checked evidence. Status is the close-out workflow; progress is
 * what the organisation reports.
 */
/** Where a fix-alike campaign's self-check row (no feedback aspect) is filed in the lists. */
export const CAMPAIGN_ASPECT_TITLE = "同类同改自查";

export const LEDGER_STATUSES = ["open", "close_requested", "closed"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
  open: "整改中",
  close_requested: "待销号",
  closed: "已销号",
};

export const PROGRESS_STATES = ["not_started", "in_progress", "done", "significant_progress", "ongoing"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
export const PROGRESS_LABELS: Record<ProgressState, string> = {
  not_started: "未启动",
  in_progress: "推进中",
  done: "已完成",
  significant_progress: "取得明显成效",
  ongoing: "持续推进",
};

export const RECTIFICATION_KINDS = ["immediate", "by_deadline", "long_term"] as const;
export type RectificationKind = (typeof RECTIFICATION_KINDS)[number];
export const RECTIFICATION_KIND_LABELS: Record<RectificationKind, string> = {
  immediate: "立行立改",
  by_deadline: "限期整改",
  long_term: "长期整改",
};

/** What a user may do to a ledger row, computed by the server's policy and sent with each row. */
export interface LedgerAbilities {
  view: boolean;
  fill: boolean;
  addNote: boolean;
  addEvidence: boolean;
  requestCloseout: boolean;
  close: boolean;
  return: boolean;
  reopen: boolean;
}

export interface RowForFigures {
  status: LedgerStatus;
  progress: ProgressState;
  deadline: string | null;
}

export const isOverdue = (r: Pick<RowForFigures, "status" | "deadline">, today: string): boolean =>
  r.status !== "closed" && r.deadline !== null && r.deadline < today;

export interface LedgerFigures {
  total: number;
  byStatus: Record<LedgerStatus, number>;
  byProgress: Record<ProgressState, number>;
  overdue: number;
  /** Closed out on checked evidence: only these count as done in published figures. */
  done: number;
  /** Not yet closed, reported as significant progress. */
  significantProgress: number;
  /** Not closed and not significant progress. */
  ongoing: number;
  /** done ÷ total, and (done + significant progress) ÷ total; null when there are no rows. */
  doneRate: number | null;
  doneOrSignificantRate: number | null;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function computeFigures(rows: Iterable<RowForFigures>, today: string): LedgerFigures {
  const groups: FigureGroup[] = [];
  for (const r of rows) groups.push({ status: r.status, progress: r.progress, overdue: isOverdue(r, today), n: 1 });
  return figuresFromGroups(groups);
}

/** Counts grouped by (status, progress, overdue), as a GROUP BY query returns them. */
export interface FigureGroup {
  status: LedgerStatus;
  progress: ProgressState;
  overdue: boolean;
  n: number;
}

export function figuresFromGroups(groups: Iterable<FigureGroup>): LedgerFigures {
  const byStatus = zeros(LEDGER_STATUSES);
  const byProgress = zeros(PROGRESS_STATES);
  let total = 0;
  let overdue = 0;
  let significantProgress = 0;
  for (const g of groups) {
    total += g.n;
    byStatus[g.status] += g.n;
    byProgress[g.progress] += g.n;
    if (g.overdue) overdue += g.n;
    if (g.status !== "closed" && g.progress === "significant_progress") significantProgress += g.n;
  }
  const done = byStatus.closed;
  return {
    total,
    byStatus,
    byProgress,
    overdue,
    done,
    significantProgress,
    ongoing: total - done - significantProgress,
    doneRate: total ? done / total : null,
    doneOrSignificantRate: total ? (done + significantProgress) / total : null,
  };
}

/** What the organisation fills in on a row. */

export const ledgerFillSchema = z.object({
  version: z.number().int().min(1),
  measures: z.string().trim().max(4000).nullish(),
  responsibleLeader: z.string().trim().max(60).nullish(),
  responsibleDepartment: z.string().trim().max(100).nullish(),
  deadline: isoDate.nullish(),
  kind: z.enum(RECTIFICATION_KINDS, { error: "整改类型无效" }).nullish(),
  progress: z.enum(PROGRESS_STATES, { error: "整改进展无效" }).optional(),
});
export type LedgerFill = z.infer<typeof ledgerFillSchema>;

export const LEDGER_BATCH_ACTIONS = ["request_closeout", "close", "return", "set"] as const;
export type LedgerBatchAction = (typeof LEDGER_BATCH_ACTIONS)[number];
export const LEDGER_BATCH_ACTION_LABELS: Record<LedgerBatchAction, string> = {
  request_closeout: "申请销号",
  close: "销号",
  return: "退回",
  set: "批量设置",
};

/** 批量设置: the fields set on every row of a batch (at least one); the same rule as filling one row. */
export const ledgerBatchFieldsSchema = z
  .object({
    deadline: isoDate.optional(),
    responsibleLeader: z.string().trim().min(1, "请填写责任领导").max(60, "责任领导不超过 60 字").optional(),
    responsibleDepartment: z.string().trim().min(1, "请填写责任部门").max(100, "责任部门不超过 100 字").optional(),
  })
  .refine((f) => f.deadline !== undefined || f.responsibleLeader !== undefined || f.responsibleDepartment !== undefined, {
    error: "请至少设置整改时限、责任领导、责任部门中的一项",
  });
export type LedgerBatchFields = z.infer<typeof ledgerBatchFieldsSchema>;
