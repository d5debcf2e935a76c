/** Sessions: a random token in an HttpOnly cookie; only its hash is stored. */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Actor, GrantableRole, TeamPosition } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { orgs, roleGrants, sessions, teamMembers, users } from "../../db/schema.ts";

export const SESSION_COOKIE = "xuncha_sid";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(ctx: AppContext, userId: string, clientIp: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.now();
  await ctx.db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, clientIp });
  return token;
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/** Finds the session's user, enforcing the idle and absolute timeouts. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionLookup> {
  const [s] = await ctx.db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!s) return null;
  const cfg = await ctx.settings();
  const now = ctx.now().getTime();
  const idle = now - s.lastSeenAt.getTime() > cfg.sessionIdleMinutes * 60_000;
  const absolute = now - s.createdAt.getTime() > cfg.sessionAbsoluteHours * 3_600_000;
  if (idle || absolute) {
    await ctx.db.delete(sessions).where(eq(sessions.tokenHash, s.tokenHash));
    return { expired: true };
  }
  if (now - s.lastSeenAt.getTime() > 15_000) {
    await ctx.db.update(sessions).set({ lastSeenAt: ctx.now() }).where(eq(sessions.tokenHash, s.tokenHash));
  }
  const actor = await loadActor(ctx, s.userId);
  return actor ? { actor } : null;
}

export async function loadActor(ctx: AppContext, userId: string): Promise<Actor | null> {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.active, true)));
  if (!u) return null;
  const grants = await ctx.db
    .select({ role: roleGrants.role, orgId: roleGrants.orgId, orgPath: orgs.path })
    .from(roleGrants)
    .leftJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.deletedAt)));
  const seats = await ctx.db
    .select({ teamId: teamMembers.teamId, position: teamMembers.position })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), isNull(teamMembers.deletedAt)));
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    mustChangePassword: u.mustChangePassword,
    grants: grants.map((g) => ({ role: g.role as GrantableRole, orgId: g.orgId, orgPath: g.orgPath })),
    teamSeats: seats.map((t) => ({ teamId: t.teamId, position: t.position as TeamPosition })),
  };
}

export async function endSessionsOf(ctx: AppContext, userIds: string[]): Promise<void> {
  if (userIds.length) await ctx.db.delete(sessions).where(inArray(sessions.userId, userIds));
}
