/**
 * Files attached to petitions: checked by their bytes (the ledger's evidence rules), stored once by their SM3 under
 * the data dir with the same layout as evidence files, and listed in `attachments` with owner type "petition".
 */
import fs from "node:fs";
import path from "node:path";
import type { MultipartFile } from "@fastify/multipart";
import { and, asc, eq, isNull } from "drizzle-orm";
import { DomainError, notFound } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { sm3 } from "../../audit/chain.ts";
import { created, type CommandScope } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { attachments } from "../../db/schema.ts";
import { checkEvidenceFile } from "../ledger/evidence.ts";

export const OWNER_TYPE = "petition";
export const MAX_FILES = 3;

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export interface StoredFile extends UploadedFile {
  mime: string;
  hash: string;
}

const storedPath = (ctx: AppContext, hash: string) => path.join(ctx.filesDir, hash.slice(0, 2), hash);

/** Reads one uploaded part, turning the size limit into the Chinese refusal. */
export async function readPart(part: MultipartFile, maxMb: number): Promise<UploadedFile> {
  try {
    const content = await part.toBuffer();
    if (part.file.truncated) throw new Error("truncated");
    return { fileName: part.filename, content };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("file_rejected", `文件“${part.filename}”超过 ${maxMb} MB 上限`);
  }
}

/**
 * Checks type and size of every file, then writes them. Content-addressed, so writing a file twice is harmless and
 * happens before the transaction that records them.
 */
export function storeFiles(ctx: AppContext, files: UploadedFile[], maxMb: number): StoredFile[] {
  if (files.length > MAX_FILES) throw new DomainError("file_rejected", `最多上传 ${MAX_FILES} 个附件`);
  const checked = files.map((f) => ({ ...f, ...checkEvidenceFile(f.fileName, f.content, maxMb), hash: sm3(f.content) }));
  for (const f of checked) {
    const p = storedPath(ctx, f.hash);
    if (!fs.existsSync(p)) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(`${p}.part`, f.content);
      fs.renameSync(`${p}.part`, p);
    }
  }
  return checked;
}

/**
 * Records the stored files on a petition, each with its audit entry. A file name may name the sender, so the
 * public form's files are audited by size and content hash only.
 */
export async function recordFiles(
  s: CommandScope,
  petitionId: string,
  files: StoredFile[],
  opts: { auditFileName: boolean },
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    const id = uuidv7();
    ids.push(id);
    const values = { fileName: f.fileName, mimeType: f.mime, size: f.content.length, contentHash: f.hash };
    await s.tx.insert(attachments).values({ id, ...created(s), ownerType: OWNER_TYPE, ownerId: petitionId, ...values });
    const { fileName, ...rest } = values;
    await s.audit({
      action: "attachment.add",
      recordType: OWNER_TYPE,
      recordIds: [petitionId, id],
      changes: opts.auditFileName ? { fileName, ...rest } : rest,
    });
  }
  return ids;
}

export async function filesOf(db: Db, petitionId: string) {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, OWNER_TYPE), eq(attachments.ownerId, petitionId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** One file of a petition, for download (the caller has checked the reader may see the petition). */
export async function openFile(ctx: AppContext, petitionId: string, fileId: string) {
  const [f] = await ctx.db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, fileId),
        eq(attachments.ownerType, OWNER_TYPE),
        eq(attachments.ownerId, petitionId),
        isNull(attachments.deletedAt),
      ),
    );
  if (!f) throw notFound("附件");
  const p = storedPath(ctx, f.contentHash);
  if (!fs.existsSync(p)) throw notFound("附件文件");
  return { file: f, stream: fs.createReadStream(p) };
}
