/**
 * The public form's routes (码上巡察): no sign-in. They answer with the organisation and round of an address, take
 * a petition with its files and give the receipt code, and show a receipt code's state and reply — nothing more.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../../domain/errors.ts";
import { formatReceiptCode, publicPetitionSchema, type PublicPetitionInput } from "../../../domain/petition.ts";
import type { AppContext } from "../../context.ts";
import { MAX_FILES, readPart, storeFiles, type UploadedFile } from "./files.ts";
import { assertUnderLimit, clientHashOf, lookUpReceipt, submitPublicPetition } from "./public.ts";
import { linkByToken } from "./queries.ts";
import { publicLinkSchema, receiptSchema } from "./schema.ts";

const TAGS = ["petitions-public"];
const PUBLIC = { access: "public" } as const;
const MB = 1024 * 1024;
const tokenParams = z.object({ token: z.string().min(1, "二维码地址无效").max(64, "二维码地址无效") });

/** The form's text fields and files, read in one pass over the multipart body. */
async function readForm(req: FastifyRequest, maxMb: number): Promise<{ input: PublicPetitionInput; files: UploadedFile[] }> {
  if (!req.isMultipart()) throw new DomainError("validation_failed", "请通过举报页面的表单提交");
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of req.parts({ limits: { fileSize: maxMb * MB, files: MAX_FILES + 1, fields: 20 } })) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (!part.filename) {
      await part.toBuffer(); // an empty file input
      continue;
    }
    if (files.length >= MAX_FILES) throw new DomainError("file_rejected", `最多上传 ${MAX_FILES} 个附件`);
    files.push(await readPart(part, maxMb));
  }
  const parsed = publicPetitionSchema.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "form", message: i.message }));
    throw new DomainError("validation_failed", issues.map((i) => i.message).join("；"), { fields: issues });
  }
  return { input: parsed.data, files };
}

export function publicPetitionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/public/petition-links/:token",
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: "码上巡察：二维码对应的被巡察单位和巡察轮次（无需登录）",
        params: tokenParams,
        response: { 200: publicLinkSchema },
      },
    },
    async (req) => {
      const link = await linkByToken(ctx.db, req.params.token);
      return { orgName: link.orgName, roundName: link.roundName };
    },
  );

  r.post(
    "/api/public/petitions/:token",
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary:
          "码上巡察：提交信访举报（multipart/form-data：content、anonymous、name、phone、contact、file 最多 3 个；无需登录）",
        consumes: ["multipart/form-data"],
        params: tokenParams,
        response: { 200: z.object({ receiptCode: z.string() }) },
      },
    },
    async (req) => {
      await linkByToken(ctx.db, req.params.token);
      const clientHash = clientHashOf(ctx, req.ip);
      // Refused before the body is read; counted again, one at a time, when the petition is written.
      await assertUnderLimit(ctx, ctx.db, clientHash);
      const maxMb = (await ctx.settings()).petitionMaxMb;
      const { input, files } = await readForm(req, maxMb);
      const stored = storeFiles(ctx, files, maxMb);
      const code = await submitPublicPetition(ctx, clientHash, req.params.token, input, stored);
      return { receiptCode: formatReceiptCode(code) };
    },
  );

  r.get(
    "/api/public/petitions/receipt/:code",
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        summary: "码上巡察：凭查询码查看办理状态和答复（无需登录）",
        params: z.object({ code: z.string().min(1, "请输入查询码").max(40, "查询码无效") }),
        response: { 200: receiptSchema },
      },
    },
    async (req) => lookUpReceipt(ctx, req.params.code),
  );
}
