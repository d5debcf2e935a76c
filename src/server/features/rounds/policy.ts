/**
 * Who may see and change terms, rounds, teams and assignments. Pure functions of the actor and the record:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The inspection office plans: only office staff and the office head create or change these records.
 * - Wide readers (office, leading group, commission, organisation dept., secretary) see every round.
 * - A team member sees only the assignments of their own teams, and the rounds that contain them.
 * - The three administrators never see business records, whatever else they hold.
 */
import { forbidden } from "../../../domain/errors.ts";
import { ADMIN_ROLES, hasAnyRole, isOffice, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";

export const isAdminActor = (a: Actor): boolean => hasAnyRole(a, ADMIN_ROLES);
export const isOfficeActor = (a: Actor): boolean => !isAdminActor(a) && isOffice(a);
/** Sees every round and assignment. */
export const seesAllRounds = (a: Actor): boolean => !isAdminActor(a) && hasAnyRole(a, WIDE_READ_ROLES);
export const teamIdsOf = (a: Actor): string[] => (isAdminActor(a) ? [] : a.teamSeats.map((s) => s.teamId));
export const sitsOnTeam = (a: Actor, teamId: string): boolean => teamIdsOf(a).includes(teamId);

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export function viewRoundsRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllRounds(a) || a.teamSeats.length > 0) return null;
  return "您没有查看巡察轮次的权限";
}

/** A round is visible to a team member when one of their teams belongs to it. */
export function viewRoundRefusal(a: Actor, round: { teamIds: string[] }): string | null {
  const general = viewRoundsRefusal(a);
  if (general) return general;
  if (seesAllRounds(a) || round.teamIds.some((t) => sitsOnTeam(a, t))) return null;
  return "您不是该轮次巡察组成员，无权查看";
}

export function viewAssignmentRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllRounds(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "您不是该巡察组成员，无权查看该巡察任务";
}

/** Terms, rounds, teams, members and assignments are the office's to create and change. */
export function manageRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以管理届次、轮次、巡察组和巡察任务";
}

/** Office picks team members from the business accounts. */
export const pickPeopleRefusal = manageRefusal;

export function changeFeedbackDateRefusal(asg: { feedbackRegistered: boolean }): string | null {
  return asg.feedbackRegistered ? "已登记反馈意见，不能修改反馈日期" : null;
}

/** Findings are entered by the assignment's team (any position) and by the office. */
export function enterFindingsRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办和该巡察组成员可以登记问题";
}

export function registerFeedbackRefusal(a: Actor, asg: { feedbackRegistered: boolean }): string | null {
  if (isAdminActor(a) || !isOffice(a)) return "只有巡察办可以登记反馈意见";
  return asg.feedbackRegistered ? "该巡察任务已登记反馈意见" : null;
}

export const roundCan = (a: Actor) => ({ update: manageRefusal(a) === null, manage: manageRefusal(a) === null });

export const assignmentCan = (a: Actor, asg: { teamId: string; feedbackRegistered: boolean }) => ({
  update: manageRefusal(a) === null,
  addFinding: enterFindingsRefusal(a, asg) === null,
  registerFeedback: registerFeedbackRefusal(a, asg) === null,
});

/** Throws forbidden with the reason when a refusal is given. */
export function allow(refusal: string | null): void {
  if (refusal !== null) throw forbidden(refusal);
}
