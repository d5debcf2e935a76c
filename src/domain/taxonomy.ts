/**
 * The finding taxonomy (问题分类): two levels, edited by the office as one tree. The first level starts as
 * FINDING_CATEGORIES, the second as LIFECYCLE.md §3 names them. Codes never change once given (findings store
 * them); a category in use can be deactivated but not deleted, and never moved under another category.
 */
import { z } from "zod";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABELS, type FindingCategory } from "./finding.ts";

export interface TaxonomyNode {
  code: string;
  name: string;
  active: boolean;
}
export interface TaxonomyCategory extends TaxonomyNode {
  children: TaxonomyNode[];
}
/** One stored row: a first-level category has no parent. */
export interface TaxonomyRow extends TaxonomyNode {
  parentCode: string | null;
  seq: number;
}

/** Second levels from LIFECYCLE.md §3 (wording of the seeds). */
const DEFAULT_SUBCATEGORIES: Record<FindingCategory, Array<[string, string]>> = {
  party_leadership: [
    ["decisions", "贯彻落实党中央和上级决策部署"],
    ["political_building", "政治建设"],
    ["ideology", "意识形态工作"],
  ],
  strict_governance: [
    ["main_responsibility", "主体责任"],
    ["supervisory_responsibility", "监督责任"],
    ["eight_rules", "中央八项规定精神"],
    ["four_styles", "四风"],
    ["integrity", "廉洁"],
    ["corruption_near_people", "群众身边腐败"],
  ],
  party_building: [
    ["organisation_building", "基层党组织建设"],
    ["cadres", "干部队伍建设和选人用人"],
    ["branch_life", "组织生活（三会一课）"],
    ["party_members", "党员队伍建设"],
  ],
  core_mandate: [
    ["mandate", "职能职责履行"],
    ["business", "业务工作"],
  ],
  prior_rectification: [
    ["inspection", "巡视巡察整改"],
    ["audit", "审计整改"],
    ["other_supervision", "其他监督检查整改"],
  ],
};

export const DEFAULT_TAXONOMY: TaxonomyCategory[] = FINDING_CATEGORIES.map((code) => ({
  code,
  name: FINDING_CATEGORY_LABELS[code],
  active: true,
  children: DEFAULT_SUBCATEGORIES[code].map(([sub, name]) => ({ code: `${code}.${sub}`, name, active: true })),
}));

export function flattenTaxonomy(tree: TaxonomyCategory[]): TaxonomyRow[] {
  return tree.flatMap((c, i) => [
    { code: c.code, parentCode: null, name: c.name, active: c.active, seq: i + 1 },
    ...c.children.map((s, j) => ({ code: s.code, parentCode: c.code, name: s.name, active: s.active, seq: j + 1 })),
  ]);
}

export function buildTaxonomy(rows: readonly TaxonomyRow[]): TaxonomyCategory[] {
  const bySeq = (a: TaxonomyRow, b: TaxonomyRow) => a.seq - b.seq || a.code.localeCompare(b.code);
  return rows
    .filter((r) => r.parentCode === null)
    .sort(bySeq)
    .map((c) => ({
      code: c.code,
      name: c.name,
      active: c.active,
      children: rows
        .filter((r) => r.parentCode === c.code)
        .sort(bySeq)
        .map((s) => ({ code: s.code, name: s.name, active: s.active })),
    }));
}

const nodeName = z.string({ error: "请填写分类名称" }).trim().min(1, "请填写分类名称").max(50, "分类名称不超过50字");
/** Absent for a category added in this edit: the server gives it a code. */
const nodeCode = z
  .string({ error: "分类代码无效" })
  .regex(/^[a-z0-9_.]{1,80}$/, "分类代码无效")
  .nullish();
const nodeActive = z.boolean({ error: "请选择是否启用" });

export const taxonomyInputSchema = z.object({
  /** The revision the editor started from: a tree changed meanwhile by someone else is not overwritten. */
  revision: z.string({ error: "缺少分类版本" }).min(1, "缺少分类版本").max(128),
  categories: z
    .array(
      z.object({
        code: nodeCode,
        name: nodeName,
        active: nodeActive,
        children: z
          .array(z.object({ code: nodeCode, name: nodeName, active: nodeActive }), { error: "细分类别格式无效" })
          .max(60, "每个类别最多60个细分类别"),
      }),
      { error: "请提交问题分类" },
    )
    .min(1, "至少保留一个问题类别")
    .max(40, "问题类别最多40个"),
});
export type TaxonomyInput = z.infer<typeof taxonomyInputSchema>;

/**
 * What is wrong with a proposed tree, against the current rows and the codes findings use (Chinese, one per
 * problem; empty when it may be saved).
 */
export function taxonomyProblems(next: TaxonomyInput, current: readonly TaxonomyRow[], inUse: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const now = new Map(current.map((r) => [r.code, r]));
  const seen = new Set<string>();
  const checkCode = (code: string | null | undefined, parentCode: string | null, name: string) => {
    if (!code) return;
    if (seen.has(code)) problems.push(`分类代码“${code}”重复`);
    seen.add(code);
    const old = now.get(code);
    if (!old) problems.push(`分类代码“${code}”不存在`);
    else if (old.parentCode !== parentCode) {
      problems.push(old.parentCode === null ? `问题类别“${name}”不能改为细分类别` : `细分类别“${name}”不能移到其他问题类别下`);
    }
  };
  const duplicates = (names: string[], what: (n: string) => string) => {
    const set = new Set<string>();
    for (const n of names) {
      if (set.has(n)) problems.push(what(n));
      set.add(n);
    }
  };
  duplicates(
    next.categories.map((c) => c.name),
    (n) => `问题类别“${n}”重名`,
  );
  for (const c of next.categories) {
    checkCode(c.code, null, c.name);
    // A category added now has no code yet: nothing that exists can have been under it.
    for (const s of c.children) checkCode(s.code, c.code ?? "\u0000new", s.name);
    duplicates(
      c.children.map((s) => s.name),
      (n) => `“${c.name}”下的细分类别“${n}”重名`,
    );
  }
  for (const r of current) {
    if (!seen.has(r.code) && inUse.has(r.code)) problems.push(`“${r.name}”已被问题使用，不能删除，只能停用`);
  }
  if (!next.categories.some((c) => c.active)) problems.push("至少保留一个启用的问题类别");
  return problems;
}

/**
 * Gives codes to the categories added in this edit: `category_N` at the first level, `<parent>.N` below; never
 * a code that was ever used (`taken`, deleted ones included), so an old finding never changes meaning.
 */
export function assignTaxonomyCodes(next: TaxonomyInput, taken: ReadonlySet<string>): TaxonomyCategory[] {
  const used = new Set(taken);
  const fresh = (prefix: string) => {
    let n = 1;
    while (used.has(`${prefix}${n}`)) n++;
    used.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
  for (const c of next.categories) {
    if (c.code) used.add(c.code);
    for (const s of c.children) if (s.code) used.add(s.code);
  }
  return next.categories.map((c) => {
    const code = c.code || fresh("category_");
    return {
      code,
      name: c.name,
      active: c.active,
      children: c.children.map((s) => ({ code: s.code || fresh(`${code}.`), name: s.name, active: s.active })),
    };
  });
}

/** Why a finding's category and subcategory cannot be used, or null. `requireActive`: the value is being chosen now. */
export function classificationProblem(
  rows: readonly TaxonomyRow[],
  f: { category: string; subcategory: string | null },
  requireActive: { category: boolean; subcategory: boolean },
): { invalid: boolean; message: string } | null {
  const cat = rows.find((r) => r.code === f.category && r.parentCode === null);
  if (!cat) return { invalid: true, message: "问题类别无效" };
  if (requireActive.category && !cat.active) return { invalid: false, message: `问题类别“${cat.name}”已停用` };
  if (f.subcategory === null) return null;
  const sub = rows.find((r) => r.code === f.subcategory);
  if (!sub || sub.parentCode === null) return { invalid: true, message: "细分类别无效" };
  if (sub.parentCode !== cat.code) return { invalid: false, message: `细分类别“${sub.name}”不属于问题类别“${cat.name}”` };
  if (requireActive.subcategory && !sub.active) return { invalid: false, message: `细分类别“${sub.name}”已停用` };
  return null;
}
