/** Every error leaves as JSON: a stable code and a Chinese message; validation names each field at fault. */
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../../domain/errors.ts";

const FIELD_LABEL_HINT: Record<string, string> = { body: "请求内容", querystring: "查询参数", params: "路径参数" };

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const where = (err.validationContext as string | undefined) ?? "body";
        const p = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
        return { field: p || FIELD_LABEL_HINT[where] || where, message: v.message ?? "无效" };
      });
      return reply.status(400).send({
        code: "validation_failed",
        message: `提交的内容有误：${fields.map((f) => `${f.field}：${f.message}`).join("；")}`,
        fields,
      });
    }
    const pgCode = databaseErrorCode(err);
    if (pgCode === "23505")
      return reply.status(409).send({ code: "conflict", message: "该记录已存在或刚被他人修改，请刷新后重试" });
    if (pgCode === "40001" || pgCode === "40P01")
      return reply.status(409).send({ code: "conflict", message: "操作与他人同时发生，请重试" });
    const status = err.statusCode ?? 500;
    if (status < 500) {
      const message =
        err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "请求内容不是有效的 JSON"
          : err.code === "FST_ERR_CTP_BODY_TOO_LARGE" || status === 413
            ? "上传内容过大"
            : err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
              ? "不支持的请求内容类型"
              : status === 404
                ? "请求的资源不存在"
                : "请求无效";
      return reply.status(status).send({ code: status === 413 ? "file_rejected" : "bad_request", message });
    }
    req.log.error({ err }, "unhandled error");
    console.error(`[${new Date().toISOString()}] ${req.method} ${req.url}:`, err);
    return reply.status(500).send({ code: "internal", message: "系统内部错误，请联系管理员" });
  });
}

/** The SQLSTATE of a database error, whether raised by pg, PGlite, or wrapped by drizzle. */
function databaseErrorCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}
