/**
 * The one way the web talks to the server: JSON over fetch with the session cookie. Every failure becomes an
 * ApiError carrying the server's code and Chinese message; signing-in problems are handed to the session
 * (which sends the user to /login or /password) and marked `handled` so screens do not show them twice.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: unknown;
  /** The session already reacted (redirect to /login or /password); screens need not show it. */
  handled = false;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export type AuthProblem = "unauthenticated" | "session_expired" | "password_change_required";
type AuthHandler = (problem: AuthProblem) => void;

let authHandler: AuthHandler = (problem) => {
  const target = problem === "password_change_required" ? "/password" : "/login";
  if (window.location.pathname !== target) window.location.assign(target);
};

/** The session provider installs its handler (SPA navigation instead of a page load). */
export function onAuthProblem(handler: AuthHandler): void {
  authHandler = handler;
}

async function toError(res: Response): Promise<ApiError> {
  let body: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy page, an empty body): fall through to a generic message
  }
  const code = typeof body.code === "string" ? body.code : `http_${res.status}`;
  const message =
    typeof body.message === "string" && body.message
      ? body.message
      : res.status >= 500
        ? "服务器暂时无法处理请求，请稍后重试"
        : `请求失败（${res.status}）`;
  const fields = Array.isArray(body.fields) ? (body.fields as FieldError[]) : [];
  const err = new ApiError(res.status, code, message, fields, body.details);
  if (code === "unauthenticated" || code === "session_expired" || code === "password_change_required") {
    err.handled = true;
    authHandler(code);
  }
  return err;
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await send(method, url, body);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `url?k=v&…`, leaving out empty values. */
export function withQuery(url: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${url}?${s}` : url;
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1].replace(/"/g, ""));
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Hands a file made in the browser or fetched to the user as a download under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

export const api = {
  get: <T>(url: string) => json<T>("GET", url),
  post: <T>(url: string, body: unknown = {}) => json<T>("POST", url, body),
  put: <T>(url: string, body: unknown) => json<T>("PUT", url, body),
  patch: <T>(url: string, body: unknown) => json<T>("PATCH", url, body),
  del: <T = unknown>(url: string) => json<T>("DELETE", url),
  /** multipart upload of one file under `field`. */
  upload: <T>(url: string, file: File | Blob, field = "file") => {
    const form = new FormData();
    form.append(field, file);
    return json<T>("POST", url, form);
  },
  /**
   * Downloads a file the server builds (Excel exports, templates, documents) under the server's file name. With a
   * body, the request is a POST of that body (a list screen's rows to export).
   */
  download: async (url: string, fallbackName: string, body?: unknown): Promise<void> => {
    const res = await send(body === undefined ? "GET" : "POST", url, body);
    saveBlob(await res.blob(), filenameOf(res, fallbackName));
  },
};
