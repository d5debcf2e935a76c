/**
 * Findings are the team's working material: the office, the leading group, the secretary and the members of the
 * assignment's team see them;
 * the same people enter and change them until they are fed back (then the finding belongs to a feedback
 * problem and is read-only). The three administrators never see any.
 */
import { hasAnyRole, isOffice, type Actor } from "../../../domain/roles.ts";
import { enterFindingsRefusal, isAdminActor, sitsOnTeam } from "../rounds/policy.ts";

export function viewFindingsRefusal(a: Actor, asg: { teamId: string }): string | null {
  if (isAdminActor(a)) return "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
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

export function findingCan(a: Actor, asg: { teamId: string }, f: { problemId: string | null }) {
  const editable = writeFindingsRefusal(a, asg) === null && findingLockedReason(f) === null;
  return { update: editable, delete: editable };
}
