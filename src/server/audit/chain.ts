/**
 * The audit chain: each entry's SM3 hash covers its canonical content and the previous entry's hash,
 * so editing or deleting any entry breaks every hash after it.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export function sm3(data: string | Buffer): string {
  return createHash("sm3").update(data).digest("hex");
}

/** JSON with sorted keys: the same content always gives the same text (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export interface ChainedContent {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordIds: string[];
  changes: Record<string, unknown>;
  clientIp: string | null;
}

export function entryHash(prevHash: string, e: ChainedContent): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    recordType: e.recordType,
    recordIds: e.recordIds,
    changes: e.changes,
    clientIp: e.clientIp,
  });
  return sm3(`${prevHash}\n${body}`);
}
