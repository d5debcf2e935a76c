/** Deny by default: every /api route needs a signed-in user whose password is current, unless it says otherwise. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import { isAdminRole, type Actor } from "../../domain/roles.ts";
import type { AppContext } from "../context.ts";
import type { Origin } from "../command.ts";
import { SESSION_COOKIE, resolveSession } from "../features/auth/session.ts";

export type Access = "public" | "authenticated" | "password_change";

/**
 * Who a route is for, checked before the body is even read: the three administrators each have their own routes,
 * and business routes are for users with a business role or a team seat. Finer rules live in the policies.
 */
export type Audience = "any" | "business" | "system_admin" | "security_admin" | "audit_admin";

export function inAudience(a: Actor, audience: Audience | readonly Audience[]): boolean {
  const list: readonly Audience[] = Array.isArray(audience) ? audience : [audience as Audience];
  return list.some((x) => {
    if (x === "any") return true;
    if (x === "business") return a.teamSeats.length > 0 || a.grants.some((g) => !isAdminRole(g.role));
    return a.grants.some((g) => g.role === x);
  });
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** public: no login; password_change: allowed before a required password change. Default: authenticated. */
    access?: Access;
    /** Default: business. */
    audience?: Audience | readonly Audience[];
  }
}

// TODO(coordinator): becomes "business" once every admin route declares its audience.
const DEFAULT_AUDIENCE: Audience = "any";

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const access: Access = req.routeOptions.config?.access ?? "authenticated";
    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await resolveSession(ctx, token);
      if (found && "actor" in found) req.actor = found.actor;
      else if (found) expired = true;
    }
    if (access === "public") return;
    if (!req.actor) {
      throw expired
        ? new DomainError("session_expired", "登录已超时，请重新登录")
        : new DomainError("unauthenticated", "请先登录");
    }
    if (req.actor.mustChangePassword && access !== "password_change") {
      throw new DomainError("password_change_required", "首次登录或密码已被重置，请先修改密码");
    }
    if (access === "authenticated" && !inAudience(req.actor, req.routeOptions.config?.audience ?? DEFAULT_AUDIENCE)) {
      throw new DomainError("forbidden", "您没有权限执行此操作");
    }
  });
}

/** The signed-in actor (the hook has already refused anonymous requests). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError("unauthenticated", "请先登录");
  return req.actor;
}

export const originOf = (req: FastifyRequest): Origin => ({ actor: req.actor, clientIp: req.ip ?? null });
