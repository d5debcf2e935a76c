/** The progress announcement (整改进展情况公告): a preview computed from the records, and the text the organisation adds. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ANNOUNCEMENT_VERSIONS, announcementDetailsInputSchema, type AnnouncementView } from "../../../domain/announcement.ts";
import type { Actor } from "../../../domain/roles.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { saveAnnouncementDetails } from "./commands.ts";
import { composeAnnouncement } from "./document.ts";
import { announcementCan, viewAnnouncementRefusal, viewAnnouncementsRefusal } from "./policy.ts";
import {
  detailsRecord,
  feedbackTree,
  getAnnouncementHead,
  knownNames,
  listAnnouncementAssignments,
  presentDetails,
} from "./queries.ts";
import { announcementAssignmentSchema, announcementSchema, detailsSchema } from "./schema.ts";

const TAGS = ["announcements"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const versionQuery = z.object({
  version: z.enum(ANNOUNCEMENT_VERSIONS, { error: "公告版本应为 internal（党内版）或 public（公开版）" }).default("internal"),
});

export function announcementsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Reads the head and checks the actor may read this organisation's announcement. */
  const readable = async (actor: Actor, assignmentId: string) => {
    const head = await getAnnouncementHead(ctx.db, assignmentId);
    const org = { id: head.orgId, path: head.orgPath };
    allow(viewAnnouncementRefusal(actor, org));
    return { head, org };
  };

  r.get(
    "/api/announcements",
    {
      schema: {
        tags: TAGS,
        summary: "整改进展情况公告：可查看的巡察任务（按轮次、单位）",
        response: { 200: z.object({ items: z.array(announcementAssignmentSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewAnnouncementsRefusal(actor));
      return { items: await listAnnouncementAssignments(ctx.db, actor) };
    },
  );

  r.get(
    "/api/assignments/:id/announcement",
    {
      schema: {
        tags: TAGS,
        summary: "整改进展情况公告预览（党内版或隐去姓名的公开版），数字均由反馈意见和整改台账计算",
        params: idParams,
        querystring: versionQuery,
        response: { 200: announcementSchema },
      },
    },
    async (req): Promise<AnnouncementView> => {
      const actor = actorOf(req);
      const { head, org } = await readable(actor, req.params.id);
      const [aspects, details, names] = await Promise.all([
        feedbackTree(ctx.db, head.id),
        detailsRecord(ctx.db, head.id).then(presentDetails),
        knownNames(ctx.db, head.orgId),
      ]);
      const asOf = todayIn(ctx);
      const doc = composeAnnouncement({ ...head, aspects, details, names }, req.query.version, asOf);
      return { assignmentId: head.id, ...doc, details, asOf, can: announcementCan(actor, org) };
    },
  );

  r.put(
    "/api/assignments/:id/announcement-details",
    {
      schema: {
        tags: TAGS,
        summary: "修改整改进展情况公告的发布单位、下一步工作安排和联系方式",
        params: idParams,
        body: announcementDetailsInputSchema,
        response: { 200: z.object({ details: detailsSchema, changed: z.boolean() }) },
      },
    },
    async (req) => {
      const changed = await saveAnnouncementDetails(ctx, originOf(req), req.params.id, req.body);
      return { details: presentDetails(await detailsRecord(ctx.db, req.params.id)), changed };
    },
  );
}
