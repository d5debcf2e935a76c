/** Placeholder: filled in by the documents work. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";

export function documentsRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
