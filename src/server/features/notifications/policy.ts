/**
 * Who may do what with notices. Pure functions of the actor and the notice:
 * - a notice is its recipient's alone: nobody else sees it or marks it read (to others it does not exist);
 * - the office (staff, head) may run the warning check at once instead of waiting for the scheduled job.
 */
import { isOffice, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

export interface NotificationState {
  userId: string;
  readAt: Date | null;
}

export const ownsNotification = (a: Actor, n: NotificationState): boolean => n.userId === a.userId;

export const notificationCan = (a: Actor, n: NotificationState) => ({ read: ownsNotification(a, n) && n.readAt === null });

export function runWarningsRefusal(a: Actor): string | null {
  if (isAdminActor(a) || !isOffice(a)) return "只有巡察办可以立即检查整改时限预警";
  return null;
}
