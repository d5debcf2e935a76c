/** Fix-alike campaigns (同类同改 / 未巡先改): launch, add targets, and follow the responses. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { addTargetsSchema, campaignInputSchema } from "../../../domain/common.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { addCampaignTargets, launchCampaign } from "./campaign-commands.ts";
import { campaignDetail, listCampaigns, orgOptions } from "./campaign-queries.ts";
import { launchCampaignRefusal, viewCommonProblemsRefusal } from "./policy.ts";
import { getCommonProblem } from "./queries.ts";
import { campaignDetailSchema, campaignSchema, orgOptionSchema } from "./schema.ts";

const TAGS = ["common-problems"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function campaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/common-problems/:id/campaigns",
    {
      schema: {
        tags: TAGS,
        summary: "部署同类同改或未巡先改：在每个所选单位的整改台账中生成一条自查条目",
        params: idParams,
        body: campaignInputSchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (req) => {
      const id = await launchCampaign(ctx, originOf(req), req.params.id, req.body);
      return campaignDetail(ctx.db, actorOf(req), todayIn(ctx), id);
    },
  );

  r.get(
    "/api/campaigns",
    {
      schema: {
        tags: TAGS,
        summary: "同类同改部署列表（含各单位响应情况统计）",
        querystring: z.object({ commonProblemId: z.uuid({ error: "共性问题无效" }).optional() }),
        response: { 200: z.object({ items: z.array(campaignSchema) }) },
      },
    },
    async (req) => {
      allow(viewCommonProblemsRefusal(actorOf(req)));
      if (req.query.commonProblemId) await getCommonProblem(ctx.db, req.query.commonProblemId);
      return { items: await listCampaigns(ctx.db, actorOf(req), todayIn(ctx), req.query) };
    },
  );

  r.get(
    "/api/campaigns/org-options",
    {
      schema: {
        tags: TAGS,
        summary: "可部署的单位（全部单位，标明是否已巡察）",
        response: { 200: z.object({ items: z.array(orgOptionSchema) }) },
      },
    },
    async (req) => {
      allow(launchCampaignRefusal(actorOf(req)));
      return { items: await orgOptions(ctx.db) };
    },
  );

  r.get(
    "/api/campaigns/:id",
    {
      schema: {
        tags: TAGS,
        summary: "同类同改部署详情：各单位自查条目的进展、状态、时限和逾期",
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async (req) => {
      allow(viewCommonProblemsRefusal(actorOf(req)));
      return campaignDetail(ctx.db, actorOf(req), todayIn(ctx), req.params.id);
    },
  );

  r.post(
    "/api/campaigns/:id/targets",
    {
      schema: {
        tags: TAGS,
        summary: "追加部署单位",
        params: idParams,
        body: addTargetsSchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (req) => {
      await addCampaignTargets(ctx, originOf(req), req.params.id, req.body.orgIds);
      return campaignDetail(ctx.db, actorOf(req), todayIn(ctx), req.params.id);
    },
  );
}
