import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden, notFound } from "../../../domain/errors.ts";
import { orgInputSchema, orgPatchSchema, riskClassChangeSchema } from "../../../domain/org.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { createOrg, deleteOrg, setRiskClass, updateOrg } from "./commands.ts";
import { buildTemplate, IMPORT_MAX_BYTES, TEMPLATE_FILE_NAME } from "./excel.ts";
import { importOrgs } from "./import.ts";
import { canManageOrgs, canViewOrg, canViewOrgs, REFUSE_MANAGE, REFUSE_VIEW, REFUSE_VIEW_ONE } from "./policy.ts";
import { getOrg, listOrgs, orgUsage, presentOrg, riskHistoryOf, type OrgRow } from "./queries.ts";
import { uploadedXlsx } from "../../http/upload.ts";

const orgItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  supervisingLeader: z.string().nullable(),
  partySecretary: z.string().nullable(),
  riskClass: z.string().nullable(),
  riskClassLabel: z.string().nullable(),
  version: z.number(),
  can: z.object({ update: z.boolean(), delete: z.boolean(), setRiskClass: z.boolean() }),
});

const riskHistorySchema = z.object({
  riskClass: z.string(),
  label: z.string(),
  effectiveFrom: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

const idParams = z.object({ id: z.uuid({ error: "单位编号无效" }) });
const orgResponse = { 200: z.object({ org: orgItemSchema }) };
const tags = ["orgs"];

async function present(ctx: AppContext, a: Actor, org: OrgRow) {
  const usage = await orgUsage(ctx.db, [org.id]);
  return presentOrg(a, org, { hasChildren: usage.withChildren.has(org.id), inUse: usage.inUse.has(org.id) });
}

function assertCanManage(a: Actor): void {
  if (!canManageOrgs(a)) throw forbidden(REFUSE_MANAGE);
}

export function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/orgs",
    {
      schema: {
        tags,
        summary: "被巡察单位列表（按层级路径排序）",
        response: { 200: z.object({ items: z.array(orgItemSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canViewOrgs(actor)) throw forbidden(REFUSE_VIEW);
      return { items: await listOrgs(ctx.db, actor) };
    },
  );

  r.get("/api/orgs/import-template", { schema: { tags, summary: "下载被巡察单位导入模板（Excel）" } }, async (req, reply) => {
    assertCanManage(actorOf(req));
    const file = await buildTemplate();
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header(
        "content-disposition",
        `attachment; filename="org-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`,
      )
      .send(file);
  });

  r.post(
    "/api/orgs/import",
    {
      schema: {
        tags,
        summary: "从 Excel 导入被巡察单位（有任何错误则全部不导入）",
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ created: z.number() }) },
      },
    },
    async (req) => {
      assertCanManage(actorOf(req));
      const file = (await uploadedXlsx(req, IMPORT_MAX_BYTES)).content;
      return importOrgs(ctx, originOf(req), file);
    },
  );

  r.get(
    "/api/orgs/:id",
    {
      schema: {
        tags,
        summary: "被巡察单位详情及村（社区）类别调整记录",
        params: idParams,
        response: { 200: z.object({ org: orgItemSchema, riskHistory: z.array(riskHistorySchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canViewOrgs(actor)) throw forbidden(REFUSE_VIEW);
      const org = await getOrg(ctx.db, req.params.id);
      if (!org) throw notFound("该单位");
      if (!canViewOrg(actor, org)) throw forbidden(REFUSE_VIEW_ONE);
      return { org: await present(ctx, actor, org), riskHistory: await riskHistoryOf(ctx.db, org.id) };
    },
  );

  r.post(
    "/api/orgs",
    { schema: { tags, summary: "新增被巡察单位", body: orgInputSchema, response: orgResponse } },
    async (req) => {
      const actor = actorOf(req);
      const org = await createOrg(ctx, originOf(req), req.body);
      return { org: await present(ctx, actor, org) };
    },
  );

  r.patch(
    "/api/orgs/:id",
    {
      schema: {
        tags,
        summary: "修改被巡察单位（含调整上级单位；村（社区）类别另行调整）",
        params: idParams,
        body: orgPatchSchema,
        response: orgResponse,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const org = await updateOrg(ctx, originOf(req), req.params.id, req.body);
      return { org: await present(ctx, actor, org) };
    },
  );

  r.delete(
    "/api/orgs/:id",
    { schema: { tags, summary: "删除被巡察单位", params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => {
      await deleteOrg(ctx, originOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/orgs/:id/risk-class",
    {
      schema: { tags, summary: "调整村（社区）类别", params: idParams, body: riskClassChangeSchema, response: orgResponse },
    },
    async (req) => {
      const actor = actorOf(req);
      const org = await setRiskClass(ctx, originOf(req), req.params.id, req.body);
      return { org: await present(ctx, actor, org) };
    },
  );
}
