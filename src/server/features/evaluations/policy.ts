/**
 * Who may see and do evaluations and revisits. Pure functions of the actor (and the record's state):
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - Wide readers (office, leading group, commission, organisation dept., secretary) see grades and revisits.
 * - Only the office confirms a grade, draws a revisit sample and records what a revisit found.
 * - A grade is given only after the rectification period has ended; a relapse, once recorded, stands
 *   (it reopened the ledger row).
 */
import { GRADE_LABELS, type Grade } from "../../../domain/evaluation.ts";
import { hasAnyRole, isOffice, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export function viewEvaluationsRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return hasAnyRole(a, WIDE_READ_ROLES) ? null : "只有巡察办、书记、领导小组、纪委监委和组织部可以查看整改评估和回头看";
}

export function confirmRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以确定整改评估等次";
}

export function confirmStateReason(p: { feedbackDate: string | null; end: string | null; ended: boolean }): string | null {
  if (!p.feedbackDate || !p.end) return "该巡察任务尚未反馈，不能评估";
  return p.ended ? null : `集中整改期至${p.end}，尚未结束，结束后才能评估`;
}

/** A grade other than the suggested one needs the office's reason. */
export function reasonProblem(grade: Grade, suggested: Grade, reason: string | null): string | null {
  if (grade === suggested || reason) return null;
  return `所定等次“${GRADE_LABELS[grade]}”与建议等次“${GRADE_LABELS[suggested]}”不同，请说明理由`;
}

export function revisitRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以抽取回头看样本和登记核查结果";
}

export function recordStateReason(item: { result: string }): string | null {
  return item.result === "relapse" ? "该条目已认定为问题反弹并重新打开，不能再修改核查结果" : null;
}

export function relapseReason(row: { status: string }): string | null {
  return row.status === "closed" ? null : "只有已销号的条目才能认定为问题反弹；该条目尚未销号，请登记为“整改未到位”";
}

export const evaluationCan = (a: Actor, p: Parameters<typeof confirmStateReason>[0]) => ({
  confirm: confirmRefusal(a) === null && confirmStateReason(p) === null,
});

export const revisitItemCan = (a: Actor, item: { result: string }) => ({
  record: revisitRefusal(a) === null && recordStateReason(item) === null,
});
