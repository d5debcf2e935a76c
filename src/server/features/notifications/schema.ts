/** What notices look like on the wire. */
import { z } from "zod";

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  can: z.object({ read: z.boolean() }),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  unread: z
    .enum(["true", "false"], { error: "未读筛选应为 true 或 false" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  page: z.coerce.number({ error: "页码应为正整数" }).int("页码应为正整数").min(1, "页码应为正整数").default(1),
  pageSize: z.coerce
    .number({ error: "每页条数应为 1 至 100 的整数" })
    .int("每页条数应为 1 至 100 的整数")
    .min(1, "每页条数应为 1 至 100 的整数")
    .max(100, "每页条数应为 1 至 100 的整数")
    .default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const warningRunSchema = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  officeNotices: z.number().int(),
  sent: z.number().int(),
});
