import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError, notFound } from "../../../domain/errors.ts";
import { ledgerFillSchema } from "../../../domain/ledger.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { addNote, batchAction, closeRow, fillRow, reopenRow, requestCloseout, returnRow } from "./commands.ts";
import { addEvidence, openEvidence, removeEvidence } from "./evidence.ts";
import { canView } from "./policy.ts";
import { listRows, rowDetail, stateOf, loadRows } from "./queries.ts";
import { ledgerViews } from "./views.ts";
import {
  batchBody,
  idParams,
  ledgerDetailSchema,
  ledgerListQuery,
  ledgerRowSchema,
  ledgerViewsQuery,
  ledgerViewsSchema,
  noteBody,
  okSchema,
  opinionBody,
  optionalNoteBody,
  reasonBody,
  relapseBody,
} from "./schema.ts";

const tags = ["ledger"];

export function ledgerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const as = (req: Parameters<typeof actorOf>[0]) => ({ ...originOf(req), actor: actorOf(req) });

  r.get(
    "/api/ledger",
    {
      schema: {
        tags,
        summary: "整改台账列表（按权限范围）",
        querystring: ledgerListQuery,
        response: {
          200: z.object({ items: z.array(ledgerRowSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (req) => listRows(ctx.db, actorOf(req), req.query, todayIn(ctx)),
  );

  r.get(
    "/api/ledger/views",
    {
      schema: {
        tags,
        summary: "问题清单、任务清单、责任清单：按问题、整改措施、责任领导和部门分组的台账条目（须指定巡察任务或单位）",
        querystring: ledgerViewsQuery,
        response: { 200: ledgerViewsSchema },
      },
    },
    async (req) => ledgerViews(ctx.db, actorOf(req), req.query, todayIn(ctx)),
  );

  r.get(
    "/api/ledger/:id",
    {
      schema: {
        tags,
        summary: "台账条目详情：进展、佐证材料、反弹记录、操作历史",
        params: idParams,
        response: { 200: ledgerDetailSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await loadRows(ctx.db, [req.params.id]);
      if (!row || !canView(actor, stateOf(row))) throw notFound("台账条目");
      return (await rowDetail(ctx.db, actor, req.params.id, todayIn(ctx)))!;
    },
  );

  r.patch(
    "/api/ledger/:id",
    {
      schema: {
        tags,
        summary: "填报整改措施、责任人、时限、进展",
        params: idParams,
        body: ledgerFillSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await fillRow(ctx, as(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/:id/notes",
    { schema: { tags, summary: "添加进展记录", params: idParams, body: noteBody, response: { 200: okSchema } } },
    async (req) => {
      await addNote(ctx, as(req), req.params.id, req.body.noteDate, req.body.text);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/:id/evidence",
    {
      schema: {
        tags,
        summary: "上传佐证材料（multipart/form-data，字段 file，可多个）",
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 200: z.object({ ids: z.array(z.string()) }) },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new DomainError("file_rejected", "请以表单方式上传文件");
      const files: Array<{ fileName: string; content: Buffer }> = [];
      // The size limit is read per request, so a changed setting applies without a restart.
      const fileSize = (await ctx.settings()).evidenceMaxMb * 1024 * 1024;
      for await (const part of req.files({ limits: { fileSize, files: 10 } })) {
        const content = await part.toBuffer();
        if (part.file.truncated) throw new DomainError("file_rejected", `文件“${part.filename}”超过大小上限`);
        files.push({ fileName: part.filename, content });
      }
      if (!files.length) throw new DomainError("file_rejected", "请选择要上传的文件");
      return { ids: await addEvidence(ctx, as(req), req.params.id, files) };
    },
  );

  r.delete(
    "/api/ledger/:id/evidence/:fileId",
    {
      schema: {
        tags,
        summary: "删除佐证材料",
        params: z.object({ id: z.uuid({ error: "编号无效" }), fileId: z.uuid({ error: "编号无效" }) }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await removeEvidence(ctx, as(req), req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  );

  r.get("/api/evidence/:id", { schema: { tags, summary: "下载佐证材料", params: idParams } }, async (req, reply) => {
    const { file, stream } = await openEvidence(ctx, ctx.db, actorOf(req), req.params.id);
    reply.header("content-type", file.mimeType);
    reply.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return reply.send(stream);
  });

  r.post(
    "/api/ledger/:id/request-closeout",
    { schema: { tags, summary: "申请销号", params: idParams, body: optionalNoteBody, response: { 200: okSchema } } },
    async (req) => {
      await requestCloseout(ctx, as(req), req.params.id, req.body.note ?? null);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/:id/close",
    { schema: { tags, summary: "审核通过并销号", params: idParams, body: opinionBody, response: { 200: okSchema } } },
    async (req) => {
      await closeRow(ctx, as(req), req.params.id, req.body.opinion ?? null);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/:id/return",
    { schema: { tags, summary: "退回销号申请", params: idParams, body: reasonBody, response: { 200: okSchema } } },
    async (req) => {
      await returnRow(ctx, as(req), req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/:id/reopen",
    {
      schema: { tags, summary: "问题反弹，重新打开已销号条目", params: idParams, body: relapseBody, response: { 200: okSchema } },
    },
    async (req) => {
      await reopenRow(ctx, as(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/ledger/batch",
    {
      schema: {
        tags,
        summary: "批量申请销号、销号、退回或设置时限与责任人（整批执行或整批拒绝）",
        body: batchBody,
        response: { 200: z.object({ done: z.number() }) },
      },
    },
    async (req) => batchAction(ctx, as(req), req.body),
  );
}
