/**
 * Common problems (共性问题清单) and fix-alike campaigns (同类同改 / 未巡先改). A common problem groups findings
 * of at least two organisations; a campaign puts one self-check row (自查条目) into the ledger of every target
 * organisation, inspected or not, and its responses are tracked through those rows.
 */
import { z } from "zod";
import { isoDate } from "./calendar.ts";
import { FINDING_CATEGORIES } from "./finding.ts";
import { isOverdue, type LedgerStatus, type ProgressState } from "./ledger.ts";

export const CAMPAIGN_KINDS = ["fix_alike", "fix_before_inspection"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  fix_alike: "同类同改",
  fix_before_inspection: "未巡先改",
};

/** How a target organisation has answered a campaign, read from its self-check row. */
export const CAMPAIGN_RESPONSES = ["not_started", "in_progress", "close_requested", "closed"] as const;
export type CampaignResponse = (typeof CAMPAIGN_RESPONSES)[number];
export const CAMPAIGN_RESPONSE_LABELS: Record<CampaignResponse, string> = {
  not_started: "未开始",
  in_progress: "推进中",
  close_requested: "已申请销号",
  closed: "已销号",
};
export const OVERDUE_LABEL = "逾期";

export function campaignResponseOf(row: { status: LedgerStatus; progress: ProgressState }): CampaignResponse {
  if (row.status === "closed") return "closed";
  if (row.status === "close_requested") return "close_requested";
  return row.progress === "not_started" ? "not_started" : "in_progress";
}

export interface CampaignResponseCounts extends Record<CampaignResponse, number> {
  total: number;
  /** Not closed out and past the due date (counted beside the four states, not instead of them). */
  overdue: number;
}

export function campaignResponseCounts(
  rows: Iterable<{ status: LedgerStatus; progress: ProgressState; deadline: string | null }>,
  today: string,
): CampaignResponseCounts {
  const counts: CampaignResponseCounts = { total: 0, not_started: 0, in_progress: 0, close_requested: 0, closed: 0, overdue: 0 };
  for (const r of rows) {
    counts.total++;
    counts[campaignResponseOf(r)]++;
    if (isOverdue(r, today)) counts.overdue++;
  }
  return counts;
}

/** Similarity at or above which two findings of different organisations are proposed together (cosine, 0…1). */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.25;
export const MIN_SIMILARITY_THRESHOLD = 0.1;
export const MAX_SIMILARITY_THRESHOLD = 0.9;

/** A title from a finding's text: its first sentence, cut at a clause (，；) or with … to at most `max` characters. */
export function shortTitle(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentence = flat.split(/[。！!？?]/)[0]!.trim() || flat;
  if (sentence.length <= max) return sentence.replace(/[，,；;：:]$/, "");
  const head = sentence.slice(0, max + 1);
  const cut = Math.max(head.lastIndexOf("，"), head.lastIndexOf(","), head.lastIndexOf("；"), head.lastIndexOf(";"));
  return cut >= 8 ? sentence.slice(0, cut) : `${sentence.slice(0, max - 1)}…`;
}

/** The item that occurs most often; on a tie the one seen first; null for none. */
export function mostFrequent<T>(items: Iterable<T>): T | null {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null;
  let bestN = 0;
  for (const [x, n] of counts) if (n > bestN) [best, bestN] = [x, n];
  return best;
}

/** What a user may do to a common problem, computed by the server's policy and sent with each record. */
export interface CommonProblemAbilities {
  update: boolean;
  launchCampaign: boolean;
}

const version = z.number({ error: "缺少版本号" }).int().min(1);
const ids = (min: number, message: string) =>
  z
    .array(z.uuid({ error: "编号无效" }), { error: message })
    .min(min, message)
    .max(2000, "一次最多2000项")
    .refine((xs) => new Set(xs).size === xs.length, { error: "存在重复项" });

const fields = {
  title: z.string({ error: "请填写标题" }).trim().min(1, "请填写标题").max(200, "标题不超过200字"),
  description: z.string().trim().max(4000, "说明不超过4000字").nullish(),
  category: z.enum(FINDING_CATEGORIES, { error: "问题类别无效" }).nullish(),
  department: z.string().trim().max(100, "职能部门不超过100字").nullish(),
};

export const commonProblemInputSchema = z.object({
  ...fields,
  findingIds: ids(2, "请至少选择两个单位的两条问题"),
});
export type CommonProblemInput = z.infer<typeof commonProblemInputSchema>;

export const commonProblemPatchSchema = z.object({
  title: fields.title.optional(),
  description: fields.description,
  category: fields.category,
  department: fields.department,
  version,
});
export type CommonProblemPatch = z.infer<typeof commonProblemPatchSchema>;

export const addFindingsSchema = z.object({ findingIds: ids(1, "请选择要归入的问题") });

export const campaignInputSchema = z.object({
  kind: z.enum(CAMPAIGN_KINDS, { error: "请选择同类同改或未巡先改" }),
  title: z.string({ error: "请填写标题" }).trim().min(1, "请填写标题").max(200, "标题不超过200字"),
  instructions: z
    .string({ error: "请填写自查整改要求" })
    .trim()
    .min(1, "请填写自查整改要求")
    .max(4000, "自查整改要求不超过4000字"),
  dueDate: isoDate,
  orgIds: ids(1, "请至少选择一个单位"),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const addTargetsSchema = z.object({ orgIds: ids(1, "请至少选择一个单位") });

/** The text of a campaign's self-check row: what to check and fix. */
export const selfCheckText = (c: { title: string; instructions: string }): string => `${c.title}：${c.instructions}`;
