/** Evaluation (整改评估): metrics and suggested grade per assignment, confirmed by the office; revisits beside it. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import { evaluationInputSchema } from "../../../domain/evaluation.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { confirmEvaluation } from "./commands.ts";
import { viewEvaluationsRefusal } from "./policy.ts";
import { listEvaluations } from "./queries.ts";
import { revisitRoutes } from "./revisit-routes.ts";
import { evaluationSchema } from "./schema.ts";

const TAGS = ["evaluations"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function evaluationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/evaluations",
    {
      schema: {
        tags: TAGS,
        summary: "整改评估：各巡察任务的完成率、按时完成率、佐证率、反弹数、点人点事办结情况和建议等次",
        querystring: z.object({ roundId: z.uuid({ error: "巡察轮次无效" }).optional() }),
        response: { 200: z.object({ items: z.array(evaluationSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewEvaluationsRefusal(actor));
      return { items: await listEvaluations(ctx.db, actor, await ctx.settings(), todayIn(ctx), req.query) };
    },
  );

  r.post(
    "/api/assignments/:id/evaluation",
    {
      schema: {
        tags: TAGS,
        summary: "确定整改评估等次（集中整改期结束后；与建议等次不同须说明理由）",
        params: idParams,
        body: evaluationInputSchema,
        response: { 200: z.object({ evaluation: evaluationSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await confirmEvaluation(ctx, originOf(req), req.params.id, req.body);
      const [evaluation] = await listEvaluations(ctx.db, actor, await ctx.settings(), todayIn(ctx), {
        assignmentId: req.params.id,
      });
      if (!evaluation) throw notFound("整改评估");
      return { evaluation };
    },
  );

  revisitRoutes(app, ctx);
}
