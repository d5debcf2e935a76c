/**
 * The demo drives the application the way the web does: HTTP requests through fastify's inject, each
 * under a signed-in user's session cookie. Any refusal stops the demo with the application's own message.
 */
import type { FastifyInstance } from "fastify";

export class DemoClient {
  constructor(
    private readonly app: FastifyInstance,
    readonly username: string,
    private readonly cookie: string,
  ) {}

  static async login(app: FastifyInstance, username: string, password: string): Promise<DemoClient> {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`演示数据加载失败：${username} 登录失败（${res.statusCode}）：${res.body}`);
    const raw = res.headers["set-cookie"];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (!first) throw new Error(`演示数据加载失败：${username} 登录未返回会话`);
    return new DemoClient(app, username, first.split(";")[0]!);
  }

  private async send<T>(method: "GET" | "POST" | "PATCH" | "PUT", url: string, body?: object): Promise<T> {
    const res = await this.app.inject({ method, url, headers: { cookie: this.cookie }, ...(body ? { payload: body } : {}) });
    if (res.statusCode !== 200)
      throw new Error(`演示数据加载失败：${this.username} ${method} ${url}（${res.statusCode}）：${res.body}`);
    return res.json() as T;
  }

  get<T>(url: string): Promise<T> {
    return this.send<T>("GET", url);
  }

  post<T>(url: string, body: object = {}): Promise<T> {
    return this.send<T>("POST", url, body);
  }

  patch<T>(url: string, body: object): Promise<T> {
    return this.send<T>("PATCH", url, body);
  }

  put<T>(url: string, body: object): Promise<T> {
    return this.send<T>("PUT", url, body);
  }

  /** Uploads one file as multipart/form-data, field "file", as the evidence form does. */
  async upload<T>(url: string, fileName: string, content: Buffer, mimeType: string): Promise<T> {
    const boundary = `----xuncha-demo-${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: { cookie: this.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    if (res.statusCode !== 200)
      throw new Error(`演示数据加载失败：${this.username} 上传 ${fileName}（${res.statusCode}）：${res.body}`);
    return res.json() as T;
  }
}
