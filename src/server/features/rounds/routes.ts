/** Planning: terms, rounds, teams and assignments. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";
import { assignmentRoutes } from "./assignment-routes.ts";
import { roundRoutes } from "./round-routes.ts";
import { teamRoutes } from "./team-routes.ts";

export function roundsRoutes(app: FastifyInstance, ctx: AppContext): void {
  roundRoutes(app, ctx);
  teamRoutes(app, ctx);
  assignmentRoutes(app, ctx);
}
