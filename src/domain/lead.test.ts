import { describe, expect, it } from "vitest";
import {
  consultationInputSchema,
  handlingChanges,
  handlingProblem,
  isLeadHandledLate,
  isLeadOverdue,
  leadDueOn,
  leadFigures,
  responsibleProblem,
  transferProblem,
  transferredDuringInspection,
  type FigureLead,
  type LeadDates,
} from "./lead.ts";

const TODAY = "2024-06-15";
const open: LeadDates = { status: "pending", transferredOn: null, preliminaryOn: null, filedOn: null, concludedOn: null };
const sent = (transferredOn: string, more: Partial<LeadDates> = {}): LeadDates => ({ ...open, transferredOn, ...more });

describe("lead rules", () => {
  it("needs a named person or, failing that, the unit", () => {
    expect(responsibleProblem({ responsiblePerson: "张某", responsibleUnit: null })).toBeNull();
    expect(responsibleProblem({ responsiblePerson: null, responsibleUnit: "某局财务股" })).toBeNull();
    expect(responsibleProblem({ responsiblePerson: "  ", responsibleUnit: "" })).toBe(
      "请明确责任人；无法明确到人的，请填写责任单位",
    );
  });

  it("is transferred during the inspection when before the withdrawal date", () => {
    expect(transferredDuringInspection("2023-11-06", "2023-11-07")).toBe(true);
    expect(transferredDuringInspection("2023-11-07", "2023-11-07")).toBe(false);
    expect(transferredDuringInspection("2023-12-01", "2023-11-07")).toBe(false);
    expect(transferredDuringInspection("2023-12-01", null)).toBe(true);
  });

  it("refuses a transfer twice, without a responsible person or unit, in the future or before entry", () => {
    const lead = { ...open, responsiblePerson: "张某", responsibleUnit: null };
    expect(transferProblem(lead, "2024-06-01", "2024-03-01", TODAY)).toBeNull();
    expect(transferProblem({ ...lead, transferredOn: "2024-05-01" }, "2024-06-01", null, TODAY)).toBe(
      "该问题线索已于2024-05-01移交",
    );
    expect(transferProblem({ ...lead, responsiblePerson: null }, "2024-06-01", null, TODAY)).toMatch(/^移交前请明确责任人/);
    expect(transferProblem(lead, "2024-06-16", null, TODAY)).toBe("移交日期不能晚于今天");
    expect(transferProblem(lead, "2024-02-29", "2024-03-01", TODAY)).toBe("移交日期不能早于进驻日期（2024-03-01）");
  });

  it("handles pending → preliminary check → filed / no case / concluded with one of the four forms", () => {
    const lead = sent("2024-03-01");
    expect(handlingProblem(open, { status: "preliminary_check", handledOn: "2024-03-02" }, TODAY)).toBe(
      "该问题线索尚未移交纪委监委，不能登记处置情况",
    );
    expect(handlingProblem(lead, { status: "case_filed", handledOn: "2024-03-02" }, TODAY)).toBe(
      "该问题线索目前为“待处置”，下一步只能登记初步核实",
    );
    expect(handlingProblem(lead, { status: "preliminary_check", handledOn: "2024-02-28" }, TODAY)).toBe(
      "处置日期不能早于移交日期（2024-03-01）",
    );
    expect(handlingProblem(lead, { status: "preliminary_check", handledOn: "2024-06-16" }, TODAY)).toBe("处置日期不能晚于今天");
    expect(handlingProblem(lead, { status: "preliminary_check", handledOn: "2024-03-01" }, TODAY)).toBeNull();

    const checking = { ...lead, status: "preliminary_check", preliminaryOn: "2024-04-01" };
    expect(handlingProblem(checking, { status: "case_filed", handledOn: "2024-03-31" }, TODAY)).toBe(
      "处置日期不能早于初步核实日期（2024-04-01）",
    );
    expect(handlingProblem(checking, { status: "concluded", handledOn: "2024-05-01" }, TODAY)).toBe(
      "予以了结须选择运用的“四种形态”",
    );
    expect(handlingProblem(checking, { status: "no_case", handledOn: "2024-05-01", concludedForm: "first" }, TODAY)).toBe(
      "只有予以了结时才能选择“四种形态”",
    );
    expect(
      handlingProblem(checking, { status: "concluded", handledOn: "2024-05-01", concludedForm: "second" }, TODAY),
    ).toBeNull();
    expect(
      handlingProblem(
        { ...checking, status: "case_filed", filedOn: "2024-05-01" },
        { status: "no_case", handledOn: TODAY },
        TODAY,
      ),
    ).toBe("该问题线索的处置已结束（已立案）");
  });

  it("writes each step's date in its own column", () => {
    expect(handlingChanges({ status: "preliminary_check", handledOn: "2024-04-01" })).toEqual({
      status: "preliminary_check",
      preliminaryOn: "2024-04-01",
    });
    expect(handlingChanges({ status: "case_filed", handledOn: "2024-05-01" })).toEqual({
      status: "case_filed",
      filedOn: "2024-05-01",
    });
    expect(handlingChanges({ status: "no_case", handledOn: "2024-05-02" })).toEqual({
      status: "no_case",
      concludedOn: "2024-05-02",
    });
    expect(handlingChanges({ status: "concluded", handledOn: "2024-05-03", concludedForm: "third" })).toEqual({
      status: "concluded",
      concludedOn: "2024-05-03",
      concludedForm: "third",
    });
  });

  it("is due the set months after transfer, overdue after that while not handled", () => {
    expect(leadDueOn(null, 3)).toBeNull();
    expect(leadDueOn("2023-11-30", 3)).toBe("2024-02-29");
    expect(isLeadOverdue(sent("2024-03-15"), TODAY, 3)).toBe(false); // due 2024-06-15: not yet past
    expect(isLeadOverdue(sent("2024-03-14"), TODAY, 3)).toBe(true);
    expect(isLeadOverdue(sent("2024-03-14", { status: "preliminary_check", preliminaryOn: "2024-04-01" }), TODAY, 3)).toBe(true);
    expect(isLeadOverdue(sent("2024-03-14", { status: "case_filed", filedOn: "2024-06-20" }), TODAY, 3)).toBe(false);
    expect(isLeadOverdue(open, TODAY, 3)).toBe(false);
    expect(isLeadOverdue(sent("2024-03-14"), TODAY, 4)).toBe(false);
    expect(isLeadHandledLate(sent("2024-01-10", { status: "no_case", concludedOn: "2024-04-11" }), 3)).toBe(true);
    expect(isLeadHandledLate(sent("2024-01-10", { status: "no_case", concludedOn: "2024-04-10" }), 3)).toBe(false);
  });
});

describe("lead figures", () => {
  const lead = (leadClass: string, status: string, named: boolean, transferredOn: string | null = "2024-01-05"): FigureLead => ({
    leadClass,
    status,
    transferredOn,
    preliminaryOn: null,
    filedOn: status === "case_filed" ? "2024-02-01" : null,
    concludedOn: null,
    responsiblePerson: named ? "某某" : null,
    responsibleUnit: named ? null : "某单位",
    duringInspection: true,
  });

  it("computes the filing rate per class as filed ÷ transferred, unrounded", () => {
    const items = [
      ...Array.from({ length: 4 }, (_, i) => lead("priority", i < 3 ? "case_filed" : "no_case", true)),
      ...Array.from({ length: 15 }, (_, i) => lead("attention", i < 7 ? "case_filed" : "preliminary_check", true)),
      lead("reference", "pending", false, null),
    ];
    const f = leadFigures(items, [{ rank: "county" }, { rank: "section" }, { rank: "section" }], "2024-03-01", 3);
    expect(f.byClass.map((c) => [c.leadClass, c.total, c.transferred, c.filed])).toEqual([
      ["priority", 4, 4, 3],
      ["attention", 15, 15, 7],
      ["reference", 1, 0, 0],
    ]);
    expect(f.byClass[0]!.filingRate).toBe(0.75);
    expect(f.byClass[1]!.filingRate).toBeCloseTo(7 / 15, 12);
    expect(f.byClass[2]!.filingRate).toBeNull();
    expect(f.total).toBe(20);
    expect(f.transferred).toBe(19);
    expect(f.filed).toBe(10);
    expect(f.named).toBe(19);
    expect(f.unitOnly).toBe(1);
    expect(f.namingRate).toBe(19 / 20);
    expect(f.peopleByRank.map((r) => r.count)).toEqual([1, 2, 0]);
    expect(f.duringInspection).toBe(19);
    expect(f.overdue).toBe(0);
    // Three months later, the 8 attention leads still in preliminary check are overdue; the pending one is not sent.
    expect(leadFigures(items, [], "2024-04-06", 3).overdue).toBe(8);
  });

  it("has no rates when there is nothing to divide by", () => {
    const f = leadFigures([], [], TODAY, 3);
    expect(f.namingRate).toBeNull();
    expect(f.filingRate).toBeNull();
    expect(f.byStatus.every((s) => s.count === 0)).toBe(true);
  });
});

describe("consultation input", () => {
  it("asks each decision to concern exactly one lead or one finding", () => {
    const base = { heldOn: "2024-03-01", summary: "研判线索和报告" };
    const both = consultationInputSchema.safeParse({
      ...base,
      decisions: [
        { leadId: "0190a0d0-0000-7000-8000-000000000001", findingId: "0190a0d0-0000-7000-8000-000000000002", decision: "x" },
      ],
    });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.message).toBe("每条会商意见须针对一条问题线索或一个问题");
    expect(consultationInputSchema.safeParse({ ...base, decisions: [{ decision: "x" }] }).success).toBe(false);
    const ok = consultationInputSchema.parse({
      ...base,
      decisions: [{ findingId: "0190a0d0-0000-7000-8000-000000000002", decision: "定性准确" }],
    });
    expect(ok.decisions).toHaveLength(1);
    expect(consultationInputSchema.parse(base).decisions).toEqual([]);
  });
});
