import { asc, gt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEntries } from "../db/schema.ts";
import { GENESIS_HASH, entryHash } from "./chain.ts";

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not hold. */
  firstBroken: { seq: number; id: string; reason: string } | null;
}

export async function verifyChain(db: Db, batch = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.seq, lastSeq))
      .orderBy(asc(auditEntries.seq))
      .limit(batch);
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const r of rows) {
      if (r.prevHash !== prevHash) {
        const reason = checked === 0 ? "链首条目的前序哈希不正确" : "与前一条目不衔接（前序条目被删除或改动）";
        return { ok: false, checked, firstBroken: { seq: r.seq, id: r.id, reason } };
      }
      if (entryHash(prevHash, r) !== r.hash) {
        return { ok: false, checked, firstBroken: { seq: r.seq, id: r.id, reason: "条目内容与哈希不符（已被篡改）" } };
      }
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
