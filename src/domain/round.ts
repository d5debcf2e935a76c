import { z } from "zod";
import { isoDate } from "./calendar.ts";
import { TEAM_POSITIONS } from "./roles.ts";

export const ROUND_KINDS = ["regular", "special", "mobile", "elevated", "cross", "exchange", "linked", "revisit"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  regular: "常规巡察",
  special: "专项巡察",
  mobile: "机动巡察",
  elevated: "提级巡察",
  cross: "交叉巡察",
  exchange: "异地交流巡察",
  linked: "联动巡察",
  revisit: "巡察“回头看”",
};

/** Default on-site length in working days (LIFECYCLE §1): 7 for a village, 40 for every other organisation. */
export const DEFAULT_ON_SITE_WORKING_DAYS = { village: 7, other: 40 } as const;
export const defaultOnSiteWorkingDays = (orgKind: string): number =>
  orgKind === "village" ? DEFAULT_ON_SITE_WORKING_DAYS.village : DEFAULT_ON_SITE_WORKING_DAYS.other;

const version = z.number({ error: "缺少版本号" }).int().min(1);

export const termInputSchema = z.object({
  name: z.string().trim().min(1, "请填写届次名称").max(60),
  startDate: isoDate,
  endDate: isoDate,
});
export type TermInput = z.infer<typeof termInputSchema>;

export const roundInputSchema = z.object({
  termId: z.uuid({ error: "届次无效" }),
  name: z.string().trim().min(1, "请填写轮次名称").max(60),
  kind: z.enum(ROUND_KINDS, { error: "巡察类型无效" }),
  theme: z.string().trim().max(100).nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const roundPatchSchema = roundInputSchema.omit({ termId: true }).partial().extend({ version });
export type RoundPatch = z.infer<typeof roundPatchSchema>;

export const teamInputSchema = z.object({ name: z.string().trim().min(1, "请填写巡察组名称").max(60) });

export const memberInputSchema = z.object({
  userId: z.uuid({ error: "人员无效" }),
  position: z.enum(TEAM_POSITIONS, { error: "职务无效" }),
});

const assignmentDates = {
  entryDate: isoDate.nullish(),
  withdrawalDate: isoDate.nullish(),
  feedbackDate: isoDate.nullish(),
};

export const assignmentInputSchema = z.object({
  teamId: z.uuid({ error: "巡察组无效" }),
  orgId: z.uuid({ error: "被巡察单位无效" }),
  ...assignmentDates,
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

export const assignmentPatchSchema = z.object({ ...assignmentDates, version });
export type AssignmentPatch = z.infer<typeof assignmentPatchSchema>;

export interface AssignmentDates {
  entryDate: string | null;
  withdrawalDate: string | null;
  feedbackDate: string | null;
}

/** The on-site period and feedback come in order: entry ≤ withdrawal ≤ feedback. Returns the Chinese reasons. */
export function assignmentDateProblems(d: AssignmentDates): string[] {
  const problems: string[] = [];
  if (d.entryDate && d.withdrawalDate && d.withdrawalDate < d.entryDate) problems.push("撤点日期不能早于进驻日期");
  if (d.withdrawalDate && d.feedbackDate && d.feedbackDate < d.withdrawalDate) problems.push("反馈日期不能早于撤点日期");
  else if (!d.withdrawalDate && d.entryDate && d.feedbackDate && d.feedbackDate < d.entryDate) {
    problems.push("反馈日期不能早于进驻日期");
  }
  return problems;
}

/** A round's own period, when both ends are given, runs forward; a special round names its theme. */
export function roundProblems(r: {
  kind: RoundKind;
  theme?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}): string[] {
  const problems: string[] = [];
  if (r.kind === "special" && !r.theme?.trim()) problems.push("专项巡察须填写巡察主题");
  if (r.startDate && r.endDate && r.endDate < r.startDate) problems.push("轮次结束日期不能早于开始日期");
  return problems;
}
