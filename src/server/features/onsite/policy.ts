/**
 * Who may see and write pre-inspection requests and on-site records. Pure functions of the actor and the record:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - Pre-inspection requests: the office and the team's leader, deputy leaders and liaison send them and record the
 *   replies; every member of the team and the office read them.
 * - On-site records: each member of the assignment's team records their own and changes only their own; the team
 *   and the office read them all.
 * - The three administrators never see any.
 */
import { isOffice, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import { isAdminActor, sitsOnTeam } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
const REQUEST_POSITIONS: readonly TeamPosition[] = ["leader", "deputy_leader", "liaison"];

interface Asg {
  teamId: string;
}

export function viewPreRequestsRefusal(a: Actor, asg: Asg): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办和该巡察组成员可以查看巡前函请";
}

export function writePreRequestsRefusal(a: Actor, asg: Asg): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || a.teamSeats.some((s) => s.teamId === asg.teamId && REQUEST_POSITIONS.includes(s.position))) return null;
  return "只有巡察办和该巡察组组长、副组长、联络员可以发出函请和登记回复";
}

export function replyStateReason(r: { repliedOn: string | null }): string | null {
  return r.repliedOn !== null ? "该函请已登记回复" : null;
}

export function preRequestCan(a: Actor, asg: Asg, r: { repliedOn: string | null }) {
  const write = writePreRequestsRefusal(a, asg) === null;
  return { reply: write && replyStateReason(r) === null, addAttachment: write };
}

export function viewSiteRecordsRefusal(a: Actor, asg: Asg): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办和该巡察组成员可以查看巡察记录";
}

export function createSiteRecordRefusal(a: Actor, asg: Asg): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return sitsOnTeam(a, asg.teamId) ? null : "只有该巡察组成员可以登记巡察记录";
}

/** A record is its author's: only they change it or add files to it, while they sit on the team. */
export function editSiteRecordRefusal(a: Actor, asg: Asg, r: { authorId: string | null }): string | null {
  const refusal = createSiteRecordRefusal(a, asg);
  if (refusal) return refusal;
  return r.authorId === a.userId ? null : "只能修改本人登记的巡察记录";
}

export function siteRecordCan(a: Actor, asg: Asg, r: { authorId: string | null }) {
  const edit = editSiteRecordRefusal(a, asg, r) === null;
  return { update: edit, addAttachment: edit };
}
