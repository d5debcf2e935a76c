import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull } from "drizzle-orm";
import { DomainError } from "../../../domain/errors.ts";
import { passwordProblems } from "../../../domain/password.ts";
import { runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { users } from "../../db/schema.ts";

export const hashPassword = (pw: string) => hash(pw);

export function assertStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw new DomainError("weak_password", problems.join("；"), {
      fields: [{ field: "newPassword", message: problems.join("；") }],
    });
  }
}

const INVALID = () => new DomainError("invalid_credentials", "用户名或密码错误");

/** Checks the password, counting failures and locking the account after too many. Returns the user id. */
export async function login(ctx: AppContext, clientIp: string | null, username: string, password: string): Promise<string> {
  const cfg = await ctx.settings();
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.username, username), isNull(users.deletedAt)));
  const origin: Origin = { actor: null, clientIp };
  if (!u || !u.active) {
    await runCommand(ctx, origin, (s) =>
      s.audit({ action: "auth.login_failed", recordType: "user", recordIds: [], changes: { username, reason: "unknown_user" } }),
    );
    throw INVALID();
  }
  const now = ctx.now();
  if (u.lockedUntil && u.lockedUntil > now) {
    const minutes = Math.ceil((u.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new DomainError("account_locked", `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  const ok = await verify(u.passwordHash, password).catch(() => false);
  if (!ok) {
    const failed = u.failedLogins + 1;
    const lock = failed >= cfg.maxFailedLogins;
    await runCommand(ctx, origin, async (s) => {
      await s.tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + cfg.lockMinutes * 60_000) : null })
        .where(eq(users.id, u.id));
      await s.audit({
        action: "auth.login_failed",
        recordType: "user",
        recordIds: [u.id],
        changes: { failedLogins: failed, locked: lock },
      });
    });
    if (lock)
      throw new DomainError("account_locked", `连续 ${cfg.maxFailedLogins} 次登录失败，账号已锁定 ${cfg.lockMinutes} 分钟`);
    throw INVALID();
  }
  await runCommand(ctx, { actor: null, clientIp }, async (s) => {
    await s.tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, u.id));
    await s.audit({ action: "auth.login", recordType: "user", recordIds: [u.id], changes: { username } });
  });
  return u.id;
}

export async function changePassword(
  ctx: AppContext,
  origin: Origin & { actor: NonNullable<Origin["actor"]> },
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, origin.actor.userId));
  if (!u) throw INVALID();
  if (!(await verify(u.passwordHash, currentPassword).catch(() => false))) {
    throw new DomainError("invalid_credentials", "当前密码不正确", {
      fields: [{ field: "currentPassword", message: "当前密码不正确" }],
    });
  }
  assertStrongPassword(newPassword, u.username);
  if (await verify(u.passwordHash, newPassword).catch(() => false)) {
    throw new DomainError("weak_password", "新密码不能与当前密码相同", {
      fields: [{ field: "newPassword", message: "新密码不能与当前密码相同" }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await runCommand(ctx, origin, async (s) => {
    await s.tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: s.now, version: u.version + 1 })
      .where(eq(users.id, u.id));
    await s.audit({
      action: "auth.change_password",
      recordType: "user",
      recordIds: [u.id],
      changes: { mustChangePassword: [u.mustChangePassword, false] },
    });
  });
}
