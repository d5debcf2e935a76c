/** Accountability (问责情况) and rules made (制度建设), with their figures. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ACCOUNTABILITY_KINDS, accountabilityInputSchema, ruleInputSchema } from "../../../domain/accountability.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { createAccountability, createRule } from "./commands.ts";
import { linksUnfedFindings, recordRuleRefusal, viewRefusal } from "./policy.ts";
import { accountabilityFiguresOf, findingsOfOrg, getOrgRecord, listAccountability, listRules, ruleFiguresOf } from "./queries.ts";
import { accountabilityFiguresSchema, accountabilitySchema, ruleFindingSchema, ruleFiguresSchema, ruleSchema } from "./schema.ts";

const TAGS = ["accountability"];
const orgId = z.uuid({ error: "单位无效" }).optional();

export function accountabilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/accountability",
    {
      schema: {
        tags: TAGS,
        summary: "问责情况列表（可按问责方式、单位筛选）",
        querystring: z.object({ kind: z.enum(ACCOUNTABILITY_KINDS, { error: "问责方式无效" }).optional(), orgId }),
        response: { 200: z.object({ items: z.array(accountabilitySchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRefusal(actor));
      if (req.query.orgId) await getOrgRecord(ctx.db, req.query.orgId);
      return { items: await listAccountability(ctx.db, actor, req.query) };
    },
  );

  r.get(
    "/api/accountability/figures",
    {
      schema: {
        tags: TAGS,
        summary: "问责统计：按问责方式计数，区分问责个人和单位",
        querystring: z.object({ orgId }),
        response: { 200: accountabilityFiguresSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRefusal(actor));
      if (req.query.orgId) await getOrgRecord(ctx.db, req.query.orgId);
      return accountabilityFiguresOf(ctx.db, actor, req.query);
    },
  );

  r.post(
    "/api/accountability",
    {
      schema: {
        tags: TAGS,
        summary: "登记问责情况（可关联台账条目和函件）",
        body: accountabilityInputSchema,
        response: { 200: z.object({ action: accountabilitySchema }) },
      },
    },
    async (req) => {
      const id = await createAccountability(ctx, originOf(req), req.body);
      const [action] = await listAccountability(ctx.db, actorOf(req), { id });
      return { action: action! };
    },
  );

  r.get(
    "/api/rules",
    {
      schema: {
        tags: TAGS,
        summary: "制度建设成果列表（含促成制度的问题）",
        querystring: z.object({ orgId }),
        response: { 200: z.object({ items: z.array(ruleSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRefusal(actor));
      if (req.query.orgId) await getOrgRecord(ctx.db, req.query.orgId);
      return { items: await listRules(ctx.db, actor, req.query) };
    },
  );

  r.get(
    "/api/rules/figures",
    {
      schema: {
        tags: TAGS,
        summary: "制度建设统计：按新建、修订和按单位计数",
        response: { 200: ruleFiguresSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRefusal(actor));
      return ruleFiguresOf(ctx.db, actor);
    },
  );

  r.get(
    "/api/rules/findings",
    {
      schema: {
        tags: TAGS,
        summary: "可关联到制度建设成果的单位问题（单位联络人只见已反馈的问题）",
        querystring: z.object({ orgId: z.uuid({ error: "请选择单位" }) }),
        response: { 200: z.object({ items: z.array(ruleFindingSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const org = await getOrgRecord(ctx.db, req.query.orgId);
      allow(recordRuleRefusal(actor, org));
      return { items: await findingsOfOrg(ctx.db, org.id, !linksUnfedFindings(actor)) };
    },
  );

  r.post(
    "/api/rules",
    {
      schema: {
        tags: TAGS,
        summary: "登记制度建设成果（至少关联一个该单位的问题）",
        body: ruleInputSchema,
        response: { 200: z.object({ rule: ruleSchema }) },
      },
    },
    async (req) => {
      const id = await createRule(ctx, originOf(req), req.body);
      const [rule] = await listRules(ctx.db, actorOf(req), { id });
      return { rule: rule! };
    },
  );
}
