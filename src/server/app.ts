/** Builds the HTTP application around a context. No listening here: tests inject requests directly. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { zhCN } from "zod/locales";
import type { AppContext } from "./context.ts";
import { registerFeatures } from "./features/index.ts";
import { installAuth } from "./http/auth.ts";
import { installErrorHandling } from "./http/errors.ts";

z.config(zhCN());

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDist = path.resolve(here, "../../dist/web");

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: "info" } : false,
    trustProxy: false,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  const cfg = await ctx.settings();
  await app.register(multipart, { limits: { fileSize: cfg.evidenceMaxMb * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "巡察整改工作系统 API", version: ctx.config.version },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "xuncha_sid" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandling(app);
  installAuth(app, ctx);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "健康检查",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }) },
      },
    },
    async () => ({ status: "ok" as const, database: ctx.dbKind, version: ctx.config.version }),
  );
  r.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  registerFeatures(app, ctx);

  if (fs.existsSync(path.join(webDist, "index.html"))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api/") || req.method !== "GET" || !fs.existsSync(path.join(webDist, "index.html"))) {
      return reply.status(404).send({ code: "not_found", message: "请求的接口或页面不存在" });
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
