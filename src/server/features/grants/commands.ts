/** Granting and revoking business roles. loadActor() reads grants on every request, so a change applies at once. */
import { and, eq, isNull } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { ROLE_LABELS, type GrantableRole } from "../../../domain/roles.ts";
import { created, runCommand } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { orgs, roleGrants, users } from "../../db/schema.ts";
import type { ActorOrigin } from "../users/commands.ts";
import { assertManageGrants, assertMayGrant, assertMayRevoke } from "./policy.ts";

export interface GrantInput {
  userId: string;
  role: GrantableRole;
  orgId?: string | null | undefined;
}

export async function grantRole(ctx: AppContext, origin: ActorOrigin, input: GrantInput): Promise<string> {
  assertManageGrants(origin.actor);
  const orgId = input.orgId ?? null;
  return runCommand(ctx, origin, async (s) => {
    const [grantee] = await s.tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
      .for("update");
    if (!grantee) throw notFound("用户");
    const held = await s.tx
      .select({ role: roleGrants.role, orgId: roleGrants.orgId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, grantee.id), isNull(roleGrants.deletedAt)));
    const [org] = orgId
      ? await s.tx
          .select({ id: orgs.id, name: orgs.name })
          .from(orgs)
          .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)))
      : [];
    assertMayGrant(origin.actor, {
      role: input.role,
      orgId,
      grantee: { id: grantee.id, roles: held.map((h) => h.role) },
      orgExists: Boolean(org),
      duplicate: held.some((h) => h.role === input.role && h.orgId === orgId),
    });
    const id = uuidv7();
    await s.tx.insert(roleGrants).values({ id, ...created(s), userId: grantee.id, role: input.role, orgId });
    await s.audit({
      action: "grant.create",
      recordType: "role_grant",
      recordIds: [id, grantee.id, ...(orgId ? [orgId] : [])],
      changes: {
        username: grantee.username,
        role: input.role,
        roleLabel: ROLE_LABELS[input.role],
        orgId,
        orgName: org?.name ?? null,
      },
    });
    return id;
  });
}

export async function revokeGrant(ctx: AppContext, origin: ActorOrigin, id: string): Promise<void> {
  assertManageGrants(origin.actor);
  await runCommand(ctx, origin, async (s) => {
    const [g] = await s.tx
      .select({
        id: roleGrants.id,
        userId: roleGrants.userId,
        role: roleGrants.role,
        orgId: roleGrants.orgId,
        version: roleGrants.version,
        username: users.username,
      })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.id, id), isNull(roleGrants.deletedAt)))
      .for("update", { of: roleGrants });
    if (!g) throw notFound("授权");
    assertMayRevoke(origin.actor, g);
    await s.tx
      .update(roleGrants)
      .set({ deletedAt: s.now, updatedAt: s.now, version: g.version + 1 })
      .where(eq(roleGrants.id, id));
    await s.audit({
      action: "grant.revoke",
      recordType: "role_grant",
      recordIds: [id, g.userId, ...(g.orgId ? [g.orgId] : [])],
      changes: { username: g.username, role: g.role, roleLabel: ROLE_LABELS[g.role as GrantableRole] ?? g.role, orgId: g.orgId },
    });
  });
}
