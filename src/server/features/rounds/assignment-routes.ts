/** Assignments (巡察任务): one team × one organisation within a round. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { assignmentInputSchema, assignmentPatchSchema } from "../../../domain/round.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { createAssignment, updateAssignment } from "./assignment-commands.ts";
import { allow, viewAssignmentRefusal, viewRoundsRefusal } from "./policy.ts";
import { getAssignmentRecord, listAssignments } from "./queries.ts";
import { assignmentSummarySchema, idParams } from "./schema.ts";

const TAGS = ["rounds"];

export function assignmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const summary = async (actor: Actor, id: string) => (await listAssignments(ctx, actor, { id }))[0]!;

  r.get(
    "/api/assignments",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务列表",
        querystring: z.object({
          roundId: z.uuid({ error: "轮次无效" }).optional(),
          orgId: z.uuid({ error: "单位无效" }).optional(),
        }),
        response: { 200: z.object({ items: z.array(assignmentSummarySchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRoundsRefusal(actor));
      return { items: await listAssignments(ctx, actor, req.query) };
    },
  );

  r.get(
    "/api/assignments/:id",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务详情",
        params: idParams,
        response: { 200: z.object({ assignment: assignmentSummarySchema, planDueDate: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const record = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewAssignmentRefusal(actor, record));
      const assignment = await summary(actor, record.id);
      // The organisation's rectification plan is due a set number of working days after feedback.
      const planDueDate = assignment.feedbackDate
        ? (await ctx.calendar()).addWorkingDays(assignment.feedbackDate, (await ctx.settings()).planDueWorkingDays)
        : null;
      return { assignment, planDueDate };
    },
  );

  r.post(
    "/api/rounds/:id/assignments",
    {
      schema: {
        tags: TAGS,
        summary: "新增巡察任务",
        params: idParams,
        body: assignmentInputSchema,
        response: { 200: z.object({ assignment: assignmentSummarySchema }) },
      },
    },
    async (req) => {
      const id = await createAssignment(ctx, originOf(req), req.params.id, req.body);
      return { assignment: await summary(actorOf(req), id) };
    },
  );

  r.patch(
    "/api/assignments/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改巡察任务日期",
        params: idParams,
        body: assignmentPatchSchema,
        response: { 200: z.object({ assignment: assignmentSummarySchema }) },
      },
    },
    async (req) => {
      await updateAssignment(ctx, originOf(req), req.params.id, req.body);
      return { assignment: await summary(actorOf(req), req.params.id) };
    },
  );
}
