import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "../../../domain/audit.ts";
import { addDays, isoDate } from "../../../domain/calendar.ts";
import { UUID_RE } from "../../../domain/ids.ts";
import type { Db } from "../../db/client.ts";
import { auditEntries } from "../../db/schema.ts";

const ACTIONS = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** An empty query parameter (?from=) means no filter, as a cleared form field sends it. */
const optional = <T extends z.ZodType>(t: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), t.optional());

export const auditFilterSchema = z.object({
  actor: optional(z.string().trim().max(100, { error: "操作人不超过 100 个字" })),
  from: optional(isoDate),
  to: optional(isoDate),
  action: optional(z.enum(ACTIONS, { error: "操作类型无效" })),
  record: optional(z.uuid({ error: "记录编号应为 UUID" })),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Days are China days: from 00:00 of `from` to the end of `to`, UTC+8. */
const chinaMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function auditWhere(f: AuditFilter): SQL | undefined {
  const conds: Array<SQL | undefined> = [];
  if (f.actor) {
    const byName = ilike(auditEntries.actorName, `%${escapeLike(f.actor)}%`);
    conds.push(UUID_RE.test(f.actor) ? or(byName, eq(auditEntries.actorId, f.actor.toLowerCase())) : byName);
  }
  if (f.from) conds.push(gte(auditEntries.at, chinaMidnight(f.from)));
  if (f.to) conds.push(lt(auditEntries.at, chinaMidnight(addDays(f.to, 1))));
  if (f.action) conds.push(eq(auditEntries.action, f.action));
  if (f.record) conds.push(sql`${auditEntries.recordIds} @> ${JSON.stringify([f.record.toLowerCase()])}::jsonb`);
  return and(...conds);
}

export interface AuditItem {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  actionLabel: string;
  recordType: string;
  recordIds: string[];
  changes: Record<string, unknown>;
  clientIp: string | null;
}

type EntryRow = typeof auditEntries.$inferSelect;
export const actionLabel = (a: string): string => AUDIT_ACTIONS[a as AuditAction] ?? a;

function present(r: EntryRow): AuditItem {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    actionLabel: actionLabel(r.action),
    recordType: r.recordType,
    recordIds: r.recordIds,
    changes: r.changes,
    clientIp: r.clientIp,
  };
}

export async function searchAudit(
  db: Db,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditItem[]; total: number }> {
  const where = auditWhere(f);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(where);
  const rows = await db
    .select()
    .from(auditEntries)
    .where(where)
    .orderBy(desc(auditEntries.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map(present), total: Number(count?.n ?? 0) };
}

/** Every matching entry, newest first, a batch at a time (for the export). */
export async function* eachAuditEntry(db: Db, f: AuditFilter, batch = 1000): AsyncGenerator<AuditItem> {
  const where = auditWhere(f);
  let before: number | null = null;
  for (;;) {
    const rows: EntryRow[] = await db
      .select()
      .from(auditEntries)
      .where(and(where, before === null ? undefined : lt(auditEntries.seq, before)))
      .orderBy(desc(auditEntries.seq))
      .limit(batch);
    for (const r of rows) yield present(r);
    if (rows.length < batch) return;
    before = rows[rows.length - 1]!.seq;
  }
}
