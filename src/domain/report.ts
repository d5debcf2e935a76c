/**
 * The team's report on one assignment (巡察报告, LIFECYCLE §4): the overall judgement, the top leader's portrait
 * (一把手画像) in seven aspects and a suggestion for each finding; the quality indicators shown while it is written;
 * and the three deadlines counted from withdrawal (materials, consultation, hearing).
 */
import { z } from "zod";
import { addDays, isoDate, parseIso } from "./calendar.ts";
import { findingShares } from "./finding.ts";

/**
 * The seven aspects of the top leader's portrait (the seeds: “从履行管党治党主体责任等7个方面对‘一把手’的履职情况
 * 形成专题材料”). Fixed here for now; they are meant to become configurable by the office later, which is why the
 * portrait is stored as { aspectKey: text } rather than in seven columns.
 */
export const PORTRAIT_ASPECTS = [
  "political_quality",
  "duty_performance",
  "initiative",
  "work_style",
  "integrity",
  "democratic_centralism",
  "public_opinion",
] as const;
export type PortraitAspect = (typeof PORTRAIT_ASPECTS)[number];
export const PORTRAIT_ASPECT_LABELS: Record<PortraitAspect, string> = {
  political_quality: "政治素质",
  duty_performance: "履职尽责",
  initiative: "担当作为",
  work_style: "作风建设",
  integrity: "廉洁自律",
  democratic_centralism: "民主集中",
  public_opinion: "群众评价",
};
export type Portrait = Partial<Record<PortraitAspect, string>>;

export const REPORT_STATUSES = ["draft", "submitted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "撰写中",
  submitted: "已报送",
};

const portraitText = z.string({ error: "画像内容应为文字" }).trim().max(4000, "每个方面不超过4000字");
const portraitShape = Object.fromEntries(PORTRAIT_ASPECTS.map((k) => [k, portraitText.optional()])) as Record<
  PortraitAspect,
  z.ZodOptional<typeof portraitText>
>;

export const reportSaveSchema = z.object({
  overall: z.string({ error: "总体评价应为文字" }).trim().max(20000, "总体评价不超过20000字").nullish(),
  portrait: z
    .strictObject(portraitShape, {
      error: (iss) => (iss.code === "unrecognized_keys" ? "一把手画像只能包含规定的七个方面" : "一把手画像格式无效"),
    })
    .default({}),
  suggestions: z
    .array(
      z.object({
        findingId: z.uuid({ error: "问题编号无效" }),
        suggestion: z.string({ error: "意见建议应为文字" }).trim().max(4000, "意见建议不超过4000字"),
      }),
      { error: "意见建议格式无效" },
    )
    .max(2000, "意见建议条数过多")
    .default([]),
  /** The report's version as read; 0 when no report has been saved yet. */
  version: z.number({ error: "缺少版本号" }).int().min(0),
});
export type ReportSaveInput = z.infer<typeof reportSaveSchema>;

export const reportSubmitSchema = z.object({ version: z.number({ error: "缺少版本号" }).int().min(1, "请先保存巡察报告") });

export const hearingInputSchema = z.object({
  hearingDate: isoDate,
  notes: z.string({ error: "备注应为文字" }).trim().max(1000, "备注不超过1000字").nullish(),
});
export type HearingInput = z.infer<typeof hearingInputSchema>;

/** Only the aspects with text; blank ones are left out. */
export function cleanPortrait(p: Record<string, string | undefined | null>): Portrait {
  const out: Portrait = {};
  for (const k of PORTRAIT_ASPECTS) {
    const v = p[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

export const missingAspects = (p: Record<string, string | undefined | null>): PortraitAspect[] =>
  PORTRAIT_ASPECTS.filter((k) => !p[k]?.trim());

// ---------------------------------------------------------------------------------------------------------------
// Quality indicators

export interface IndicatorFinding {
  id: string;
  text: string;
  isCoreMandate: boolean;
  isCommon: boolean;
  involvesTopLeader: boolean;
  suggestion: string | null;
}

export interface FindingRef {
  id: string;
  text: string;
}

export interface ReportIndicators {
  total: number;
  coreMandate: {
    count: number;
    /** Fraction of all findings; null when there are none. */
    share: number | null;
    aimPct: number;
    /** share ≥ aim; null when there are no findings. */
    met: boolean | null;
  };
  common: {
    count: number;
    share: number | null;
    warnPct: number;
    /** share ≥ warning line; null when there are no findings. */
    overWarning: boolean | null;
  };
  withoutSuggestion: { count: number; items: FindingRef[] };
  involvingTopLeader: { count: number; items: FindingRef[] };
}

const hasSuggestion = (f: { suggestion: string | null }): boolean => Boolean(f.suggestion?.trim());

/**
 * The quality signals of a report while it is written: core-mandate share against the aim, common share against
 * the warning line, findings still without a suggestion, findings involving the top leader.
 */
export function reportIndicators(
  findings: readonly IndicatorFinding[],
  limits: { coreMandateAimPct: number; commonWarnPct: number },
): ReportIndicators {
  const shares = findingShares(findings);
  const ref = (f: IndicatorFinding): FindingRef => ({ id: f.id, text: f.text });
  const noSuggestion = findings.filter((f) => !hasSuggestion(f)).map(ref);
  const topLeader = findings.filter((f) => f.involvesTopLeader).map(ref);
  // Compared in whole per-cents of counts, so 1 of 2 findings is exactly 50 % and meets a 50 % aim.
  const atLeast = (count: number, pct: number) => (findings.length ? count * 100 >= pct * findings.length : null);
  const core = findings.filter((f) => f.isCoreMandate).length;
  const common = findings.filter((f) => f.isCommon).length;
  return {
    total: findings.length,
    coreMandate: {
      count: core,
      share: shares.coreMandate,
      aimPct: limits.coreMandateAimPct,
      met: atLeast(core, limits.coreMandateAimPct),
    },
    common: {
      count: common,
      share: shares.common,
      warnPct: limits.commonWarnPct,
      overWarning: atLeast(common, limits.commonWarnPct),
    },
    withoutSuggestion: { count: noSuggestion.length, items: noSuggestion },
    involvingTopLeader: { count: topLeader.length, items: topLeader },
  };
}

const excerpt = (text: string, n = 30): string => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * Why a report cannot be submitted (yet), in Chinese, one line per gap: the overall judgement, each portrait aspect
 * left blank, each finding without a suggestion. Empty when it may be submitted.
 */
export function submitProblems(report: {
  overall: string | null;
  portrait: Record<string, string | undefined | null>;
  findings: readonly Pick<IndicatorFinding, "id" | "text" | "suggestion">[];
}): string[] {
  const out: string[] = [];
  if (!report.overall?.trim()) out.push("尚未填写总体评价");
  const missing = missingAspects(report.portrait);
  if (missing.length) out.push(`一把手画像尚未填写：${missing.map((k) => PORTRAIT_ASPECT_LABELS[k]).join("、")}`);
  const bare = report.findings.filter((f) => !hasSuggestion(f));
  if (bare.length)
    out.push(`以下${bare.length}个问题尚未提出意见建议：${bare.map((f, i) => `${i + 1}.${excerpt(f.text)}`).join("；")}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines counted from withdrawal (calendar days)

export const MILESTONES = ["materials", "consultation", "hearing"] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  materials: "材料报送",
  consultation: "办组会商",
  hearing: "听取汇报",
};

export const MILESTONE_STATES = ["on_time", "late", "overdue", "pending"] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  on_time: "按时",
  late: "逾期完成",
  overdue: "已逾期",
  pending: "未到期",
};

export interface MilestoneStatus {
  due: string;
  doneOn: string | null;
  state: MilestoneState;
  /** Days late (late: done after due; overdue: today after due, not done); null otherwise. */
  days: number | null;
  /** 按时 / 逾期N天完成 / 已逾期N天 / 未到期 */
  label: string;
}

const DAY = 86_400_000;
/** Calendar days from a to b (positive when b is later). */
export const daysBetween = (a: string, b: string): number => Math.round((parseIso(b).getTime() - parseIso(a).getTime()) / DAY);

export function milestoneLabel(state: MilestoneState, days: number | null): string {
  if (state === "late") return `逾期${days}天完成`;
  if (state === "overdue") return `已逾期${days}天`;
  return MILESTONE_STATE_LABELS[state];
}

/** One milestone: done on or before its due date, done late, not done and past due, or not yet due. */
export function milestoneStatus(due: string, doneOn: string | null, today: string): MilestoneStatus {
  let state: MilestoneState;
  let days: number | null = null;
  if (doneOn !== null) {
    const late = daysBetween(due, doneOn);
    state = late > 0 ? "late" : "on_time";
    if (late > 0) days = late;
  } else if (today > due) {
    state = "overdue";
    days = daysBetween(due, today);
  } else {
    state = "pending";
  }
  return { due, doneOn, state, days, label: milestoneLabel(state, days) };
}

export interface DeadlineSettings {
  materialsDueDays: number;
  consultationDueDays: number;
  hearingDueDays: number;
}

export interface AssignmentDeadlines {
  materials: MilestoneStatus;
  consultation: MilestoneStatus;
  hearing: MilestoneStatus;
  /** Any milestone done late or past due undone. */
  late: boolean;
  /** The longest delay of the three in days; null when none is late. */
  maxDelayDays: number | null;
}

/** The three deadlines of an assignment, in calendar days after its withdrawal date. */
export function assignmentDeadlines(
  withdrawalDate: string,
  done: { submittedOn: string | null; consultedOn: string | null; hearingDate: string | null },
  settings: DeadlineSettings,
  today: string,
): AssignmentDeadlines {
  const materials = milestoneStatus(addDays(withdrawalDate, settings.materialsDueDays), done.submittedOn, today);
  const consultation = milestoneStatus(addDays(withdrawalDate, settings.consultationDueDays), done.consultedOn, today);
  const hearing = milestoneStatus(addDays(withdrawalDate, settings.hearingDueDays), done.hearingDate, today);
  const delays = [materials, consultation, hearing].flatMap((m) => (m.days === null ? [] : [m.days]));
  return {
    materials,
    consultation,
    hearing,
    late: delays.length > 0,
    maxDelayDays: delays.length ? Math.max(...delays) : null,
  };
}

/** Why a hearing date cannot be recorded, or null. */
export function hearingDateProblem(hearingDate: string, withdrawalDate: string | null, today: string): string | null {
  if (withdrawalDate === null) return "该巡察任务尚未确定撤点日期，不能登记听取汇报";
  if (hearingDate < withdrawalDate) return `听取汇报日期不能早于撤点日期（${withdrawalDate}）`;
  if (hearingDate > today) return "听取汇报日期不能晚于今天";
  return null;
}
