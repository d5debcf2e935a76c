/**
 * Who may see and change the talent pool and its trainings. Pure functions of the actor and the record:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The inspection office keeps the pool: it enters, changes and removes people, their ties and trainings.
 * - The organisation department, which supplies pool members, reads it.
 * - The three administrators never see it, whatever else they hold.
 */
import { hasRole, isOffice, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export function viewPoolRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) || hasRole(a, "org_dept") ? null : "只有巡察办和组织部可以查看人才库";
}

export function managePoolRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以管理人才库和培训";
}

/** A removed person stays in the pool's history and is no longer changed. */
export function changePersonStateReason(p: { status: string; name: string }): string | null {
  return p.status === "removed" ? `${p.name} 已从人才库清退，不能再修改` : null;
}

export interface PersonAbilities {
  update: boolean;
  remove: boolean;
  manageRelations: boolean;
}

export function personCan(a: Actor, p: { status: string; name: string }): PersonAbilities {
  const manage = managePoolRefusal(a) === null && changePersonStateReason(p) === null;
  return { update: manage, remove: manage, manageRelations: manage };
}

export const poolCan = (a: Actor) => ({ manage: managePoolRefusal(a) === null });
