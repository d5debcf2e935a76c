/** Sessions: a random token in an HttpOnly cookie; only its hash is stored. */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
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

/**
 * The user with their grants and team seats, in one statement: every request needs them, so the
 * session check is one round trip, not four. The sub-selects name "users" itself: the table must be in FROM.
 */
const actorColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  mustChangePassword: users.mustChangePassword,
  grants: sql<Array<{ role: GrantableRole; orgId: string | null; orgPath: string | null }>>`coalesce((
    select json_agg(json_build_object('role', g.role, 'orgId', g.org_id, 'orgPath', o.path))
    from ${roleGrants} g left join ${orgs} o on o.id = g.org_id
    where g.user_id = "users"."id" and g.deleted_at is null), '[]'::json)`,
  seats: sql<Array<{ teamId: string; position: TeamPosition }>>`coalesce((
    select json_agg(json_build_object('teamId', t.team_id, 'position', t.position))
    from ${teamMembers} t where t.user_id = "users"."id" and t.deleted_at is null), '[]'::json)`,
};
const liveUser = and(isNull(users.deletedAt), eq(users.active, true));

interface ActorRow {
  userId: string | null;
  username: string | null;
  displayName: string | null;
  mustChangePassword: boolean | null;
  grants: Array<{ role: GrantableRole; orgId: string | null; orgPath: string | null }> | null;
  seats: Array<{ teamId: string; position: TeamPosition }> | null;
}

function toActor(r: ActorRow): Actor | null {
  if (!r.userId) return null;
  return {
    userId: r.userId,
    username: r.username!,
    displayName: r.displayName!,
    mustChangePassword: r.mustChangePassword!,
    grants: r.grants ?? [],
    teamSeats: (r.seats ?? []).map((t) => ({ teamId: t.teamId, position: t.position })),
  };
}

/** Finds the session's user, enforcing the idle and absolute timeouts. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionLookup> {
  const [s] = await ctx.db
    .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ...actorColumns })
    .from(sessions)
    .leftJoin(users, and(eq(users.id, sessions.userId), liveUser))
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
  const actor = toActor(s);
  return actor ? { actor } : null;
}

export async function loadActor(ctx: AppContext, userId: string): Promise<Actor | null> {
  const [r] = await ctx.db
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.id, userId), liveUser));
  return r ? toActor(r) : null;
}

export async function endSessionsOf(ctx: AppContext, userIds: string[]): Promise<void> {
  if (userIds.length) await ctx.db.delete(sessions).where(inArray(sessions.userId, userIds));
}
