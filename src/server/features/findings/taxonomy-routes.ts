/** The finding taxonomy (问题分类): read by every business user, replaced as a whole tree by the office. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { taxonomyInputSchema } from "../../../domain/taxonomy.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { editTaxonomyRefusal, viewTaxonomyRefusal } from "./policy.ts";
import { taxonomySchema } from "./schema.ts";
import { taxonomyView, updateTaxonomy } from "./taxonomy.ts";

const TAGS = ["findings"];

export function taxonomyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (req: Parameters<typeof actorOf>[0]) => ({
    ...(await taxonomyView(ctx.db)),
    can: { update: editTaxonomyRefusal(actorOf(req)) === null },
  });

  r.get(
    "/api/finding-categories",
    { schema: { tags: TAGS, summary: "问题分类（两级）", response: { 200: taxonomySchema } } },
    async (req) => {
      allow(viewTaxonomyRefusal(actorOf(req)));
      return view(req);
    },
  );

  r.put(
    "/api/finding-categories",
    {
      schema: {
        tags: TAGS,
        summary: "修改问题分类（提交整棵分类树：新增、改名、排序、停用；已使用的分类只能停用）",
        body: taxonomyInputSchema,
        response: { 200: taxonomySchema },
      },
    },
    async (req) => {
      await updateTaxonomy(ctx, originOf(req), req.body);
      return view(req);
    },
  );
}
