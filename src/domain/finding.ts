/** The default first level of the finding taxonomy (LIFECYCLE.md; editable, see taxonomy.ts), and where a finding came from. */
import { z } from "zod";
import { isoDate } from "./calendar.ts";

export const FINDING_CATEGORIES = [
  "party_leadership",
  "strict_governance",
  "party_building",
  "core_mandate",
  "prior_rectification",
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export const FINDING_CATEGORY_LABELS: Record<FindingCategory, string> = {
  party_leadership: "党的领导",
  strict_governance: "全面从严治党",
  party_building: "党的建设",
  core_mandate: "主责主业",
  prior_rectification: "巡视巡察、审计等整改",
};

export const FINDING_SOURCES = ["interview", "petition", "documents", "spot_check", "survey", "other"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = {
  interview: "个别谈话",
  petition: "信访举报",
  documents: "查阅资料",
  spot_check: "明察暗访",
  survey: "民主测评、问卷调查",
  other: "其他",
};

/** Codes of the taxonomy (src/domain/taxonomy.ts); the server checks them against the office's current tree. */
const categoryCode = z.string({ error: "问题类别无效" }).regex(/^[a-z0-9_.]{1,80}$/, "问题类别无效");

export const findingInputSchema = z.object({
  text: z.string().trim().min(1, "请填写问题描述").max(4000),
  category: categoryCode,
  subcategory: z
    .string({ error: "细分类别无效" })
    .regex(/^[a-z0-9_.]{1,80}$/, "细分类别无效")
    .nullish(),
  characterisation: z.string().trim().max(200).nullish(),
  isCommon: z.boolean({ error: "请选择是否共性问题" }),
  isCoreMandate: z.boolean({ error: "请选择是否主责主业问题" }),
  involvesTopLeader: z.boolean({ error: "请选择是否涉及一把手" }),
  source: z.enum(FINDING_SOURCES, { error: "问题来源无效" }).nullish(),
  /** The team's suggestion for the report. */
  suggestion: z.string().trim().max(4000, "整改建议不超过4000字").nullish(),
});
export type FindingInput = z.infer<typeof findingInputSchema>;

export const findingPatchSchema = findingInputSchema
  .partial()
  .extend({ version: z.number({ error: "缺少版本号" }).int().min(1) });
export type FindingPatch = z.infer<typeof findingPatchSchema>;

/** 立行立改: the finding was fixed during the inspection, on this date, as the note says. */
export const findingFixSchema = z.object({
  fixedOn: isoDate,
  fixNote: z.string({ error: "请填写整改情况" }).trim().min(1, "请填写整改情况").max(2000, "整改情况不超过2000字"),
});
export type FindingFix = z.infer<typeof findingFixSchema>;

/**
 * The report's quality signals (LIFECYCLE §4): share of core-mandate findings (goal ≥ 50 %) and of common
 * findings (warning ≥ 60 %). Fractions of all findings; null when there are none.
 */
export function findingShares(items: Iterable<{ isCoreMandate: boolean; isCommon: boolean }>): {
  coreMandate: number | null;
  common: number | null;
} {
  let total = 0;
  let core = 0;
  let common = 0;
  for (const f of items) {
    total++;
    if (f.isCoreMandate) core++;
    if (f.isCommon) common++;
  }
  return { coreMandate: total ? core / total : null, common: total ? common / total : null };
}
