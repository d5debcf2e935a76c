import { z } from "zod";
import { isoDate } from "./calendar.ts";

/**
 * Accountability (问责) for poor rectification — notice, admonition talk, party discipline, organisational handling —
 * recorded against an organisation or a person, linked to the ledger rows and letters that led to it; and rules
 * made (制度建设): each new or revised rule an organisation adopted because of its findings.
 */
export const ACCOUNTABILITY_KINDS = ["notice", "admonition", "party_discipline", "organisational_handling"] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];
export const ACCOUNTABILITY_KIND_LABELS: Record<AccountabilityKind, string> = {
  notice: "通报",
  admonition: "约谈",
  party_discipline: "党纪处分",
  organisational_handling: "组织处理",
};

/** Whom an action is against: a named person, else the organisation. */
export const ACCOUNTABILITY_TARGETS = ["person", "organisation"] as const;
export type AccountabilityTarget = (typeof ACCOUNTABILITY_TARGETS)[number];
export const ACCOUNTABILITY_TARGET_LABELS: Record<AccountabilityTarget, string> = {
  person: "个人",
  organisation: "单位",
};
export const accountabilityTarget = (a: { personName: string | null }): AccountabilityTarget =>
  a.personName ? "person" : "organisation";

export const RULE_KINDS = ["new", "revised"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  new: "新建制度",
  revised: "修订完善",
};

export interface AccountabilityKindFigures {
  kind: AccountabilityKind;
  kindLabel: string;
  total: number;
  persons: number;
  organisations: number;
}

export interface AccountabilityFigures {
  total: number;
  persons: number;
  organisations: number;
  byKind: AccountabilityKindFigures[];
}

/** Counts by kind, each split into actions against persons and against organisations. */
export function accountabilityFigures(actions: Iterable<{ kind: string; personName: string | null }>): AccountabilityFigures {
  const byKind = new Map<string, AccountabilityKindFigures>(
    ACCOUNTABILITY_KINDS.map((k) => [
      k,
      { kind: k, kindLabel: ACCOUNTABILITY_KIND_LABELS[k], total: 0, persons: 0, organisations: 0 },
    ]),
  );
  const all = { total: 0, persons: 0, organisations: 0 };
  for (const a of actions) {
    const f = byKind.get(a.kind);
    if (!f) continue;
    const key = accountabilityTarget(a) === "person" ? "persons" : "organisations";
    f.total++;
    f[key]++;
    all.total++;
    all[key]++;
  }
  return { ...all, byKind: [...byKind.values()] };
}

export interface RuleFigures {
  total: number;
  byKind: Array<{ kind: RuleKind; kindLabel: string; count: number }>;
  byOrg: Array<{ orgId: string; orgName: string; total: number; new: number; revised: number }>;
}

/** Rules made by kind and by organisation (most first, then by name). */
export function ruleFigures(rules: Iterable<{ kind: string; orgId: string; orgName: string }>): RuleFigures {
  const kinds = new Map<string, number>(RULE_KINDS.map((k) => [k, 0]));
  const orgs = new Map<string, RuleFigures["byOrg"][number]>();
  let total = 0;
  for (const r of rules) {
    if (!kinds.has(r.kind)) continue;
    total++;
    kinds.set(r.kind, kinds.get(r.kind)! + 1);
    const o = orgs.get(r.orgId) ?? { orgId: r.orgId, orgName: r.orgName, total: 0, new: 0, revised: 0 };
    o.total++;
    o[r.kind as RuleKind]++;
    orgs.set(r.orgId, o);
  }
  return {
    total,
    byKind: RULE_KINDS.map((k) => ({ kind: k, kindLabel: RULE_KIND_LABELS[k], count: kinds.get(k)! })),
    byOrg: [...orgs.values()].sort((a, b) => b.total - a.total || a.orgName.localeCompare(b.orgName, "zh-CN")),
  };
}

const ids = (what: string) => z.array(z.uuid({ error: `${what}无效` })).max(200, `${what}不超过200个`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过${max}字`)
    .nullish()
    .transform((v) => v || null);

export const accountabilityInputSchema = z
  .object({
    kind: z.enum(ACCOUNTABILITY_KINDS, { error: "请选择问责方式" }),
    orgId: z.uuid({ error: "问责单位无效" }).nullish(),
    personName: optionalText(60, "被问责人姓名"),
    personPosition: optionalText(100, "职务"),
    decidedOn: isoDate,
    authority: z
      .string({ error: "请填写作出决定的机关" })
      .trim()
      .min(1, "请填写作出决定的机关")
      .max(100, "作出决定的机关不超过100字"),
    description: z.string({ error: "请填写问责事由" }).trim().min(1, "请填写问责事由").max(4000, "问责事由不超过4000字"),
    rowIds: ids("台账条目").default([]),
    letterIds: ids("函件").default([]),
  })
  .refine((v) => Boolean(v.orgId) || Boolean(v.personName), {
    error: "请选择被问责单位或填写被问责人",
    path: ["personName"],
  })
  .refine((v) => !v.personPosition || Boolean(v.personName), {
    error: "填写职务时请同时填写被问责人姓名",
    path: ["personName"],
  });
export type AccountabilityInput = z.infer<typeof accountabilityInputSchema>;

export const ruleInputSchema = z.object({
  orgId: z.uuid({ error: "请选择单位" }),
  title: z.string({ error: "请填写制度名称" }).trim().min(1, "请填写制度名称").max(200, "制度名称不超过200字"),
  kind: z.enum(RULE_KINDS, { error: "请选择新建或修订" }),
  adoptedOn: isoDate,
  description: optionalText(4000, "制度说明"),
  findingIds: z
    .array(z.uuid({ error: "问题无效" }), { error: "请至少关联一个问题" })
    .min(1, "请至少关联一个促成该制度的问题")
    .max(200, "关联问题不超过200个"),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;
