import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { SETTING_LABELS, settingsSchema } from "../../../domain/settings.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { updateSettings } from "./commands.ts";
import { assertManageSettings } from "./policy.ts";

const response = z.object({ settings: settingsSchema, labels: z.record(z.string(), z.string()) });

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["settings"];

  r.get("/api/settings", { schema: { tags, summary: "系统设置", response: { 200: response } } }, async (req) => {
    assertManageSettings(actorOf(req));
    return { settings: await ctx.settings(), labels: SETTING_LABELS };
  });

  r.put(
    "/api/settings",
    { schema: { tags, summary: "修改系统设置", body: settingsSchema.partial().strict(), response: { 200: response } } },
    async (req) => {
      const settings = await updateSettings(ctx, { ...originOf(req), actor: actorOf(req) }, req.body);
      return { settings, labels: SETTING_LABELS };
    },
  );
}
