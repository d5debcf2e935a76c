/**
 * The application as users start it: `node scripts/start.mjs` (= npm start, which builds dist/web with vite when
 * it is stale and then runs the server), on a free port with a fresh data directory and the system administrator
 * from the environment. One server per spec file: start it in beforeAll, stop it in afterAll.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ADMIN_USER = "sysadmin";
export const ADMIN_PASSWORD = "Xuncha#2024ok";

const START_TIMEOUT_MS = 180_000;
const OUTPUT_LIMIT = 20_000;

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr, the last OUTPUT_LIMIT characters). */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The environment a user's shell would give npm start: none of vitest's variables, no PostgreSQL URL. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === "NODE_ENV" || k === "DATABASE_URL" || k === "TEST" || k.startsWith("VITEST") || k.startsWith("XUNCHA_")) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Signals the whole process group (start.mjs, the server it runs, a vite build in progress). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** `args` go to npm start (e.g. ["--demo"]). */
export async function startServer(args: string[] = []): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs"), ...args], {
    cwd: ROOT,
    env: userEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      XUNCHA_DATA: dataDir,
      XUNCHA_ADMIN_USER: ADMIN_USER,
      XUNCHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it also stops the server it spawns.
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    out = (out + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  // start.mjs passes SIGTERM on to the server and exits when the server has closed its database; when that does
  // not happen in time (or start.mjs is still inside the vite build), the whole group is killed.
  const stop = async (graceful = true) => {
    if (!exited(child)) {
      if (graceful) child.kill("SIGTERM");
      if (!graceful || !(await waitExit(child, 10_000))) {
        signalGroup(child, "SIGKILL");
        await waitExit(child, 5_000);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  try {
    for (;;) {
      if (exited(child)) throw new Error(`npm start exited (code ${child.exitCode ?? child.signalCode}) before answering`);
      if (Date.now() - started > START_TIMEOUT_MS)
        throw new Error(`npm start did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stop(false);
    throw new Error(`${(e as Error).message}\n---- server output ----\n${out}`);
  }
  return { url, dataDir, output: () => out, stop: () => stop() };
}
