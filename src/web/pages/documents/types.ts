/** The documents API as the screens read it (server/features/documents/schema.ts). */
import type { DocumentKind, DocumentTemplate } from "../../../domain/documents.ts";

export type PreviewBlock =
  | { type: "heading"; level: 1 | 2 | 3 | 4; text: string }
  | { type: "paragraph"; text: string; indent?: boolean; align?: "left" | "center" | "right" | "justify"; bold?: boolean }
  | {
      type: "table";
      caption?: string;
      columns: Array<{ title: string; width: number; align?: "left" | "center" }>;
      rows: string[][];
    }
  | { type: "pageBreak" };

export interface PreviewDocument {
  kind: string;
  orientation: "portrait" | "landscape";
  authority?: string;
  number?: string;
  title: string;
  recipient?: string;
  body: PreviewBlock[];
  attachments?: string[];
  signature?: { issuer: string; date: string };
  notes?: string[];
  cc?: string;
  printedBy?: { issuer: string; date: string };
}

export interface Preview {
  document: PreviewDocument;
  sample: boolean;
  problems: Array<{ field: string; text: string; message: string }>;
}

export interface TemplateView extends DocumentTemplate {
  kind: DocumentKind;
  kindLabel: string;
  numbered: boolean;
  isDefault: boolean;
  version: number | null;
  updatedAt: string | null;
  placeholders: Array<{ name: string; description: string }>;
  defaults: DocumentTemplate;
}

export interface ProfileView {
  authority: string;
  signature: string;
  contactPerson: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  printedBy: string | null;
  isDefault: boolean;
  version: number | null;
  updatedAt: string | null;
}
