/**
 * Deny by default, checked against the OpenAPI document: every route refuses an anonymous request (but the
 * few public ones), each administrator reaches only their own routes, and business routes refuse all three.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { anonymous, createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

const PUBLIC_ROUTES = new Set(["GET /api/health", "POST /api/auth/login"]);
/** Health, login, and the public petition form's routes (/api/public/…, for senders without an account). */
const PUBLIC = { has: (key: string) => PUBLIC_ROUTES.has(key) || key.split(" ")[1]!.startsWith("/api/public/") };
const ADMIN_TAGS: Record<string, string> = { users: "sysadmin", settings: "sysadmin", grants: "secadmin", audit: "auditadm" };

interface Route {
  method: string;
  path: string;
  url: string;
  tags: string[];
}

let t: TestApp;
let routes: Route[];
const clients: Record<string, Client> = {};
let orgId: string;
let assignmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await newOrg(t.ctx, "某局");
  orgId = org.id;
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  assignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId })).id;
  await newUser(t.ctx, "secadmin", ["security_admin"]);
  await newUser(t.ctx, "auditadm", ["audit_admin"]);
  await newUser(t.ctx, "office", ["office_staff"]);
  await newUser(t.ctx, "contact", [{ role: "org_contact", orgId }]);
  for (const u of ["sysadmin", "secadmin", "auditadm", "office", "contact"]) clients[u] = await login(t.app, u);
  const doc = (await anonymous(t.app).get("/api/openapi.json")).json() as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "year" ? "2024" : uuidv7())),
      tags: op.tags ?? [],
    })),
  );
});
afterAll(() => t.close());

const call = (c: Client, r: Route) =>
  r.method === "GET"
    ? c.get(r.url)
    : r.method === "DELETE"
      ? c.delete(r.url)
      : c[r.method.toLowerCase() as "post" | "patch" | "put"](r.url, {});

describe("deny by default", () => {
  it("documents the routes it serves", () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain("POST /api/ledger/{id}/close");
  });

  it("refuses every route to an anonymous request, except health, login and the public petition form", async () => {
    for (const r of routes) {
      const res = await call(anonymous(t.app), r);
      const key = `${r.method} ${r.path}`;
      if (PUBLIC.has(key)) {
        // Open to anyone, but never a server error, and refusals in Chinese.
        expect(res.statusCode, key).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().message, key).toMatch(/[\u4e00-\u9fa5]/);
        continue;
      }
      expect(res.statusCode, key).toBe(401);
      expect(res.json().message, key).toBe("请先登录");
    }
  });

  it("gives each administrator only their own routes", async () => {
    for (const r of routes) {
      const owner =
        r.tags.map((tag) => ADMIN_TAGS[tag]).find(Boolean) ??
        (r.method === "PUT" && r.path.startsWith("/api/calendar") ? "sysadmin" : null);
      if (!owner) continue;
      for (const who of ["sysadmin", "secadmin", "auditadm", "office", "contact"]) {
        const res = await call(clients[who]!, r);
        const key = `${who} ${r.method} ${r.path}`;
        if (who === owner) expect(res.statusCode, key).not.toBe(403);
        else expect(res.statusCode, key).toBe(403);
      }
    }
  });

  it("refuses business routes to all three administrators", async () => {
    const business = routes.filter(
      (r) =>
        !r.tags.some((tag) => tag in ADMIN_TAGS || tag === "auth" || tag === "system" || tag === "calendar") &&
        !PUBLIC.has(`${r.method} ${r.path}`),
    );
    expect(business.length).toBeGreaterThan(30);
    for (const r of business) {
      for (const who of ["sysadmin", "secadmin", "auditadm"]) {
        const res = await call(clients[who]!, r);
        expect(res.statusCode, `${who} ${r.method} ${r.path}`).toBe(403);
      }
    }
  });

  it("answers the office's malformed requests with 4xx and a Chinese message, never a server error", async () => {
    for (const r of routes.filter((x) => !x.tags.includes("auth"))) {
      const res = await call(clients.office!, r);
      if (res.statusCode >= 400) expect(res.json().message, `${r.method} ${r.path}`).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("refuses an organisation contact the office's work", async () => {
    const c = clients.contact!;
    const refused = [
      await c.post("/api/orgs", { name: "新单位", kind: "agency" }),
      await c.post("/api/terms", { name: "十四届", startDate: "2026-09-01", endDate: "2031-08-31" }),
      await c.get("/api/rounds"),
      await c.get(`/api/assignments/${assignmentId}/findings`),
      await c.post(`/api/assignments/${assignmentId}/feedback`, {
        feedbackDate: "2023-12-14",
        aspects: [{ title: "一", problems: [{ text: "问题" }] }],
      }),
    ];
    for (const res of refused) expect(res.statusCode, res.body).toBe(403);
    // …while the office may do the same.
    expect((await clients.office!.post("/api/orgs", { name: "新单位", kind: "agency" })).statusCode).toBe(200);
  });
});
