/** Accounts are the system administrator's job alone (三员分立). */
import { forbidden } from "../../../domain/errors.ts";
import { hasRole, type Actor } from "../../../domain/roles.ts";

export function assertManageUsers(a: Actor): void {
  if (!hasRole(a, "system_admin")) throw forbidden("仅系统管理员可以管理用户账号");
}

export interface UserState {
  id: string;
  active: boolean;
  lockedUntil: Date | null;
}

/** What the system administrator may do to one account: the web hides what is false. */
export function userCan(a: Actor, u: UserState, now: Date) {
  const self = u.id === a.userId;
  return {
    edit: true,
    deactivate: u.active && !self,
    activate: !u.active,
    resetPassword: !self,
    unlock: u.lockedUntil !== null && u.lockedUntil > now,
  };
}
