import { describe, expect, it } from "vitest";
import { FINDING_CATEGORIES } from "./finding.ts";
import {
  assignTaxonomyCodes,
  buildTaxonomy,
  classificationProblem,
  DEFAULT_TAXONOMY,
  flattenTaxonomy,
  taxonomyProblems,
  type TaxonomyInput,
} from "./taxonomy.ts";

const rows = flattenTaxonomy(DEFAULT_TAXONOMY);
const asInput = (): TaxonomyInput => ({
  revision: "r",
  categories: DEFAULT_TAXONOMY.map((c) => ({ ...c, children: c.children.map((s) => ({ ...s })) })),
});

describe("the default taxonomy", () => {
  it("starts from the five first-level categories and the second levels of LIFECYCLE §3", () => {
    expect(DEFAULT_TAXONOMY.map((c) => c.code)).toEqual([...FINDING_CATEGORIES]);
    const strict = DEFAULT_TAXONOMY.find((c) => c.code === "strict_governance")!;
    expect(strict.children.map((s) => s.name)).toEqual([
      "主体责任",
      "监督责任",
      "中央八项规定精神",
      "四风",
      "廉洁",
      "群众身边腐败",
    ]);
    expect(buildTaxonomy(rows)).toEqual(DEFAULT_TAXONOMY);
  });
});

describe("editing the taxonomy", () => {
  it("accepts renaming, reordering, deactivating and adding", () => {
    const next = asInput();
    next.categories.reverse();
    next.categories[0]!.name = "巡视巡察、审计等发现问题整改";
    next.categories[1]!.active = false;
    next.categories[2]!.children.push({ code: null, name: "新增细类", active: true });
    next.categories.push({ code: null, name: "新增类别", active: true, children: [{ name: "其下细类", active: true }] });
    expect(taxonomyProblems(next, rows, new Set())).toEqual([]);
  });

  it("refuses deleting a category in use, moving a subcategory, unknown or repeated codes and duplicate names", () => {
    const next = asInput();
    const strict = next.categories[1]!;
    const moved = strict.children.shift()!; // 主体责任 moved under 党的领导
    next.categories[0]!.children.push(moved);
    strict.children.pop(); // 群众身边腐败 deleted, in use
    next.categories[2]!.children.push({ code: "nope.x", name: "来历不明", active: true });
    next.categories[3]!.children.push({ code: "party_leadership.ideology", name: "重复代码", active: true });
    next.categories[4]!.name = "党的领导";
    expect(taxonomyProblems(next, rows, new Set(["strict_governance.corruption_near_people"]))).toEqual([
      "问题类别“党的领导”重名",
      "细分类别“主体责任”不能移到其他问题类别下",
      "分类代码“nope.x”不存在",
      "分类代码“party_leadership.ideology”重复",
      "细分类别“重复代码”不能移到其他问题类别下",
      "“群众身边腐败”已被问题使用，不能删除，只能停用",
    ]);
  });

  it("lets an unused category be deleted, but keeps at least one active", () => {
    const next = asInput();
    next.categories = next.categories.slice(0, 1);
    next.categories[0]!.active = false;
    const inUse = new Set(["party_leadership"]);
    expect(taxonomyProblems(next, rows, inUse)).toEqual(["至少保留一个启用的问题类别"]);
  });

  it("refuses turning a first-level category into a subcategory, even under a new one", () => {
    const next = asInput();
    const first = next.categories.pop()!;
    next.categories.push({
      code: null,
      name: "新类别",
      active: true,
      children: [{ code: first.code, name: first.name, active: true }],
    });
    expect(taxonomyProblems(next, rows, new Set())).toContain("问题类别“巡视巡察、审计等整改”不能改为细分类别");
  });

  it("codes new categories without ever reusing a code", () => {
    const next = asInput();
    next.categories.push({ code: null, name: "新类别", active: true, children: [{ name: "甲", active: true }] });
    next.categories[0]!.children.push({ code: null, name: "乙", active: true });
    const coded = assignTaxonomyCodes(next, new Set(["category_1", "party_leadership.1"]));
    expect(coded.at(-1)).toMatchObject({ code: "category_2", children: [{ code: "category_2.1", name: "甲" }] });
    expect(coded[0]!.children.at(-1)).toMatchObject({ code: "party_leadership.2", name: "乙" });
  });
});

describe("classifying a finding", () => {
  const no = { category: false, subcategory: false };
  const yes = { category: true, subcategory: true };
  it("accepts a subcategory of its category and none at all", () => {
    expect(
      classificationProblem(rows, { category: "strict_governance", subcategory: "strict_governance.four_styles" }, yes),
    ).toBe(null);
    expect(classificationProblem(rows, { category: "core_mandate", subcategory: null }, yes)).toBe(null);
  });

  it("refuses unknown codes and a subcategory of another category", () => {
    expect(classificationProblem(rows, { category: "other", subcategory: null }, no)).toEqual({
      invalid: true,
      message: "问题类别无效",
    });
    expect(classificationProblem(rows, { category: "party_building", subcategory: "x.y" }, no)?.message).toBe("细分类别无效");
    expect(classificationProblem(rows, { category: "party_building", subcategory: "strict_governance.eight_rules" }, no)).toEqual(
      { invalid: false, message: "细分类别“中央八项规定精神”不属于问题类别“党的建设”" },
    );
  });

  it("refuses a deactivated category only when it is being chosen", () => {
    const off = rows.map((r) => (r.code === "party_building.branch_life" ? { ...r, active: false } : r));
    const f = { category: "party_building", subcategory: "party_building.branch_life" };
    expect(classificationProblem(off, f, yes)?.message).toBe("细分类别“组织生活（三会一课）”已停用");
    expect(classificationProblem(off, f, no)).toBe(null);
  });
});
