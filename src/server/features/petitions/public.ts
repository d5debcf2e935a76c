/**
 * The public form (码上巡察): anyone with the address may send a petition, without signing in. The sender is known
 * to the system only by what they choose to give: an anonymous petition stores no identity, and neither the
 * petition nor the audit trail keeps the sender's address — only a keyed SM3 of it, to limit how many petitions one
 * client sends per hour.
 */
import { and, count, eq, gt, sql } from "drizzle-orm";
import { DomainError } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  identityOf,
  normalizeReceiptCode,
  PETITION_PUBLIC_STATUS_LABELS,
  type PetitionStatus,
  type PublicPetitionInput,
} from "../../../domain/petition.ts";
import { created, runCommand } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { petitions } from "../../db/schema.ts";
import { keyedHash, sm4Key } from "../../crypto/sm4.ts";
import { freshReceiptCode, sealIdentity } from "./commands.ts";
import { recordFiles, type StoredFile } from "./files.ts";
import { linkByToken, receiptOf } from "./queries.ts";

export const TOO_MANY = "提交过于频繁，请稍后再试";
const HOUR_MS = 3600_000;
/** The advisory-lock class of per-client counting (two-key locks never meet the audit chain's one-key lock). */
const CLIENT_LOCK_CLASS = 0x70657469; // "peti"

/** The day in China (UTC+8) of an instant. */
const chinaDay = (d: Date): string => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);

/** Who is sending, as far as rate limiting needs to know: a keyed SM3 of the client address, never the address. */
export const clientHashOf = (ctx: AppContext, ip: string): string => keyedHash(sm4Key(ctx.config.dataDir), "petition-client", ip);

/** Refuses a client that sent `petitionsPerHour` petitions within the last hour. */
export async function assertUnderLimit(ctx: AppContext, db: Db, clientHash: string): Promise<void> {
  const limit = (await ctx.settings()).petitionsPerHour;
  const [row] = await db
    .select({ n: count() })
    .from(petitions)
    .where(and(eq(petitions.clientHash, clientHash), gt(petitions.createdAt, new Date(ctx.now().getTime() - HOUR_MS))));
  if (Number(row?.n ?? 0) >= limit) throw new DomainError("rate_limited", TOO_MANY);
}

export async function submitPublicPetition(
  ctx: AppContext,
  clientHash: string,
  token: string,
  input: PublicPetitionInput,
  files: StoredFile[],
): Promise<string> {
  // No actor and no address in the audit entry: the sender stays out of the trail.
  return runCommand(ctx, { actor: null, clientIp: null }, async (s) => {
    const link = await linkByToken(s.tx, token);
    // One client's submissions are counted one at a time, so parallel requests cannot pass the limit together.
    await s.tx.execute(sql`select pg_advisory_xact_lock(${CLIENT_LOCK_CLASS}, hashtext(${clientHash}))`);
    await assertUnderLimit(ctx, s.tx, clientHash);
    const id = uuidv7();
    const receiptCode = await freshReceiptCode(s.tx);
    await s.tx.insert(petitions).values({
      id,
      ...created(s),
      assignmentId: link.assignmentId,
      channel: "qr",
      receiptCode,
      anonymous: input.anonymous,
      identityCipher: sealIdentity(ctx, identityOf(input)),
      content: input.content,
      status: "received",
      clientHash,
    });
    await s.audit({ action: "petition.receive", recordType: "petition", recordIds: [id], changes: { channel: "qr" } });
    await recordFiles(s, id, files, { auditFileName: false });
    return receiptCode;
  });
}

/** What the receipt code shows: the state and the reply, and nothing else (no content, organisation or identity). */
export async function lookUpReceipt(ctx: AppContext, typed: string) {
  const code = normalizeReceiptCode(typed);
  const row = code ? await receiptOf(ctx.db, code) : null;
  if (!row) throw new DomainError("not_found", "查询码不存在，请核对后重新输入");
  return {
    statusLabel: PETITION_PUBLIC_STATUS_LABELS[row.status as PetitionStatus] ?? "正在办理",
    receivedAt: chinaDay(row.createdAt),
    reply: row.reply,
    repliedAt: row.repliedAt ? chinaDay(row.repliedAt) : null,
  };
}
