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
    /** The message for those outside the audience. */
    refusal?: string;
  }
}

const DEFAULT_AUDIENCE: Audience = "business";

/** The three administrators' features, by OpenAPI tag: each belongs to exactly one of them. */
const TAG_AUDIENCE: Record<string, { audience: Audience; refusal: string }> = {
  users: { audience: "system_admin", refusal: "仅系统管理员可以管理用户账号" },
  settings: { audience: "system_admin", refusal: "仅系统管理员可以管理系统设置" },
  grants: { audience: "security_admin", refusal: "仅安全保密管理员可以管理角色授权" },
  audit: { audience: "audit_admin", refusal: "仅安全审计员可以查看审计日志" },
};

function refusalFor(a: Actor, audience: Audience | readonly Audience[]): string {
  if (audience === "business" && a.grants.length > 0 && a.grants.every((g) => isAdminRole(g.role))) {
    return "系统管理员、安全保密管理员和安全审计员不能查看或办理业务数据";
  }
  return "您没有权限执行此操作";
}

export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRoute", (route) => {
    const tags = (route.schema as { tags?: string[] } | undefined)?.tags ?? [];
    const owner = tags.map((t) => TAG_AUDIENCE[t]).find(Boolean);
    if (owner && !route.config?.audience) route.config = { ...route.config, ...owner };
  });
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
    const audience = req.routeOptions.config?.audience ?? DEFAULT_AUDIENCE;
    if (access === "authenticated" && !inAudience(req.actor, audience)) {
      throw new DomainError("forbidden", req.routeOptions.config?.refusal ?? refusalFor(req.actor, audience));
    }
  });
}

/** The signed-in actor (the hook has already refused anonymous requests). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError("unauthenticated", "请先登录");
  return req.actor;
}

export const originOf = (req: FastifyRequest): Origin => ({ actor: req.actor, clientIp: req.ip ?? null });
