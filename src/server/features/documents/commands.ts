/**
 * The office's document particulars and templates (runCommand + audit), and the audit entry of every export: a
 * document is a read of possibly confidential records, so who generated what, and when, is on the trail.
 */
import { and, eq, isNull } from "drizzle-orm";
import { diff } from "../../audit/append.ts";
import {
  DOCUMENT_KIND_LABELS,
  isNumbered,
  templateProblems,
  type DocumentKind,
  type ProfileInput,
  type TemplateInput,
} from "../../../domain/documents.ts";
import { conflict, DomainError, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { documentProfiles, documentTemplates } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { manageDocumentsRefusal } from "./policy.ts";
import { profileRow, templateRow } from "./queries.ts";

const STALE = "内容已被他人修改，请刷新后重试";

export function updateProfile(ctx: AppContext, origin: Origin, input: ProfileInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageDocumentsRefusal(actorIn(s)));
    const { version, ...values } = input;
    const row = await profileRow(s.tx);
    if (!row) {
      if (version !== undefined) throw conflict(STALE);
      const id = uuidv7();
      await s.tx.insert(documentProfiles).values({ id, ...created(s), ...values, updatedBy: s.actor?.userId ?? null });
      await s.audit({ action: "document_profile.update", recordType: "document_profile", recordIds: [id], changes: values });
      return;
    }
    if (version !== row.version) throw conflict(STALE);
    const changes = diff(row, values);
    if (!Object.keys(changes).length) throw ruleViolation("发文机关信息没有变化");
    const done = await s.tx
      .update(documentProfiles)
      .set({ ...values, version: row.version + 1, updatedAt: s.now, updatedBy: s.actor?.userId ?? null })
      .where(and(eq(documentProfiles.id, row.id), eq(documentProfiles.version, row.version)))
      .returning({ id: documentProfiles.id });
    if (!done.length) throw conflict(STALE);
    await s.audit({ action: "document_profile.update", recordType: "document_profile", recordIds: [row.id], changes });
  });
}

/** Refuses a template naming a placeholder its kind does not fill, or with braces that do not pair up. */
export function assertTemplate(kind: DocumentKind, input: Pick<TemplateInput, "title" | "opening" | "closing">): void {
  const problems = templateProblems(kind, input);
  if (!problems.length) return;
  // The fields ride in the details: the editor marks each field at fault.
  throw new DomainError("validation_failed", problems.map((p) => p.message).join("；"), {
    fields: problems.map((p) => ({ field: p.field, message: p.message })),
  });
}

export function updateTemplate(ctx: AppContext, origin: Origin, kind: DocumentKind, input: TemplateInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageDocumentsRefusal(actorIn(s)));
    assertTemplate(kind, input);
    const { version, ...rest } = input;
    // Kinds without a document number keep none, whatever the form sent.
    const values = { ...rest, numberPrefix: isNumbered(kind) ? rest.numberPrefix : null };
    const row = await templateRow(s.tx, kind);
    if (!row) {
      if (version !== undefined) throw conflict(STALE);
      const id = uuidv7();
      await s.tx.insert(documentTemplates).values({ id, ...created(s), kind, ...values, updatedBy: s.actor?.userId ?? null });
      await s.audit({
        action: "document_template.update",
        recordType: "document_template",
        recordIds: [id],
        changes: { kind, kindLabel: DOCUMENT_KIND_LABELS[kind], ...values },
      });
      return;
    }
    if (version !== row.version) throw conflict(STALE);
    const changes = diff(row, values);
    if (!Object.keys(changes).length) throw ruleViolation("模板内容没有变化");
    const done = await s.tx
      .update(documentTemplates)
      .set({ ...values, version: row.version + 1, updatedAt: s.now, updatedBy: s.actor?.userId ?? null })
      .where(and(eq(documentTemplates.id, row.id), eq(documentTemplates.version, row.version)))
      .returning({ id: documentTemplates.id });
    if (!done.length) throw conflict(STALE);
    await s.audit({
      action: "document_template.update",
      recordType: "document_template",
      recordIds: [row.id],
      changes: { kind, ...changes },
    });
  });
}

/** Back to the default wording: the saved template is retired (kept, with its history, as deleted). */
export function resetTemplate(ctx: AppContext, origin: Origin, kind: DocumentKind): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageDocumentsRefusal(actorIn(s)));
    const row = await templateRow(s.tx, kind);
    if (!row) throw ruleViolation(`${DOCUMENT_KIND_LABELS[kind]}已在使用默认模板`);
    await s.tx
      .update(documentTemplates)
      .set({ deletedAt: s.now, updatedAt: s.now, version: row.version + 1, updatedBy: s.actor?.userId ?? null })
      .where(and(eq(documentTemplates.id, row.id), isNull(documentTemplates.deletedAt)));
    await s.audit({
      action: "document_template.reset",
      recordType: "document_template",
      recordIds: [row.id],
      changes: { kind, kindLabel: DOCUMENT_KIND_LABELS[kind], title: row.title, opening: row.opening, closing: row.closing },
    });
  });
}

export interface ExportRecord {
  kind: DocumentKind;
  format: string;
  /** The record the document was built from (and the rows it covers), for the record's history. */
  recordType: string;
  recordIds: string[];
  title: string;
  watermarked: boolean;
  extra?: Record<string, unknown>;
}

/** The export is audited before the file leaves, in its own transaction. */
export function recordExport(ctx: AppContext, origin: Origin & { actor: Actor }, e: ExportRecord): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    await s.audit({
      action: "document.export",
      recordType: e.recordType,
      recordIds: e.recordIds,
      changes: {
        kind: e.kind,
        kindLabel: DOCUMENT_KIND_LABELS[e.kind],
        format: e.format,
        title: e.title,
        watermarked: e.watermarked,
        ...(e.extra ?? {}),
      },
    });
  });
}
