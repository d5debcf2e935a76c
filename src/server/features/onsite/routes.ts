/** Before and on site: pre-inspection requests, on-site records, backfill per team, and attachments. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ATTACHMENT_OWNER_TYPES,
  preRequestInputSchema,
  preRequestReplySchema,
  SITE_RECORD_KINDS,
  siteRecordInputSchema,
  siteRecordPatchSchema,
} from "../../../domain/onsite.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow, viewRoundRefusal } from "../rounds/policy.ts";
import { getAssignmentRecord, getRoundRecord, teamIdsOfRound } from "../rounds/queries.ts";
import { addAttachments, attachmentOwner } from "./attachment-owners.ts";
import { getAttachment, listAttachments, openAttachmentFile, readUploads } from "./attachments.ts";
import { roundBackfill } from "./backfill.ts";
import { createPreRequest, createSiteRecord, replyPreRequest, updateSiteRecord } from "./commands.ts";
import { createSiteRecordRefusal, viewPreRequestsRefusal, viewSiteRecordsRefusal, writePreRequestsRefusal } from "./policy.ts";
import { getPreRequestRecord, getSiteRecordRecord, listPreRequests, listSiteRecords } from "./queries.ts";
import { attachmentSchema, backfillSchema, preRequestSchema, siteRecordSchema } from "./schema.ts";

const TAGS = ["onsite"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const ownerQuery = z.object({
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES, { error: "附件所属对象类型无效" }),
  ownerId: z.uuid({ error: "附件所属对象编号无效" }),
});
const oneRequest = z.object({ preRequest: preRequestSchema });
const oneRecord = z.object({ siteRecord: siteRecordSchema });

export function onsiteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const requestView = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const { request } = await getPreRequestRecord(ctx.db, id);
    const asg = await getAssignmentRecord(ctx.db, request.assignmentId);
    const [view] = await listPreRequests(ctx.db, actorOf(req), todayIn(ctx), asg, id);
    return view!;
  };
  const recordView = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const { record } = await getSiteRecordRecord(ctx.db, id);
    const asg = await getAssignmentRecord(ctx.db, record.assignmentId);
    const [view] = await listSiteRecords(ctx.db, actorOf(req), asg, { id });
    return view!;
  };

  r.get(
    "/api/assignments/:id/pre-requests",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务的巡前函请（未按期回复的标注逾期）",
        params: idParams,
        response: { 200: z.object({ items: z.array(preRequestSchema), can: z.object({ create: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewPreRequestsRefusal(actor, asg));
      return {
        items: await listPreRequests(ctx.db, actor, todayIn(ctx), asg),
        can: { create: writePreRequestsRefusal(actor, asg) === null },
      };
    },
  );

  r.post(
    "/api/assignments/:id/pre-requests",
    {
      schema: {
        tags: TAGS,
        summary: "发出巡前函请",
        params: idParams,
        body: preRequestInputSchema,
        response: { 200: oneRequest },
      },
    },
    async (req) => {
      const id = await createPreRequest(ctx, originOf(req), req.params.id, req.body);
      return { preRequest: await requestView(req, id) };
    },
  );

  r.post(
    "/api/pre-requests/:id/reply",
    {
      schema: {
        tags: TAGS,
        summary: "登记函请回复",
        params: idParams,
        body: preRequestReplySchema,
        response: { 200: oneRequest },
      },
    },
    async (req) => {
      await replyPreRequest(ctx, originOf(req), req.params.id, req.body);
      return { preRequest: await requestView(req, req.params.id) };
    },
  );

  r.get(
    "/api/assignments/:id/site-records",
    {
      schema: {
        tags: TAGS,
        summary: "巡察任务的巡察记录（撤点后登记的标注补录）",
        params: idParams,
        querystring: z.object({ kind: z.enum(SITE_RECORD_KINDS, { error: "记录类型无效" }).optional() }),
        response: {
          200: z.object({
            items: z.array(siteRecordSchema),
            backfilled: z.number().int(),
            can: z.object({ create: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewSiteRecordsRefusal(actor, asg));
      const items = await listSiteRecords(ctx.db, actor, asg, { kind: req.query.kind });
      return {
        items,
        backfilled: items.filter((x) => x.enteredAfterWithdrawal).length,
        can: { create: createSiteRecordRefusal(actor, asg) === null },
      };
    },
  );

  r.post(
    "/api/assignments/:id/site-records",
    {
      schema: {
        tags: TAGS,
        summary: "登记巡察记录",
        params: idParams,
        body: siteRecordInputSchema,
        response: { 200: oneRecord },
      },
    },
    async (req) => {
      const id = await createSiteRecord(ctx, originOf(req), req.params.id, req.body);
      return { siteRecord: await recordView(req, id) };
    },
  );

  r.patch(
    "/api/site-records/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改巡察记录",
        params: idParams,
        body: siteRecordPatchSchema,
        response: { 200: oneRecord },
      },
    },
    async (req) => {
      await updateSiteRecord(ctx, originOf(req), req.params.id, req.body);
      return { siteRecord: await recordView(req, req.params.id) };
    },
  );

  r.get(
    "/api/rounds/:id/backfill",
    {
      schema: {
        tags: TAGS,
        summary: "各巡察组补录情况（巡察记录和问题中撤点后登记的数量及占比）",
        params: idParams,
        response: { 200: backfillSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await getRoundRecord(ctx.db, req.params.id);
      allow(viewRoundRefusal(actor, { teamIds: await teamIdsOfRound(ctx.db, req.params.id) }));
      return roundBackfill(ctx.db, actor, req.params.id);
    },
  );

  r.get(
    "/api/attachments",
    {
      schema: {
        tags: TAGS,
        summary: "附件列表（巡前函请、巡察记录、问题、信访举报）",
        querystring: ownerQuery,
        response: { 200: z.object({ items: z.array(attachmentSchema) }) },
      },
    },
    async (req) => {
      const { ownerType, ownerId } = req.query;
      await attachmentOwner(ownerType).view(ctx.db, actorOf(req), ownerId);
      return { items: (await listAttachments(ctx.db, ownerType, [ownerId])).get(ownerId) ?? [] };
    },
  );

  r.post(
    "/api/attachments",
    {
      schema: {
        tags: TAGS,
        summary: "上传附件（multipart/form-data，字段 file，可多个）",
        consumes: ["multipart/form-data"],
        querystring: ownerQuery,
        response: { 200: z.object({ items: z.array(attachmentSchema) }) },
      },
    },
    async (req) => {
      const { ownerType, ownerId } = req.query;
      const files = await readUploads(ctx, req);
      const ids = new Set(await addAttachments(ctx, originOf(req), ownerType, ownerId, files));
      const all = (await listAttachments(ctx.db, ownerType, [ownerId])).get(ownerId) ?? [];
      return { items: all.filter((a) => ids.has(a.id)) };
    },
  );

  r.get("/api/attachments/:id", { schema: { tags: TAGS, summary: "下载附件", params: idParams } }, async (req, reply) => {
    const a = await getAttachment(ctx.db, req.params.id);
    await attachmentOwner(a.ownerType as (typeof ATTACHMENT_OWNER_TYPES)[number]).view(ctx.db, actorOf(req), a.ownerId);
    const stream = openAttachmentFile(ctx, a);
    reply.header("content-type", a.mimeType);
    reply.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`);
    return reply.send(stream);
  });
}
