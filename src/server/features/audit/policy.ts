/** The audit trail is read by the audit administrator alone (三员分立): not by the other two, not by business users. */
import { forbidden } from "../../../domain/errors.ts";
import { hasRole, type Actor } from "../../../domain/roles.ts";

export function assertReadAudit(a: Actor): void {
  if (!hasRole(a, "audit_admin")) throw forbidden("仅安全审计员可以查看审计日志");
}
