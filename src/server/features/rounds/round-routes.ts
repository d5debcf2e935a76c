/** Terms (届) and rounds (轮). */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { roundInputSchema, roundPatchSchema, termInputSchema } from "../../../domain/round.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow, manageRefusal, roundCan, viewRoundRefusal, viewRoundsRefusal } from "./policy.ts";
import { getRoundRecord, listAssignments, listRounds, listTeams, listTerms, teamIdsOfRound } from "./queries.ts";
import { createRound, createTerm, updateRound } from "./round-commands.ts";
import { assignmentSummarySchema, idParams, roundSchema, teamSchema, termSchema } from "./schema.ts";

const TAGS = ["rounds"];

async function roundView(db: Db, actor: Actor, id: string) {
  const [round] = await listRounds(db, actor, { roundId: id });
  return round!;
}

export function roundRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/terms",
    {
      schema: {
        tags: TAGS,
        summary: "届次列表",
        response: { 200: z.object({ items: z.array(termSchema), can: z.object({ create: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRoundsRefusal(actor));
      return { items: await listTerms(ctx.db), can: { create: manageRefusal(actor) === null } };
    },
  );

  r.post(
    "/api/terms",
    { schema: { tags: TAGS, summary: "新建届次", body: termInputSchema, response: { 200: z.object({ term: termSchema }) } } },
    async (req) => {
      const id = await createTerm(ctx, originOf(req), req.body);
      const term = (await listTerms(ctx.db)).find((t) => t.id === id)!;
      return { term };
    },
  );

  r.get(
    "/api/rounds",
    {
      schema: {
        tags: TAGS,
        summary: "巡察轮次列表",
        querystring: z.object({ termId: z.uuid({ error: "届次无效" }).optional() }),
        response: { 200: z.object({ items: z.array(roundSchema), can: z.object({ create: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRoundsRefusal(actor));
      return {
        items: await listRounds(ctx.db, actor, { termId: req.query.termId }),
        can: { create: manageRefusal(actor) === null },
      };
    },
  );

  r.post(
    "/api/rounds",
    {
      schema: {
        tags: TAGS,
        summary: "新建巡察轮次",
        body: roundInputSchema,
        response: { 200: z.object({ round: roundSchema }) },
      },
    },
    async (req) => {
      const id = await createRound(ctx, originOf(req), req.body);
      return { round: await roundView(ctx.db, actorOf(req), id) };
    },
  );

  r.get(
    "/api/rounds/:id",
    {
      schema: {
        tags: TAGS,
        summary: "巡察轮次详情（巡察组与巡察任务）",
        params: idParams,
        response: {
          200: z.object({
            round: roundSchema,
            teams: z.array(teamSchema),
            assignments: z.array(assignmentSummarySchema),
            can: z.object({ update: z.boolean(), manage: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      allow(viewRoundsRefusal(actor));
      await getRoundRecord(ctx.db, req.params.id);
      allow(viewRoundRefusal(actor, { teamIds: await teamIdsOfRound(ctx.db, req.params.id) }));
      return {
        round: await roundView(ctx.db, actor, req.params.id),
        teams: await listTeams(ctx, actor, req.params.id),
        assignments: await listAssignments(ctx, actor, { roundId: req.params.id }),
        can: roundCan(actor),
      };
    },
  );

  r.patch(
    "/api/rounds/:id",
    {
      schema: {
        tags: TAGS,
        summary: "修改巡察轮次",
        params: idParams,
        body: roundPatchSchema,
        response: { 200: z.object({ round: roundSchema }) },
      },
    },
    async (req) => {
      await updateRound(ctx, originOf(req), req.params.id, req.body);
      return { round: await roundView(ctx.db, actorOf(req), req.params.id) };
    },
  );
}
