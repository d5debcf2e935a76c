import { z } from "zod";
import { isoDate } from "./calendar.ts";
import { RISK_CLASSES, type RiskClass } from "./org.ts";
import { TEAM_POSITIONS } from "./roles.ts";
import type { Settings } from "./settings.ts";

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

/** The settings behind an organisation's inspection defaults (LIFECYCLE §1). */
export type InspectionDefaultSettings = Pick<
  Settings,
  | "onSiteDaysAgency"
  | "onSiteDaysVillageNormal"
  | "onSiteDaysVillageWatch"
  | "onSiteDaysVillageFocus"
  | "teamSizeVillageNormal"
  | "teamSizeVillageWatch"
  | "teamSizeVillageFocus"
>;

/** What the defaults depend on: the kind, and for a village its risk class (none counts as normal). */
export interface InspectedOrg {
  kind: string;
  riskClass: string | null;
}

const villageClass = (org: InspectedOrg): RiskClass =>
  (RISK_CLASSES as readonly string[]).includes(org.riskClass ?? "") ? (org.riskClass as RiskClass) : "normal";

/** Default on-site length in working days: by risk class for a village, the agency length for every other kind. */
export function defaultOnSiteWorkingDays(org: InspectedOrg, s: InspectionDefaultSettings): number {
  if (org.kind !== "village") return s.onSiteDaysAgency;
  return { normal: s.onSiteDaysVillageNormal, watch: s.onSiteDaysVillageWatch, focus: s.onSiteDaysVillageFocus }[
    villageClass(org)
  ];
}

/** Default team size for a village by risk class; null for other kinds (no rule). */
export function defaultTeamSize(org: InspectedOrg, s: InspectionDefaultSettings): number | null {
  if (org.kind !== "village") return null;
  return { normal: s.teamSizeVillageNormal, watch: s.teamSizeVillageWatch, focus: s.teamSizeVillageFocus }[villageClass(org)];
}

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

const memberReason = (what: string) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .max(500, `${what}不超过500字`)
    .nullish()
    .transform((v) => v || null);

/**
 * A team seat: a talent-pool person (whose account, if any, gets the seat) or an account; the reasons admit a
 * needed specialist who is not a party member, or record why the office overrode a rule (a leader from outside
 * the leader pool).
 */
export const memberInputSchema = z
  .object({
    poolPersonId: z.uuid({ error: "人才库人员无效" }).optional(),
    userId: z.uuid({ error: "人员无效" }).optional(),
    position: z.enum(TEAM_POSITIONS, { error: "职务无效" }),
    specialistReason: memberReason("专业人才理由"),
    overrideReason: memberReason("破格选配理由"),
  })
  .refine((m) => (m.poolPersonId === undefined) !== (m.userId === undefined), {
    message: "请选择一名人才库人员或一个账号",
    path: ["poolPersonId"],
  });
export type MemberInput = z.infer<typeof memberInputSchema>;

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
