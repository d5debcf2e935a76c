/** Common problems (共性问题清单), proposals of similar findings (相似问题推荐) and fix-alike campaigns. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addFindingsSchema,
  commonProblemInputSchema,
  commonProblemPatchSchema,
  DEFAULT_SIMILARITY_THRESHOLD,
  MAX_SIMILARITY_THRESHOLD,
  MIN_SIMILARITY_THRESHOLD,
} from "../../../domain/common.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { todayIn } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getRoundRecord } from "../rounds/queries.ts";
import { campaignRoutes } from "./campaign-routes.ts";
import { listCampaigns } from "./campaign-queries.ts";
import { addFindings, createCommonProblem, removeFinding, updateCommonProblem } from "./commands.ts";
import { proposeRefusal, viewCommonProblemsRefusal } from "./policy.ts";
import { listCommonProblems, presentCommonProblem, problemFindings, proposeCandidates } from "./queries.ts";
import { candidatesSchema, commonProblemDetailSchema, commonProblemSchema } from "./schema.ts";

const TAGS = ["common-problems"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

const candidatesQuery = z.object({
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  threshold: z.coerce
    .number({ error: "相似度阈值应为数字" })
    .min(MIN_SIMILARITY_THRESHOLD, `相似度阈值不低于${MIN_SIMILARITY_THRESHOLD}`)
    .max(MAX_SIMILARITY_THRESHOLD, `相似度阈值不高于${MAX_SIMILARITY_THRESHOLD}`)
    .default(DEFAULT_SIMILARITY_THRESHOLD),
});

export function commonProblemsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const detail = async (actor: Actor, id: string) => {
    const problem = await presentCommonProblem(ctx.db, actor, id);
    return {
      problem,
      findings: await problemFindings(ctx.db, id),
      campaigns: await listCampaigns(ctx.db, actor, todayIn(ctx), { commonProblemId: id }),
    };
  };
  const one = commonProblemDetailSchema;

  r.get(
    "/api/common-problems",
    {
      schema: {
        tags: TAGS,
        summary: "共性问题清单（含问题数、涉及单位数、部署次数）",
        response: { 200: z.object({ items: z.array(commonProblemSchema) }) },
      },
    },
    async (req) => {
      allow(viewCommonProblemsRefusal(actorOf(req)));
      return { items: await listCommonProblems(ctx.db, actorOf(req)) };
    },
  );

  r.get(
    "/api/common-problems/candidates",
    {
      schema: {
        tags: TAGS,
        summary: "相似问题推荐：不同单位文字相近、尚未归入共性问题的问题分组（可按轮次，可调相似度阈值）",
        querystring: candidatesQuery,
        response: { 200: candidatesSchema },
      },
    },
    async (req) => {
      allow(proposeRefusal(actorOf(req)));
      if (req.query.roundId) await getRoundRecord(ctx.db, req.query.roundId);
      const { considered, groups } = await proposeCandidates(ctx.db, req.query);
      return { threshold: req.query.threshold, considered, groups };
    },
  );

  r.post(
    "/api/common-problems",
    {
      schema: {
        tags: TAGS,
        summary: "新建共性问题（至少两个单位的问题）",
        body: commonProblemInputSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      const id = await createCommonProblem(ctx, originOf(req), req.body);
      return detail(actorOf(req), id);
    },
  );

  r.get(
    "/api/common-problems/:id",
    {
      schema: {
        tags: TAGS,
        summary: "共性问题详情：各单位的问题和同类同改部署",
        params: idParams,
        response: { 200: one },
      },
    },
    async (req) => {
      allow(viewCommonProblemsRefusal(actorOf(req)));
      return detail(actorOf(req), req.params.id);
    },
  );

  r.put(
    "/api/common-problems/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改共性问题的标题、说明、类别和职能部门",
        params: idParams,
        body: commonProblemPatchSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await updateCommonProblem(ctx, originOf(req), req.params.id, req.body);
      return detail(actorOf(req), req.params.id);
    },
  );

  r.post(
    "/api/common-problems/:id/findings",
    {
      schema: {
        tags: TAGS,
        summary: "将问题归入共性问题",
        params: idParams,
        body: addFindingsSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await addFindings(ctx, originOf(req), req.params.id, req.body.findingIds);
      return detail(actorOf(req), req.params.id);
    },
  );

  r.delete(
    "/api/common-problems/:id/findings/:findingId",
    {
      schema: {
        tags: TAGS,
        summary: "将问题移出共性问题",
        params: z.object({ id: z.uuid({ error: "编号无效" }), findingId: z.uuid({ error: "编号无效" }) }),
        response: { 200: one },
      },
    },
    async (req) => {
      await removeFinding(ctx, originOf(req), req.params.id, req.params.findingId);
      return detail(actorOf(req), req.params.id);
    },
  );

  campaignRoutes(app, ctx);
}
