/** The team's report with its quality indicators, the deadlines after withdrawal, and the hearing. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hearingInputSchema, reportSaveSchema, reportSubmitSchema } from "../../../domain/report.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow, viewRoundRefusal } from "../rounds/policy.ts";
import { getRoundRecord, teamIdsOfRound } from "../rounds/queries.ts";
import { recordHearing, saveReport, submitReport } from "./commands.ts";
import { viewDeadlinesRefusal, viewReportRefusal } from "./policy.ts";
import { getReportAssignment, listDeadlines, reportView } from "./queries.ts";
import { deadlineItemSchema, reportViewSchema } from "./schema.ts";

const TAGS = ["reports"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const lateQuery = z.object({
  late: z
    .enum(["true", "false"], { error: "逾期筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
const one = z.object({ report: reportViewSchema });
const list = z.object({ items: z.array(deadlineItemSchema) });

export function reportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const view = (req: Parameters<typeof actorOf>[0], id: string) => reportView(ctx, actorOf(req), id);

  r.get(
    "/api/assignments/:id/report",
    {
      schema: {
        tags: TAGS,
        summary: "巡察报告（总体评价、一把手画像、意见建议）及质量指标",
        params: idParams,
        response: { 200: one },
      },
    },
    async (req) => {
      const asg = await getReportAssignment(ctx.db, req.params.id);
      allow(viewReportRefusal(actorOf(req), asg));
      return { report: await view(req, req.params.id) };
    },
  );

  r.put(
    "/api/assignments/:id/report",
    {
      schema: {
        tags: TAGS,
        summary: "保存巡察报告（总体评价、一把手画像、各问题的意见建议）",
        params: idParams,
        body: reportSaveSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await saveReport(ctx, originOf(req), req.params.id, req.body);
      return { report: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/assignments/:id/report/submit",
    {
      schema: {
        tags: TAGS,
        summary: "报送巡察报告材料（须填齐总体评价、一把手画像和每个问题的意见建议）",
        params: idParams,
        body: reportSubmitSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await submitReport(ctx, originOf(req), req.params.id, req.body);
      return { report: await view(req, req.params.id) };
    },
  );

  r.post(
    "/api/assignments/:id/hearing",
    {
      schema: {
        tags: TAGS,
        summary: "登记领导小组听取汇报日期",
        params: idParams,
        body: hearingInputSchema,
        response: { 200: z.object({ deadline: deadlineItemSchema }) },
      },
    },
    async (req) => {
      await recordHearing(ctx, originOf(req), req.params.id, req.body);
      const [deadline] = await listDeadlines(ctx, actorOf(req), { assignmentId: req.params.id });
      return { deadline: deadline! };
    },
  );

  r.get(
    "/api/rounds/:id/report-deadlines",
    {
      schema: {
        tags: TAGS,
        summary: "轮次各巡察任务的材料报送、办组会商和听取汇报时限（可只看逾期）",
        params: idParams,
        querystring: lateQuery,
        response: { 200: list },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewDeadlinesRefusal(actor));
      await getRoundRecord(ctx.db, req.params.id);
      allow(viewRoundRefusal(actor, { teamIds: await teamIdsOfRound(ctx.db, req.params.id) }));
      return { items: await listDeadlines(ctx, actor, { roundId: req.params.id, late: req.query.late }) };
    },
  );

  r.get(
    "/api/report-deadlines",
    {
      schema: {
        tags: TAGS,
        summary: "全部轮次的报告和听取汇报时限（late=true 只看逾期，按逾期天数排列）",
        querystring: lateQuery,
        response: { 200: list },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewDeadlinesRefusal(actor));
      return { items: await listDeadlines(ctx, actor, { late: req.query.late }) };
    },
  );
}
