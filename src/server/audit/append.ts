import { desc, sql } from "drizzle-orm";
import type { AuditAction } from "../../domain/audit.ts";
import { uuidv7 } from "../../domain/ids.ts";
import type { Db } from "../db/client.ts";
import { auditEntries } from "../db/schema.ts";
import { GENESIS_HASH, entryHash } from "./chain.ts";

export interface AuditInput {
  action: AuditAction;
  recordType: string;
  recordIds: string[];
  /** Changed fields as { field: [before, after] }, or a payload describing the event. */
  changes?: Record<string, unknown>;
}

export interface AuditOrigin {
  actorId: string | null;
  actorName: string | null;
  clientIp: string | null;
  at: Date;
}

const CHAIN_LOCK = 0x78756e63; // "xunc": serialises appends so the chain has one order

/** Appends one entry in the caller's transaction. */
export async function appendAudit(tx: Db, origin: AuditOrigin, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // What is hashed must be exactly what reads back from jsonb.
  const changes = JSON.parse(JSON.stringify(input.changes ?? {})) as Record<string, unknown>;
  const content = {
    id: uuidv7(),
    at: new Date(Math.floor(origin.at.getTime())),
    actorId: origin.actorId,
    actorName: origin.actorName,
    action: input.action,
    recordType: input.recordType,
    recordIds: input.recordIds,
    changes,
    clientIp: origin.clientIp,
  };
  await tx.insert(auditEntries).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}

/** Field-level diff for the audit entry: only what changed, as [before, after]. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const b = before[k];
    if (JSON.stringify(b ?? null) !== JSON.stringify(v ?? null)) out[k] = [b ?? null, v ?? null];
  }
  return out;
}
