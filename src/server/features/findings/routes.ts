/** Findings (问题) of an assignment, their immediate fixes (立行立改), and the taxonomy they are classified by. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { findingFixSchema, findingInputSchema, findingPatchSchema } from "../../../domain/finding.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { createFinding, deleteFinding, markFindingFixed, updateFinding } from "./commands.ts";
import { viewFindingsRefusal } from "./policy.ts";
import { getFindingRecord, listFindings, presentFindings } from "./queries.ts";
import { findingSchema, sharesSchema } from "./schema.ts";
import { taxonomyRoutes } from "./taxonomy-routes.ts";

const TAGS = ["findings"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function findingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  taxonomyRoutes(app, ctx);

  const view = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const { finding, teamId, withdrawalDate } = await getFindingRecord(ctx.db, id);
    const { items } = await presentFindings(ctx.db, actorOf(req), { id: finding.assignmentId, teamId, withdrawalDate }, id);
    return items[0]!;
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

  r.post(
    "/api/findings/:id/fix",
    {
      schema: {
        tags: TAGS,
        summary: "登记立行立改（须已上传佐证材料）",
        params: idParams,
        body: findingFixSchema,
        response: { 200: z.object({ finding: findingSchema }) },
      },
    },
    async (req) => {
      await markFindingFixed(ctx, originOf(req), req.params.id, req.body);
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
