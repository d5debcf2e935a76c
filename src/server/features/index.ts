/** Every feature's routes, registered in one place. */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { authRoutes } from "./auth/routes.ts";
import { orgRoutes } from "./orgs/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { grantRoutes } from "./grants/routes.ts";
import { settingsRoutes } from "./settings/routes.ts";
import { calendarRoutes } from "./calendar/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { findingsRoutes } from "./findings/routes.ts";
import { roundsRoutes } from "./rounds/routes.ts";
import { feedbackRoutes } from "./feedback/routes.ts";
import { ledgerRoutes } from "./ledger/routes.ts";
import { figuresRoutes } from "./figures/routes.ts";
import { directivesRoutes } from "./directives/routes.ts";

export function registerFeatures(app: FastifyInstance, ctx: AppContext): void {
  authRoutes(app, ctx);
  orgRoutes(app, ctx);
  userRoutes(app, ctx);
  grantRoutes(app, ctx);
  settingsRoutes(app, ctx);
  calendarRoutes(app, ctx);
  auditRoutes(app, ctx);
  roundsRoutes(app, ctx);
  findingsRoutes(app, ctx);
  feedbackRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  figuresRoutes(app, ctx);
  directivesRoutes(app, ctx);
}
