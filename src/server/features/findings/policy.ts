/**
 * Findings are the team's working material: the office, the leading group, the secretary and the members of the
 * assignment's team see them;
 * the same people enter and change them until they are fed back (then the finding belongs to a feedback
 * problem and is read-only). The team's leader or a deputy leader, or the office, records an immediate fix
 * (立行立改) once the finding has evidence. The three administrators never see any.
 */
import { hasAnyRole, isOffice, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import { enterFindingsRefusal, isAdminActor, sitsOnTeam } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
const FIX_POSITIONS: readonly TeamPosition[] = ["leader", "deputy_leader"];

export function viewFindingsRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  // The leading group and the secretary hear the reports, so they read the findings too.
  if (isOffice(a) || hasAnyRole(a, ["leading_group", "secretary"]) || sitsOnTeam(a, asg.teamId)) return null;
  return "只有巡察办、领导小组、书记和该巡察组成员可以查看问题";
}

/** Who may enter, change and delete findings of an assignment (role only; see findingLockedReason for state). */
export const writeFindingsRefusal = enterFindingsRefusal;

/** Once fed back, a finding is part of the feedback and its ledger: it cannot change any more. */
export function findingLockedReason(f: { problemId: string | null }): string | null {
  return f.problemId ? "该问题已反馈，不能修改" : null;
}

/** 立行立改 is recorded by the team's leader or a deputy leader, or by the office. */
export function fixRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || a.teamSeats.some((s) => s.teamId === asg.teamId && FIX_POSITIONS.includes(s.position))) return null;
  return "只有巡察办和该巡察组组长、副组长可以登记立行立改";
}

/** A finding is fixed once; after that (or once fed back) it cannot be marked again. */
export function fixStateReason(f: { problemId: string | null; immediateFix: boolean }): string | null {
  return findingLockedReason(f) ?? (f.immediateFix ? "该问题已登记立行立改" : null);
}

export function findingCan(a: Actor, asg: { teamId: string }, f: { problemId: string | null; immediateFix: boolean }) {
  const editable = writeFindingsRefusal(a, asg) === null && findingLockedReason(f) === null;
  return {
    update: editable,
    delete: editable,
    addEvidence: editable,
    fix: fixRefusal(a, asg) === null && fixStateReason(f) === null,
  };
}

/** The taxonomy is read by every business user (labels, forms) and edited by the office. */
export function viewTaxonomyRefusal(a: Actor): string | null {
  return isAdminActor(a) ? ADMIN_REFUSAL : null;
}

export function editTaxonomyRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以修改问题分类";
}
