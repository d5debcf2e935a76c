import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { createUser, resetPassword, unlockUser, updateUser } from "./commands.ts";
import { assertManageUsers, userCan } from "./policy.ts";
import { getUser, listUsers, type UserRow } from "./queries.ts";

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  adminRole: z.enum(["system_admin", "security_admin", "audit_admin"]).nullable(),
  roles: z.array(z.object({ role: z.string(), label: z.string(), orgName: z.string().nullable() })),
  createdAt: z.string(),
  can: z.object({
    edit: z.boolean(),
    deactivate: z.boolean(),
    activate: z.boolean(),
    resetPassword: z.boolean(),
    unlock: z.boolean(),
  }),
});

function present(a: Actor, u: UserRow, now: Date): z.infer<typeof userSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    adminRole: u.adminRole,
    roles: u.roles,
    createdAt: u.createdAt.toISOString(),
    can: userCan(a, u, now),
  };
}

const idParams = z.object({ id: z.uuid({ error: "用户编号无效" }) });
const displayName = z.string().trim().min(1, "请填写姓名").max(40, "姓名不超过 40 个字");

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];

  const presentOne = async (a: Actor, id: string) => {
    const u = await getUser(ctx.db, id);
    if (!u) throw notFound("用户");
    return present(a, u, ctx.now());
  };

  r.get(
    "/api/users",
    { schema: { tags, summary: "用户账号列表", response: { 200: z.object({ items: z.array(userSchema) }) } } },
    async (req) => {
      const a = actorOf(req);
      assertManageUsers(a);
      const now = ctx.now();
      return { items: (await listUsers(ctx.db)).map((u) => present(a, u, now)) };
    },
  );

  r.post(
    "/api/users",
    {
      schema: {
        tags,
        summary: "创建用户账号（生成一次性密码）",
        body: z.object({
          username: z
            .string({ error: "请填写用户名" })
            .trim()
            .regex(/^[a-zA-Z0-9_.-]{3,32}$/, "用户名须为 3–32 位字母、数字或 _ . -"),
          displayName,
          adminRole: z.enum(["security_admin", "audit_admin"], { error: "管理员角色只能是安全保密管理员或安全审计员" }).nullish(),
        }),
        response: { 200: z.object({ user: userSchema, oneTimePassword: z.string() }) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const { id, oneTimePassword } = await createUser(ctx, { ...originOf(req), actor: a }, req.body);
      return { user: await presentOne(a, id), oneTimePassword };
    },
  );

  r.patch(
    "/api/users/:id",
    {
      schema: {
        tags,
        summary: "修改用户账号（姓名、启用/停用）",
        params: idParams,
        body: z.object({ displayName: displayName.optional(), active: z.boolean({ error: "启用状态无效" }).optional() }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      await updateUser(ctx, { ...originOf(req), actor: a }, req.params.id, req.body);
      return { user: await presentOne(a, req.params.id) };
    },
  );

  r.post(
    "/api/users/:id/reset-password",
    {
      schema: {
        tags,
        summary: "重置密码（生成一次性密码）",
        params: idParams,
        response: { 200: z.object({ oneTimePassword: z.string() }) },
      },
    },
    async (req) => {
      const a = actorOf(req);
      return { oneTimePassword: await resetPassword(ctx, { ...originOf(req), actor: a }, req.params.id) };
    },
  );

  r.post(
    "/api/users/:id/unlock",
    { schema: { tags, summary: "解除账号锁定", params: idParams, response: { 200: z.object({ user: userSchema }) } } },
    async (req) => {
      const a = actorOf(req);
      await unlockUser(ctx, { ...originOf(req), actor: a }, req.params.id);
      return { user: await presentOne(a, req.params.id) };
    },
  );
}
