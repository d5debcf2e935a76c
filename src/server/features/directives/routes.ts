/** Secretary's meetings (书记专题会) and their directives (点人点事), with the done ÷ all figure. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DIRECTIVE_STATUSES,
  directiveCloseSchema,
  directiveInputSchema,
  directiveReportSchema,
  directiveReturnSchema,
  meetingInputSchema,
} from "../../../domain/directive.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { closeDirective, createDirective, createMeeting, reportDirective, returnDirective } from "./commands.ts";
import { viewAllDirectivesRefusal, viewDirectiveRefusal } from "./policy.ts";
import {
  figuresOf,
  getDirective,
  getMeeting,
  listDirectives,
  listMeetings,
  ownsDirectives,
  presentDirective,
} from "./queries.ts";
import { directiveFiguresSchema, directiveSchema, meetingSchema } from "./schema.ts";

const TAGS = ["directives"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const listQuery = z.object({
  meetingId: z.uuid({ error: "书记专题会无效" }).optional(),
  status: z.enum(DIRECTIVE_STATUSES, { error: "办理状态无效" }).optional(),
  overdue: z
    .enum(["true", "false"], { error: "逾期筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
const one = z.object({ directive: directiveSchema });

export function directivesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const view = async (req: Parameters<typeof actorOf>[0], id: string) =>
    presentDirective(actorOf(req), todayIn(ctx), await getDirective(ctx.db, id));

  r.get(
    "/api/secretary-meetings",
    {
      schema: {
        tags: TAGS,
        summary: "书记专题会列表",
        response: { 200: z.object({ items: z.array(meetingSchema) }) },
      },
    },
    async (req) => {
      allow(viewAllDirectivesRefusal(actorOf(req)));
      return { items: await listMeetings(ctx.db) };
    },
  );

  r.post(
    "/api/secretary-meetings",
    {
      schema: {
        tags: TAGS,
        summary: "登记书记专题会",
        body: meetingInputSchema,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => ({ id: await createMeeting(ctx, originOf(req), req.body) }),
  );

  r.get(
    "/api/directives",
    {
      schema: {
        tags: TAGS,
        summary: "点人点事清单（可按专题会、状态、逾期筛选）",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(directiveSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Wide readers see all; an owner who is not one sees only the directives they own.
      if (viewAllDirectivesRefusal(actor) !== null && !(await ownsDirectives(ctx.db, actor))) {
        allow(viewAllDirectivesRefusal(actor));
      }
      if (req.query.meetingId) await getMeeting(ctx.db, req.query.meetingId);
      return { items: await listDirectives(ctx.db, actor, todayIn(ctx), req.query) };
    },
  );

  r.post(
    "/api/directives",
    { schema: { tags: TAGS, summary: "登记点人点事", body: directiveInputSchema, response: { 200: one } } },
    async (req) => {
      const id = await createDirective(ctx, originOf(req), req.body);
      return { directive: await view(req, id) };
    },
  );

  r.get(
    "/api/directives/:id",
    { schema: { tags: TAGS, summary: "点人点事详情", params: idParams, response: { 200: one } } },
    async (req) => {
      const found = await getDirective(ctx.db, req.params.id);
      allow(viewDirectiveRefusal(actorOf(req), found.directive));
      return { directive: presentDirective(actorOf(req), todayIn(ctx), found) };
    },
  );

  r.post(
    "/api/directives/:id/report",
    {
      schema: {
        tags: TAGS,
        summary: "报告办理情况（报办结）",
        params: idParams,
        body: directiveReportSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await reportDirective(ctx, originOf(req), req.params.id, req.body);
      return { directive: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/directives/:id/close",
    { schema: { tags: TAGS, summary: "确认办结", params: idParams, body: directiveCloseSchema, response: { 200: one } } },
    async (req) => {
      await closeDirective(ctx, originOf(req), req.params.id, req.body);
      return { directive: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/directives/:id/return",
    { schema: { tags: TAGS, summary: "退回办结报告", params: idParams, body: directiveReturnSchema, response: { 200: one } } },
    async (req) => {
      await returnDirective(ctx, originOf(req), req.params.id, req.body);
      return { directive: await view(req, req.params.id) };
    },
  );

  r.get(
    "/api/figures/directives",
    {
      schema: {
        tags: TAGS,
        summary: "点人点事统计：总数、已办结、未办结、逾期、办结率（已办结÷总数）",
        querystring: z.object({ meetingId: z.uuid({ error: "书记专题会无效" }).optional() }),
        response: { 200: directiveFiguresSchema },
      },
    },
    async (req) => {
      allow(viewAllDirectivesRefusal(actorOf(req)));
      return figuresOf(ctx.db, todayIn(ctx), req.query.meetingId);
    },
  );
}
