/** Reading the office's document profile and each kind's effective template (saved, or the default). */
import { and, eq, isNull } from "drizzle-orm";
import {
  DEFAULT_TEMPLATES,
  defaultProfile,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  isNumbered,
  KIND_PLACEHOLDERS,
  PLACEHOLDERS,
  type DocumentKind,
  type DocumentProfile,
  type DocumentTemplate,
} from "../../../domain/documents.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { documentProfiles, documentTemplates } from "../../db/schema.ts";
import type { Parts } from "./parts.ts";
import type { ProfileView, TemplateView } from "./schema.ts";

export type TemplateRow = typeof documentTemplates.$inferSelect;
export type ProfileRow = typeof documentProfiles.$inferSelect;

export async function templateRow(db: Db, kind: DocumentKind): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.kind, kind), isNull(documentTemplates.deletedAt)));
  return row ?? null;
}

export async function profileRow(db: Db): Promise<ProfileRow | null> {
  const [row] = await db.select().from(documentProfiles).where(isNull(documentProfiles.deletedAt)).limit(1);
  return row ?? null;
}

/** What the documents of a kind are written with: the office's saved template, or the default. */
export async function effectiveTemplate(db: Db, kind: DocumentKind): Promise<DocumentTemplate> {
  const row = await templateRow(db, kind);
  if (!row) return DEFAULT_TEMPLATES[kind];
  return { numberPrefix: row.numberPrefix, title: row.title, opening: row.opening, closing: row.closing };
}

export async function effectiveProfile(ctx: AppContext): Promise<DocumentProfile> {
  const row = await profileRow(ctx.db);
  if (!row) return defaultProfile((await ctx.settings()).officeName);
  return {
    authority: row.authority,
    signature: row.signature,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    contactAddress: row.contactAddress,
    printedBy: row.printedBy,
  };
}

export function presentTemplate(kind: DocumentKind, row: TemplateRow | null): TemplateView {
  const t = row ?? DEFAULT_TEMPLATES[kind];
  return {
    kind,
    kindLabel: DOCUMENT_KIND_LABELS[kind],
    title: t.title,
    opening: t.opening,
    closing: t.closing,
    numberPrefix: t.numberPrefix,
    numbered: isNumbered(kind),
    isDefault: row === null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    placeholders: KIND_PLACEHOLDERS[kind].map((name) => ({ name, description: PLACEHOLDERS[name] })),
    defaults: DEFAULT_TEMPLATES[kind],
  };
}

export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const rows = await db.select().from(documentTemplates).where(isNull(documentTemplates.deletedAt));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return DOCUMENT_KINDS.map((k) => presentTemplate(k, byKind.get(k) ?? null));
}

export async function presentProfile(ctx: AppContext): Promise<ProfileView> {
  const row = await profileRow(ctx.db);
  return {
    ...(await effectiveProfile(ctx)),
    isDefault: row === null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The profile, the kind's template (or the one given, for a preview), the office's name and today. */
export async function partsFor(ctx: AppContext, kind: DocumentKind, template?: DocumentTemplate): Promise<Parts> {
  const [profile, saved, settings] = await Promise.all([
    effectiveProfile(ctx),
    template ? Promise.resolve(template) : effectiveTemplate(ctx.db, kind),
    ctx.settings(),
  ]);
  return { profile, template: saved, officeName: settings.officeName, today: todayIn(ctx) };
}
