import { and, asc, eq, isNull } from "drizzle-orm";
import { ROLE_LABELS, type GrantableRole } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { orgs, roleGrants, users } from "../../db/schema.ts";
import { listUsers } from "../users/queries.ts";

/** Accounts a role may be granted to (or looked at), with their admin role if any. */
export async function grantableUsers(db: Db) {
  return (await listUsers(db)).map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    adminRole: u.adminRole,
  }));
}

/** Organisations as a reference list for scopes: names only, no business data. */
export async function orgReferenceList(db: Db) {
  return db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(isNull(orgs.deletedAt))
    .orderBy(asc(orgs.path));
}

export interface GrantRow {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: Date;
}

export async function listGrants(db: Db, filter: { userId?: string | undefined; id?: string }): Promise<GrantRow[]> {
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      username: users.username,
      displayName: users.displayName,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgName: orgs.name,
      createdAt: roleGrants.createdAt,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(
      and(
        isNull(roleGrants.deletedAt),
        isNull(users.deletedAt),
        filter.userId ? eq(roleGrants.userId, filter.userId) : undefined,
        filter.id ? eq(roleGrants.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(users.username), asc(roleGrants.createdAt));
  return rows.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role as GrantableRole] ?? r.role }));
}
