/** Findings (问题) of an assignment. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findingInputSchema, findingPatchSchema } from "../../../domain/finding.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { createFinding, deleteFinding, updateFinding } from "./commands.ts";
import { viewFindingsRefusal } from "./policy.ts";
import { getFindingRecord, listFindings, presentFinding } from "./queries.ts";
import { findingSchema, sharesSchema } from "./schema.ts";

const TAGS = ["findings"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function findingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const view = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const { finding, teamId, withdrawalDate } = await getFindingRecord(ctx.db, id);
    return presentFinding(actorOf(req), { teamId, withdrawalDate }, finding);
  };

  r.get(
    "/api/assignments/:id/findings",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务的问题清单",
        params: idParams,
        response: { 200: z.object({ items: z.array(findingSchema), shares: sharesSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewFindingsRefusal(actor, asg));
      return listFindings(ctx.db, actor, asg);
    },
  );

  r.post(
    "/api/assignments/:id/findings",
    {
      schema: {
        tags: TAGS,
        summary: "登记问题",
        params: idParams,
        body: findingInputSchema,
        response: { 200: z.object({ finding: findingSchema }) },
      },
    },
    async (req) => {
      const id = await createFinding(ctx, originOf(req), req.params.id, req.body);
      return { finding: await view(req, id) };
    },
  );

  r.get(
    "/api/findings/:id",
    { schema: { tags: TAGS, summary: "问题详情", params: idParams, response: { 200: z.object({ finding: findingSchema }) } } },
    async (req) => {
      const { teamId } = await getFindingRecord(ctx.db, req.params.id);
      allow(viewFindingsRefusal(actorOf(req), { teamId }));
      return { finding: await view(req, req.params.id) };
    },
  );

  r.patch(
    "/api/findings/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改问题",
        params: idParams,
        body: findingPatchSchema,
        response: { 200: z.object({ finding: findingSchema }) },
      },
    },
    async (req) => {
      await updateFinding(ctx, originOf(req), req.params.id, req.body);
      return { finding: await view(req, req.params.id) };
    },
  );

  r.delete(
    "/api/findings/:id",
    { schema: { tags: TAGS, summary: "删除问题", params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => {
      await deleteFinding(ctx, originOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
