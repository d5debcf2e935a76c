/**
 * Setup through the HTTP API of the running server: a tiny fetch client keeping one user's session cookie.
 * Only for preparing what a spec needs; the behaviour under test is walked in the browser.
 */
import { ADMIN_PASSWORD, ADMIN_USER } from "./server.ts";

/** Every account made by the specs ends up with this password. */
export const PASSWORD = "Xuncha#2024ok";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → ${status}: ${body}`);
  }
}

export class Api {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private async send(method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + url, { method, headers, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return res;
  }

  /** The raw response, for asserting refusals. */
  raw(method: string, url: string, body?: unknown): Promise<Response> {
    return this.send(method, url, body);
  }

  private async json<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await this.send(method, url, body);
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `${method} ${url}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(url: string): Promise<T> {
    return this.json<T>("GET", url);
  }

  post<T>(url: string, body: unknown = {}): Promise<T> {
    return this.json<T>("POST", url, body);
  }

  patch<T>(url: string, body: unknown): Promise<T> {
    return this.json<T>("PATCH", url, body);
  }

  /** multipart/form-data upload of one file in field "file", as the evidence form sends it. */
  upload<T>(url: string, fileName: string, content: Buffer, mimeType: string): Promise<T> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(content)], { type: mimeType }), fileName);
    return this.json<T>("POST", url, form);
  }

  async login(username: string, password: string): Promise<this> {
    await this.post("/api/auth/login", { username, password });
    return this;
  }

  static async as(baseUrl: string, username: string, password = PASSWORD): Promise<Api> {
    return new Api(baseUrl).login(username, password);
  }

  static admin(baseUrl: string): Promise<Api> {
    return Api.as(baseUrl, ADMIN_USER, ADMIN_PASSWORD);
  }
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  oneTimePassword: string;
}

/** The system administrator creates an account; it starts with a one-time password. */
export async function createAccount(
  admin: Api,
  username: string,
  displayName: string,
  adminRole?: "security_admin" | "audit_admin",
): Promise<Account> {
  const res = await admin.post<{ user: { id: string }; oneTimePassword: string }>("/api/users", {
    username,
    displayName,
    ...(adminRole ? { adminRole } : {}),
  });
  return { id: res.user.id, username, displayName, oneTimePassword: res.oneTimePassword };
}

/** The user replaces the one-time password (the first-login change) and keeps the signed-in client. */
export async function changePassword(baseUrl: string, a: Account, newPassword = PASSWORD): Promise<Api> {
  const api = await Api.as(baseUrl, a.username, a.oneTimePassword);
  await api.post("/api/auth/password", { currentPassword: a.oneTimePassword, newPassword });
  return api;
}

export async function grant(secadmin: Api, userId: string, role: string, orgId: string | null = null): Promise<void> {
  await secadmin.post("/api/grants", { userId, role, orgId });
}

/** A small but real PDF: the server checks the content against the file type. */
export function samplePdf(title = "整改佐证材料"): Buffer {
  const text = `BT /F1 12 Tf 72 720 Td (${title.replace(/[^\x20-\x7e]/g, "?")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
