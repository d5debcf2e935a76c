/** Anyone signed in reads the calendar (deadlines depend on it); only the system administrator maintains it. */
import { forbidden } from "../../../domain/errors.ts";
import { hasRole, type Actor } from "../../../domain/roles.ts";

export const calendarCan = (a: Actor) => ({ importYear: hasRole(a, "system_admin") });

export function assertMaintainCalendar(a: Actor): void {
  if (!calendarCan(a).importYear) throw forbidden("仅系统管理员可以维护节假日安排");
}
