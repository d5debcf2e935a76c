import { forbidden } from "../../../domain/errors.ts";
import { hasRole, type Actor } from "../../../domain/roles.ts";

export function assertManageSettings(a: Actor): void {
  if (!hasRole(a, "system_admin")) throw forbidden("仅系统管理员可以管理系统设置");
}
