/** Trainings of pool people, with who attended. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { attendeesInputSchema, trainingInputSchema } from "../../../domain/pool.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { poolCan, viewPoolRefusal } from "./policy.ts";
import { listTrainings } from "./queries.ts";
import { trainingSchema } from "./schema.ts";
import { addAttendees, createTraining } from "./training-commands.ts";

const TAGS = ["pool"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const one = z.object({ training: trainingSchema });

export function trainingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (id: string) => (await listTrainings(ctx.db, id))[0]!;

  r.get(
    "/api/trainings",
    {
      schema: {
        tags: TAGS,
        summary: "培训列表（含参训人员）",
        response: { 200: z.object({ items: z.array(trainingSchema), can: z.object({ manage: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewPoolRefusal(actor));
      return { items: await listTrainings(ctx.db), can: poolCan(actor) };
    },
  );

  r.post(
    "/api/trainings",
    { schema: { tags: TAGS, summary: "登记培训", body: trainingInputSchema, response: { 200: one } } },
    async (req) => ({ training: await view(await createTraining(ctx, originOf(req), req.body)) }),
  );

  r.post(
    "/api/trainings/:id/attendees",
    {
      schema: {
        tags: TAGS,
        summary: "登记参训人员",
        params: idParams,
        body: attendeesInputSchema,
        response: { 200: one.extend({ added: z.number().int() }) },
      },
    },
    async (req) => {
      const added = await addAttendees(ctx, originOf(req), req.params.id, req.body.personIds);
      return { training: await view(req.params.id), added };
    },
  );
}
