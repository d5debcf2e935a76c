/**
 * Who may see and change the organisation registry: pure functions of the actor and the record's state.
 * The office keeps the registry; wide readers see all of it; a supervising leader sees the subtrees of
 * their grants. The three administrators never see business records, whatever else they hold.
 */
import { hasAnyRole, isOffice, ADMIN_ROLES, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";

/** All organisations, the subtrees under these path prefixes, or none. */
export type OrgScope = { all: true } | { all: false; prefixes: string[] };

export interface OrgState {
  id: string;
  path: string;
  kind: string;
  /** Live children under it: it cannot be deleted then. */
  hasChildren: boolean;
  /** Referenced by an assignment or a grant: it cannot be deleted then. */
  inUse: boolean;
}

export interface OrgAbilities {
  update: boolean;
  delete: boolean;
  setRiskClass: boolean;
}

const isAdmin = (a: Actor) => hasAnyRole(a, ADMIN_ROLES);

export function orgScope(a: Actor): OrgScope {
  if (isAdmin(a)) return { all: false, prefixes: [] };
  if (hasAnyRole(a, WIDE_READ_ROLES)) return { all: true };
  const prefixes = a.grants.filter((g) => g.role === "supervising_leader" && g.orgPath).map((g) => g.orgPath!);
  return { all: false, prefixes };
}

export const canViewOrgs = (a: Actor): boolean => {
  const s = orgScope(a);
  return s.all || s.prefixes.length > 0;
};

export function canViewOrg(a: Actor, org: { path: string }): boolean {
  const s = orgScope(a);
  return s.all || s.prefixes.some((p) => org.path.startsWith(p));
}

export const canManageOrgs = (a: Actor): boolean => !isAdmin(a) && isOffice(a);

export function orgAbilities(a: Actor, org: OrgState): OrgAbilities {
  const manage = canManageOrgs(a);
  return {
    update: manage,
    delete: manage && !org.hasChildren && !org.inUse,
    setRiskClass: manage && org.kind === "village",
  };
}

/** Refusals, in the user's words. */
export const REFUSE_VIEW = "您没有查看被巡察单位的权限";
export const REFUSE_VIEW_ONE = "您无权查看该单位";
export const REFUSE_MANAGE = "只有巡察办工作人员可以维护被巡察单位";
