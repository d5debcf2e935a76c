/**
 * Who may see and handle petitions (信访举报). Pure functions of the actor and the assignment's team: each
 * `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The office and the members of the assignment's team see the petitions and record those that come by letter,
 *   call, visit or online; nobody's list ever carries a sender's identity.
 * - The team leader or deputy leader, and the office, handle them (transfer, reply, turn into a finding or a lead).
 * - A named sender's identity is shown only to the leader of that assignment's team and to the office head, and
 *   every look at it is recorded.
 * - The office and the team leader make (or replace) the assignment's public form address (码上巡察).
 * - The three administrators never see any.
 */
import type { PetitionAbilities } from "../../../domain/petition.ts";
import { hasRole, isOffice, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import { isAdminActor, sitsOnTeam } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
export const IDENTITY_REFUSAL = "举报人身份信息仅限巡察组组长和巡察办主任查看";

export interface PetitionScope {
  teamId: string;
}

const holds = (a: Actor, teamId: string, positions: readonly TeamPosition[]): boolean =>
  !isAdminActor(a) && a.teamSeats.some((s) => s.teamId === teamId && positions.includes(s.position));

export function viewPetitionsRefusal(a: Actor, asg: PetitionScope): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办和该巡察组成员可以查看信访举报";
}

/** Recording a petition, or adding a file to one: the office and any member of the team. */
export function recordPetitionRefusal(a: Actor, asg: PetitionScope): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办和该巡察组成员可以登记信访举报";
}

export function handlePetitionRefusal(a: Actor, asg: PetitionScope): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || holds(a, asg.teamId, ["leader", "deputy_leader"])) return null;
  return "只有巡察组组长、副组长和巡察办可以办理信访举报";
}

/** The leader of this assignment's team, or the office head: no one else, whatever else they may read. */
export function viewIdentityRefusal(a: Actor, asg: PetitionScope): string | null {
  if (isAdminActor(a)) return IDENTITY_REFUSAL;
  if (holds(a, asg.teamId, ["leader"]) || hasRole(a, "office_head")) return null;
  return IDENTITY_REFUSAL;
}

export function manageLinkRefusal(a: Actor, asg: PetitionScope): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || holds(a, asg.teamId, ["leader"])) return null;
  return "只有巡察办和巡察组组长可以生成码上巡察二维码";
}

export function petitionCan(a: Actor, asg: PetitionScope, p: { anonymous: boolean }): PetitionAbilities {
  return {
    handle: handlePetitionRefusal(a, asg) === null,
    viewIdentity: !p.anonymous && viewIdentityRefusal(a, asg) === null,
    addAttachment: recordPetitionRefusal(a, asg) === null,
  };
}
