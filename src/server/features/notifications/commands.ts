/** Marking one's own notices read. Reading what is already read changes nothing and is not audited. */
import { and, eq, isNull } from "drizzle-orm";
import { DomainError } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import { runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { notifications } from "../../db/schema.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { getOwnNotification, unreadCount } from "./queries.ts";

function actorOfOrigin(o: Origin): Actor {
  if (!o.actor) throw new DomainError("unauthenticated", "请先登录");
  return o.actor;
}

export async function markRead(ctx: AppContext, origin: Origin, id: string): Promise<void> {
  const seen = await getOwnNotification(ctx.db, actorOfOrigin(origin), id);
  if (seen.readAt !== null) return;
  await runCommand(ctx, origin, async (s) => {
    const n = await getOwnNotification(s.tx, actorIn(s), id);
    await s.tx
      .update(notifications)
      .set({ readAt: s.now })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
    await s.audit({ action: "notification.read", recordType: "notification", recordIds: [id], changes: { kind: n.kind } });
  });
}

/** Marks every unread notice of the actor read; returns how many. */
export async function markAllRead(ctx: AppContext, origin: Origin): Promise<number> {
  if ((await unreadCount(ctx.db, actorOfOrigin(origin))) === 0) return 0;
  return runCommand(ctx, origin, async (s) => {
    const done = await s.tx
      .update(notifications)
      .set({ readAt: s.now })
      .where(and(eq(notifications.userId, actorIn(s).userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await s.audit({
      action: "notification.read",
      recordType: "notification",
      recordIds: done.map((d) => d.id),
      changes: { all: true, count: done.length },
    });
    return done.length;
  });
}
