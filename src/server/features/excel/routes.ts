/** Placeholder: filled in by the excel work. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.ts";

export function excelRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
