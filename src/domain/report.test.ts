import { describe, expect, it } from "vitest";
import {
  assignmentDeadlines,
  cleanPortrait,
  hearingDateProblem,
  milestoneStatus,
  missingAspects,
  PORTRAIT_ASPECT_LABELS,
  PORTRAIT_ASPECTS,
  reportIndicators,
  submitProblems,
  type IndicatorFinding,
} from "./report.ts";

const LIMITS = { coreMandateAimPct: 50, commonWarnPct: 60 };
let n = 0;
const finding = (f: Partial<IndicatorFinding>): IndicatorFinding => ({
  id: `f${++n}`,
  text: `问题${n}`,
  isCoreMandate: false,
  isCommon: false,
  involvesTopLeader: false,
  suggestion: null,
  ...f,
});

describe("the report's quality indicators", () => {
  it("measures the core-mandate share against the aim and the common share against the warning line", () => {
    const items = [
      finding({ isCoreMandate: true, isCommon: true, suggestion: "建议一" }),
      finding({ isCoreMandate: true, involvesTopLeader: true, text: "一把手末位表态" }),
      finding({ isCommon: true, suggestion: "  " }),
      finding({ isCommon: true, isCoreMandate: false, involvesTopLeader: true, suggestion: "建议四", text: "一把手插手工程" }),
      finding({ suggestion: "建议五" }),
    ];
    const ind = reportIndicators(items, LIMITS);
    expect(ind.total).toBe(5);
    expect(ind.coreMandate).toEqual({ count: 2, share: 0.4, aimPct: 50, met: false });
    expect(ind.common).toEqual({ count: 3, share: 0.6, warnPct: 60, overWarning: true });
    // A blank suggestion counts as none.
    expect(ind.withoutSuggestion.count).toBe(2);
    expect(ind.withoutSuggestion.items.map((f) => f.text)).toEqual(["一把手末位表态", items[2]!.text]);
    expect(ind.involvingTopLeader).toEqual({
      count: 2,
      items: [
        { id: items[1]!.id, text: "一把手末位表态" },
        { id: items[3]!.id, text: "一把手插手工程" },
      ],
    });
  });

  it("meets the aim at exactly the aim and stays under the warning just below it", () => {
    const ind = reportIndicators([finding({ isCoreMandate: true, isCommon: true }), finding({})], LIMITS);
    expect(ind.coreMandate.met).toBe(true);
    expect(ind.common.overWarning).toBe(false);
    const strict = reportIndicators([finding({ isCoreMandate: true }), finding({})], {
      coreMandateAimPct: 51,
      commonWarnPct: 60,
    });
    expect(strict.coreMandate.met).toBe(false);
  });

  it("has no shares and no verdicts while there are no findings", () => {
    const ind = reportIndicators([], LIMITS);
    expect(ind.coreMandate).toEqual({ count: 0, share: null, aimPct: 50, met: null });
    expect(ind.common.overWarning).toBeNull();
    expect(ind.withoutSuggestion.count).toBe(0);
  });
});

describe("submitting the report", () => {
  const full = Object.fromEntries(PORTRAIT_ASPECTS.map((k) => [k, `${PORTRAIT_ASPECT_LABELS[k]}情况`]));

  it("lists in Chinese the overall judgement, each blank aspect and each finding without a suggestion", () => {
    const problems = submitProblems({
      overall: " ",
      portrait: { ...full, integrity: "", public_opinion: undefined },
      findings: [
        { id: "a", text: "村集体资产出租未经民主程序", suggestion: "建议规范" },
        { id: "b", text: "三重一大事项未经集体研究决定，部分项目由主要负责人个人拍板决定后实施", suggestion: null },
        { id: "c", text: "慰问金发放无签领记录", suggestion: "" },
      ],
    });
    expect(problems).toEqual([
      "尚未填写总体评价",
      "一把手画像尚未填写：廉洁自律、群众评价",
      "以下2个问题尚未提出意见建议：1.三重一大事项未经集体研究决定，部分项目由主要负责人个人拍板决…；2.慰问金发放无签领记录",
    ]);
  });

  it("finds nothing to refuse in a complete report", () => {
    expect(
      submitProblems({ overall: "总体较好", portrait: full, findings: [{ id: "a", text: "问题", suggestion: "建议" }] }),
    ).toEqual([]);
  });

  it("keeps only the seven aspects with text", () => {
    expect(cleanPortrait({ political_quality: " 好 ", integrity: "  ", other: "x" })).toEqual({ political_quality: "好" });
    expect(missingAspects({ political_quality: "好" })).toHaveLength(6);
  });
});

describe("deadlines after withdrawal", () => {
  it("says on time, late by N days, overdue by N days or pending", () => {
    expect(milestoneStatus("2023-11-14", "2023-11-14", "2023-12-01")).toMatchObject({
      state: "on_time",
      days: null,
      label: "按时",
    });
    expect(milestoneStatus("2023-11-14", "2023-11-17", "2023-12-01")).toMatchObject({
      state: "late",
      days: 3,
      label: "逾期3天完成",
    });
    expect(milestoneStatus("2023-11-14", null, "2023-11-20")).toMatchObject({ state: "overdue", days: 6, label: "已逾期6天" });
    expect(milestoneStatus("2023-11-14", null, "2023-11-14")).toMatchObject({ state: "pending", days: null, label: "未到期" });
  });

  it("counts calendar days from withdrawal for the three milestones, across a month's end", () => {
    const d = assignmentDeadlines(
      "2023-11-07",
      { submittedOn: "2023-11-13", consultedOn: "2023-11-20", hearingDate: null },
      { materialsDueDays: 7, consultationDueDays: 10, hearingDueDays: 30 },
      "2024-01-16",
    );
    expect(d.materials).toMatchObject({ due: "2023-11-14", state: "on_time" });
    expect(d.consultation).toMatchObject({ due: "2023-11-17", state: "late", days: 3 });
    // The seed's complaint: heard 70 days after withdrawal — here still not heard 70 days on.
    expect(d.hearing).toMatchObject({ due: "2023-12-07", state: "overdue", days: 40 });
    expect(d.late).toBe(true);
    expect(d.maxDelayDays).toBe(40);
  });

  it("is not late while nothing is past due", () => {
    const d = assignmentDeadlines(
      "2023-11-07",
      { submittedOn: null, consultedOn: null, hearingDate: null },
      { materialsDueDays: 7, consultationDueDays: 10, hearingDueDays: 30 },
      "2023-11-10",
    );
    expect([d.materials.state, d.consultation.state, d.hearing.state]).toEqual(["pending", "pending", "pending"]);
    expect(d.late).toBe(false);
    expect(d.maxDelayDays).toBeNull();
  });

  it("refuses a hearing before withdrawal, in the future, or without a withdrawal date", () => {
    expect(hearingDateProblem("2023-11-06", "2023-11-07", "2024-01-01")).toBe("听取汇报日期不能早于撤点日期（2023-11-07）");
    expect(hearingDateProblem("2024-01-02", "2023-11-07", "2024-01-01")).toBe("听取汇报日期不能晚于今天");
    expect(hearingDateProblem("2023-12-01", null, "2024-01-01")).toMatch(/尚未确定撤点日期/);
    expect(hearingDateProblem("2023-11-07", "2023-11-07", "2023-11-07")).toBeNull();
  });
});
