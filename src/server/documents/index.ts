/**
 * The document engine: an OfficialDocument (model.ts) → DOCX (docx.ts) or PDF (pdf.ts) in the layout of
 * GB/T 9704-2012, and the file name to send it under.
 */
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "../../domain/documents.ts";
import type { OfficialDocument } from "./model.ts";

export type { Block, HeadingLevel, OfficialDocument, TableColumn } from "./model.ts";
export { renderDocx } from "./docx.ts";
export { renderPdf, PdfFontsMissingError } from "./pdf.ts";

/** Characters Windows, macOS and browsers refuse or misread in a file name, and control characters. */
const UNSAFE = new Set([...'\\/:*?"<>|']);
const safe = (ch: string) => !UNSAFE.has(ch) && (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== "\u007f";

/**
 * The file name for a download: the title (or the kind's label when the title is empty), without characters a file
 * system or a Content-Disposition header would choke on, at most 80 characters, with the format's extension.
 * Non-ASCII names go into the header as filename* (RFC 5987); the caller encodes it.
 */
export function documentFileName(doc: OfficialDocument, format: "docx" | "pdf"): string {
  const label = DOCUMENT_KIND_LABELS[doc.kind as DocumentKind] ?? "公文";
  let base = [...doc.title.replace(/\s+/g, " ")].filter(safe).join("").trim();
  base = base.replace(/^\.+/, "").replace(/\.+$/, "");
  if (!base) base = label;
  const chars = [...base];
  if (chars.length > 80) base = chars.slice(0, 80).join("");
  return `${base}.${format}`;
}
