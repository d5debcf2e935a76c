/**
 * Who may see and handle rectification plans. Pure functions of the actor and the plan's state: each `…Refusal`
 * returns the Chinese reason for a refusal, or null when the action is allowed. Role (who) refusals are answered
 * 403, state (when) refusals 422: see commands.ts.
 *
 * - A plan is seen by whoever sees its organisation's ledger rows (the ledger's canView): wide readers, the
 *   organisation's contact, supervising leaders of its subtree, the assignment's team.
 * - The organisation's contact (or the office) drafts and edits it; only the contact submits it.
 * - While it is under review the office, the commission and the organisation department add opinions.
 * - The office approves or returns it — never a version the same person submitted.
 */
import type { OpinionRole, PlanAbilities, PlanListStatus } from "../../../domain/plan.ts";
import { hasRole, isOffice, orgScopeMatches, type Actor } from "../../../domain/roles.ts";
import { canView } from "../ledger/policy.ts";

export interface PlanState {
  orgId: string;
  orgPath: string;
  teamId: string;
  status: PlanListStatus;
  /** Who submitted the version under review (null before the first submission). */
  submittedBy: string | null;
}

export const canViewPlan = (a: Actor, p: PlanState): boolean =>
  canView(a, { orgId: p.orgId, orgPath: p.orgPath, teamId: p.teamId, status: "open", closeRequestedBy: null });

const isContactOf = (a: Actor, p: PlanState) => orgScopeMatches(a, { id: p.orgId, path: p.orgPath }, ["org_contact"]);

/** The role an opinion is written in, from the author's grants (the office first); null for anyone else. */
export function opinionRoleOf(a: Actor): OpinionRole | null {
  if (isOffice(a)) return "office";
  if (hasRole(a, "commission")) return "commission";
  if (hasRole(a, "org_dept")) return "org_dept";
  return null;
}

export function draftRefusal(a: Actor, p: PlanState): string | null {
  return isContactOf(a, p) || isOffice(a) ? null : "只有该单位的联络人或巡察办可以编制整改方案";
}

export function createStateReason(p: PlanState): string | null {
  return p.status === "not_started" ? null : "该巡察任务已有整改方案";
}

export function editStateReason(p: PlanState): string | null {
  if (p.status === "submitted") return "整改方案已报送，等待审核，不能修改";
  if (p.status === "approved") return "整改方案已审核通过，不能修改";
  if (p.status === "not_started") return "尚未编制整改方案";
  return null;
}

export function submitRefusal(a: Actor, p: PlanState): string | null {
  return isContactOf(a, p) ? null : "只有该单位的联络人可以报送整改方案";
}

export function opinionRefusal(a: Actor): string | null {
  return opinionRoleOf(a) ? null : "只有巡察办、纪委监委和组织部可以对整改方案提出意见";
}

export function opinionStateReason(p: PlanState): string | null {
  return p.status === "submitted" ? null : "只能对已报送、待审核的整改方案提出意见";
}

/** Approving or returning is the office's, and never on a version the same person submitted. */
export function reviewRefusal(a: Actor, p: PlanState): string | null {
  if (!isOffice(a)) return "只有巡察办可以审核整改方案";
  if (p.submittedBy !== null && p.submittedBy === a.userId) return "不能审核自己报送的整改方案";
  return null;
}

export function reviewStateReason(p: PlanState): string | null {
  if (p.status === "approved") return "整改方案已审核通过";
  return p.status === "submitted" ? null : "整改方案尚未报送，不能审核";
}

export function planCan(a: Actor, p: PlanState): PlanAbilities {
  if (!canViewPlan(a, p)) return { create: false, edit: false, submit: false, addOpinion: false, approve: false, return: false };
  const draft = draftRefusal(a, p) === null;
  const review = reviewRefusal(a, p) === null && reviewStateReason(p) === null;
  return {
    create: draft && createStateReason(p) === null,
    edit: draft && editStateReason(p) === null,
    submit: submitRefusal(a, p) === null && editStateReason(p) === null,
    addOpinion: opinionRefusal(a) === null && opinionStateReason(p) === null,
    approve: review,
    return: review,
  };
}
