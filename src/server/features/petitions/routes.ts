/** Petitions (信访举报): the team's list, recording, handling and the sender's identity; the public form's address. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { z } from "zod";
import { DomainError } from "../../../domain/errors.ts";
import { handlePetitionSchema, PETITION_STATUSES, recordPetitionSchema } from "../../../domain/petition.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { idParams } from "../rounds/schema.ts";
import { addPetitionFiles, createPetitionLink, handlePetition, recordPetition, viewIdentity } from "./commands.ts";
import { filesOf, MAX_FILES, openFile, readPart, storeFiles, type UploadedFile } from "./files.ts";
import { manageLinkRefusal, viewPetitionsRefusal } from "./policy.ts";
import { publicPetitionRoutes } from "./public-routes.ts";
import { activeLinkOf, assignmentNames, getPetition, historyOf, listPetitions, presentPetition } from "./queries.ts";
import { identitySchema, linkSchema, petitionDetailSchema, petitionSchema } from "./schema.ts";

const TAGS = ["petitions"];
const MB = 1024 * 1024;
const one = z.object({ petition: petitionSchema });

/** The uploaded files of a multipart request, at most MAX_FILES, each within the size limit. */
export async function uploadedFiles(req: FastifyRequest, maxMb: number): Promise<UploadedFile[]> {
  if (!req.isMultipart()) throw new DomainError("file_rejected", "请以表单方式上传文件");
  const files: UploadedFile[] = [];
  for await (const part of req.files({ limits: { fileSize: maxMb * MB, files: MAX_FILES + 1 } })) {
    if (files.length >= MAX_FILES) throw new DomainError("file_rejected", `最多上传 ${MAX_FILES} 个附件`);
    files.push(await readPart(part, maxMb));
  }
  if (!files.length) throw new DomainError("file_rejected", "请选择要上传的文件");
  return files;
}

export function petitionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  publicPetitionRoutes(app, ctx);

  const view = async (req: FastifyRequest, id: string) => presentPetition(actorOf(req), await getPetition(ctx.db, id));

  const linkOf = async (req: FastifyRequest, asg: { id: string; teamId: string }) => {
    const canManage = manageLinkRefusal(actorOf(req), asg) === null;
    const link = await activeLinkOf(ctx.db, asg.id);
    if (!link) return { link: null, canManage };
    const path = `/p/${link.token}`;
    // The address as this server is reached (behind a proxy: the proxy's, when it forwards the Host header).
    const url = `${req.protocol}://${req.host}${path}`;
    const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 2, width: 512 });
    const names = await assignmentNames(ctx.db, asg.id);
    return { link: { token: link.token, path, url, qrDataUrl, ...names, createdAt: link.createdAt.toISOString() }, canManage };
  };

  r.get(
    "/api/petitions",
    {
      schema: {
        tags: TAGS,
        summary: "信访举报列表（可按巡察任务、办理状态筛选；不含举报人身份）",
        querystring: z.object({
          assignmentId: z.uuid({ error: "巡察任务无效" }).optional(),
          status: z.enum(PETITION_STATUSES, { error: "办理状态无效" }).optional(),
        }),
        response: { 200: z.object({ items: z.array(petitionSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (req.query.assignmentId) allow(viewPetitionsRefusal(actor, await getAssignmentRecord(ctx.db, req.query.assignmentId)));
      return { items: await listPetitions(ctx.db, actor, req.query) };
    },
  );

  r.get(
    "/api/petitions/:id",
    {
      schema: {
        tags: TAGS,
        summary: "信访举报详情（附件、办理记录）",
        params: idParams,
        response: { 200: petitionDetailSchema },
      },
    },
    async (req) => {
      const j = await getPetition(ctx.db, req.params.id);
      allow(viewPetitionsRefusal(actorOf(req), j));
      const files = await filesOf(ctx.db, j.petition.id);
      return {
        petition: presentPetition(actorOf(req), j),
        attachments: files.map((f) => ({
          id: f.id,
          fileName: f.fileName,
          mimeType: f.mimeType,
          size: f.size,
          uploadedAt: f.createdAt.toISOString(),
        })),
        history: await historyOf(ctx.db, j.petition.id),
      };
    },
  );

  r.post(
    "/api/assignments/:id/petitions",
    {
      schema: {
        tags: TAGS,
        summary: "登记来信、来电、来访或网上举报",
        params: idParams,
        body: recordPetitionSchema,
        response: { 200: one },
      },
    },
    async (req) => ({ petition: await view(req, await recordPetition(ctx, originOf(req), req.params.id, req.body)) }),
  );

  r.post(
    "/api/petitions/:id/attachments",
    {
      schema: {
        tags: TAGS,
        summary: "上传信访举报附件（multipart/form-data，字段 file，最多 3 个）",
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 200: z.object({ ids: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const j = await getPetition(ctx.db, req.params.id);
      allow(viewPetitionsRefusal(actorOf(req), j));
      const maxMb = (await ctx.settings()).petitionMaxMb;
      const files = storeFiles(ctx, await uploadedFiles(req, maxMb), maxMb);
      return { ids: await addPetitionFiles(ctx, originOf(req), req.params.id, files) };
    },
  );

  r.get(
    "/api/petitions/:id/attachments/:fileId",
    {
      schema: {
        tags: TAGS,
        summary: "下载信访举报附件",
        params: z.object({ id: z.uuid({ error: "编号无效" }), fileId: z.uuid({ error: "编号无效" }) }),
      },
    },
    async (req, reply) => {
      const j = await getPetition(ctx.db, req.params.id);
      allow(viewPetitionsRefusal(actorOf(req), j));
      const { file, stream } = await openFile(ctx, req.params.id, req.params.fileId);
      reply.header("content-type", file.mimeType);
      reply.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.send(stream);
    },
  );

  r.get(
    "/api/petitions/:id/identity",
    {
      schema: {
        tags: TAGS,
        summary: "查看举报人身份（仅巡察组组长和巡察办主任，每次查看均记录）",
        params: idParams,
        response: { 200: identitySchema },
      },
    },
    async (req) => ({
      identity: await viewIdentity(ctx, originOf(req), req.params.id),
      notice: "本次查看已记入审计日志",
    }),
  );

  r.post(
    "/api/petitions/:id/handle",
    {
      schema: {
        tags: TAGS,
        summary: "办理信访举报（办理、办结、转办、转为问题或问题线索、答复）",
        params: idParams,
        body: handlePetitionSchema,
        response: { 200: one },
      },
    },
    async (req) => {
      await handlePetition(ctx, originOf(req), req.params.id, req.body);
      return { petition: await view(req, req.params.id) };
    },
  );

  r.get(
    "/api/assignments/:id/petition-link",
    {
      schema: {
        tags: TAGS,
        summary: "码上巡察二维码（地址和二维码图片）",
        params: idParams,
        response: { 200: linkSchema },
      },
    },
    async (req) => {
      const asg = await getAssignmentRecord(ctx.db, req.params.id);
      allow(viewPetitionsRefusal(actorOf(req), asg));
      return linkOf(req, asg);
    },
  );

  r.post(
    "/api/assignments/:id/petition-link",
    {
      schema: {
        tags: TAGS,
        summary: "生成或更换码上巡察二维码（旧二维码随即失效）",
        params: idParams,
        response: { 200: linkSchema },
      },
    },
    async (req) => {
      await createPetitionLink(ctx, originOf(req), req.params.id);
      return linkOf(req, await getAssignmentRecord(ctx.db, req.params.id));
    },
  );
}
