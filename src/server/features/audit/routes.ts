import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_ACTIONS } from "../../../domain/audit.ts";
import { ruleViolation } from "../../../domain/errors.ts";
import { verifyChain } from "../../audit/verify.ts";
import { runCommand } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { attachment, auditWorkbookStream, RECORD_TYPE_LABELS } from "./export.ts";
import { assertReadAudit } from "./policy.ts";
import { auditFilterSchema, searchAudit } from "./queries.ts";

const EXPORT_MAX_ROWS = 1_000_000; // an Excel sheet holds 1,048,576 rows

const itemSchema = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  recordType: z.string(),
  recordIds: z.array(z.string()),
  changes: z.record(z.string(), z.unknown()),
  clientIp: z.string().nullable(),
});

const pageQuery = auditFilterSchema.extend({
  page: z.coerce
    .number({ error: "页码无效" })
    .int({ error: "页码无效" })
    .min(1, { error: "页码无效" })
    .max(1_000_000, { error: "页码无效" })
    .default(1),
  pageSize: z.coerce
    .number({ error: "每页条数无效" })
    .int({ error: "每页条数无效" })
    .min(1, { error: "每页条数无效" })
    .max(200, { error: "每页最多 200 条" })
    .default(50),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["audit"];

  r.get(
    "/api/audit",
    {
      schema: {
        tags,
        summary: "查询审计日志",
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(itemSchema), total: z.number() }) },
      },
    },
    async (req) => {
      assertReadAudit(actorOf(req));
      const { page, pageSize, ...filter } = req.query;
      return searchAudit(ctx.db, filter, page, pageSize);
    },
  );

  r.get(
    "/api/audit/export",
    { schema: { tags, summary: "导出审计日志（Excel）", querystring: auditFilterSchema } },
    async (req, reply) => {
      const actor = actorOf(req);
      assertReadAudit(actor);
      const filter = req.query;
      const { total } = await searchAudit(ctx.db, filter, 1, 1);
      if (total > EXPORT_MAX_ROWS)
        throw ruleViolation(`符合条件的日志有 ${total} 条，超过一次可导出的 ${EXPORT_MAX_ROWS} 条，请缩小时间范围后再导出`);
      // The export is itself an audited event, recorded before the file is written.
      await runCommand(ctx, { ...originOf(req), actor }, async (s) => {
        assertReadAudit(actor);
        await s.audit({
          action: "audit.export",
          recordType: "audit",
          recordIds: [],
          changes: { filter: JSON.parse(JSON.stringify(filter)) as object, rows: total },
        });
      });
      const day = todayIn(ctx).replaceAll("-", "");
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment(`audit-log-${day}.xlsx`, `审计日志_${day}.xlsx`))
        .header("cache-control", "no-store")
        .send(auditWorkbookStream(ctx.db, filter));
    },
  );

  r.get(
    "/api/audit/actions",
    {
      schema: {
        tags,
        summary: "审计操作类型与记录类型名称",
        response: { 200: z.object({ labels: z.record(z.string(), z.string()), recordTypes: z.record(z.string(), z.string()) }) },
      },
    },
    async (req) => {
      assertReadAudit(actorOf(req));
      return { labels: AUDIT_ACTIONS, recordTypes: RECORD_TYPE_LABELS };
    },
  );

  r.get(
    "/api/audit/verify",
    {
      schema: {
        tags,
        summary: "校验审计日志哈希链",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBroken: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).nullable(),
          }),
        },
      },
    },
    async (req) => {
      assertReadAudit(actorOf(req));
      return verifyChain(ctx.db);
    },
  );
}
