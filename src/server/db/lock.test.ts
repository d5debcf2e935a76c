import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.ts";

const dirs: string[] = [];
const fresh = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the data directory lock", () => {
  it("refuses a second process on the same directory, naming the holder", async () => {
    const dir = fresh();
    // Another process holds the lock: it writes its pid into the lock file and waits.
    const holder = spawn(process.execPath, [
      "-e",
      `require("fs").writeFileSync(${JSON.stringify(path.join(dir, "xuncha.lock"))}, String(process.pid)); setTimeout(() => {}, 30000)`,
    ]);
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`正被另一个进程（PID ${holder.pid}）使用`));
    } finally {
      holder.kill();
    }
  });

  it("takes over the lock of a process that has gone, and releases it", () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, "xuncha.lock"), "999999999");
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "xuncha.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "xuncha.lock"))).toBe(false);
  });
});
