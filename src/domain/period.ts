/**
 * The concentrated rectification period (集中整改期) of one assignment: it starts on the feedback date and lasts
 * `concentratedPeriodMonths` calendar months (the end is computed, never stored). Within it the organisation holds
 * its rectification meeting (整改专题民主生活会, which the commission and the organisation department should
 * attend), reports its progress at the end, and discloses it twice: an internal notice (党内通报) and a public
 * announcement (社会公开). Each of these is done on time, done late, missing, or still pending.
 */
import { z } from "zod";
import { addMonths, isoDate } from "./calendar.ts";

export const PERIOD_ITEMS = ["meeting", "progressReport", "internalNotice", "publicAnnouncement"] as const;
export type PeriodItem = (typeof PERIOD_ITEMS)[number];
export const PERIOD_ITEM_LABELS: Record<PeriodItem, string> = {
  meeting: "整改专题民主生活会",
  progressReport: "整改进展情况报告",
  internalNotice: "党内通报",
  publicAnnouncement: "社会公开",
};

/** done: on or before the period's end; late: after it; missing: the period ended without it; pending: not yet. */
export const PERIOD_ITEM_STATES = ["done", "late", "missing", "pending"] as const;
export type PeriodItemState = (typeof PERIOD_ITEM_STATES)[number];
export const PERIOD_ITEM_STATE_LABELS: Record<PeriodItemState, string> = {
  done: "按时",
  late: "逾期完成",
  missing: "未完成",
  pending: "进行中",
};

/** What is recorded for a period (all empty before the organisation records anything). */
export type PeriodRecord = {
  meetingDate: string | null;
  meetingAttendees: string | null;
  commissionAttended: boolean;
  orgDeptAttended: boolean;
  progressReportDate: string | null;
  progressReportNote: string | null;
  internalNoticeDate: string | null;
  publicAnnouncementDate: string | null;
  publicAnnouncementPlace: string | null;
};

export const EMPTY_PERIOD: PeriodRecord = {
  meetingDate: null,
  meetingAttendees: null,
  commissionAttended: false,
  orgDeptAttended: false,
  progressReportDate: null,
  progressReportNote: null,
  internalNoticeDate: null,
  publicAnnouncementDate: null,
  publicAnnouncementPlace: null,
};

/** The period's last day: feedback + N calendar months (a month-end is kept, e.g. 12-31 + 2 → 02-28/29). */
export const periodEnd = (feedbackDate: string, months: number): string => addMonths(feedbackDate, months);

/** The period has ended once today is past its last day. */
export const periodEnded = (end: string, today: string): boolean => today > end;

export function itemState(doneOn: string | null, end: string, today: string): PeriodItemState {
  if (doneOn !== null) return doneOn > end ? "late" : "done";
  return periodEnded(end, today) ? "missing" : "pending";
}

const ITEM_DATE: Record<PeriodItem, keyof PeriodRecord> = {
  meeting: "meetingDate",
  progressReport: "progressReportDate",
  internalNotice: "internalNoticeDate",
  publicAnnouncement: "publicAnnouncementDate",
};

const MISSING_TEXT: Record<PeriodItem, string> = {
  meeting: "未召开整改专题民主生活会",
  progressReport: "未报告整改进展情况",
  internalNotice: "未在党内通报整改情况",
  publicAnnouncement: "未向社会公开整改情况",
};

const LATE_TEXT: Record<PeriodItem, string> = {
  meeting: "整改专题民主生活会逾期召开",
  progressReport: "整改进展情况逾期报告",
  internalNotice: "党内通报逾期",
  publicAnnouncement: "社会公开逾期",
};

export interface PeriodStatus {
  start: string;
  end: string;
  ended: boolean;
  states: Record<PeriodItem, PeriodItemState>;
  /** The meeting was held without the commission (纪委监委) or the organisation department (组织部). */
  commissionAbsent: boolean;
  orgDeptAbsent: boolean;
  /** Each shortfall in the user's words; empty when nothing is late or missing. */
  missing: string[];
}

export function periodStatus(feedbackDate: string, months: number, rec: PeriodRecord, today: string): PeriodStatus {
  const end = periodEnd(feedbackDate, months);
  const states = {} as Record<PeriodItem, PeriodItemState>;
  const missing: string[] = [];
  for (const item of PERIOD_ITEMS) {
    const date = rec[ITEM_DATE[item]] as string | null;
    const state = itemState(date, end, today);
    states[item] = state;
    if (state === "missing") missing.push(MISSING_TEXT[item]);
    if (state === "late") missing.push(`${LATE_TEXT[item]}（${date}，整改期至${end}）`);
  }
  const held = rec.meetingDate !== null;
  const commissionAbsent = held && !rec.commissionAttended;
  const orgDeptAbsent = held && !rec.orgDeptAttended;
  if (commissionAbsent) missing.push("整改专题民主生活会纪委监委未列席");
  if (orgDeptAbsent) missing.push("整改专题民主生活会组织部未列席");
  return { start: feedbackDate, end, ended: periodEnded(end, today), states, commissionAbsent, orgDeptAbsent, missing };
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不超过${max}字`)
    .nullish()
    .transform((v) => v || null);
const date = isoDate.nullish().transform((v) => v ?? null);

export const periodInputSchema = z.object({
  meetingDate: date,
  meetingAttendees: text("参会人员", 1000),
  commissionAttended: z.boolean({ error: "纪委监委是否列席应为是或否" }).default(false),
  orgDeptAttended: z.boolean({ error: "组织部是否列席应为是或否" }).default(false),
  progressReportDate: date,
  progressReportNote: text("进展情况说明", 4000),
  internalNoticeDate: date,
  publicAnnouncementDate: date,
  publicAnnouncementPlace: text("公开地点或方式", 200),
  /** 0 when nothing has been recorded yet. */
  version: z.number({ error: "缺少版本号" }).int().min(0),
});
export type PeriodInput = z.infer<typeof periodInputSchema>;

/** Rules on what is recorded, given the feedback date and today: each broken rule in Chinese. */
export function periodInputProblems(input: Omit<PeriodInput, "version">, feedbackDate: string, today: string): string[] {
  const problems: string[] = [];
  for (const item of PERIOD_ITEMS) {
    const d = input[ITEM_DATE[item]] as string | null;
    if (d === null) continue;
    if (d < feedbackDate) problems.push(`${PERIOD_ITEM_LABELS[item]}的日期（${d}）不能早于反馈日期（${feedbackDate}）`);
    if (d > today) problems.push(`${PERIOD_ITEM_LABELS[item]}的日期（${d}）不能晚于今天，请在完成后登记`);
  }
  if (input.meetingDate === null && (input.commissionAttended || input.orgDeptAttended || input.meetingAttendees))
    problems.push("请先填写整改专题民主生活会的召开日期，再登记参会情况");
  if (input.publicAnnouncementDate !== null && !input.publicAnnouncementPlace) problems.push("请填写社会公开的地点或方式");
  if (input.publicAnnouncementDate === null && input.publicAnnouncementPlace) problems.push("请填写社会公开的日期");
  return problems;
}

/** What a user may do to a period, computed by the server's policy. */
export interface PeriodAbilities {
  edit: boolean;
}
