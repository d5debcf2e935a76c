import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import { feedbackInputSchema } from "../../../domain/feedback.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { registerFeedback } from "./commands.ts";
import { assignmentScope, feedbackOf, mayViewFeedback } from "./queries.ts";

const tags = ["feedback"];
const params = z.object({ id: z.uuid({ error: "编号无效" }) });
const rowSchema = z.object({
  id: z.string(),
  seqLabel: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  progress: z.string(),
  progressLabel: z.string(),
});
const feedbackSchema = z.object({
  feedbackDate: z.string().nullable(),
  aspects: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      ordinal: z.string(),
      title: z.string(),
      problems: z.array(
        z.object({
          id: z.string(),
          seq: z.number(),
          text: z.string(),
          findings: z.array(z.object({ id: z.string(), text: z.string() })),
          rows: z.array(rowSchema),
        }),
      ),
    }),
  ),
  totals: z.object({ aspects: z.number(), problems: z.number(), rows: z.number() }),
});

export function feedbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/assignments/:id/feedback",
    { schema: { tags, summary: "反馈意见：方面、问题及其细化的台账条目", params, response: { 200: feedbackSchema } } },
    async (req) => {
      const a = await assignmentScope(ctx.db, req.params.id);
      if (!a || !mayViewFeedback(actorOf(req), a)) throw notFound("巡察任务");
      return { feedbackDate: a.feedbackDate, ...(await feedbackOf(ctx.db, a.id)) };
    },
  );

  r.post(
    "/api/assignments/:id/feedback",
    {
      schema: {
        tags,
        summary: "登记反馈意见：按方面、问题归类，每个问题登记为一条或多条台账条目",
        params,
        body: feedbackInputSchema,
        response: { 200: z.object({ aspects: z.number(), problems: z.number(), rows: z.number() }) },
      },
    },
    async (req) => registerFeedback(ctx, { ...originOf(req), actor: actorOf(req) }, req.params.id, req.body),
  );
}
