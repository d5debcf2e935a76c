import path from "node:path";

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, the lock file and evidence files live. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | null;
  adminUser: string | null;
  adminPassword: string | null;
  version: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.XUNCHA_DATA ?? "data"),
    databaseUrl: env.DATABASE_URL || null,
    adminUser: env.XUNCHA_ADMIN_USER || null,
    adminPassword: env.XUNCHA_ADMIN_PASSWORD || null,
    version: env.npm_package_version ?? "0.1.0",
  };
}
