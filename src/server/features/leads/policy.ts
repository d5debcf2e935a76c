/**
 * Who may see and handle leads (问题线索) and consultations (办组会商). Pure functions of the actor and the record:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * Leads are confidential. A lead is visible ONLY to
 * - the office head (office_head),
 * - the leader of its assignment's team (a team seat with position leader on that team),
 * - the discipline commission (commission).
 * Everyone else — office staff, other team members, organisation contacts, supervising leaders, the secretary … —
 * never sees a lead: not in lists, not in counts, and a lead asked for by its id is "not found".
 *
 * - The team leader registers leads and edits them until they are transferred.
 * - The office head writes the pre-transfer review note; the team leader or the office head transfers.
 * - The commission records the handling.
 * - Consultations: the office records them; the office and the assignment's team read them, minus the decisions on
 *   leads the reader may not see.
 */
import { sql, type SQL } from "drizzle-orm";
import { isFinalLeadStatus, type LeadAbilities } from "../../../domain/lead.ts";
import { hasAnyRole, hasRole, isOffice, type Actor } from "../../../domain/roles.ts";
import { isAdminActor, sitsOnTeam } from "../rounds/policy.ts";

export const LEADS_REFUSAL = "问题线索仅限巡察办主任、巡察组组长和纪委监委查看";

/** What the lead rules look at. */
export interface LeadState {
  teamId: string;
  status: string;
  transferredOn: string | null;
}

/** Sees every lead: the office head and the commission. */
export const seesAllLeads = (a: Actor): boolean => !isAdminActor(a) && hasAnyRole(a, ["office_head", "commission"]);

/** Teams on which the actor sits as leader. */
export const leaderTeamIds = (a: Actor): string[] =>
  isAdminActor(a) ? [] : a.teamSeats.filter((s) => s.position === "leader").map((s) => s.teamId);

export const isLeaderOf = (a: Actor, teamId: string): boolean => leaderTeamIds(a).includes(teamId);

export const canViewLead = (a: Actor, l: { teamId: string }): boolean => seesAllLeads(a) || isLeaderOf(a, l.teamId);

/** Lists and figures: refused (403) only to those who may see no lead at all. */
export function viewLeadsRefusal(a: Actor): string | null {
  return seesAllLeads(a) || leaderTeamIds(a).length > 0 ? null : LEADS_REFUSAL;
}

/**
 * The leads an actor may see, as one SQL condition on the assignment's team (leads joined with assignments).
 * The same rule as canViewLead, for lists and counts: undefined = all, and `false` for those who see none.
 */
export function visibleLeads(a: Actor, cols: { teamId: unknown }): SQL | undefined {
  if (seesAllLeads(a)) return undefined;
  const teams = leaderTeamIds(a);
  if (!teams.length) return sql`false`;
  return sql`${cols.teamId} in (${sql.join(
    teams.map((t) => sql`${t}`),
    sql`, `,
  )})`;
}

/** Registering: the leader of the assignment's team. */
export function createLeadRefusal(a: Actor, asg: { teamId: string }): string | null {
  return isLeaderOf(a, asg.teamId) ? null : "只有该巡察组组长可以登记问题线索";
}

/** Role refusals (403); the caller has already answered "not found" to those who may not see the lead. */
export function updateLeadRefusal(a: Actor, l: LeadState): string | null {
  return isLeaderOf(a, l.teamId) ? null : "只有该巡察组组长可以修改问题线索";
}

export function reviewLeadRefusal(a: Actor): string | null {
  return !isAdminActor(a) && hasRole(a, "office_head") ? null : "只有巡察办主任可以填写移交前审核意见";
}

export function transferLeadRefusal(a: Actor, l: LeadState): string | null {
  if (isLeaderOf(a, l.teamId)) return null;
  return !isAdminActor(a) && hasRole(a, "office_head") ? null : "只有该巡察组组长或巡察办主任可以移交问题线索";
}

export function handleLeadRefusal(a: Actor): string | null {
  return !isAdminActor(a) && hasRole(a, "commission") ? null : "只有纪委监委可以登记问题线索处置情况";
}

/** State refusals (422): a transferred lead is with the commission and no longer changes on the inspection side. */
export function editStateReason(l: LeadState): string | null {
  return l.transferredOn ? "问题线索已移交纪委监委，不能再修改" : null;
}

export function leadCan(a: Actor, l: LeadState): LeadAbilities {
  const open = editStateReason(l) === null;
  return {
    update: open && updateLeadRefusal(a, l) === null,
    review: open && reviewLeadRefusal(a) === null,
    transfer: open && transferLeadRefusal(a, l) === null,
    handle: l.transferredOn !== null && !isFinalLeadStatus(l.status) && handleLeadRefusal(a) === null,
  };
}

// ——— consultations ———

export function viewConsultationsRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
  return isOffice(a) || sitsOnTeam(a, asg.teamId) ? null : "只有巡察办和该巡察组成员可以查看办组会商";
}

export function recordConsultationRefusal(a: Actor): string | null {
  return !isAdminActor(a) && isOffice(a) ? null : "只有巡察办可以登记办组会商";
}

/** A decision on a lead is shown only to those who may see the lead; decisions on findings to every reader. */
export const canSeeDecision = (a: Actor, d: { leadId: string | null }, asg: { teamId: string }): boolean =>
  d.leadId === null || canViewLead(a, asg);
