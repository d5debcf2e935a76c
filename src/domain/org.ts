import { z } from "zod";
import { isoDate } from "./calendar.ts";

export const ORG_KINDS = ["agency", "township", "village", "soe", "school", "hospital", "other"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  agency: "机关事业单位",
  township: "乡镇（街道）",
  village: "村（社区）",
  soe: "国有企业",
  school: "学校",
  hospital: "医院",
  other: "其他",
};

export const RISK_CLASSES = ["normal", "watch", "focus"] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const RISK_CLASS_LABELS: Record<RiskClass, string> = {
  normal: "一般关注类",
  watch: "风险关注类",
  focus: "重点关注类",
};

export const orgInputSchema = z.object({
  name: z.string().trim().min(1, "请填写单位名称").max(100),
  code: z.string().trim().max(40).nullish(),
  kind: z.enum(ORG_KINDS, { error: "单位类型无效" }),
  parentId: z.uuid({ error: "上级单位无效" }).nullish(),
  supervisingLeader: z.string().trim().max(40).nullish(),
  partySecretary: z.string().trim().max(40).nullish(),
  riskClass: z.enum(RISK_CLASSES, { error: "村（社区）类别无效" }).nullish(),
});
export type OrgInput = z.infer<typeof orgInputSchema>;

/** Editing an organisation: any field but the risk class (changed only through its own command), with the version read. */
export const orgPatchSchema = orgInputSchema
  .omit({ riskClass: true })
  .partial()
  .extend({ version: z.number({ error: "缺少版本号" }).int().positive() });
export type OrgPatch = z.infer<typeof orgPatchSchema>;

export const riskClassChangeSchema = z.object({
  riskClass: z.enum(RISK_CLASSES, { error: "村（社区）类别无效" }),
  effectiveFrom: isoDate,
  reason: z.string({ error: "请填写调整原因" }).trim().min(1, "请填写调整原因").max(200),
});
export type RiskClassChange = z.infer<typeof riskClassChangeSchema>;

/** Labels as typed in a spreadsheet: half-width brackets and stray spaces are forgiven. */
const normaliseLabel = (s: string) => s.replace(/\(/g, "（").replace(/\)/g, "）").replace(/\s+/g, "");
export const orgKindOfLabel = (label: string): OrgKind | undefined =>
  ORG_KINDS.find((k) => ORG_KIND_LABELS[k] === normaliseLabel(label));
export const riskClassOfLabel = (label: string): RiskClass | undefined =>
  RISK_CLASSES.find((k) => RISK_CLASS_LABELS[k] === normaliseLabel(label));
