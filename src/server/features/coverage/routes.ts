/** Coverage plan (巡察规划 · 全覆盖) of a term, and an organisation's inspection defaults (on-site length, team size). */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { coveragePlanInputSchema, coverageScopeInputSchema } from "../../../domain/coverage.ts";
import { forbidden } from "../../../domain/errors.ts";
import { ORG_KINDS } from "../../../domain/org.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { canViewOrg, REFUSE_VIEW_ONE } from "../orgs/policy.ts";
import { allow } from "../rounds/policy.ts";
import { setCoveragePlan, setCoverageScope } from "./commands.ts";
import { viewCoverageRefusal } from "./policy.ts";
import { coverageOf, getOrgForDefaults, inspectionDefaults, uninspectedOf } from "./queries.ts";
import { coverageSchema, inspectionDefaultsSchema, uninspectedSchema } from "./schema.ts";

const TAGS = ["coverage"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const uninspectedQuery = z.object({
  orgKind: z.enum(ORG_KINDS, { error: "单位类型无效" }).optional(),
  page: z.coerce.number({ error: "页码无效" }).int("页码无效").min(1, "页码无效").default(1),
  pageSize: z.coerce
    .number({ error: "每页条数无效" })
    .int("每页条数无效")
    .min(1, "每页条数无效")
    .max(200, "每页最多 200 条")
    .default(20),
});

export function coverageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/terms/:id/coverage",
    {
      schema: {
        tags: TAGS,
        summary: "巡察全覆盖情况：各类单位覆盖率、年度计划与实际、按目前进度的届末预测",
        params: idParams,
        response: { 200: coverageSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewCoverageRefusal(actor));
      return coverageOf(ctx.db, actor, req.params.id, todayIn(ctx));
    },
  );

  r.get(
    "/api/terms/:id/coverage/uninspected",
    {
      schema: {
        tags: TAGS,
        summary: "本届次尚未巡察的单位（含上次巡察日期，等待最久的在前）",
        params: idParams,
        querystring: uninspectedQuery,
        response: { 200: uninspectedSchema },
      },
    },
    async (req) => {
      allow(viewCoverageRefusal(actorOf(req)));
      return uninspectedOf(ctx.db, req.params.id, todayIn(ctx), req.query);
    },
  );

  r.put(
    "/api/terms/:id/coverage-scope",
    {
      schema: {
        tags: TAGS,
        summary: "设置巡察全覆盖范围（按单位类型，可限定上级单位）",
        params: idParams,
        body: coverageScopeInputSchema,
        response: { 200: coverageSchema },
      },
    },
    async (req) => {
      await setCoverageScope(ctx, originOf(req), req.params.id, req.body);
      return coverageOf(ctx.db, actorOf(req), req.params.id, todayIn(ctx));
    },
  );

  r.put(
    "/api/terms/:id/coverage-plan",
    {
      schema: {
        tags: TAGS,
        summary: "设置年度巡察计划（各年度各类单位计划巡察数）",
        params: idParams,
        body: coveragePlanInputSchema,
        response: { 200: coverageSchema },
      },
    },
    async (req) => {
      await setCoveragePlan(ctx, originOf(req), req.params.id, req.body);
      return coverageOf(ctx.db, actorOf(req), req.params.id, todayIn(ctx));
    },
  );

  r.get(
    "/api/orgs/:id/inspection-defaults",
    {
      schema: {
        tags: TAGS,
        summary: "单位的巡察默认值：进驻时长（工作日）、巡察组人数（村按类别）",
        params: idParams,
        response: { 200: inspectionDefaultsSchema },
      },
    },
    async (req) => {
      const org = await getOrgForDefaults(ctx.db, req.params.id);
      if (!canViewOrg(actorOf(req), org)) throw forbidden(REFUSE_VIEW_ONE);
      return inspectionDefaults(org, await ctx.settings());
    },
  );
}
