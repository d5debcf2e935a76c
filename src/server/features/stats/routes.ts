/** Placeholder: filled in by the stats work. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";

export function statsRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
