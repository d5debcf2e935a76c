/** The one uploaded Excel workbook of a multipart request (imports), refused in the user's words otherwise. */
import type { FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.ts";

export const notXlsx = () => new DomainError("file_rejected", "请上传 .xlsx 格式的 Excel 文件");

/** One .xlsx file of at most `maxBytes`; anything else (no file, too large, another type) is refused. */
export async function uploadedXlsx(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw notXlsx();
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } }).catch(() => undefined);
  if (!part) throw notXlsx();
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw new DomainError("file_rejected", `文件不能超过 ${maxBytes / 1024 / 1024} MB`);
    }
    throw notXlsx();
  }
  if (!/\.xlsx$/i.test(part.filename)) throw notXlsx();
  return { fileName: part.filename, content };
}
