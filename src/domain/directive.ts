import { z } from "zod";
import { isoDate } from "./calendar.ts";

/**
 * Directives (点人点事) from the secretary's meeting (书记专题会): a person or a matter the secretary names,
 * with the organisation concerned, the action wanted, an owner and a due date. The owner reports it done
 * with evidence; the office confirms (closes) it or returns it with a reason. Tracked like ledger rows.
 */
export const DIRECTIVE_KINDS = ["person", "matter"] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const DIRECTIVE_KIND_LABELS: Record<DirectiveKind, string> = {
  person: "点人",
  matter: "点事",
};

export const DIRECTIVE_STATUSES = ["open", "reported", "closed"] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];
export const DIRECTIVE_STATUS_LABELS: Record<DirectiveStatus, string> = {
  open: "办理中",
  reported: "已报办结",
  closed: "已办结",
};

/** What a user may do to a directive, computed by the server's policy and sent with each record. */
export interface DirectiveAbilities {
  report: boolean;
  close: boolean;
  return: boolean;
}

export const isDirectiveOverdue = (d: { status: string; dueDate: string | null }, today: string): boolean =>
  d.status !== "closed" && d.dueDate !== null && d.dueDate < today;

export interface DirectiveFigures {
  total: number;
  done: number;
  notDone: number;
  overdue: number;
  /** done ÷ total; null when there are none. */
  doneRate: number | null;
}

export function directiveFigures(items: Iterable<{ status: string; dueDate: string | null }>, today: string): DirectiveFigures {
  let total = 0;
  let done = 0;
  let overdue = 0;
  for (const d of items) {
    total++;
    if (d.status === "closed") done++;
    if (isDirectiveOverdue(d, today)) overdue++;
  }
  return { total, done, notDone: total - done, overdue, doneRate: total ? done / total : null };
}

export const meetingInputSchema = z.object({
  heldOn: isoDate,
  title: z.string().trim().min(1, "请填写会议名称").max(200, "会议名称不超过200字"),
  notes: z.string().trim().max(4000, "备注不超过4000字").nullish(),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const directiveInputSchema = z.object({
  meetingId: z.uuid({ error: "请选择书记专题会" }),
  kind: z.enum(DIRECTIVE_KINDS, { error: "请选择点人或点事" }),
  target: z.string().trim().min(1, "请填写所点的人或事").max(500, "所点的人或事不超过500字"),
  orgId: z.uuid({ error: "单位无效" }).nullish(),
  action: z.string().trim().min(1, "请填写办理要求").max(4000, "办理要求不超过4000字"),
  owner: z.string().trim().min(1, "请填写责任单位或责任人").max(200, "责任单位或责任人不超过200字"),
  ownerUserId: z.uuid({ error: "办理账号无效" }).nullish(),
  dueDate: isoDate.nullish(),
});
export type DirectiveInput = z.infer<typeof directiveInputSchema>;

export const directiveReportSchema = z.object({
  report: z.string({ error: "请填写办理情况" }).trim().min(1, "请填写办理情况").max(4000, "办理情况不超过4000字"),
  version: z.number({ error: "缺少版本号" }).int().min(1),
});
export const directiveCloseSchema = z.object({ version: z.number({ error: "缺少版本号" }).int().min(1) });
export const directiveReturnSchema = z.object({
  reason: z.string({ error: "请填写退回理由" }).trim().min(1, "请填写退回理由").max(1000, "退回理由不超过1000字"),
  version: z.number({ error: "缺少版本号" }).int().min(1),
});
