/**
 * Grants are the security administrator's job alone. Only business roles are granted here; the three
 * administrators' own roles come with their accounts (created by the system administrator).
 */
import { forbidden, ruleViolation } from "../../../domain/errors.ts";
import {
  ADMIN_ROLES,
  GRANTABLE_ROLES,
  hasRole,
  isAdminRole,
  ORG_SCOPED_ROLES,
  ROLE_LABELS,
  type Actor,
  type GrantableRole,
} from "../../../domain/roles.ts";

export const BUSINESS_ROLES = GRANTABLE_ROLES.filter((r) => !isAdminRole(r));

export function assertManageGrants(a: Actor): void {
  if (!hasRole(a, "security_admin")) throw forbidden("仅安全保密管理员可以管理角色授权");
}

export interface GrantRequest {
  role: GrantableRole;
  orgId: string | null;
  grantee: { id: string; roles: string[] };
  /** Whether orgId names an organisation that exists. */
  orgExists: boolean;
  /** Whether the grantee already holds this role (with this organisation). */
  duplicate: boolean;
}

/** The rules of a grant, in the order a user would want to hear them. */
export function assertMayGrant(a: Actor, g: GrantRequest): void {
  assertManageGrants(a);
  if (isAdminRole(g.role)) throw ruleViolation(`“${ROLE_LABELS[g.role]}”属于三员角色，随账号由系统管理员创建，不能在此授予`);
  if (g.grantee.id === a.userId) throw ruleViolation("不能给自己授予角色");
  if (g.grantee.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r))) {
    throw ruleViolation("该账号是三员账号，不能再授予业务角色");
  }
  if (ORG_SCOPED_ROLES.includes(g.role)) {
    if (!g.orgId) throw ruleViolation(`授予“${ROLE_LABELS[g.role]}”须指定所属单位`);
    if (!g.orgExists) throw ruleViolation("所选单位不存在或已删除");
  } else if (g.orgId) {
    throw ruleViolation(`“${ROLE_LABELS[g.role]}”不按单位授权，不能指定单位`);
  }
  if (g.duplicate) throw ruleViolation("该用户已有相同的授权");
}

export const grantCan = (a: Actor, g: { role: string }) => ({
  revoke: hasRole(a, "security_admin") && !(ADMIN_ROLES as readonly string[]).includes(g.role),
});

export function assertMayRevoke(a: Actor, g: { role: string; userId: string }): void {
  assertManageGrants(a);
  if ((ADMIN_ROLES as readonly string[]).includes(g.role)) throw ruleViolation("三员角色随账号设置，不能在此撤销");
}
