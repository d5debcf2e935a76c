/**
 * Leads (问题线索, confidential) with the commission's handling and the filing-rate figures, and the consultations
 * (办组会商) of an assignment.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consultationInputSchema,
  LEAD_STATUSES,
  leadHandleSchema,
  leadInputSchema,
  leadTransferSchema,
  leadUpdateSchema,
} from "../../../domain/lead.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { createLead, handleLead, transferLead, updateLead } from "./commands.ts";
import { createConsultation, listConsultations } from "./consultations.ts";
import { canViewLead, recordConsultationRefusal, viewConsultationsRefusal, viewLeadsRefusal } from "./policy.ts";
import { figuresOf, listLeads, viewLead } from "./queries.ts";
import { consultationSchema, leadFiguresSchema, leadSchema } from "./schema.ts";

const TAGS = ["leads"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const listQuery = z.object({
  termId: z.uuid({ error: "届次无效" }).optional(),
  roundId: z.uuid({ error: "轮次无效" }).optional(),
  assignmentId: z.uuid({ error: "巡察任务无效" }).optional(),
  status: z.enum(LEAD_STATUSES, { error: "处置状态无效" }).optional(),
  overdue: z
    .enum(["true", "false"], { error: "逾期筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
const figuresQuery = z.object({
  termId: z.uuid({ error: "届次无效" }).optional(),
  roundId: z.uuid({ error: "轮次无效" }).optional(),
});
const one = z.object({ lead: leadSchema });

export function leadsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const months = async () => (await ctx.settings()).leadHandlingMonths;
  const view = async (req: FastifyRequest, id: string) => viewLead(ctx.db, actorOf(req), todayIn(ctx), await months(), id);

  r.get(
    "/api/leads",
    {
      schema: {
        tags: TAGS,
        summary: "问题线索清单（仅限巡察办主任、本组组长和纪委监委；可按届次、轮次、巡察任务、状态、逾期筛选）",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(leadSchema), handlingMonths: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewLeadsRefusal(actor));
      const m = await months();
      return { items: await listLeads(ctx.db, actor, todayIn(ctx), m, req.query), handlingMonths: m };
    },
  );

  r.get(
    "/api/leads/figures",
    {
      schema: {
        tags: TAGS,
        summary: "问题线索统计：各类线索移交数、立案数、立案率（立案÷移交），明确到人比例，涉及人员职级，逾期未处置",
        querystring: figuresQuery,
        response: { 200: leadFiguresSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewLeadsRefusal(actor));
      const m = await months();
      return { ...(await figuresOf(ctx.db, actor, todayIn(ctx), m, req.query)), handlingMonths: m };
    },
  );

  r.get(
    "/api/leads/:id",
    { schema: { tags: TAGS, summary: "问题线索详情", params: idParams, response: { 200: one } } },
    async (req) => ({ lead: await view(req, req.params.id) }),
  );

  r.post(
    "/api/assignments/:id/leads",
    {
      schema: {
        tags: TAGS,
        summary: "登记问题线索（巡察组组长）",
        params: idParams,
        body: leadInputSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      const id = await createLead(ctx, originOf(req), req.params.id, req.body);
      return { lead: await view(req, id) };
    },
  );

  r.put(
    "/api/leads/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改问题线索（组长修改内容，巡察办主任填写移交前审核意见）",
        params: idParams,
        body: leadUpdateSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await updateLead(ctx, originOf(req), req.params.id, req.body);
      return { lead: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/leads/:id/transfer",
    {
      schema: {
        tags: TAGS,
        summary: "移交问题线索（移交日期、接收单位、是否边巡边移）",
        params: idParams,
        body: leadTransferSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await transferLead(ctx, originOf(req), req.params.id, req.body);
      return { lead: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/leads/:id/handle",
    {
      schema: {
        tags: TAGS,
        summary: "登记问题线索处置情况（纪委监委：初步核实、立案、不予立案、予以了结）",
        params: idParams,
        body: leadHandleSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await handleLead(ctx, originOf(req), req.params.id, req.body);
      return { lead: await view(req, req.params.id) };
    },
  );

  r.get(
    "/api/assignments/:id/consultations",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务的办组会商记录",
        params: idParams,
        response: {
          200: z.object({
            items: z.array(consultationSchema),
            can: z.object({ create: z.boolean(), decideOnLeads: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewConsultationsRefusal(actor, asg));
      const create = recordConsultationRefusal(actor) === null;
      return {
        items: await listConsultations(ctx.db, actor, asg),
        can: { create, decideOnLeads: create && canViewLead(actor, asg) },
      };
    },
  );

  r.post(
    "/api/assignments/:id/consultations",
    {
      schema: {
        tags: TAGS,
        summary: "登记办组会商（会商日期、参会人员、会商情况及对线索和问题的意见）",
        params: idParams,
        body: consultationInputSchema,
        response: { 200: z.object({ consultation: consultationSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const id = await createConsultation(ctx, originOf(req), req.params.id, req.body);
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      const items = await listConsultations(ctx.db, actor, asg);
      return { consultation: items.find((c) => c.id === id)! };
    },
  );
}
