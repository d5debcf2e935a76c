/**
 * Who may see and record a rectification period. Pure functions of the actor and the assignment's organisation:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - Wide readers (office, leading group, commission, organisation dept., secretary) see every period.
 * - An organisation contact sees and records their own organisation's; a supervising leader sees their subtree.
 * - The office records any organisation's (e.g. from the documents the organisation sends in).
 * - Team members see the ledger of their assignments, but the period is the organisation's and the office's.
 */
import type { SQL } from "drizzle-orm";
import type { PeriodAbilities } from "../../../domain/period.ts";
import { capabilitiesOf, isOffice, orgScopeMatches, type Actor } from "../../../domain/roles.ts";
import { visibleRows } from "../ledger/policy.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export interface PeriodScope {
  orgId: string;
  orgPath: string;
}

/** The ledger's visibility without team seats: who sees an organisation's rectification as its period. */
const withoutTeams = (a: Actor): Actor => ({ ...a, teamSeats: [] });

export function viewPeriodsRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return capabilitiesOf(a).viewPeriods ? null : "您没有查看集中整改期的权限";
}

/** The periods an actor may see, as one SQL condition for lists (undefined: everything). */
export const visiblePeriods = (a: Actor, cols: { orgId: unknown; orgPath: unknown; teamId: unknown }): SQL | undefined =>
  visibleRows(withoutTeams(a), cols);

export function editPeriodRefusal(a: Actor, p: PeriodScope): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || orgScopeMatches(a, { id: p.orgId, path: p.orgPath }, ["org_contact"])) return null;
  return "只有该单位的联络人或巡察办可以登记集中整改期情况";
}

export const periodCan = (a: Actor, p: PeriodScope): PeriodAbilities => ({ edit: editPeriodRefusal(a, p) === null });
