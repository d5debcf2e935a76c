/** Errors a user can cause. Each has a stable code; the message is Chinese and shown as is. */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "session_expired"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_credentials"
  | "account_locked"
  | "password_change_required"
  | "weak_password"
  | "rule_violation"
  | "file_rejected"
  | "import_rejected"
  | "rate_limited";

const httpStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  account_locked: 423,
  password_change_required: 403,
  weak_password: 400,
  rule_violation: 422,
  file_rejected: 400,
  import_rejected: 422,
  rate_limited: 429,
};

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = httpStatus[code];
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what}不存在或已删除`);
export const forbidden = (why = "您没有权限执行此操作") => new DomainError("forbidden", why);
export const ruleViolation = (why: string, details?: unknown) => new DomainError("rule_violation", why, details);
export const conflict = (why: string) => new DomainError("conflict", why);
