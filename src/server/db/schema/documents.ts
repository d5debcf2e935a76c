/** Documents and exchange: the office's document templates, and Excel imports with their remembered mappings. */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { record, ts } from "./columns.ts";

/**
 * A document kind's fixed wording as the office edited it (公文模板). A kind without a live row uses the default
 * template from the code. Placeholders ({{单位名称}}) are checked against the kind's list when saved.
 */
export const documentTemplates = pgTable(
  "document_templates",
  {
    ...record(),
    /** DocumentKind (src/domain/documents.ts). */
    kind: text("kind").notNull(),
    /** 发文字号的机关代字, e.g. "县巡督"; the number reads 县巡督〔2024〕3号. Null: the kind carries no number. */
    numberPrefix: text("number_prefix"),
    title: text("title").notNull(),
    /** Paragraphs before the computed part, one per line. */
    opening: text("opening").notNull(),
    /** Paragraphs after the computed part, one per line. */
    closing: text("closing").notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [
    uniqueIndex("document_templates_kind_uq")
      .on(t.kind)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * The office's particulars printed on its documents (one live row): the issuing authority's mark in the red
 * header (发文机关标志), the signature (署名), and the contact details for the notes and announcements.
 */
export const documentProfiles = pgTable("document_profiles", {
  ...record(),
  /** 发文机关标志, e.g. "中共××县委巡察工作领导小组办公室文件" is printed as the red header. */
  authority: text("authority").notNull(),
  /** 发文机关署名 under the text, e.g. "中共××县委巡察工作领导小组办公室". */
  signature: text("signature").notNull(),
  contactPerson: text("contact_person"),
  contactPhone: text("contact_phone"),
  contactAddress: text("contact_address"),
  /** 印发机关 in the colophon (版记). */
  printedBy: text("printed_by"),
  updatedBy: uuid("updated_by"),
});

/**
 * An Excel import (导入): the uploaded file is parsed in the background (progress = processed ÷ total), the dry run
 * (plan: rows to create or change, errors with row, column and reason) is kept, and one commit applies it whole.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    ...record(),
    /** What is imported: "ledger". */
    kind: text("kind").notNull(),
    /** The assignment whose ledger the file is imported into. */
    assignmentId: uuid("assignment_id"),
    fileName: text("file_name").notNull(),
    /** The uploaded workbook (kept until the job is committed or discarded). */
    content: text("content"),
    /** parsing | ready | failed | committing | committed | discarded */
    status: text("status").notNull().default("parsing"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    /** Column mapping used: target field → column letter or header text. */
    mapping: jsonb("mapping"),
    /** The dry run's result: rows to create and change (with before/after). */
    plan: jsonb("plan"),
    /** [{ row, column, message }] */
    errors: jsonb("errors"),
    failure: text("failure"),
    committedAt: ts("committed_at"),
  },
  (t) => [index("import_jobs_created_by_idx").on(t.createdBy, t.createdAt)],
);

/** The column mapping an office used last for a kind of import, offered again next time (per office). */
export const importMappings = pgTable(
  "import_mappings",
  {
    ...record(),
    kind: text("kind").notNull(),
    /** The office the mapping belongs to (its name from the settings). */
    office: text("office").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [uniqueIndex("import_mappings_kind_office_uq").on(t.kind, t.office)],
);
