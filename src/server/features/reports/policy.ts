/**
 * Who may read and write the team's report, and who sees the deadlines. Pure functions of the actor and the
 * assignment: each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The report is read by those who read the findings (office, leading group, secretary, the assignment's team).
 * - It is written and submitted by the team's leader, deputy leader and liaison; the office may also edit it
 *   (members without an account cannot type, so the office enters for them).
 * - The deadlines are seen by the wide readers (every assignment) and by team members (their assignments).
 * - Only the office records when the leading group heard the report.
 * - The three administrators never see any of it.
 */
import type { ReportStatus } from "../../../domain/report.ts";
import { isOffice, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import { viewFindingsRefusal } from "../findings/policy.ts";
import { isAdminActor, seesAllRounds, teamIdsOf } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
const REPORT_WRITERS: readonly TeamPosition[] = ["leader", "deputy_leader", "liaison"];

/** The report shows every finding of the assignment, so it has the findings' readers. */
export const viewReportRefusal = viewFindingsRefusal;

export function writeReportRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a)) return null;
  const seat = a.teamSeats.find((s) => s.teamId === asg.teamId);
  if (!seat) return "您不是该巡察组成员，不能撰写巡察报告";
  if (!REPORT_WRITERS.includes(seat.position)) return "只有巡察组组长、副组长、联络员和巡察办可以撰写和报送巡察报告";
  return null;
}

export function viewDeadlinesRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllRounds(a) || a.teamSeats.length > 0) return null;
  return "只有巡察办、书记、领导小组、纪委监委、组织部和巡察组成员可以查看报告和听取汇报时限";
}

/** Team members see the deadlines of their own teams' assignments only; null means all. */
export const deadlineTeamScope = (a: Actor): string[] | null => (seesAllRounds(a) ? null : teamIdsOf(a));

export function recordHearingRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以登记听取汇报";
}

export interface ReportAbilities {
  view: boolean;
  save: boolean;
  submit: boolean;
  recordHearing: boolean;
}

export function reportCan(a: Actor, asg: { teamId: string }, report: { status: string } | null): ReportAbilities {
  const write = writeReportRefusal(a, asg) === null;
  return {
    view: viewReportRefusal(a, asg) === null,
    save: write,
    submit: write && report !== null && (report.status as ReportStatus) !== "submitted",
    recordHearing: recordHearingRefusal(a) === null,
  };
}
