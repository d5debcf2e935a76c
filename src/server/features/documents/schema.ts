/** What documents, templates and the profile look like on the wire. */
import { z } from "zod";
import { ANNOUNCEMENT_VERSIONS } from "../../../domain/announcement.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS } from "../../../domain/documents.ts";
import { statFilterSchema } from "../../../domain/stats.ts";

const templateText = z.object({
  title: z.string(),
  opening: z.string(),
  closing: z.string(),
  numberPrefix: z.string().nullable(),
});

export const templateViewSchema = templateText.extend({
  kind: z.enum(DOCUMENT_KINDS),
  kindLabel: z.string(),
  /** The kind carries a document number (发文字号): the prefix is used. */
  numbered: z.boolean(),
  /** No saved template: the default is in use. */
  isDefault: z.boolean(),
  /** The saved template's version (send it back when saving); null while the default is in use. */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  /** The default wording, for 恢复默认 and comparison. */
  defaults: templateText,
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const profileViewSchema = z.object({
  authority: z.string(),
  signature: z.string(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactAddress: z.string().nullable(),
  printedBy: z.string().nullable(),
  isDefault: z.boolean(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

const blockSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("heading"),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string(),
  }),
  z.object({
    type: z.literal("paragraph"),
    text: z.string(),
    indent: z.boolean().optional(),
    align: z.enum(["left", "center", "right", "justify"]).optional(),
    bold: z.boolean().optional(),
  }),
  z.object({
    type: z.literal("table"),
    caption: z.string().optional(),
    columns: z.array(z.object({ title: z.string(), width: z.number(), align: z.enum(["left", "center"]).optional() })),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal("pageBreak") }),
]);

/** The document model (src/server/documents/model.ts) as JSON: what the preview shows. */
export const officialDocumentSchema = z.object({
  kind: z.string(),
  orientation: z.enum(["portrait", "landscape"]),
  copyNo: z.string().optional(),
  classification: z.string().optional(),
  authority: z.string().optional(),
  number: z.string().optional(),
  title: z.string(),
  recipient: z.string().optional(),
  body: z.array(blockSchema),
  attachments: z.array(z.string()).optional(),
  signature: z.object({ issuer: z.string(), date: z.string() }).optional(),
  notes: z.array(z.string()).optional(),
  cc: z.string().optional(),
  printedBy: z.object({ issuer: z.string(), date: z.string() }).optional(),
  watermark: z.object({ user: z.string(), at: z.string() }).optional(),
});

export const formatQuery = z.object({
  format: z.enum(DOCUMENT_FORMATS, { error: "文件格式应为 docx（Word）或 pdf" }).default("docx"),
  version: z.enum(ANNOUNCEMENT_VERSIONS, { error: "公告版本应为 internal（党内版）或 public（公开版）" }).optional(),
});

export const statisticsQuery = statFilterSchema.extend({
  format: z.enum(DOCUMENT_FORMATS, { error: "文件格式应为 docx（Word）或 pdf" }).default("docx"),
});

/** POST /api/document-templates/:kind/preview: the template being edited (or the saved one), on a record or samples. */
export const previewBodySchema = z.object({
  title: z.string({ error: "标题无效" }).max(200, "标题不超过 200 个字").optional(),
  opening: z.string({ error: "开头无效" }).max(8000, "开头不超过 8000 个字").optional(),
  closing: z.string({ error: "结尾无效" }).max(8000, "结尾不超过 8000 个字").optional(),
  numberPrefix: z.string({ error: "发文字号代字无效" }).max(20, "发文字号代字不超过 20 个字").nullish(),
  /** The record to build from (assignment, plan, letter or round by kind); absent: sample values. */
  recordId: z.uuid({ error: "记录编号无效" }).nullish(),
  version: z.enum(ANNOUNCEMENT_VERSIONS, { error: "公告版本应为 internal（党内版）或 public（公开版）" }).optional(),
});
export type PreviewBody = z.infer<typeof previewBodySchema>;

export const previewSchema = z.object({
  document: officialDocumentSchema,
  /** True when built from sample values rather than a record. */
  sample: z.boolean(),
  /** What the template being previewed gets wrong (unknown placeholders, stray braces); the preview still shows. */
  problems: z.array(z.object({ field: z.string(), text: z.string(), message: z.string() })),
});
