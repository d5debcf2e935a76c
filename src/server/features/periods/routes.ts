/** The concentrated rectification period (集中整改期): meeting, progress report, dual disclosure, and who missed them. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import { periodInputSchema } from "../../../domain/period.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { savePeriod } from "./commands.ts";
import { viewPeriodsRefusal } from "./policy.ts";
import { listPeriods } from "./queries.ts";
import { periodListQuery, periodSchema } from "./schema.ts";

const TAGS = ["periods"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const list = z.object({ items: z.array(periodSchema) });

export function periodsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const months = async () => (await ctx.settings()).concentratedPeriodMonths;

  r.get(
    "/api/periods",
    {
      schema: {
        tags: TAGS,
        summary: "集中整改期：已反馈的巡察任务及其专题民主生活会、进展报告、双公开情况（按权限范围）",
        querystring: periodListQuery,
        response: { 200: list },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewPeriodsRefusal(actor));
      return { items: await listPeriods(ctx.db, actor, await months(), todayIn(ctx), req.query) };
    },
  );

  r.get(
    "/api/periods/missing",
    {
      schema: {
        tags: TAGS,
        summary: "未按要求完成集中整改期各项工作的单位（未完成、逾期完成或未列席）",
        querystring: periodListQuery,
        response: { 200: list },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewPeriodsRefusal(actor));
      const items = await listPeriods(ctx.db, actor, await months(), todayIn(ctx), req.query);
      return { items: items.filter((p) => p.missing.length > 0) };
    },
  );

  r.put(
    "/api/assignments/:id/period",
    {
      schema: {
        tags: TAGS,
        summary: "登记集中整改期情况：专题民主生活会、进展报告、党内通报和社会公开",
        params: idParams,
        body: periodInputSchema,
        response: { 200: z.object({ period: periodSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await savePeriod(ctx, originOf(req), req.params.id, req.body);
      const [period] = await listPeriods(ctx.db, actor, await months(), todayIn(ctx), { assignmentId: req.params.id });
      if (!period) throw notFound("集中整改期");
      return { period };
    },
  );
}
