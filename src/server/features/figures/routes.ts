import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden } from "../../../domain/errors.ts";
import { LEDGER_STATUSES, PROGRESS_STATES } from "../../../domain/ledger.ts";
import { capabilitiesOf, type Actor } from "../../../domain/roles.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { actorOf } from "../../http/auth.ts";
import { figuresByOrg, figuresByRound, figuresTotal } from "./queries.ts";

const tags = ["figures"];
const count = z.number();
export const figuresSchema = z.object({
  total: count,
  byStatus: z.object(
    Object.fromEntries(LEDGER_STATUSES.map((s) => [s, count])) as Record<(typeof LEDGER_STATUSES)[number], typeof count>,
  ),
  byProgress: z.object(
    Object.fromEntries(PROGRESS_STATES.map((s) => [s, count])) as Record<(typeof PROGRESS_STATES)[number], typeof count>,
  ),
  overdue: count,
  done: count,
  significantProgress: count,
  ongoing: count,
  doneRate: z.number().nullable(),
  doneOrSignificantRate: z.number().nullable(),
});
const filter = z.object({
  orgId: z.uuid({ error: "单位无效" }).optional(),
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  assignmentId: z.uuid({ error: "巡察任务无效" }).optional(),
});

/** Figures are for those who may see the ledger; each sees the figures of the rows they may see. */
function reader(actor: Actor): Actor {
  if (!capabilitiesOf(actor).viewLedger) throw forbidden("无权查看整改统计");
  return actor;
}

export function figuresRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/figures/ledger",
    {
      schema: {
        tags,
        summary: "整改统计：按状态、逾期、完成率（已完成÷总数；已完成+取得明显成效÷总数）",
        querystring: filter,
        response: { 200: z.object({ figures: figuresSchema }) },
      },
    },
    async (req) => ({ figures: await figuresTotal(ctx.db, reader(actorOf(req)), req.query, todayIn(ctx)) }),
  );
  r.get(
    "/api/figures/ledger/by-org",
    {
      schema: {
        tags,
        summary: "整改统计：按单位",
        querystring: filter,
        response: {
          200: z.object({ items: z.array(z.object({ orgId: z.string(), orgName: z.string(), figures: figuresSchema })) }),
        },
      },
    },
    async (req) => ({ items: await figuresByOrg(ctx.db, reader(actorOf(req)), req.query, todayIn(ctx)) }),
  );
  r.get(
    "/api/figures/ledger/by-round",
    {
      schema: {
        tags,
        summary: "整改统计：按巡察轮次",
        querystring: filter,
        response: {
          200: z.object({ items: z.array(z.object({ roundId: z.string(), roundName: z.string(), figures: figuresSchema })) }),
        },
      },
    },
    async (req) => ({ items: await figuresByRound(ctx.db, reader(actorOf(req)), req.query, todayIn(ctx)) }),
  );
}
