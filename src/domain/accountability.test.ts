import { describe, expect, it } from "vitest";
import { accountabilityFigures, accountabilityInputSchema, ruleFigures, ruleInputSchema } from "./accountability.ts";

describe("accountabilityFigures", () => {
  it("counts by kind, splitting persons from organisations", () => {
    const f = accountabilityFigures([
      { kind: "notice", personName: null },
      { kind: "notice", personName: "张某" },
      { kind: "admonition", personName: "李某" },
      { kind: "party_discipline", personName: "王某" },
      { kind: "unknown", personName: null },
    ]);
    expect(f).toMatchObject({ total: 4, persons: 3, organisations: 1 });
    expect(f.byKind.map((k) => [k.kindLabel, k.total, k.persons, k.organisations])).toEqual([
      ["通报", 2, 1, 1],
      ["约谈", 1, 1, 0],
      ["党纪处分", 1, 1, 0],
      ["组织处理", 0, 0, 0],
    ]);
  });
});

describe("ruleFigures", () => {
  it("counts by kind and by organisation, most first", () => {
    const a = { orgId: "a", orgName: "甲局" };
    const b = { orgId: "b", orgName: "乙镇" };
    const f = ruleFigures([
      { ...a, kind: "new" },
      { ...b, kind: "new" },
      { ...b, kind: "revised" },
      { ...b, kind: "new" },
    ]);
    expect(f.total).toBe(4);
    expect(f.byKind).toEqual([
      { kind: "new", kindLabel: "新建制度", count: 3 },
      { kind: "revised", kindLabel: "修订完善", count: 1 },
    ]);
    expect(f.byOrg).toEqual([
      { orgId: "b", orgName: "乙镇", total: 3, new: 2, revised: 1 },
      { orgId: "a", orgName: "甲局", total: 1, new: 1, revised: 0 },
    ]);
  });
});

describe("input schemas", () => {
  const action = { kind: "notice", decidedOn: "2024-05-01", authority: "县纪委监委", description: "整改不力" };

  it("needs an organisation or a person", () => {
    const r = accountabilityInputSchema.safeParse({ ...action, personName: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("请选择被问责单位或填写被问责人");
    expect(accountabilityInputSchema.parse({ ...action, personName: "张某" }).personName).toBe("张某");
  });

  it("needs at least one finding for a rule", () => {
    const r = ruleInputSchema.safeParse({
      orgId: "0190b5a0-0000-7000-8000-000000000001",
      title: "公务接待管理办法",
      kind: "new",
      adoptedOn: "2024-05-01",
      findingIds: [],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("请至少关联一个促成该制度的问题");
  });
});
