/** Every feature's routes, registered in one place. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { authRoutes } from "./auth/routes.ts";

export function registerFeatures(app: FastifyInstance, ctx: AppContext): void {
  authRoutes(app, ctx);
}
