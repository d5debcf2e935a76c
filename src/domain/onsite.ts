/**
 * Before and on site (巡前 · 巡中, LIFECYCLE.md §3): pre-inspection requests (巡前函请) to named departments with
 * a due date and a reply; the team's on-site records (巡察记录); attachments (附件) on either, on findings and on
 * petitions; and backfill (补录): what was entered after the team had left the site.
 */
import { z } from "zod";
import { isoDate } from "./calendar.ts";

/** Departments the seeds write to before an inspection; the form offers them and accepts any other. */
export const PRE_REQUEST_DEPARTMENTS = [
  "纪委监委",
  "组织部",
  "审计局",
  "信访局",
  "公安局",
  "检察院",
  "法院",
  "财政局",
  "统计局",
] as const;

export const preRequestInputSchema = z
  .object({
    department: z.string({ error: "请填写函请部门" }).trim().min(1, "请填写函请部门").max(100, "函请部门不超过100字"),
    subject: z.string({ error: "请填写函请事项" }).trim().min(1, "请填写函请事项").max(1000, "函请事项不超过1000字"),
    sentOn: isoDate,
    dueDate: isoDate,
  })
  .refine((v) => v.dueDate >= v.sentOn, { error: "回复期限不能早于发函日期", path: ["dueDate"] });
export type PreRequestInput = z.infer<typeof preRequestInputSchema>;

export const preRequestReplySchema = z.object({
  replyText: z.string({ error: "请填写回复内容" }).trim().min(1, "请填写回复内容").max(8000, "回复内容不超过8000字"),
  repliedOn: isoDate,
});
export type PreRequestReply = z.infer<typeof preRequestReplySchema>;

/** Overdue: no reply and the due date has passed. */
export const isPreRequestOverdue = (r: { repliedOn: string | null; dueDate: string }, today: string): boolean =>
  r.repliedOn === null && r.dueDate < today;

export const SITE_RECORD_KINDS = ["interview", "appraisal", "survey", "spot_check", "document_review"] as const;
export type SiteRecordKind = (typeof SITE_RECORD_KINDS)[number];
export const SITE_RECORD_KIND_LABELS: Record<SiteRecordKind, string> = {
  interview: "个别谈话",
  appraisal: "民主测评",
  survey: "问卷调查",
  spot_check: "明察暗访",
  document_review: "调阅资料",
};
/** Kinds whose results are counted per answer (label → count). */
export const RESULT_KINDS: readonly SiteRecordKind[] = ["appraisal", "survey"];
/** The usual answers of an appraisal, offered when the form starts a results table. */
export const APPRAISAL_LABELS = ["好", "较好", "一般", "差"] as const;

const resultItem = z.object({
  label: z.string({ error: "请填写结果项" }).trim().min(1, "请填写结果项").max(40, "结果项不超过40字"),
  count: z.number({ error: "请填写人数" }).int("人数应为整数").min(0, "人数不能为负数").max(1_000_000, "人数过大"),
});
export type SiteRecordResult = z.infer<typeof resultItem>;

const siteRecordFields = {
  kind: z.enum(SITE_RECORD_KINDS, { error: "记录类型无效" }),
  heldOn: isoDate,
  subject: z.string({ error: "请填写对象或事项" }).trim().min(1, "请填写对象或事项").max(200, "对象或事项不超过200字"),
  content: z.string({ error: "请填写记录内容" }).trim().min(1, "请填写记录内容").max(20000, "记录内容不超过20000字"),
  results: z.array(resultItem, { error: "结果格式无效" }).max(30, "结果项最多30个").nullish(),
};
export const siteRecordInputSchema = z.object(siteRecordFields);
export type SiteRecordInput = z.infer<typeof siteRecordInputSchema>;
export const siteRecordPatchSchema = z
  .object(siteRecordFields)
  .partial()
  .extend({ version: z.number({ error: "缺少版本号" }).int().min(1) });
export type SiteRecordPatch = z.infer<typeof siteRecordPatchSchema>;

/** What is wrong with a record as it would be saved (Chinese, one per problem). */
export function siteRecordProblems(
  r: { kind: string; heldOn: string; results: readonly SiteRecordResult[] | null },
  today: string,
): string[] {
  const problems: string[] = [];
  if (r.heldOn > today) problems.push("记录日期不能晚于今天");
  if (r.results?.length && !RESULT_KINDS.includes(r.kind as SiteRecordKind)) {
    problems.push("只有民主测评和问卷调查可以填写结果");
  }
  const labels = new Set<string>();
  for (const x of r.results ?? []) {
    if (labels.has(x.label)) problems.push(`结果项“${x.label}”重复`);
    labels.add(x.label);
  }
  return problems;
}

/** The calendar date in China (UTC+8) of an instant. */
export const chinaDateOf = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** "2026-11-22 09:30": the minute in China (UTC+8) of an instant, as exports and watermarks print it. */
export const chinaMinute = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** 补录: entered (in China) after the assignment's withdrawal date. */
export const isBackfill = (enteredAt: Date, withdrawalDate: string | null): boolean =>
  withdrawalDate !== null && chinaDateOf(enteredAt) > withdrawalDate;

export interface BackfillCount {
  records: number;
  backfilled: number;
  /** backfilled ÷ records; null when nothing was entered. */
  share: number | null;
}

export function backfillCount(items: Iterable<{ enteredAt: Date; withdrawalDate: string | null }>): BackfillCount {
  let records = 0;
  let backfilled = 0;
  for (const x of items) {
    records++;
    if (isBackfill(x.enteredAt, x.withdrawalDate)) backfilled++;
  }
  return { records, backfilled, share: records ? backfilled / records : null };
}

export const ATTACHMENT_OWNER_TYPES = ["pre_request", "site_record", "finding", "petition"] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];
export const ATTACHMENT_OWNER_LABELS: Record<AttachmentOwnerType, string> = {
  pre_request: "巡前函请",
  site_record: "巡察记录",
  finding: "问题",
  petition: "信访举报",
};
