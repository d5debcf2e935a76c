/**
 * Attachments (附件) of pre-inspection requests, on-site records, findings and petitions: stored once by content
 * (SM3) and checked by type and size exactly as ledger evidence is (ledger/evidence.ts); who may see or add them is
 * decided by their owner (attachment-owners.ts). Exported for the features that own such records.
 */
import fs from "node:fs";
import type { FastifyRequest } from "fastify";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { DomainError, notFound } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { AttachmentOwnerType } from "../../../domain/onsite.ts";
import { created, type CommandScope } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { attachments, users } from "../../db/schema.ts";
import { storedPath, storeFiles } from "../ledger/evidence.ts";
import type { AttachmentView } from "./schema.ts";

export { storeFiles };
export type StoredFile = Awaited<ReturnType<typeof storeFiles>>[number];

/** The files of a multipart request (field name free, up to 10), refused in Chinese when there are none or too big. */
export async function readUploads(ctx: AppContext, req: FastifyRequest): Promise<Array<{ fileName: string; content: Buffer }>> {
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
  return files;
}

/** Records stored files as attachments of one owner, each with its audit entry, inside the caller's command. */
export async function insertAttachments(
  s: CommandScope,
  ownerType: AttachmentOwnerType,
  ownerId: string,
  files: readonly StoredFile[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    const id = uuidv7();
    ids.push(id);
    await s.tx.insert(attachments).values({
      id,
      ...created(s),
      ownerType,
      ownerId,
      fileName: f.fileName,
      mimeType: f.mime,
      size: f.content.length,
      contentHash: f.hash,
    });
    await s.audit({
      action: "attachment.add",
      recordType: ownerType,
      recordIds: [ownerId, id],
      changes: { fileName: f.fileName, size: f.content.length, contentHash: f.hash },
    });
  }
  return ids;
}

type AttachmentRow = typeof attachments.$inferSelect;

/** The live attachment rows of some owners (for copying them elsewhere, e.g. as ledger evidence). */
export async function attachmentRows(
  db: Db,
  ownerType: AttachmentOwnerType,
  ownerIds: readonly string[],
): Promise<AttachmentRow[]> {
  if (!ownerIds.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, [...ownerIds]), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** The attachments of some owners, grouped by owner, oldest first. */
export async function listAttachments(
  db: Db,
  ownerType: AttachmentOwnerType,
  ownerIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>(ownerIds.map((id) => [id, []]));
  if (!ownerIds.length) return out;
  const rows = await db
    .select({ a: attachments, uploadedBy: users.displayName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.createdBy))
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, [...ownerIds]), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const { a, uploadedBy } of rows) {
    out.get(a.ownerId)?.push({
      id: a.id,
      ownerType: a.ownerType,
      ownerId: a.ownerId,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      contentHash: a.contentHash,
      createdAt: a.createdAt.toISOString(),
      uploadedBy: uploadedBy ?? null,
    });
  }
  return out;
}

export async function getAttachment(db: Db, id: string): Promise<AttachmentRow> {
  const [a] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  if (!a) throw notFound("附件");
  return a;
}

/** The stored bytes of an attachment, for download (after the owner's view check). */
export function openAttachmentFile(ctx: AppContext, a: { contentHash: string }): fs.ReadStream {
  const p = storedPath(ctx, a.contentHash);
  if (!fs.existsSync(p)) throw notFound("附件文件");
  return fs.createReadStream(p);
}
