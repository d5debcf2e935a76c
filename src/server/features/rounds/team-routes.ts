/** Teams, their members, and the people an office may pick from. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { memberInputSchema, teamInputSchema } from "../../../domain/round.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { allow, pickPeopleRefusal } from "./policy.ts";
import { getTeamRecord, listPeople, listTeams } from "./queries.ts";
import { idParams, memberSchema, personSchema, teamSchema } from "./schema.ts";
import { addMember, createTeam, removeMember } from "./team-commands.ts";

const TAGS = ["rounds"];

export function teamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const teamView = async (actor: Parameters<typeof listTeams>[1], teamId: string) => {
    const team = await getTeamRecord(ctx.db, teamId);
    return (await listTeams(ctx, actor, team.roundId)).find((t) => t.id === teamId)!;
  };

  r.post(
    "/api/rounds/:id/teams",
    {
      schema: {
        tags: TAGS,
        summary: "组建巡察组",
        params: idParams,
        body: teamInputSchema,
        response: { 200: z.object({ team: teamSchema }) },
      },
    },
    async (req) => {
      const id = await createTeam(ctx, originOf(req), req.params.id, req.body.name);
      return { team: await teamView(actorOf(req), id) };
    },
  );

  r.post(
    "/api/teams/:id/members",
    {
      schema: {
        tags: TAGS,
        summary: "增加巡察组成员（人才库人员或账号；党员、回避、组长库规则）",
        params: idParams,
        body: memberInputSchema,
        response: { 200: z.object({ member: memberSchema }) },
      },
    },
    async (req) => {
      const id = await addMember(ctx, originOf(req), req.params.id, req.body);
      const team = await teamView(actorOf(req), req.params.id);
      return { member: team.members.find((m) => m.id === id)! };
    },
  );

  r.delete(
    "/api/teams/:teamId/members/:memberId",
    {
      schema: {
        tags: TAGS,
        summary: "移除巡察组成员",
        params: z.object({ teamId: z.uuid({ error: "巡察组编号无效" }), memberId: z.uuid({ error: "成员编号无效" }) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await removeMember(ctx, originOf(req), req.params.teamId, req.params.memberId);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/people",
    {
      schema: {
        tags: TAGS,
        summary: "可选的巡察组人员",
        querystring: z.object({ q: z.string().max(60).optional() }),
        response: { 200: z.object({ items: z.array(personSchema) }) },
      },
    },
    async (req) => {
      allow(pickPeopleRefusal(actorOf(req)));
      return { items: await listPeople(ctx.db, req.query.q) };
    },
  );
}
