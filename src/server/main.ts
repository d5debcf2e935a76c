/** npm start: open the database (embedded unless DATABASE_URL), migrate, bootstrap, serve. */
import path from "node:path";
import { buildApp } from "./app.ts";
import { ensureAdmin, ensureCalendar, ensureTaxonomy, isEmpty } from "./bootstrap.ts";
import { loadConfig } from "./config.ts";
import { createContext } from "./context.ts";
import { openPglite, openPostgres, type Database } from "./db/client.ts";
import { DataDirLockedError, lockDataDir } from "./db/lock.ts";
import { startScheduler } from "./jobs/scheduler.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const wantDemo = process.argv.includes("--demo");
  let release = () => {};
  let database: Database;
  try {
    release = lockDataDir(config.dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`启动失败：${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    database = await openPglite(path.join(config.dataDir, "pgdata"));
  }
  const ctx = createContext({ db: database.db, dbKind: database.kind, config });
  await ensureCalendar(ctx);
  await ensureTaxonomy(ctx);
  const wasEmpty = await isEmpty(ctx);
  const admin = await ensureAdmin(ctx);
  if (admin.generatedPassword) {
    console.log("\n==================== 首次启动 ====================");
    console.log(`系统管理员账号：${admin.adminUsername}`);
    console.log(`一次性密码：${admin.generatedPassword}`);
    console.log("此密码只显示这一次；首次登录后须立即修改。");
    console.log("==================================================\n");
  }
  if (wantDemo) {
    if (!wasEmpty) {
      console.log("数据库中已有数据，未加载演示数据（演示数据只加载到空的数据目录）。");
    } else {
      const { loadDemo } = await import("./demo/load.ts");
      const summary = await loadDemo(ctx);
      console.log(summary);
    }
  }
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `巡察整改工作系统已启动：http://${config.host}:${config.port}  （数据库：${database.kind === "pglite" ? `内置 PGlite，${config.dataDir}` : "PostgreSQL"}）`,
  );
  // XUNCHA_JOB_INTERVAL_SECONDS: how often the warning job runs (default one hour).
  const jobSeconds = Number(process.env.XUNCHA_JOB_INTERVAL_SECONDS);
  const stopJobs = startScheduler(ctx, jobSeconds > 0 ? { intervalMs: jobSeconds * 1000 } : {});
  const stop = async () => {
    await stopJobs();
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error("启动失败：", e instanceof Error ? e.message : e);
  process.exit(1);
});
