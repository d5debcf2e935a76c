/** Letters (函件): supervision, re-assignment, reminder and recommendation letters, their replies and figures. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../domain/errors.ts";
import { LETTER_KINDS, LETTER_STATUSES, letterInputSchema, letterReplySchema } from "../../../domain/letter.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { canView } from "../ledger/policy.ts";
import { loadRows, stateOf } from "../ledger/queries.ts";
import { allow, isAdminActor } from "../rounds/policy.ts";
import { createLetter, replyLetter } from "./commands.ts";
import { letterDraft } from "./draft.ts";
import { sendLettersRefusal, viewLetterRefusal } from "./policy.ts";
import {
  figuresOf,
  getLetter,
  getCommonProblem,
  itemsOf,
  listLetters,
  presentLetter,
  seesARowOf,
  stateOfLetter,
} from "./queries.ts";
import { letterDetailSchema, letterDraftSchema, letterFiguresSchema, letterSchema } from "./schema.ts";

const TAGS = ["letters"];
const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";
const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
const year = z.coerce
  .number({ error: "年度无效" })
  .int({ error: "年度无效" })
  .min(2000, { error: "年度无效" })
  .max(2100, { error: "年度无效" })
  .optional();
const listQuery = z.object({
  kind: z.enum(LETTER_KINDS, { error: "函件类型无效" }).optional(),
  year,
  status: z.enum(LETTER_STATUSES, { error: "回复状态无效" }).optional(),
  rowId: z.uuid({ error: "台账条目无效" }).optional(),
  commonProblemId: z.uuid({ error: "共性问题无效" }).optional(),
});
const draftQuery = z.object({
  kind: z.enum(LETTER_KINDS, { error: "函件类型无效" }),
  rowIds: z
    .string()
    .max(20000, { error: "台账条目过多" })
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.uuid({ error: "台账条目无效" })).max(500, { error: "台账条目过多" })),
  commonProblemId: z.uuid({ error: "共性问题无效" }).optional(),
});

export function lettersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const detail = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(req);
    const j = await getLetter(ctx.db, id);
    const state = stateOfLetter(j);
    // The letter's rows are looked at only for someone who is neither a wide reader nor the addressee.
    const seesARow = viewLetterRefusal(actor, state, false) !== null && (await seesARowOf(ctx.db, actor, id));
    allow(viewLetterRefusal(actor, state, seesARow));
    return { letter: presentLetter(actor, todayIn(ctx), j), items: await itemsOf(ctx.db, id) };
  };

  r.get(
    "/api/letters",
    {
      schema: {
        tags: TAGS,
        summary: "函件列表（可按类型、年度、回复状态、台账条目、共性问题筛选）",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(letterSchema) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(isAdminActor(actor) ? ADMIN_REFUSAL : null);
      const { rowId, ...filter } = req.query;
      let row: { id: string; problemId: string | null } | undefined;
      if (rowId) {
        // The letters about a row are shown to whoever may see the row.
        const [found] = await loadRows(ctx.db, [rowId]);
        if (!found || !canView(actor, stateOf(found))) throw notFound("台账条目");
        row = { id: found.id, problemId: found.problemId };
      }
      if (filter.commonProblemId) await getCommonProblem(ctx.db, filter.commonProblemId);
      return { items: await listLetters(ctx.db, actor, todayIn(ctx), { ...filter, row }) };
    },
  );

  r.get(
    "/api/letters/figures",
    {
      schema: {
        tags: TAGS,
        summary: "函件统计：各类函件制发、已回复、逾期未回复件数",
        querystring: z.object({ year }),
        response: { 200: letterFiguresSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(isAdminActor(actor) ? ADMIN_REFUSAL : null);
      return figuresOf(ctx.db, actor, todayIn(ctx), req.query.year);
    },
  );

  r.get(
    "/api/letters/draft",
    {
      schema: {
        tags: TAGS,
        summary: "函件草稿：按所选台账条目或共性问题预填主送、事由、回复时限和涉及事项",
        querystring: draftQuery,
        response: { 200: letterDraftSchema },
      },
    },
    async (req) => {
      allow(sendLettersRefusal(actorOf(req)));
      return letterDraft(ctx, todayIn(ctx), req.query);
    },
  );

  r.post(
    "/api/letters",
    {
      schema: {
        tags: TAGS,
        summary: "制发函件（按年度和类型自动编号）",
        body: letterInputSchema,
        response: { 200: letterDetailSchema },
      },
    },
    async (req) => {
      const id = await createLetter(ctx, originOf(req), req.body);
      return detail(req, id);
    },
  );

  r.get(
    "/api/letters/:id",
    {
      schema: { tags: TAGS, summary: "函件详情及涉及的台账条目、问题", params: idParams, response: { 200: letterDetailSchema } },
    },
    async (req) => detail(req, req.params.id),
  );

  r.post(
    "/api/letters/:id/reply",
    {
      schema: {
        tags: TAGS,
        summary: "登记函件回复（主送单位或巡察办，仅一次）",
        params: idParams,
        body: letterReplySchema,
        response: { 200: letterDetailSchema },
      },
    },
    async (req) => {
      await replyLetter(ctx, originOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );
}
