/** The driver's side of the bench: the forked server process and a keep-alive HTTP client. */
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_PASSWORD, BENCH_USER, type Ready, type ServerOptions } from "./protocol.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A forked bench/server.ts and a request/response channel to it. */
export class BenchServer {
  private next = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private child: ChildProcess;
  readonly ready: Promise<Ready>;

  constructor(o: ServerOptions, verbose: boolean) {
    this.child = fork(path.join(here, "server.ts"), [], {
      // --expose-gc: the Excel part collects garbage before each export, for a clean baseline.
      // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
      execArgv: ["--import", "tsx", "--expose-gc", ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)],
      env: { ...process.env, BENCH_SERVER_OPTIONS: JSON.stringify(o) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.ready = new Promise((resolve, reject) => {
      this.child.on("message", (m: { log?: string; ready?: Ready; id?: number; result?: unknown; error?: string }) => {
        if (m.log && verbose) console.log(`  [server] ${m.log}`);
        if (m.ready) resolve(m.ready);
        if (m.id !== undefined) {
          const w = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (m.error) w?.reject(new Error(m.error));
          else w?.resolve(m.result);
        }
      });
      this.child.on("exit", (code) => {
        const err = new Error(`bench server exited with code ${code}`);
        reject(err);
        for (const w of this.waiting.values()) w.reject(err);
      });
    });
  }

  call<T>(cmd: string, extra: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, ...extra });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    await this.call("stop").catch(() => undefined);
    await exited;
  }
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<Response>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: url, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Logs a bench user (the office staff user unless told) in through the API; returns the session cookie. */
export async function login(agent: http.Agent, port: number, username = BENCH_USER): Promise<string> {
  const body = JSON.stringify({ username, password: BENCH_PASSWORD });
  const res = await request(agent, port, "POST", "/api/auth/login", { "content-type": "application/json" }, body);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
  return String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
}
