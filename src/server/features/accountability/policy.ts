/**
 * Who may see and record accountability (问责) and rules made (制度建设). Pure functions of the actor and the record:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - Wide readers (office, secretary, leading group, commission, organisation dept.) see everything.
 * - An organisation contact sees its organisation's records; a supervising leader those of its subtree.
 *   An action against a person with no organisation is seen by wide readers only.
 * - The office, the commission and the organisation dept. record accountability.
 * - The office, or the organisation's own contact, records the rules an organisation made.
 * - The three administrators never see any.
 */
import { sql, type SQL } from "drizzle-orm";
import { hasAnyRole, isOffice, orgScopeMatches, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export const seesAllOrgs = (a: Actor): boolean => !isAdminActor(a) && hasAnyRole(a, WIDE_READ_ROLES);

export function viewRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllOrgs(a) || hasAnyRole(a, ["org_contact", "supervising_leader"])) return null;
  return "您没有查看问责和制度建设情况的权限";
}

export function recordAccountabilityRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || hasAnyRole(a, ["commission", "org_dept"])) return null;
  return "只有巡察办、纪委监委和组织部可以登记问责情况";
}

export const isContactOf = (a: Actor, org: { id: string; path: string }): boolean =>
  !isAdminActor(a) && orgScopeMatches(a, org, ["org_contact"]);

export function recordRuleRefusal(a: Actor, org: { id: string; path: string }): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || isContactOf(a, org)) return null;
  return "只有巡察办或该单位联络人可以登记制度建设成果";
}

/** The office links any of the organisation's findings; its contact only those fed back to it. */
export const linksUnfedFindings = (a: Actor): boolean => isOffice(a);

/**
 * The records an actor sees, as one SQL condition over the record's organisation (id and path); null means all.
 * A record with no organisation matches no scoped condition.
 */
export function visibleOrgRecords(a: Actor, cols: { orgId: unknown; orgPath: unknown }): SQL | undefined {
  if (seesAllOrgs(a)) return undefined;
  if (isAdminActor(a)) return sql`false`;
  const parts: SQL[] = [];
  for (const g of a.grants) {
    if (g.role === "org_contact" && g.orgId) parts.push(sql`${cols.orgId} = ${g.orgId}`);
    if (g.role === "supervising_leader" && g.orgPath) parts.push(sql`${cols.orgPath} like ${`${g.orgPath}%`}`);
  }
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
