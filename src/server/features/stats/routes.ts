/** The statistics API (统计分析): every figure through one route, with the same filter and a drill-down. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden } from "../../../domain/errors.ts";
import { STAT_FIGURES, statFilterSchema, statRecordsSchema, statResultSchema } from "../../../domain/stats.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf } from "../../http/auth.ts";
import { viewStatsRefusal } from "./policy.ts";
import { listFigures, statRecords, statResult } from "./queries.ts";

const tags = ["stats"];
const figureParams = z.object({
  figure: z.enum(STAT_FIGURES, { error: `统计图表不存在，可选：${STAT_FIGURES.join("、")}` }),
});
const recordsQuery = statFilterSchema.extend({
  group: z.string({ error: "请指定统计分组（group）" }).trim().min(1, "请指定统计分组（group）").max(100, "统计分组无效"),
  measure: z.string({ error: "请指定统计指标（measure）" }).trim().min(1, "请指定统计指标（measure）").max(60, "统计指标无效"),
  page: z.coerce.number({ error: "页码应为数字" }).int("页码应为整数").min(1, "页码从 1 开始").default(1),
  pageSize: z.coerce
    .number({ error: "每页条数应为数字" })
    .int("每页条数应为整数")
    .min(1, "每页至少 1 条")
    .max(500, "每页最多 500 条")
    .default(100),
});

export function statsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/stats",
    {
      schema: {
        tags,
        summary: "统计分析：全部统计图表及当前用户可否查看",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                figure: z.enum(STAT_FIGURES),
                title: z.string(),
                available: z.boolean(),
                refusal: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const refusal = viewStatsRefusal(actor);
      if (refusal) throw forbidden(refusal);
      return { items: listFigures(actor) };
    },
  );

  r.get(
    "/api/stats/:figure",
    {
      schema: {
        tags,
        summary: "统计分析：某一统计图表（分组×指标及合计；可按届次、轮次、统计期间、单位及其下级筛选）",
        params: figureParams,
        querystring: statFilterSchema,
        response: { 200: statResultSchema },
      },
    },
    async (req) => statResult(ctx.db, actorOf(req), req.params.figure, req.query, todayIn(ctx)),
  );

  r.get(
    "/api/stats/:figure/records",
    {
      schema: {
        tags,
        summary: "统计分析：下钻查看某一分组某一计数指标所统计的记录（group 为 * 时为全部分组）",
        params: figureParams,
        querystring: recordsQuery,
        response: { 200: statRecordsSchema },
      },
    },
    async (req) => {
      const { group, measure, page, pageSize, ...filter } = req.query;
      return statRecords(ctx.db, actorOf(req), req.params.figure, group, measure, filter, todayIn(ctx), { page, pageSize });
    },
  );
}
