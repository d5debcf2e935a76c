/**
 * Who may see and handle directives (点人点事). Pure functions of the actor and the directive:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The office (staff, head) records meetings and directives and confirms or returns reports.
 * - The secretary, leading group, commission and organisation dept. read everything (wide readers).
 * - The directive's owner account reports progress; it sees the directives it owns.
 * - The office confirms only a reported directive, and never one it reported itself.
 * - The three administrators never see any.
 */
import type { DirectiveAbilities } from "../../../domain/directive.ts";
import { hasAnyRole, isOffice, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export interface DirectiveState {
  status: string;
  ownerUserId: string | null;
  reportedBy: string | null;
}

export const seesAllDirectives = (a: Actor): boolean => !isAdminActor(a) && hasAnyRole(a, WIDE_READ_ROLES);

/** Meetings, figures and the whole list: wide readers only. */
export function viewAllDirectivesRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return seesAllDirectives(a) ? null : "只有巡察办、书记、领导小组、纪委监委和组织部可以查看点人点事";
}

export function viewDirectiveRefusal(a: Actor, d: DirectiveState): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllDirectives(a) || (d.ownerUserId !== null && d.ownerUserId === a.userId)) return null;
  return "您不是该事项的办理人，无权查看";
}

export function recordDirectivesRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以登记书记专题会和点人点事";
}

/** Role (who) refusals are answered 403; state (when) refusals 422: see commands.ts. */
export function reportRefusal(a: Actor, d: DirectiveState): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (d.ownerUserId === null || d.ownerUserId !== a.userId) return "只有该事项的办理人可以报告办理情况";
  return null;
}

export function reportStateReason(d: DirectiveState): string | null {
  if (d.status === "reported") return "已报告办结，等待巡察办确认";
  if (d.status === "closed") return "该事项已办结";
  return null;
}

/** Confirming or returning a report is the office's, and never the reporter's own. */
export function confirmRefusal(a: Actor, d: DirectiveState): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (!isOffice(a)) return "只有巡察办可以确认办结或退回";
  if (d.reportedBy !== null && d.reportedBy === a.userId) return "报告办结的人不能自行确认办结或退回";
  return null;
}

export function confirmStateReason(d: DirectiveState): string | null {
  if (d.status === "open") return "办理人尚未报告办结，不能确认办结或退回";
  if (d.status === "closed") return "该事项已办结";
  return null;
}

export function directiveCan(a: Actor, d: DirectiveState): DirectiveAbilities {
  const confirm = confirmRefusal(a, d) === null && confirmStateReason(d) === null;
  return {
    report: reportRefusal(a, d) === null && reportStateReason(d) === null,
    close: confirm,
    return: confirm,
  };
}
