/** Revisits (回头看): draw a reproducible sample of a round, check it again, record what each check found. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { drawRevisitSample, revisitDrawSchema, revisitRecordSchema, sameSample } from "../../../domain/evaluation.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow } from "../rounds/policy.ts";
import { getRoundRecord } from "../rounds/queries.ts";
import { viewEvaluationsRefusal } from "./policy.ts";
import { drawRevisit, recordRevisitItem } from "./revisit-commands.ts";
import { getRevisit, listRevisits, revisitItemsOf, revisitItemTarget, revisitUnits, storedSample } from "./revisit-queries.ts";
import { redrawCheckSchema, revisitDetailSchema, revisitItemSchema, revisitSchema } from "./schema.ts";

const TAGS = ["revisits"];
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export function revisitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const detail = async (req: Parameters<typeof actorOf>[0], id: string) => ({
    revisit: await getRevisit(ctx.db, id),
    items: await revisitItemsOf(ctx.db, actorOf(req), id),
  });

  r.get(
    "/api/rounds/:id/revisits",
    {
      schema: {
        tags: TAGS,
        summary: "本轮次的回头看抽样及核查进度",
        params: idParams,
        response: { 200: z.object({ items: z.array(revisitSchema) }) },
      },
    },
    async (req) => {
      allow(viewEvaluationsRefusal(actorOf(req)));
      await getRoundRecord(ctx.db, req.params.id);
      return { items: await listRevisits(ctx.db, req.params.id) };
    },
  );

  r.post(
    "/api/rounds/:id/revisits",
    {
      schema: {
        tags: TAGS,
        summary: "抽取回头看样本：不少于三分之一的单位及其三分之一的问题（可指定抽样种子，可复现）",
        params: idParams,
        body: revisitDrawSchema,
        response: { 200: revisitDetailSchema },
      },
    },
    async (req) => {
      const id = await drawRevisit(ctx, originOf(req), req.params.id, req.body);
      return detail(req, id);
    },
  );

  r.get(
    "/api/revisits/:id",
    { schema: { tags: TAGS, summary: "回头看抽查条目及核查结果", params: idParams, response: { 200: revisitDetailSchema } } },
    async (req) => {
      allow(viewEvaluationsRefusal(actorOf(req)));
      return detail(req, req.params.id);
    },
  );

  r.get(
    "/api/revisits/:id/redraw-check",
    {
      schema: {
        tags: TAGS,
        summary: "复核抽样：用记录的种子重新抽取，核对与原样本是否一致",
        params: idParams,
        response: { 200: redrawCheckSchema },
      },
    },
    async (req) => {
      allow(viewEvaluationsRefusal(actorOf(req)));
      const v = await getRevisit(ctx.db, req.params.id);
      const again = drawRevisitSample(v.seed, await revisitUnits(ctx.db, v.roundId));
      return {
        matches: sameSample(again, await storedSample(ctx.db, v.id)),
        seed: v.seed,
        orgCount: again.length,
        rowCount: again.reduce((n, u) => n + u.rowIds.length, 0),
      };
    },
  );

  r.post(
    "/api/revisit-items/:id",
    {
      schema: {
        tags: TAGS,
        summary: "登记回头看核查结果（整改到位、整改未到位、问题反弹；反弹即重新打开已销号条目）",
        params: idParams,
        body: revisitRecordSchema,
        response: { 200: z.object({ item: revisitItemSchema }) },
      },
    },
    async (req) => {
      await recordRevisitItem(ctx, originOf(req), req.params.id, req.body);
      const { item } = await revisitItemTarget(ctx.db, req.params.id);
      const items = await revisitItemsOf(ctx.db, actorOf(req), item.revisitId);
      return { item: items.find((i) => i.id === req.params.id)! };
    },
  );
}
