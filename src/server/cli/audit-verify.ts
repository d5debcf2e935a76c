/**
 * npm run audit:verify — checks the SM3 chain of the audit trail, outside the server.
 * Opens the database as the server does (DATABASE_URL, or the embedded one under XUNCHA_DATA/pgdata);
 * the embedded database is locked first, so this refuses to run beside a running server.
 * Exit code: 0 intact, 1 tampered, 2 could not check.
 */
import fs from "node:fs";
import path from "node:path";
import { verifyChain } from "../audit/verify.ts";
import { loadConfig } from "../config.ts";
import { openPglite, openPostgres, type Database } from "../db/client.ts";
import { DataDirLockedError, lockDataDir } from "../db/lock.ts";

async function main(): Promise<number> {
  const config = loadConfig();
  let database: Database;
  let release = () => {};
  if (config.databaseUrl) {
    // A PostgreSQL server is made for many clients: checking beside a running server is safe.
    database = await openPostgres(config.databaseUrl, 2);
  } else {
    const dir = path.join(config.dataDir, "pgdata");
    try {
      release = lockDataDir(config.dataDir);
    } catch (e) {
      if (e instanceof DataDirLockedError) {
        console.error(`无法校验：${e.message}`);
        return 2;
      }
      throw e;
    }
    if (!fs.existsSync(dir)) {
      release();
      console.error(
        `无法校验：数据目录 ${config.dataDir} 中没有数据库（可用 XUNCHA_DATA 指定数据目录，或用 DATABASE_URL 指定 PostgreSQL）`,
      );
      return 2;
    }
    database = await openPglite(dir);
  }
  try {
    const report = await verifyChain(database.db);
    if (report.ok) {
      console.log(`审计日志完整：共校验 ${report.checked} 条`);
      return 0;
    }
    const b = report.firstBroken!;
    console.log(`审计日志被篡改：第一条异常条目 序号 ${b.seq}（id ${b.id}）：${b.reason}`);
    console.log(`此前 ${report.checked} 条校验无误。`);
    return 1;
  } finally {
    await database.close();
    release();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("无法校验：", e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
