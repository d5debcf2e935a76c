/**
 * Three-colour warnings (三色预警) on the deadlines of open ledger rows, counted in working days:
 * - green: more than warnYellowDays and at most warnGreenDays working days left → the row's owner (its organisation's contacts);
 * - yellow: at most warnYellowDays working days left (0 = due today) → the owner and the supervising leaders;
 * - red: the deadline has passed → the organisation and its party secretary, and the office is advised to send a
 *   supervision letter (one notice per organisation).
 * Working days left are those after today up to and including the deadline (WorkCalendar.workingDaysBetween).
 */
import { parseIso, type WorkCalendar } from "./calendar.ts";

export const WARNING_LEVELS = ["green", "yellow", "red"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  green: "绿色预警",
  yellow: "黄色预警",
  red: "红色预警",
};

/** What a notice is about: one of the warnings, or the office's suggestion to send a supervision letter. */
export const NOTIFICATION_KINDS = ["warning_green", "warning_yellow", "warning_red", "overdue_org"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  warning_green: "绿色预警",
  warning_yellow: "黄色预警",
  warning_red: "红色预警",
  overdue_org: "建议督办",
};
export const warningKind = (level: WarningLevel): NotificationKind => `warning_${level}`;
export const notificationKindLabel = (kind: string): string => NOTIFICATION_KIND_LABELS[kind as NotificationKind] ?? "提醒";

export interface WarningDays {
  /** warnGreenDays: green from this many working days before the deadline. */
  greenDays: number;
  /** warnYellowDays: yellow from this many working days before the deadline (fewer than greenDays). */
  yellowDays: number;
}

/**
 * The warning levels of every deadline as seen on one day, as date bounds: a deadline earlier than `today` is red,
 * earlier than `yellowBefore` yellow, earlier than `greenBefore` green. Computed once per run, so rows are classed
 * (and selected in SQL) by comparing dates instead of counting days for each row.
 */
export interface WarningWindow {
  today: string;
  yellowBefore: string;
  greenBefore: string;
}

export function warningWindow(cal: WorkCalendar, today: string, days: WarningDays): WarningWindow {
  // At most n working days are left before D exactly when D comes before the (n+1)-th working day after today.
  return {
    today,
    yellowBefore: cal.addWorkingDays(today, days.yellowDays + 1),
    greenBefore: cal.addWorkingDays(today, days.greenDays + 1),
  };
}

export function warningLevel(w: WarningWindow, deadline: string): WarningLevel | null {
  if (deadline < w.today) return "red";
  if (deadline < w.yellowBefore) return "yellow";
  if (deadline < w.greenBefore) return "green";
  return null;
}

/** Dedupe key of a row's warning: a changed deadline warns again, the same one never twice. */
export const rowWarningKey = (rowId: string, level: WarningLevel, deadline: string): string =>
  `warning:${rowId}:${level}:${deadline}`;

/** Dedupe key of the office's notice about an organisation: re-sent only when its set of overdue rows changes. */
export const overdueOrgKey = (orgId: string, rowSetDigest: string): string => `overdue_org:${orgId}:${rowSetDigest}`;

/** The letters screen opens a new supervision letter for these rows. */
export const supervisionLetterLink = (rowIds: readonly string[]): string => `/letters?new=supervision&rowIds=${rowIds.join(",")}`;

export const ledgerRowLink = (rowId: string): string => `/ledger?open=${rowId}`;

export interface WarnedRow {
  orgName: string;
  seqLabel: string;
  text: string;
  deadline: string;
}

const DAY = 86_400_000;
const excerpt = (s: string, n = 40): string => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

/** Title and body of a row's warning as its recipients read it (the level shows as a coloured tag beside it). */
export function warningText(
  level: WarningLevel,
  row: WarnedRow,
  today: string,
  cal: WorkCalendar,
): { title: string; body: string } {
  const what = `${row.orgName}第${row.seqLabel}项整改任务“${excerpt(row.text)}”`;
  if (level === "red") {
    const late = Math.round((parseIso(today).getTime() - parseIso(row.deadline).getTime()) / DAY);
    return {
      title: `${row.orgName}整改任务已逾期`,
      body: `${what}整改时限为${row.deadline}，已逾期${late}天，请立即整改并说明逾期原因。`,
    };
  }
  const left = cal.workingDaysBetween(today, row.deadline);
  const due = left === 0 ? "今天到期" : `距整改时限还有${left}个工作日`;
  if (level === "yellow") {
    return {
      title: `${row.orgName}整改任务即将到期`,
      body: `${what}整改时限为${row.deadline}，${due}，请加快整改进度，确保按时完成。`,
    };
  }
  return {
    title: `${row.orgName}整改任务临近整改时限`,
    body: `${what}整改时限为${row.deadline}，${due}，请抓紧推进整改。`,
  };
}

/** The office's notice about one organisation's overdue rows. */
export function overdueOrgText(orgName: string, overdueRows: number): { title: string; body: string } {
  return {
    title: `${orgName}整改任务逾期`,
    body: `${orgName}有${overdueRows}条整改任务已逾期，建议制发督办函`,
  };
}

/** What one run of the warning job found and sent. */
export type WarningRunCounts = {
  /** Rows at each level on the day of the run (whether or not their notice had been sent before). */
  green: number;
  yellow: number;
  red: number;
  /** Organisations with overdue rows, about which the office is advised to send a supervision letter. */
  officeNotices: number;
  /** Notices delivered by this run (those already delivered are never sent again). */
  sent: number;
};
