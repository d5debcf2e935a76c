/** The notification centre: one's own notices and unread count; the office may run the warning check at once. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { runWarningJob } from "../../jobs/warnings.ts";
import { allow } from "../rounds/policy.ts";
import { markAllRead, markRead } from "./commands.ts";
import { runWarningsRefusal } from "./policy.ts";
import { getOwnNotification, listNotifications, presentNotification, unreadCount } from "./queries.ts";
import {
  notificationListQuery,
  notificationPageSchema,
  notificationSchema,
  unreadCountSchema,
  warningRunSchema,
} from "./schema.ts";

const TAGS = ["notifications"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/notifications",
    {
      schema: {
        tags: TAGS,
        summary: "我的提醒（最新在前，可只看未读或已读）",
        querystring: notificationListQuery,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => listNotifications(ctx.db, actorOf(req), req.query),
  );

  r.get(
    "/api/notifications/unread-count",
    { schema: { tags: TAGS, summary: "我的未读提醒数", response: { 200: unreadCountSchema } } },
    async (req) => ({ unread: await unreadCount(ctx.db, actorOf(req)) }),
  );

  r.post(
    "/api/notifications/:id/read",
    {
      schema: {
        tags: TAGS,
        summary: "标记提醒为已读",
        params: idParams,
        response: { 200: z.object({ notification: notificationSchema }) },
      },
    },
    async (req) => {
      await markRead(ctx, originOf(req), req.params.id);
      const actor = actorOf(req);
      return { notification: presentNotification(actor, await getOwnNotification(ctx.db, actor, req.params.id)) };
    },
  );

  r.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags: TAGS,
        summary: "全部标为已读",
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (req) => ({ updated: await markAllRead(ctx, originOf(req)) }),
  );

  r.post(
    "/api/notifications/run-warnings",
    {
      schema: {
        tags: TAGS,
        summary: "立即检查整改时限预警（巡察办）",
        response: { 200: warningRunSchema },
      },
    },
    async (req) => {
      allow(runWarningsRefusal(actorOf(req)));
      return runWarningJob(ctx, originOf(req));
    },
  );
}
