/**
 * Who may see and handle common problems (共性问题) and fix-alike campaigns (同类同改 / 未巡先改). Pure functions of
 * the actor: each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The office (staff, head) lists common problems, accepts proposals of similar findings and launches campaigns.
 * - Wide readers (secretary, leading group, commission, organisation dept.) and functional departments, to whom
 *   recommendation letters about common problems go, read the list, the findings and the campaigns' responses.
 * - Target organisations answer a campaign in their own ledger (the ledger's policy), not here.
 * - The three administrators never see any.
 */
import type { CommonProblemAbilities } from "../../../domain/common.ts";
import { hasAnyRole, hasRole, isOffice, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export const seesCommonProblems = (a: Actor): boolean =>
  !isAdminActor(a) && (hasAnyRole(a, WIDE_READ_ROLES) || hasRole(a, "functional_dept"));

export function viewCommonProblemsRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return seesCommonProblems(a) ? null : "只有巡察办、书记、领导小组、纪委监委、组织部和职能部门可以查看共性问题";
}

/** Proposals read findings of every organisation: the office's working material. */
export function proposeRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以查看相似问题推荐";
}

export function manageCommonProblemsRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以新建和修改共性问题";
}

export function launchCampaignRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以部署同类同改、未巡先改";
}

/** A common problem is one seen in several organisations: at least two findings of at least two of them. */
export function spanReason(findings: ReadonlyArray<{ orgId: string }>): string | null {
  const orgs = new Set(findings.map((f) => f.orgId)).size;
  if (findings.length < 2 || orgs < 2) return "共性问题须包含至少两个不同单位的问题";
  return null;
}

export function commonProblemCan(a: Actor): CommonProblemAbilities {
  return { update: manageCommonProblemsRefusal(a) === null, launchCampaign: launchCampaignRefusal(a) === null };
}

/** Targets may be added to a campaign until its due date has passed. */
export function addTargetsStateReason(c: { dueDate: string }, today: string): string | null {
  return c.dueDate < today ? "本次部署的整改时限已过，不能追加单位" : null;
}
