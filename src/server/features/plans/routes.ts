/** Rectification plans (整改方案): drafted from the ledger rows, submitted, reviewed, versions compared. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import {
  comparePlans,
  PLAN_LIST_STATUSES,
  planApproveSchema,
  planOpinionSchema,
  planReturnSchema,
  planSubmitSchema,
  planUpdateSchema,
} from "../../../domain/plan.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { addOpinion, createPlan, decidePlan, submitPlan, updatePlan } from "./commands.ts";
import { canViewPlan } from "./policy.ts";
import { entriesShown, getPlan, listPlans, planDetail, stateOfPlan, versionText, type LoadedPlan } from "./queries.ts";
import { planComparisonSchema, planDetailSchema, planListItemSchema } from "./schema.ts";

const TAGS = ["plans"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const listQuery = z.object({
  status: z.enum(PLAN_LIST_STATUSES, { error: "方案状态无效" }).optional(),
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  orgId: z.uuid({ error: "单位无效" }).optional(),
  overdue: z
    .enum(["true", "false"], { error: "逾期筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
/** A submitted version's number, or "draft" for the text being edited. */
const textKey = z
  .string({ error: "请选择要比较的版本" })
  .regex(/^([1-9]\d{0,5}|draft)$/, { error: "版本应为版本号或 draft（当前草稿）" });
const compareQuery = z.object({ from: textKey, to: textKey });

export function plansRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The plan as the reader sees it; one they may not see is answered as missing. */
  const visible = async (req: FastifyRequest, id: string): Promise<LoadedPlan> => {
    const p = await getPlan(ctx.db, id);
    if (!canViewPlan(actorOf(req), stateOfPlan(p))) throw notFound("整改方案");
    return p;
  };
  const detail = async (req: FastifyRequest, id: string) =>
    planDetail(ctx.db, actorOf(req), todayIn(ctx), await visible(req, id));
  const origin = (req: FastifyRequest) => ({ ...originOf(req), actor: actorOf(req) });

  r.get(
    "/api/plans",
    {
      schema: {
        tags: TAGS,
        summary: "整改方案清单（含已反馈未编制的巡察任务；可按状态、轮次、单位、逾期筛选）",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(planListItemSchema) }) },
      },
    },
    async (req) => {
      const at = {
        today: todayIn(ctx),
        calendar: await ctx.calendar(),
        dueWorkingDays: (await ctx.settings()).planDueWorkingDays,
      };
      return { items: await listPlans(ctx.db, actorOf(req), at, req.query) };
    },
  );

  r.post(
    "/api/assignments/:id/plan",
    {
      schema: {
        tags: TAGS,
        summary: "编制整改方案：按反馈问题的台账条目生成草稿",
        params: idParams,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => detail(req, await createPlan(ctx, origin(req), req.params.id)),
  );

  r.get(
    "/api/plans/:id",
    {
      schema: {
        tags: TAGS,
        summary: "整改方案详情：条目、版本、审核意见",
        params: idParams,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  r.put(
    "/api/plans/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改整改方案草稿：方案说明及各条目的整改措施、责任领导、责任部门、完成时限",
        params: idParams,
        body: planUpdateSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => {
      await updatePlan(ctx, origin(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  r.post(
    "/api/plans/:id/submit",
    {
      schema: {
        tags: TAGS,
        summary: "报送整改方案（形成新版本）",
        params: idParams,
        body: planSubmitSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => {
      await submitPlan(ctx, origin(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  r.post(
    "/api/plans/:id/opinions",
    {
      schema: {
        tags: TAGS,
        summary: "对报送的整改方案提出意见（巡察办、纪委监委、组织部）",
        params: idParams,
        body: planOpinionSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => {
      await addOpinion(ctx, origin(req), req.params.id, req.body.text);
      return detail(req, req.params.id);
    },
  );

  r.post(
    "/api/plans/:id/approve",
    {
      schema: {
        tags: TAGS,
        summary: "审核通过整改方案（措施、责任人、时限写入整改中的台账条目）",
        params: idParams,
        body: planApproveSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => {
      await decidePlan(ctx, origin(req), req.params.id, "approved", req.body);
      return detail(req, req.params.id);
    },
  );

  r.post(
    "/api/plans/:id/return",
    {
      schema: {
        tags: TAGS,
        summary: "退回整改方案（须填写意见）",
        params: idParams,
        body: planReturnSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (req) => {
      await decidePlan(ctx, origin(req), req.params.id, "returned", req.body);
      return detail(req, req.params.id);
    },
  );

  r.get(
    "/api/plans/:id/compare",
    {
      schema: {
        tags: TAGS,
        summary: "比较整改方案两个版本：各条目变化的字段、增减的条目",
        params: idParams,
        querystring: compareQuery,
        response: { 200: planComparisonSchema },
      },
    },
    async (req) => {
      const p = await visible(req, req.params.id);
      const text = async (key: string) =>
        key === "draft"
          ? {
              label: "当前草稿",
              summary: p.plan.summary,
              entries: await entriesShown(ctx.db, p),
            }
          : { label: `第${key}版`, ...(await versionText(ctx.db, p.plan.id, Number(key))) };
      const [from, to] = [await text(req.query.from), await text(req.query.to)];
      return {
        from: { key: req.query.from, label: from.label },
        to: { key: req.query.to, label: to.label },
        ...comparePlans(from, to),
      };
    },
  );
}
