/** Reading one's own notices, newest first, with the unread count. */
import { and, count, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import { notificationKindLabel } from "../../../domain/warning.ts";
import type { Db } from "../../db/client.ts";
import { notifications } from "../../db/schema.ts";
import { notificationCan, ownsNotification } from "./policy.ts";
import type { NotificationListQuery, NotificationView } from "./schema.ts";

type NotificationRow = typeof notifications.$inferSelect;

export function presentNotification(actor: Actor, n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: notificationKindLabel(n.kind),
    title: n.title,
    body: n.body,
    link: n.link,
    subjectId: n.subjectId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    can: notificationCan(actor, n),
  };
}

/** The actor's own notice; anyone else's is answered as missing, so its existence is not revealed. */
export async function getOwnNotification(db: Db, actor: Actor, id: string): Promise<NotificationRow> {
  const [n] = await db.select().from(notifications).where(eq(notifications.id, id));
  if (!n || !ownsNotification(actor, n)) throw notFound("提醒");
  return n;
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, actor: Actor, q: NotificationListQuery) {
  const where: SQL[] = [eq(notifications.userId, actor.userId)];
  if (q.unread === true) where.push(isNull(notifications.readAt));
  if (q.unread === false) where.push(isNotNull(notifications.readAt));
  const [[total], rows, unread] = await Promise.all([
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(...where)),
    db
      .select()
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    unreadCount(db, actor),
  ]);
  return {
    items: rows.map((n) => presentNotification(actor, n)),
    total: Number(total?.n ?? 0),
    unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}
