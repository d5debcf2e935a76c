/**
 * Official documents (公文): the office's particulars and templates, the template editor's preview, and every
 * document generated from the records as DOCX or PDF — each export permitted by the policy of the record it is
 * built from, audited as document.export, and watermarked when confidential.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DOCUMENT_KIND_LABELS,
  isDocumentKind,
  isNumbered,
  profileInputSchema,
  templateInputSchema,
  templateProblems,
  type DocumentFormat,
  type DocumentKind,
} from "../../../domain/documents.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { AppContext } from "../../context.ts";
import { documentFileName, renderDocx, renderPdf } from "../../documents/index.ts";
import type { OfficialDocument } from "../../documents/model.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { attachment } from "../audit/export.ts";
import { allow } from "../rounds/policy.ts";
import { buildFromRecord, buildSample, buildStatistics, partsFor, withWatermark, type Built } from "./build.ts";
import { recordExport, resetTemplate, updateProfile, updateTemplate } from "./commands.ts";
import { manageDocumentsRefusal, readTemplatesRefusal } from "./policy.ts";
import { effectiveTemplate, listTemplates, presentProfile, presentTemplate, templateRow } from "./queries.ts";
import {
  formatQuery,
  previewBodySchema,
  previewSchema,
  profileViewSchema,
  statisticsQuery,
  templateViewSchema,
} from "./schema.ts";

const TAGS = ["documents"];
const kindParams = z.object({ kind: z.string({ error: "请指定公文类型" }).max(40, { error: "公文类型无效" }) });
const exportParams = kindParams.extend({ id: z.uuid({ error: "记录编号无效" }) });

const MIME: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** An unknown kind is the caller's mistake: 400 with the kinds there are. */
function kindOf(raw: string): DocumentKind {
  if (isDocumentKind(raw)) return raw;
  throw new DomainError("validation_failed", `未知的公文类型“${raw}”，可生成：${Object.values(DOCUMENT_KIND_LABELS).join("、")}`);
}

export function documentsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Renders, audits (before the file leaves) and sends a built document under its Chinese file name. */
  const send = async (
    req: FastifyRequest,
    reply: FastifyReply,
    kind: DocumentKind,
    built: Built,
    format: DocumentFormat,
    version: "internal" | "public" | null,
  ) => {
    const actor = actorOf(req);
    const doc = withWatermark(built.doc, kind, version, actor, ctx.now());
    const file = format === "pdf" ? await renderPdf(doc) : await renderDocx(doc);
    await recordExport(
      ctx,
      { ...originOf(req), actor },
      {
        kind,
        format,
        recordType: built.recordType,
        recordIds: built.recordIds,
        title: doc.title,
        watermarked: doc.watermark !== undefined,
        ...(version ? { extra: { version } } : {}),
      },
    );
    const name = documentFileName(doc, format);
    return reply
      .header("content-type", MIME[format])
      .header("content-disposition", attachment(`${kind}.${format}`, name))
      .header("cache-control", "no-store")
      .send(file);
  };

  r.get(
    "/api/document-profile",
    {
      schema: {
        tags: TAGS,
        summary: "发文机关信息（发文机关标志、署名、联系人、印发机关）",
        response: { 200: profileViewSchema },
      },
    },
    async (req) => {
      allow(readTemplatesRefusal(actorOf(req)));
      return presentProfile(ctx);
    },
  );

  r.put(
    "/api/document-profile",
    {
      schema: {
        tags: TAGS,
        summary: "修改发文机关信息（巡察办）",
        body: profileInputSchema,
        response: { 200: profileViewSchema },
      },
    },
    async (req) => {
      await updateProfile(ctx, { ...originOf(req), actor: actorOf(req) }, req.body);
      return presentProfile(ctx);
    },
  );

  r.get(
    "/api/document-templates",
    {
      schema: {
        tags: TAGS,
        summary: "各类公文的模板（已保存的或默认的）及可用的占位符",
        response: { 200: z.object({ items: z.array(templateViewSchema) }) },
      },
    },
    async (req) => {
      allow(readTemplatesRefusal(actorOf(req)));
      return { items: await listTemplates(ctx.db) };
    },
  );

  r.get(
    "/api/document-templates/:kind",
    { schema: { tags: TAGS, summary: "一类公文的模板", params: kindParams, response: { 200: templateViewSchema } } },
    async (req) => {
      allow(readTemplatesRefusal(actorOf(req)));
      const kind = kindOf(req.params.kind);
      return presentTemplate(kind, await templateRow(ctx.db, kind));
    },
  );

  r.put(
    "/api/document-templates/:kind",
    {
      schema: {
        tags: TAGS,
        summary: "修改一类公文的模板（标题、开头、结尾、发文字号代字；未知占位符不能保存）",
        params: kindParams,
        body: templateInputSchema,
        response: { 200: templateViewSchema },
      },
    },
    async (req) => {
      const kind = kindOf(req.params.kind);
      await updateTemplate(ctx, { ...originOf(req), actor: actorOf(req) }, kind, req.body);
      return presentTemplate(kind, await templateRow(ctx.db, kind));
    },
  );

  r.post(
    "/api/document-templates/:kind/reset",
    { schema: { tags: TAGS, summary: "恢复默认模板", params: kindParams, response: { 200: templateViewSchema } } },
    async (req) => {
      const kind = kindOf(req.params.kind);
      await resetTemplate(ctx, { ...originOf(req), actor: actorOf(req) }, kind);
      return presentTemplate(kind, null);
    },
  );

  r.post(
    "/api/document-templates/:kind/preview",
    {
      schema: {
        tags: TAGS,
        summary: "预览：按编辑中的模板，以示例数据或所选记录生成公文（不导出、不保存）",
        params: kindParams,
        body: previewBodySchema,
        response: { 200: previewSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(manageDocumentsRefusal(actor));
      const kind = kindOf(req.params.kind);
      const saved = await effectiveTemplate(ctx.db, kind);
      const b = req.body;
      const template = {
        title: b.title ?? saved.title,
        opening: b.opening ?? saved.opening,
        closing: b.closing ?? saved.closing,
        numberPrefix: isNumbered(kind) ? (b.numberPrefix === undefined ? saved.numberPrefix : b.numberPrefix || null) : null,
      };
      const parts = await partsFor(ctx, kind, template);
      const version = b.version ?? "internal";
      let document: OfficialDocument;
      if (b.recordId && kind !== "statistics_report") {
        document = (await buildFromRecord(ctx, actor, kind, b.recordId, version, parts)).doc;
      } else {
        // The statistics report is made from a filter, not a record: its preview is always on samples.
        document = buildSample(kind, version, parts);
      }
      return { document, sample: !b.recordId || kind === "statistics_report", problems: templateProblems(kind, template) };
    },
  );

  r.get(
    "/api/documents/statistics_report",
    {
      schema: {
        tags: TAGS,
        summary: "生成巡察整改统计报告（按届次、轮次、单位、时间范围；Word 或 PDF）",
        querystring: statisticsQuery,
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const kind = "statistics_report";
      const parts = await partsFor(ctx, kind);
      return send(req, reply, kind, await buildStatistics(ctx, actorOf(req), filter, parts), format, null);
    },
  );

  r.get(
    "/api/documents/:kind/:id",
    {
      schema: {
        tags: TAGS,
        summary:
          "生成公文（Word 或 PDF）：反馈意见、台账、公告按巡察任务，整改方案按方案，函件按函件，总结报告按轮次；涉密公文带水印",
        params: exportParams,
        querystring: formatQuery,
      },
    },
    async (req, reply) => {
      const kind = kindOf(req.params.kind);
      if (kind === "statistics_report")
        throw new DomainError("validation_failed", "统计报告按统计范围生成，请使用 /api/documents/statistics_report");
      const version = kind === "announcement" ? (req.query.version ?? "internal") : null;
      const parts = await partsFor(ctx, kind);
      const built = await buildFromRecord(ctx, actorOf(req), kind, req.params.id, version ?? "internal", parts);
      return send(req, reply, kind, built, req.query.format, version);
    },
  );
}
