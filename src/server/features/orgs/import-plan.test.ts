import { describe, expect, it } from "vitest";
import type { SheetRow } from "./excel.ts";
import { planImport, type ExistingOrg } from "./import-plan.ts";

const row = (n: number, name: string, kind: string, parent = "", extra: Partial<SheetRow> = {}): SheetRow => ({
  row: n,
  name,
  code: "",
  kind,
  parent,
  supervisingLeader: "",
  partySecretary: "",
  riskClass: "",
  ...extra,
});

const county: ExistingOrg = { id: "c", name: "某县", code: "C", parentId: null, path: "/c/" };
let n = 0;
const nextId = () => `n${++n}`;

describe("planImport", () => {
  it("puts parents before children even when the file lists the child first", () => {
    const plan = planImport(
      [row(2, "一村", "村（社区）", "某镇", { riskClass: "重点关注类" }), row(3, "某镇", "乡镇（街道）", "C")],
      [county],
      nextId,
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.orgs.map((o) => o.name)).toEqual(["某镇", "一村"]);
    const [town, village] = plan.orgs;
    expect(town!.path).toBe(`/c/${town!.id}/`);
    expect(village).toMatchObject({
      parentId: town!.id,
      path: `${town!.path}${village!.id}/`,
      riskClass: "focus",
      kind: "village",
    });
  });

  it("finds a parent by code before name, and calls a name shared by the registry and the file ambiguous", () => {
    const plan = planImport(
      [row(2, "某县", "其他", "C", { code: "X" }), row(3, "某局", "机关事业单位", "某县"), row(4, "某所", "机关事业单位", "X")],
      [county],
      nextId,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors).toEqual([
      { row: 3, column: "上级单位（名称或代码）", message: expect.stringContaining("系统中、本文件第 2 行") },
    ]);
  });

  it("reports each row of a three-row loop and a row that is its own parent", () => {
    const plan = planImport(
      [row(2, "甲", "其他", "乙"), row(3, "乙", "其他", "丙"), row(4, "丙", "其他", "甲"), row(5, "丁", "其他", "丁")],
      [],
      nextId,
    );
    if (plan.ok) throw new Error("expected errors");
    expect(plan.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(plan.errors[0]!.message).toBe("上级单位形成循环：第 2 → 3 → 4 → 2 行");
    expect(plan.errors[3]!.message).toBe("上级单位不能是本单位自己");
  });

  it("refuses a name already used under the same parent in the registry", () => {
    const plan = planImport([row(2, "某县", "其他")], [county], nextId);
    if (plan.ok) throw new Error("expected errors");
    expect(plan.errors[0]).toMatchObject({ row: 2, column: "单位名称" });
  });
});
