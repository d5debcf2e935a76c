/** Account commands of the system administrator. Passwords are generated here and shown once; never audited. */
import { and, eq, isNull, sql } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { diff } from "../../audit/append.ts";
import { generatePassword } from "../../bootstrap.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { roleGrants, users } from "../../db/schema.ts";
import { hashPassword } from "../auth/commands.ts";
import { endSessionsOf } from "../auth/session.ts";
import { assertManageUsers } from "./policy.ts";

export type ActorOrigin = Origin & { actor: Actor };

export interface NewUserInput {
  username: string;
  displayName: string;
  adminRole?: "security_admin" | "audit_admin" | null;
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === "23505" || err?.cause?.code === "23505";
};

async function loadUser(s: CommandScope, id: string) {
  const [u] = await s.tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .for("update");
  if (!u) throw notFound("用户");
  return u;
}

/** Creates an account with a one-time password; an admin role, if given, is granted in the same command. */
export async function createUser(
  ctx: AppContext,
  origin: ActorOrigin,
  input: NewUserInput,
): Promise<{ id: string; oneTimePassword: string }> {
  assertManageUsers(origin.actor);
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = uuidv7();
  try {
    await runCommand(ctx, origin, async (s) => {
      assertManageUsers(origin.actor);
      const [dup] = await s.tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = lower(${input.username})`)
        .limit(1);
      if (dup) throw conflict("用户名已存在");
      await s.tx.insert(users).values({
        id,
        ...created(s),
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
      });
      if (input.adminRole) {
        await s.tx.insert(roleGrants).values({ id: uuidv7(), ...created(s), userId: id, role: input.adminRole });
      }
      await s.audit({
        action: "user.create",
        recordType: "user",
        recordIds: [id],
        changes: { username: input.username, displayName: input.displayName, adminRole: input.adminRole ?? null },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("用户名已存在");
    throw e;
  }
  return { id, oneTimePassword };
}

export async function updateUser(
  ctx: AppContext,
  origin: ActorOrigin,
  id: string,
  patch: { displayName?: string | undefined; active?: boolean | undefined },
): Promise<void> {
  assertManageUsers(origin.actor);
  if (patch.active === false && id === origin.actor.userId) throw ruleViolation("不能停用自己的账号");
  const deactivated = await runCommand(ctx, origin, async (s) => {
    const u = await loadUser(s, id);
    const changes = diff(
      { displayName: u.displayName, active: u.active },
      { displayName: patch.displayName, active: patch.active },
    );
    if (Object.keys(changes).length) {
      await s.tx
        .update(users)
        .set({
          ...(changes.displayName ? { displayName: patch.displayName } : {}),
          ...(changes.active ? { active: patch.active } : {}),
          updatedAt: s.now,
          version: u.version + 1,
        })
        .where(eq(users.id, id));
    }
    // Recorded even when nothing changed: the administrator did submit the form.
    await s.audit({ action: "user.update", recordType: "user", recordIds: [id], changes });
    return changes.active !== undefined && patch.active === false;
  });
  // A deactivated account loses its sessions at once.
  if (deactivated) await endSessionsOf(ctx, [id]);
}

/** A new one-time password; the user must change it at next login, and is signed out everywhere. */
export async function resetPassword(ctx: AppContext, origin: ActorOrigin, id: string): Promise<string> {
  assertManageUsers(origin.actor);
  if (id === origin.actor.userId) throw ruleViolation("不能重置自己的密码，请通过“修改密码”更改");
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await runCommand(ctx, origin, async (s) => {
    const u = await loadUser(s, id);
    await s.tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: s.now,
        version: u.version + 1,
      })
      .where(eq(users.id, id));
    await s.audit({
      action: "user.reset_password",
      recordType: "user",
      recordIds: [id],
      changes: { mustChangePassword: [u.mustChangePassword, true] },
    });
  });
  await endSessionsOf(ctx, [id]);
  return oneTimePassword;
}

export async function unlockUser(ctx: AppContext, origin: ActorOrigin, id: string): Promise<void> {
  assertManageUsers(origin.actor);
  await runCommand(ctx, origin, async (s) => {
    const u = await loadUser(s, id);
    await s.tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, updatedAt: s.now, version: u.version + 1 })
      .where(eq(users.id, id));
    await s.audit({
      action: "user.unlock",
      recordType: "user",
      recordIds: [id],
      changes: { lockedUntil: [u.lockedUntil?.toISOString() ?? null, null], failedLogins: [u.failedLogins, 0] },
    });
  });
}
