/**
 * Evidence files (佐证材料): stored once by content (SM3) under the data dir, type and size checked by
 * their bytes, downloadable by whoever may see the row.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { DomainError, forbidden, notFound } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { sm3 } from "../../audit/chain.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { evidenceFiles, ledgerRows } from "../../db/schema.ts";
import { abilities, canView, refusal } from "./policy.ts";
import { loadRows, stateOf } from "./queries.ts";

/** Allowed kinds, recognised by extension and checked against the file's first bytes. */
const KINDS: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  pdf: { mime: "application/pdf", magic: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  jpg: { mime: "image/jpeg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  jpeg: { mime: "image/jpeg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  png: {
    mime: "image/png",
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: (b) => b.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1")),
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: (b) => b.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1")),
  },
  doc: { mime: "application/msword", magic: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) },
  xls: { mime: "application/vnd.ms-excel", magic: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) },
  ofd: { mime: "application/ofd", magic: (b) => b.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1")) },
  txt: { mime: "text/plain; charset=utf-8", magic: (b) => !b.includes(0) },
};
export const ALLOWED_EVIDENCE_TYPES = Object.keys(KINDS);

export function checkEvidenceFile(fileName: string, content: Buffer, maxMb: number): { mime: string } {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const kind = KINDS[ext];
  if (!kind)
    throw new DomainError(
      "file_rejected",
      `不支持的文件类型“.${ext || "无扩展名"}”，可上传：${ALLOWED_EVIDENCE_TYPES.join("、")}`,
    );
  if (content.length === 0) throw new DomainError("file_rejected", `文件“${fileName}”是空文件`);
  if (content.length > maxMb * 1024 * 1024) throw new DomainError("file_rejected", `文件“${fileName}”超过 ${maxMb} MB 上限`);
  if (!kind.magic(content)) throw new DomainError("file_rejected", `文件“${fileName}”的内容与扩展名 .${ext} 不符`);
  return { mime: kind.mime };
}

export const storedPath = (ctx: AppContext, hash: string) => path.join(ctx.filesDir, hash.slice(0, 2), hash);

/** Checks each file's type and size and stores it once by content (SM3); other features' attachments use it too. */
export async function storeFiles(ctx: AppContext, files: Array<{ fileName: string; content: Buffer }>) {
  const maxMb = (await ctx.settings()).evidenceMaxMb;
  const checked = files.map((f) => ({ ...f, ...checkEvidenceFile(f.fileName, f.content, maxMb), hash: sm3(f.content) }));
  // Content-addressed: writing the same file twice is harmless, so it happens before the transaction.
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

export async function addEvidence(
  ctx: AppContext,
  origin: Origin & { actor: Actor },
  rowId: string,
  files: Array<{ fileName: string; content: Buffer }>,
): Promise<string[]> {
  const checked = await storeFiles(ctx, files);
  return runCommand(ctx, origin, async (s) => {
    const [row] = await loadRows(s.tx, [rowId]);
    if (!row) throw notFound("台账条目");
    if (!abilities(origin.actor, stateOf(row)).addEvidence) throw forbidden(refusal(origin.actor, stateOf(row), "addEvidence"));
    const ids: string[] = [];
    for (const f of checked) {
      const id = uuidv7();
      ids.push(id);
      await s.tx.insert(evidenceFiles).values({
        id,
        ...created(s),
        rowId,
        fileName: f.fileName,
        mimeType: f.mime,
        size: f.content.length,
        contentHash: f.hash,
      });
      await s.audit({
        action: "ledger.add_evidence",
        recordType: "ledger_row",
        recordIds: [rowId, id],
        changes: { fileName: f.fileName, size: f.content.length, contentHash: f.hash },
      });
    }
    await s.tx.update(ledgerRows).set({ updatedAt: s.now }).where(eq(ledgerRows.id, rowId));
    return ids;
  });
}

export async function removeEvidence(
  ctx: AppContext,
  origin: Origin & { actor: Actor },
  rowId: string,
  fileId: string,
): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    const [row] = await loadRows(s.tx, [rowId]);
    if (!row) throw notFound("台账条目");
    if (!abilities(origin.actor, stateOf(row)).addEvidence) throw forbidden(refusal(origin.actor, stateOf(row), "addEvidence"));
    const [f] = await s.tx
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.rowId, rowId), isNull(evidenceFiles.deletedAt)));
    if (!f) throw notFound("佐证材料");
    await s.tx
      .update(evidenceFiles)
      .set({ deletedAt: s.now, updatedAt: s.now, version: f.version + 1 })
      .where(eq(evidenceFiles.id, fileId));
    await s.audit({
      action: "ledger.remove_evidence",
      recordType: "ledger_row",
      recordIds: [rowId, fileId],
      changes: { fileName: f.fileName },
    });
  });
}

/** The file for download, after checking the reader may see its row. */
export async function openEvidence(ctx: AppContext, db: Db, actor: Actor, fileId: string) {
  const [f] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), isNull(evidenceFiles.deletedAt)));
  if (!f) throw notFound("佐证材料");
  const [row] = await loadRows(db, [f.rowId]);
  if (!row || !canView(actor, stateOf(row))) throw notFound("佐证材料");
  const p = storedPath(ctx, f.contentHash);
  if (!fs.existsSync(p)) throw notFound("佐证材料文件");
  return { file: f, stream: fs.createReadStream(p) };
}
