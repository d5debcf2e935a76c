/**
 * Every state change runs here: one transaction that checks the rule, writes, and appends the audit
 * entry. A command that writes no audit entry is a bug, and is refused.
 */
import type { Actor } from "../domain/roles.ts";
import { appendAudit, type AuditInput } from "./audit/append.ts";
import type { AppContext } from "./context.ts";
import type { Db } from "./db/client.ts";

export interface CommandScope {
  tx: Db;
  /** null for the system itself (first start, scheduled jobs). */
  actor: Actor | null;
  now: Date;
  ctx: AppContext;
  audit: (entry: AuditInput) => Promise<void>;
}

export interface Origin {
  actor: Actor | null;
  clientIp: string | null;
}

export async function runCommand<T>(ctx: AppContext, origin: Origin, fn: (s: CommandScope) => Promise<T>): Promise<T> {
  const now = ctx.now();
  // Warm the caches first: on the embedded database the transaction holds the only connection,
  // so a first load of settings or calendar from inside it would wait forever.
  await Promise.all([ctx.settings(), ctx.calendar()]);
  return ctx.db.transaction(async (tx) => {
    let audited = 0;
    const scope: CommandScope = {
      tx,
      actor: origin.actor,
      now,
      ctx,
      audit: async (entry) => {
        audited++;
        await appendAudit(
          tx,
          {
            actorId: origin.actor?.userId ?? null,
            actorName: origin.actor ? `${origin.actor.displayName}（${origin.actor.username}）` : "系统",
            clientIp: origin.clientIp,
            at: now,
          },
          entry,
        );
      },
    };
    const result = await fn(scope);
    if (audited === 0) throw new Error("command wrote no audit entry");
    return result;
  });
}

/** Values for the shared record columns on insert and update. */
export const created = (s: CommandScope) => ({ createdAt: s.now, updatedAt: s.now, createdBy: s.actor?.userId ?? null });
