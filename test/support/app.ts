/**
 * A real application for integration tests, on the engine the suite runs on: PGlite in memory
 * (XUNCHA_TEST_DB=pglite, the default) or a fresh PostgreSQL database made from TEST_DATABASE_URL.
 * Requests go through fastify's inject: the same hooks, validation and errors as over the network.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { uuidv7 } from "../../src/domain/ids.ts";
import type { GrantableRole } from "../../src/domain/roles.ts";
import { buildApp } from "../../src/server/app.ts";
import { ensureAdmin, ensureCalendar, ensureTaxonomy } from "../../src/server/bootstrap.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createContext, type AppContext } from "../../src/server/context.ts";
import { openPglite, openPostgres, type Database } from "../../src/server/db/client.ts";
import { roleGrants, users } from "../../src/server/db/schema.ts";
import { hashPassword } from "../../src/server/features/auth/commands.ts";

export const engine = (process.env.XUNCHA_TEST_DB ?? "pglite") as "pglite" | "postgres";
export const TEST_PASSWORD = "Xuncha#2024ok";

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Moves the application's clock (sessions, deadlines). */
  setNow: (d: Date) => void;
  close: () => Promise<void>;
}

async function freshPostgres(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `xuncha_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestApp(): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-test-"));
  let database: Database;
  let drop = async () => {};
  if (engine === "postgres") {
    ({ database, drop } = await freshPostgres());
  } else {
    database = await openPglite(null);
  }
  let now: Date | null = null;
  const config = { ...loadConfig({}), dataDir, adminUser: "sysadmin", adminPassword: TEST_PASSWORD };
  const ctx = createContext({ db: database.db, dbKind: database.kind, config, now: () => now ?? new Date() });
  await ensureCalendar(ctx);
  await ensureTaxonomy(ctx);
  await ensureAdmin(ctx);
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    setNow: (d) => {
      now = d;
    },
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface NewUser {
  id: string;
  username: string;
}

/** A user with roles, ready to log in with TEST_PASSWORD (no forced change). */
export async function newUser(
  ctx: AppContext,
  username: string,
  roles: Array<GrantableRole | { role: GrantableRole; orgId: string }> = [],
  displayName = username,
): Promise<NewUser> {
  const id = uuidv7();
  await ctx.db
    .insert(users)
    .values({ id, username, displayName, passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false });
  for (const r of roles) {
    const g = typeof r === "string" ? { role: r, orgId: null } : r;
    await ctx.db.insert(roleGrants).values({ id: uuidv7(), userId: id, role: g.role, orgId: g.orgId });
  }
  return { id, username };
}

/** A client bound to one user's session cookie. */
export interface Client {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
  cookie: string;
}

export function clientWith(app: FastifyInstance, cookie: string): Client {
  const call = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE") => (url: string, body?: unknown) =>
    app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(body === undefined ? {} : { payload: body as object }) });
  return { get: call("GET"), post: call("POST"), patch: call("PATCH"), put: call("PUT"), delete: call("DELETE"), cookie };
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const raw = res.headers["set-cookie"];
  const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(";")[0]!;
  return clientWith(app, cookie);
}

export const anonymous = (app: FastifyInstance): Client => clientWith(app, "");
