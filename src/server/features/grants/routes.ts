import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import { GRANTABLE_ROLES, type Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { grantRole, revokeGrant } from "./commands.ts";
import { assertManageGrants, grantCan } from "./policy.ts";
import { grantableUsers, listGrants, orgReferenceList, type GrantRow } from "./queries.ts";

const grantSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ revoke: z.boolean() }),
});

const present = (a: Actor, g: GrantRow): z.infer<typeof grantSchema> => ({
  ...g,
  createdAt: g.createdAt.toISOString(),
  can: grantCan(a, g),
});

export function grantRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["grants"];

  r.get(
    "/api/grants/users",
    {
      schema: {
        tags,
        summary: "可授权的用户账号",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                username: z.string(),
                displayName: z.string(),
                active: z.boolean(),
                adminRole: z.enum(["system_admin", "security_admin", "audit_admin"]).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      assertManageGrants(actorOf(req));
      return { items: await grantableUsers(ctx.db) };
    },
  );

  r.get(
    "/api/grants/orgs",
    {
      schema: {
        tags,
        summary: "授权范围可选的单位（仅名称）",
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string() })) }),
        },
      },
    },
    async (req) => {
      assertManageGrants(actorOf(req));
      return { items: await orgReferenceList(ctx.db) };
    },
  );

  r.get(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "角色授权列表",
        querystring: z.object({ userId: z.uuid({ error: "用户编号无效" }).optional() }),
        response: { 200: z.object({ items: z.array(grantSchema) }) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      assertManageGrants(a);
      return { items: (await listGrants(ctx.db, { userId: req.query.userId })).map((g) => present(a, g)) };
    },
  );

  r.post(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "授予角色",
        body: z.object({
          userId: z.uuid({ error: "请选择用户" }),
          role: z.enum(GRANTABLE_ROLES, { error: "角色无效" }),
          orgId: z.uuid({ error: "单位无效" }).nullish(),
        }),
        response: { 200: z.object({ grant: grantSchema }) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const id = await grantRole(ctx, { ...originOf(req), actor: a }, req.body);
      const [g] = await listGrants(ctx.db, { id });
      if (!g) throw notFound("授权");
      return { grant: present(a, g) };
    },
  );

  r.delete(
    "/api/grants/:id",
    {
      schema: {
        tags,
        summary: "撤销角色授权",
        params: z.object({ id: z.uuid({ error: "授权编号无效" }) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await revokeGrant(ctx, { ...originOf(req), actor: actorOf(req) }, req.params.id);
      return { ok: true as const };
    },
  );
}
