/** Roles from the glossary. Team positions are held per team (and so per assignment), not granted globally. */
export const GRANTABLE_ROLES = [
  "office_staff",
  "office_head",
  "leading_group",
  "commission",
  "org_dept",
  "org_contact",
  "supervising_leader",
  "functional_dept",
  "secretary",
  "system_admin",
  "security_admin",
  "audit_admin",
] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const TEAM_POSITIONS = ["leader", "deputy_leader", "member", "liaison"] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];

export const ROLE_LABELS: Record<GrantableRole, string> = {
  office_staff: "巡察办工作人员",
  office_head: "巡察办主任",
  leading_group: "巡察工作领导小组",
  commission: "纪委监委",
  org_dept: "组织部",
  org_contact: "被巡察单位联络人",
  supervising_leader: "分管（联系）领导",
  functional_dept: "职能部门",
  secretary: "书记",
  system_admin: "系统管理员",
  security_admin: "安全保密管理员",
  audit_admin: "安全审计员",
};

export const TEAM_POSITION_LABELS: Record<TeamPosition, string> = {
  leader: "组长",
  deputy_leader: "副组长",
  member: "成员",
  liaison: "联络员",
};

/** The three administrators (三员): separate powers, and none of them sees business records. */
export const ADMIN_ROLES = ["system_admin", "security_admin", "audit_admin"] as const satisfies readonly GrantableRole[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (r: GrantableRole): r is AdminRole => (ADMIN_ROLES as readonly string[]).includes(r);

/** Roles whose grant must name an organisation: the grant's scope is that organisation (and, for leaders, its subtree). */
export const ORG_SCOPED_ROLES: readonly GrantableRole[] = ["org_contact", "supervising_leader", "functional_dept"];

/** Roles that see every organisation's rectification (read), by office duty. */
export const WIDE_READ_ROLES: readonly GrantableRole[] = [
  "office_staff",
  "office_head",
  "leading_group",
  "commission",
  "org_dept",
  "secretary",
];

export interface Grant {
  role: GrantableRole;
  /** For org-scoped roles: the organisation id and its materialised path (for subtree checks). */
  orgId: string | null;
  orgPath: string | null;
}

export interface TeamSeat {
  teamId: string;
  position: TeamPosition;
}

/** Who is acting: everything a policy needs to decide, loaded once per request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  teamSeats: TeamSeat[];
  mustChangePassword: boolean;
}

export const hasRole = (a: Actor, role: GrantableRole): boolean => a.grants.some((g) => g.role === role);
export const hasAnyRole = (a: Actor, roles: readonly GrantableRole[]): boolean => a.grants.some((g) => roles.includes(g.role));
export const isOffice = (a: Actor): boolean => hasAnyRole(a, ["office_staff", "office_head"]);

/** Org ids this actor may see through an org-scoped grant, as path prefixes (subtree) or exact ids. */
export function orgScopeMatches(a: Actor, org: { id: string; path: string }, roles: readonly GrantableRole[]): boolean {
  return a.grants.some((g) => {
    if (!roles.includes(g.role) || !g.orgId) return false;
    if (g.role === "org_contact") return g.orgId === org.id;
    return g.orgPath !== null && org.path.startsWith(g.orgPath);
  });
}

/** What the signed-in user may reach: the web builds its menu from this; each route still checks. */
export interface Capabilities {
  manageUsers: boolean;
  manageSettings: boolean;
  manageGrants: boolean;
  readAudit: boolean;
  viewOrgs: boolean;
  manageOrgs: boolean;
  viewRounds: boolean;
  manageRounds: boolean;
  viewFindings: boolean;
  viewLedger: boolean;
  registerFeedback: boolean;
  viewFigures: boolean;
  viewDirectives: boolean;
  /** Every directive and the secretary's meetings (an owner without it sees only the directives they own). */
  viewAllDirectives: boolean;
  /** Rectification plans: the organisation writes, the office, commission and organisation dept. review. */
  viewPlans: boolean;
  /** The notification centre: every business user. */
  viewNotifications: boolean;
  /** Supervision, re-assignment, reminder and recommendation letters (sent by the office, answered by addressees). */
  viewLetters: boolean;
  /** Common problems and fix-alike campaigns. */
  viewCommonProblems: boolean;
  /** Concentrated rectification period: meeting, progress report, dual disclosure, and who missed them. */
  viewPeriods: boolean;
  /** Evaluation (grades) and revisits. */
  viewEvaluations: boolean;
  /** Accountability and rules made. */
  viewAccountability: boolean;
  /** Progress announcement previews. */
  viewAnnouncements: boolean;
  /** Coverage plan (全覆盖) of terms. */
  viewCoverage: boolean;
  /** Talent pool and trainings. */
  viewPool: boolean;
  /** Leads (confidential): office head, team leaders (their assignments), commission. */
  viewLeads: boolean;
  /** Report deadlines and hearings of rounds. */
  viewReports: boolean;
  /** The office's document particulars and templates (公文模板): the office edits, everyone who generates reads. */
  manageDocuments: boolean;
  /** Excel ledger import (column mapping, dry run, commit): the office. */
  importLedger: boolean;
  /** Dashboards and the statistics API (统计分析): those who see the figures. */
  viewStats: boolean;
}

export function capabilitiesOf(a: Actor): Capabilities {
  const office = isOffice(a);
  const wide = hasAnyRole(a, WIDE_READ_ROLES);
  const onTeam = a.teamSeats.length > 0;
  const scoped = hasAnyRole(a, ORG_SCOPED_ROLES);
  return {
    manageUsers: hasRole(a, "system_admin"),
    manageSettings: hasRole(a, "system_admin"),
    manageGrants: hasRole(a, "security_admin"),
    readAudit: hasRole(a, "audit_admin"),
    viewOrgs: wide || hasRole(a, "supervising_leader"),
    manageOrgs: office,
    viewRounds: wide || onTeam,
    manageRounds: office,
    viewFindings: office || onTeam || hasAnyRole(a, ["leading_group", "secretary"]),
    viewLedger: wide || onTeam || scoped,
    registerFeedback: office,
    viewFigures: wide || hasRole(a, "supervising_leader"),
    viewDirectives: wide,
    viewAllDirectives: wide,
    viewPlans: wide || onTeam || scoped,
    viewNotifications: onTeam || a.grants.some((g) => !isAdminRole(g.role)),
    viewLetters: wide || scoped,
    viewCommonProblems: wide || hasRole(a, "functional_dept"),
    viewPeriods: wide || scoped,
    viewEvaluations: wide,
    viewAccountability: wide,
    viewAnnouncements: wide || scoped,
    viewCoverage: wide,
    viewPool: office || hasRole(a, "org_dept"),
    viewLeads: hasAnyRole(a, ["office_head", "commission"]) || a.teamSeats.some((s) => s.position === "leader"),
    viewReports: wide || onTeam,
    manageDocuments: office,
    importLedger: office,
    viewStats: wide || hasRole(a, "supervising_leader"),
  };
}
