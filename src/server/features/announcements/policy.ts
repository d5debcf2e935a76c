/**
 * Who may read an organisation's progress announcement and who may write its next steps and contacts.
 * Pure functions of the actor and the organisation: each `…Refusal` returns the Chinese reason, or null.
 *
 * - Wide readers (office, leading group, commission, organisation dept., secretary) read every announcement.
 * - The organisation's contact reads its own; a supervising leader reads those in the subtree of the grant.
 * - The organisation's contact and the office write the next steps and contact details.
 * - The three administrators never see any.
 */
import { hasAnyRole, isOffice, orgScopeMatches, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export interface OrgRef {
  id: string;
  path: string;
}

export function viewAnnouncementsRefusal(a: Actor): string | null {
  return isAdminActor(a) ? ADMIN_REFUSAL : null;
}

export function viewAnnouncementRefusal(a: Actor, org: OrgRef): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (hasAnyRole(a, WIDE_READ_ROLES) || orgScopeMatches(a, org, ["org_contact", "supervising_leader"])) return null;
  return "您无权查看该单位的整改进展情况公告";
}

export function editDetailsRefusal(a: Actor, org: OrgRef): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || orgScopeMatches(a, org, ["org_contact"])) return null;
  return "只有该单位的联络人和巡察办可以修改公告的下一步工作和联系方式";
}

export const announcementCan = (a: Actor, org: OrgRef) => ({ editDetails: editDetailsRefusal(a, org) === null });
