/** Excel: the streamed ledger export, the export of any list screen, and the ledger import. */
import { PassThrough } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../../domain/roles.ts";
import { runCommand } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { ledgerListQuery } from "../ledger/schema.ts";
import { commitImport } from "./import-commit.ts";
import { IMPORT_MAX_BYTES } from "./import-read.ts";
import { importAssignment } from "./import-state.ts";
import { discardImport, dryRunImport, jobView, listJobs, uploadImport } from "./imports.ts";
import { countLedgerRows, LEDGER_SHEETS, writeLedgerWorkbook, type LedgerExportFilter } from "./ledger.ts";
import { commitResultSchema, dryRunBody, dryRunSchema, idParams, jobListSchema, jobSchema, uploadQuery } from "./schema.ts";
import { TABLE_EXPORT_MAX_ROWS, tableExportBody, writeTableWorkbook } from "./table.ts";
import { attachment, XLSX_MIME } from "./workbook.ts";
import { chinaMinute } from "../../../domain/onsite.ts";
import { uploadedXlsx } from "../../http/upload.ts";

const tags = ["excel"];
const okSchema = z.object({ ok: z.literal(true) });
const exportQuery = ledgerListQuery.omit({ page: true, pageSize: true });

/** 整改台账_某单位_20240506.xlsx: named after the one organisation exported, when the filter names one. */
async function ledgerFileName(ctx: AppContext, f: LedgerExportFilter): Promise<string> {
  const day = todayIn(ctx).replaceAll("-", "");
  let scope = "";
  if (f.assignmentId) {
    const a = await importAssignment(ctx.db, f.assignmentId);
    if (a) scope = `_${a.orgName}`;
  }
  return `整改台账${scope.replace(/[\\/:*?"<>|]/g, "")}_${day}.xlsx`;
}

async function auditExport(ctx: AppContext, req: FastifyRequest, actor: Actor, changes: Record<string, unknown>) {
  await runCommand(ctx, { ...originOf(req), actor }, (s) =>
    s.audit({ action: "table.export", recordType: "table", recordIds: [], changes }),
  );
}

export function excelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const as = (req: FastifyRequest) => ({ ...originOf(req), actor: actorOf(req) });

  r.get(
    "/api/ledger/export.xlsx",
    {
      schema: {
        tags,
        summary: "导出整改台账（Excel：问题清单、任务清单、责任清单三个工作表；筛选条件同台账列表，按权限范围）",
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = todayIn(ctx);
      const filter = req.query;
      const rows = await countLedgerRows(ctx.db, actor, filter, today);
      const fileName = await ledgerFileName(ctx, filter);
      // The export is itself an audited event, recorded before the file is written.
      await auditExport(ctx, req, actor, {
        table: "整改台账",
        sheets: [...LEDGER_SHEETS],
        filter: JSON.parse(JSON.stringify(filter)) as object,
        rows,
        fileName,
      });
      const out = new PassThrough();
      const mark = { user: actor.displayName, at: chinaMinute(ctx.now()) };
      writeLedgerWorkbook(ctx.db, actor, filter, out, today, mark).catch((err: unknown) => {
        if (!out.destroyed) console.error("[ledger export] failed:", err);
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", attachment(`ledger-${today.replaceAll("-", "")}.xlsx`, fileName))
        .header("cache-control", "no-store")
        .send(out);
    },
  );

  r.post(
    "/api/exports/table",
    {
      // A screen's filtered rows can be many: up to TABLE_EXPORT_MAX_ROWS rows of text.
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        tags,
        summary: `导出列表（Excel）：列名和当前筛选出的各行单元格文字，最多 ${TABLE_EXPORT_MAX_ROWS} 行`,
        body: tableExportBody,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const t = req.body;
      const day = todayIn(ctx).replaceAll("-", "");
      const fileName = `${t.title.replace(/[\\/:*?"<>|]/g, "")}_${day}.xlsx`;
      await auditExport(ctx, req, actor, { table: t.title, columns: t.columns, rows: t.rows.length, fileName });
      const out = new PassThrough();
      const mark = { user: actor.displayName, at: chinaMinute(ctx.now()) };
      writeTableWorkbook(t, out, mark).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", attachment(`export-${day}.xlsx`, fileName))
        .header("cache-control", "no-store")
        .send(out);
    },
  );

  r.get("/api/imports", { schema: { tags, summary: "我最近的台账导入", response: { 200: jobListSchema } } }, async (req) => ({
    items: await listJobs(ctx, actorOf(req)),
  }));

  r.post(
    "/api/imports",
    {
      schema: {
        tags,
        summary: "上传要导入的 Excel 整改台账（multipart/form-data，字段 file）；后台解析，返回导入任务编号",
        consumes: ["multipart/form-data"],
        querystring: uploadQuery,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => uploadImport(ctx, as(req), req.query.assignmentId, await uploadedXlsx(req, IMPORT_MAX_BYTES)),
  );

  r.get(
    "/api/imports/:id",
    {
      schema: {
        tags,
        summary: "导入任务：解析进度、表头与列对应、预检结果",
        params: idParams,
        response: { 200: jobSchema },
      },
    },
    async (req) => jobView(ctx, actorOf(req), req.params.id),
  );

  r.post(
    "/api/imports/:id/dry-run",
    {
      schema: {
        tags,
        summary: "预检：按列对应逐行核对，列出将新增、修改的条目和每处错误（不写入台账）",
        params: idParams,
        body: dryRunBody,
        response: { 200: dryRunSchema },
      },
    },
    async (req) => dryRunImport(ctx, actorOf(req), req.params.id, req.body.mapping),
  );

  r.post(
    "/api/imports/:id/commit",
    {
      schema: {
        tags,
        summary: "确认导入：在一个事务中全部写入；有任何错误则全部不写入",
        params: idParams,
        response: { 200: commitResultSchema },
      },
    },
    async (req) => commitImport(ctx, as(req), req.params.id),
  );

  r.post(
    "/api/imports/:id/discard",
    { schema: { tags, summary: "放弃导入", params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await discardImport(ctx, as(req), req.params.id);
      return { ok: true as const };
    },
  );
}
