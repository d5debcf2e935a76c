import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { ownsDirectives } from "../directives/queries.ts";
import { isAdminActor } from "../rounds/policy.ts";
import { capabilitiesOf, ROLE_LABELS, TEAM_POSITION_LABELS, type Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { changePassword, login } from "./commands.ts";
import { SESSION_COOKIE, createSession, endSession, loadActor } from "./session.ts";

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ role: z.string(), label: z.string(), orgId: z.string().nullable() })),
  teamSeats: z.array(z.object({ teamId: z.string(), position: z.string(), label: z.string() })),
  can: z.record(z.string(), z.boolean()),
});

export async function presentMe(db: Db, a: Actor): Promise<z.infer<typeof meSchema>> {
  const can = capabilitiesOf(a);
  // An owner of a directive who reads no others still reaches the directives screen, to report theirs.
  if (!can.viewDirectives && !isAdminActor(a)) can.viewDirectives = await ownsDirectives(db, a);
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    mustChangePassword: a.mustChangePassword,
    roles: a.grants.map((g) => ({ role: g.role, label: ROLE_LABELS[g.role], orgId: g.orgId })),
    teamSeats: a.teamSeats.map((t) => ({ teamId: t.teamId, position: t.position, label: TEAM_POSITION_LABELS[t.position] })),
    can: { ...can },
  };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "登录",
        body: z.object({
          username: z.string().trim().min(1, "请输入用户名").max(64),
          password: z.string().min(1, "请输入密码").max(256),
        }),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (req, reply) => {
      const userId = await login(ctx, req.ip, req.body.username, req.body.password);
      const token = await createSession(ctx, userId, req.ip);
      const cfg = await ctx.settings();
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        path: "/",
        secure: req.protocol === "https",
        maxAge: cfg.sessionAbsoluteHours * 3600,
      });
      const actor = await loadActor(ctx, userId);
      return { user: await presentMe(ctx.db, actor!) };
    },
  );

  r.post(
    "/api/auth/logout",
    {
      config: { access: "password_change" },
      schema: { tags: ["auth"], summary: "退出登录", response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { access: "password_change" },
      schema: { tags: ["auth"], summary: "当前用户", response: { 200: z.object({ user: meSchema }) } },
    },
    async (req) => ({ user: await presentMe(ctx.db, actorOf(req)) }),
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: "password_change" },
      schema: {
        tags: ["auth"],
        summary: "修改密码",
        body: z.object({
          currentPassword: z.string().min(1, "请输入当前密码").max(256),
          newPassword: z.string().min(1, "请输入新密码").max(256),
        }),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await changePassword(ctx, { ...originOf(req), actor }, req.body.currentPassword, req.body.newPassword);
      return { user: await presentMe(ctx.db, { ...actor, mustChangePassword: false }) };
    },
  );
}
