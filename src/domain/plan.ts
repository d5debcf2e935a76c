import { z } from "zod";
import { isoDate, type WorkCalendar } from "./calendar.ts";

/**
 * Rectification plans (整改方案): after feedback the organisation submits its plan, one entry per ledger row, within
 * the set number of working days of the feedback date. The office reviews it (the commission and the organisation
 * department add opinions) and approves it or returns it with comments. Every submission is kept as a plan version.
 */
export const PLAN_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** In lists, an assignment with feedback but no plan yet shows as not started. */
export const PLAN_LIST_STATUSES = ["not_started", ...PLAN_STATUSES] as const;
export type PlanListStatus = (typeof PLAN_LIST_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanListStatus, string> = {
  not_started: "未编制",
  draft: "编制中",
  submitted: "已报送待审核",
  returned: "已退回修改",
  approved: "已审核通过",
};

export const PLAN_DECISIONS = ["returned", "approved"] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];
export const PLAN_DECISION_LABELS: Record<PlanDecision | "pending", string> = {
  pending: "审核中",
  returned: "退回修改",
  approved: "审核通过",
};

export const OPINION_ROLES = ["office", "commission", "org_dept"] as const;
export type OpinionRole = (typeof OPINION_ROLES)[number];
export const OPINION_ROLE_LABELS: Record<OpinionRole, string> = {
  office: "巡察办",
  commission: "纪委监委",
  org_dept: "组织部",
};

/** The fields of an entry the organisation fills in; the rest of an entry identifies and shows its ledger row. */
export const PLAN_ENTRY_FIELDS = ["measures", "responsibleLeader", "responsibleDepartment", "deadline"] as const;
export type PlanEntryField = (typeof PLAN_ENTRY_FIELDS)[number];
export const PLAN_ENTRY_FIELD_LABELS: Record<PlanEntryField, string> = {
  measures: "整改措施",
  responsibleLeader: "责任领导",
  responsibleDepartment: "责任部门",
  deadline: "完成时限",
};

/** One line of a plan per ledger row (方案条目), as stored in the draft and in each version (jsonb). */
export const planEntrySchema = z.object({
  rowId: z.string(),
  seqLabel: z.string(),
  problemText: z.string(),
  rowText: z.string(),
  measures: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  responsibleDepartment: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;
export const planEntriesSchema = z.array(planEntrySchema);

/** What a user may do to a plan, computed by the server's policy and sent with each plan. */
export interface PlanAbilities {
  create: boolean;
  edit: boolean;
  submit: boolean;
  addOpinion: boolean;
  approve: boolean;
  return: boolean;
}

/** The plan is due this many working days after the feedback date. */
export const planDueDate = (cal: WorkCalendar, feedbackDate: string, workingDays: number): string =>
  cal.addWorkingDays(feedbackDate, workingDays);

/** Late: no acceptable plan in by the due date — not started, still a draft, or returned — and the day has passed. */
export function isPlanOverdue(p: { status: PlanListStatus; dueDate: string | null }, today: string): boolean {
  return p.status !== "submitted" && p.status !== "approved" && p.dueDate !== null && p.dueDate < today;
}

/** A ledger row as the plan sees it: what identifies and shows it, and what pre-fills its entry. */
export interface PlanRow {
  id: string;
  seqLabel: string;
  problemText: string | null;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
}

export const entryFromRow = (r: PlanRow): PlanEntry => ({
  rowId: r.id,
  seqLabel: r.seqLabel,
  problemText: r.problemText ?? "",
  rowText: r.text,
  measures: r.measures,
  responsibleLeader: r.responsibleLeader,
  responsibleDepartment: r.responsibleDepartment,
  deadline: r.deadline,
});

/**
 * The draft brought in line with the assignment's live rows, in their (feedback) order: an entry is kept with what
 * was written in it, a row without an entry gets one pre-filled from the row, an entry whose row is gone is dropped.
 */
export function syncEntries(draft: readonly PlanEntry[], rows: readonly PlanRow[]): PlanEntry[] {
  const byRow = new Map(draft.map((e) => [e.rowId, e]));
  return rows.map((r) => {
    const kept = byRow.get(r.id);
    return kept ? { ...kept, seqLabel: r.seqLabel, problemText: r.problemText ?? "", rowText: r.text } : entryFromRow(r);
  });
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === "";

/** Entries that cannot be submitted yet, with the labels of the fields they lack. */
export function missingFields(entries: readonly PlanEntry[]): Array<{ rowId: string; seqLabel: string; missing: string[] }> {
  return entries
    .map((e) => ({
      rowId: e.rowId,
      seqLabel: e.seqLabel,
      missing: PLAN_ENTRY_FIELDS.filter((f) => blank(e[f])).map((f) => PLAN_ENTRY_FIELD_LABELS[f]),
    }))
    .filter((x) => x.missing.length > 0);
}

export interface FieldChange {
  field: PlanEntryField;
  label: string;
  from: string | null;
  to: string | null;
}

export interface EntryComparison {
  rowId: string;
  seqLabel: string;
  problemText: string;
  rowText: string;
  before: Pick<PlanEntry, PlanEntryField>;
  after: Pick<PlanEntry, PlanEntryField>;
  /** Only the fields that differ. */
  changes: FieldChange[];
}

export interface PlanComparison {
  summary: { from: string | null; to: string | null; changed: boolean };
  /** Entries present in both, in the order of the later one. */
  entries: EntryComparison[];
  changedEntries: number;
  added: PlanEntry[];
  removed: PlanEntry[];
}

const norm = (v: string | null | undefined): string | null => (blank(v) ? null : v!.trim());
const fieldsOf = (e: PlanEntry): Pick<PlanEntry, PlanEntryField> => ({
  measures: e.measures,
  responsibleLeader: e.responsibleLeader,
  responsibleDepartment: e.responsibleDepartment,
  deadline: e.deadline,
});

/** Field by field, entry by entry (matched on the ledger row), what changed from one plan text to another. */
export function comparePlans(
  from: { summary: string | null; entries: readonly PlanEntry[] },
  to: { summary: string | null; entries: readonly PlanEntry[] },
): PlanComparison {
  const before = new Map(from.entries.map((e) => [e.rowId, e]));
  const after = new Set(to.entries.map((e) => e.rowId));
  const entries: EntryComparison[] = [];
  const added: PlanEntry[] = [];
  for (const e of to.entries) {
    const old = before.get(e.rowId);
    if (!old) {
      added.push(e);
      continue;
    }
    const changes = PLAN_ENTRY_FIELDS.filter((f) => norm(old[f]) !== norm(e[f])).map((f) => ({
      field: f,
      label: PLAN_ENTRY_FIELD_LABELS[f],
      from: norm(old[f]),
      to: norm(e[f]),
    }));
    entries.push({
      rowId: e.rowId,
      seqLabel: e.seqLabel,
      problemText: e.problemText,
      rowText: e.rowText,
      before: fieldsOf(old),
      after: fieldsOf(e),
      changes,
    });
  }
  return {
    summary: { from: norm(from.summary), to: norm(to.summary), changed: norm(from.summary) !== norm(to.summary) },
    entries,
    changedEntries: entries.filter((e) => e.changes.length > 0).length,
    added,
    removed: from.entries.filter((e) => !after.has(e.rowId)),
  };
}

/** 编辑草稿: the summary and, per ledger row, the fields to set (a field left out stays as it is). */
const optionalText = (max: number, what: string) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .max(max, `${what}不超过${max}字`)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v === null || v === "" ? null : v));

export const planEntryInputSchema = z.object({
  rowId: z.uuid({ error: "台账条目编号无效" }),
  measures: optionalText(4000, "整改措施"),
  responsibleLeader: optionalText(60, "责任领导"),
  responsibleDepartment: optionalText(100, "责任部门"),
  deadline: isoDate.nullish(),
});
export type PlanEntryInput = z.infer<typeof planEntryInputSchema>;

const version = z.number({ error: "缺少版本号" }).int().min(1, "版本号无效");

export const planUpdateSchema = z.object({
  version,
  summary: optionalText(4000, "方案说明"),
  entries: z
    .array(planEntryInputSchema)
    .max(5000, "条目过多")
    .refine((list) => new Set(list.map((e) => e.rowId)).size === list.length, { error: "同一台账条目不能重复出现" })
    .optional(),
});
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

export const planSubmitSchema = z.object({ version: version.optional() });
export const planOpinionSchema = z.object({
  text: z.string({ error: "请填写意见" }).trim().min(1, "请填写意见").max(4000, "意见不超过4000字"),
});
export const planApproveSchema = z.object({
  comment: z.string().trim().max(2000, "审核意见不超过2000字").nullish(),
  version: version.optional(),
});
export const planReturnSchema = z.object({
  comment: z.string({ error: "请填写退回意见" }).trim().min(1, "请填写退回意见").max(2000, "退回意见不超过2000字"),
  version: version.optional(),
});
