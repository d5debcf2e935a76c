/** The talent pool (人才库): people, their ties for recusal, figures, trainings, and member suggestions for a team. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  PARTY_STATUSES,
  POOL_STATUSES,
  poolPersonInputSchema,
  poolPersonPatchSchema,
  poolRemoveSchema,
  relationInputSchema,
} from "../../../domain/pool.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow, manageRefusal } from "../rounds/policy.ts";
import { addRelation, createPerson, removePerson, removeRelation, updatePerson } from "./commands.ts";
import { poolCan, viewPoolRefusal } from "./policy.ts";
import { getPerson, listPool, personDetail, poolFigures } from "./queries.ts";
import { personDetailSchema, poolFiguresSchema, poolPersonSchema, suggestionSchema } from "./schema.ts";
import { teamSuggestions } from "./suggestions.ts";
import { trainingRoutes } from "./training-routes.ts";

const TAGS = ["pool"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const specialty = z.string().trim().max(20, "专长不超过20字").optional();
const listQuery = z.object({
  status: z.enum(POOL_STATUSES, { error: "人员状态无效" }).optional(),
  leaderPool: z
    .enum(["true", "false"], { error: "组长库筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  specialty,
  partyStatus: z.enum(PARTY_STATUSES, { error: "政治面貌无效" }).optional(),
  q: z.string().trim().max(60, "搜索内容不超过60字").optional(),
});
const one = z.object({ person: poolPersonSchema });

export function poolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/pool",
    {
      schema: {
        tags: TAGS,
        summary: "人才库人员列表（可按状态、组长库、专长、政治面貌筛选和搜索）",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(poolPersonSchema), can: z.object({ manage: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewPoolRefusal(actor));
      return { items: await listPool(ctx.db, actor, req.query), can: poolCan(actor) };
    },
  );

  r.get(
    "/api/pool/figures",
    {
      schema: {
        tags: TAGS,
        summary: "人才库统计：各状态人数、组长库人数、培训期数和人次",
        response: { 200: poolFiguresSchema },
      },
    },
    async (req) => {
      allow(viewPoolRefusal(actorOf(req)));
      return poolFigures(ctx.db);
    },
  );

  r.post(
    "/api/pool",
    { schema: { tags: TAGS, summary: "人才库入库", body: poolPersonInputSchema, response: { 200: one } } },
    async (req) => {
      const id = await createPerson(ctx, originOf(req), req.body);
      return { person: await getPerson(ctx.db, actorOf(req), id) };
    },
  );

  r.get(
    "/api/pool/:id",
    {
      schema: {
        tags: TAGS,
        summary: "人才库人员详情（回避关系、参加培训、参加巡察轮次）",
        params: idParams,
        response: { 200: personDetailSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewPoolRefusal(actor));
      return personDetail(ctx.db, actor, req.params.id);
    },
  );

  r.patch(
    "/api/pool/:id",
    {
      schema: { tags: TAGS, summary: "修改人才库人员", params: idParams, body: poolPersonPatchSchema, response: { 200: one } },
    },
    async (req) => {
      await updatePerson(ctx, originOf(req), req.params.id, req.body);
      return { person: await getPerson(ctx.db, actorOf(req), req.params.id) };
    },
  );

  r.post(
    "/api/pool/:id/remove",
    {
      schema: {
        tags: TAGS,
        summary: "人才库清退（保留历史）",
        params: idParams,
        body: poolRemoveSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await removePerson(ctx, originOf(req), req.params.id, req.body);
      return { person: await getPerson(ctx.db, actorOf(req), req.params.id) };
    },
  );

  r.post(
    "/api/pool/:id/relations",
    {
      schema: {
        tags: TAGS,
        summary: "登记回避关系",
        params: idParams,
        body: relationInputSchema,
        response: { 200: personDetailSchema },
      },
    },
    async (req) => {
      await addRelation(ctx, originOf(req), req.params.id, req.body);
      return personDetail(ctx.db, actorOf(req), req.params.id);
    },
  );

  r.delete(
    "/api/pool/:id/relations/:relationId",
    {
      schema: {
        tags: TAGS,
        summary: "删除回避关系",
        params: z.object({ id: z.uuid({ error: "人员编号无效" }), relationId: z.uuid({ error: "回避关系编号无效" }) }),
        response: { 200: personDetailSchema },
      },
    },
    async (req) => {
      await removeRelation(ctx, originOf(req), req.params.id, req.params.relationId);
      return personDetail(ctx.db, actorOf(req), req.params.id);
    },
  );

  r.get(
    "/api/teams/:id/suggestions",
    {
      schema: {
        tags: TAGS,
        summary: "巡察组成员推荐（正式人员，排除回避；按专长、参加轮次少者优先）",
        params: idParams,
        querystring: z.object({ specialty }),
        response: { 200: z.object({ items: z.array(suggestionSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(manageRefusal(actor));
      return { items: await teamSuggestions(ctx.db, actor, req.params.id, req.query.specialty) };
    },
  );

  trainingRoutes(app, ctx);
}
