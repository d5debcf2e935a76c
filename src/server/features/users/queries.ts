import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { ADMIN_ROLES, ROLE_LABELS, type AdminRole, type GrantableRole } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { orgs, roleGrants, users } from "../../db/schema.ts";

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  adminRole: AdminRole | null;
  roles: Array<{ role: GrantableRole; label: string; orgName: string | null }>;
}

export const adminRoleOf = (roles: readonly string[]): AdminRole | null => ADMIN_ROLES.find((r) => roles.includes(r)) ?? null;

/** Accounts with their active grants (names only: the system administrator sees no business records). */
export async function listUsers(db: Db, ids?: string[]): Promise<UserRow[]> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(isNull(users.deletedAt), ids ? inArray(users.id, ids) : undefined))
    .orderBy(asc(users.createdAt), asc(users.username));
  if (!rows.length) return [];
  const grants = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, orgName: orgs.name })
    .from(roleGrants)
    .leftJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(
      and(
        isNull(roleGrants.deletedAt),
        inArray(
          roleGrants.userId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(roleGrants.createdAt));
  const byUser = new Map<string, UserRow["roles"]>();
  for (const g of grants) {
    const role = g.role as GrantableRole;
    const list = byUser.get(g.userId) ?? [];
    list.push({ role, label: ROLE_LABELS[role] ?? g.role, orgName: g.orgName });
    byUser.set(g.userId, list);
  }
  return rows.map((r) => {
    const roles = byUser.get(r.id) ?? [];
    return { ...r, roles, adminRole: adminRoleOf(roles.map((x) => x.role)) };
  });
}

export async function getUser(db: Db, id: string): Promise<UserRow | null> {
  return (await listUsers(db, [id]))[0] ?? null;
}
