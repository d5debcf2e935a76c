/**
 * Who may see and set a term's coverage plan. Pure functions of the actor: each `…Refusal` returns the Chinese
 * reason for a refusal, or null when the action is allowed.
 *
 * - Wide readers (office, leading group, commission, organisation dept., secretary) see the figures.
 * - Only the office sets the scope and the plan per year.
 * - The three administrators never see any.
 */
import { hasAnyRole, isOffice, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export function viewCoverageRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return hasAnyRole(a, WIDE_READ_ROLES) ? null : "只有巡察办、书记、领导小组、纪委监委和组织部可以查看巡察全覆盖情况";
}

export function planCoverageRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以设置巡察全覆盖范围和年度计划";
}

export const coverageCan = (a: Actor) => ({ plan: planCoverageRefusal(a) === null });
