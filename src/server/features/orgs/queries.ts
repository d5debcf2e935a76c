/** Reading the organisation registry; other features use subtreeOf and getOrg. */
import { and, asc, desc, eq, inArray, isNull, like, or, type SQL } from "drizzle-orm";
import { ORG_KIND_LABELS, RISK_CLASS_LABELS, type OrgKind, type RiskClass } from "../../../domain/org.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, orgRiskHistory, orgs, roleGrants } from "../../db/schema.ts";
import { orgAbilities, orgScope, type OrgAbilities } from "./policy.ts";

export type OrgRow = typeof orgs.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organisations whose materialised path starts with the prefix ('/<root>/…/<id>/'): that org and all below. */
export const subtreeOf = (pathPrefix: string): SQL => like(orgs.path, `${escapeLike(pathPrefix)}%`);

/** A live organisation, or null. */
export async function getOrg(db: Db, id: string): Promise<OrgRow | null> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)));
  return row ?? null;
}

/** The actor's visible organisations as one condition; null when they see none. */
export function visibleOrgs(a: Actor): SQL | undefined | null {
  const scope = orgScope(a);
  if (scope.all) return undefined;
  if (!scope.prefixes.length) return null;
  return or(...scope.prefixes.map(subtreeOf));
}

export interface OrgItem {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  kindLabel: string;
  parentId: string | null;
  path: string;
  supervisingLeader: string | null;
  partySecretary: string | null;
  riskClass: string | null;
  riskClassLabel: string | null;
  version: number;
  can: OrgAbilities;
}

export function presentOrg(a: Actor, o: OrgRow, state: { hasChildren: boolean; inUse: boolean }): OrgItem {
  return {
    id: o.id,
    name: o.name,
    code: o.code,
    kind: o.kind,
    kindLabel: ORG_KIND_LABELS[o.kind as OrgKind] ?? o.kind,
    parentId: o.parentId,
    path: o.path,
    supervisingLeader: o.supervisingLeader,
    partySecretary: o.partySecretary,
    riskClass: o.riskClass,
    riskClassLabel: o.riskClass ? (RISK_CLASS_LABELS[o.riskClass as RiskClass] ?? o.riskClass) : null,
    version: o.version,
    can: orgAbilities(a, { id: o.id, path: o.path, kind: o.kind, ...state }),
  };
}

/**
 * Which organisations have live children, and which are referenced by an assignment or a grant.
 * Without ids: over the whole registry (cheaper than a long IN list when listing everything).
 */
export async function orgUsage(db: Db, ids?: string[]): Promise<{ withChildren: Set<string>; inUse: Set<string> }> {
  if (ids && !ids.length) return { withChildren: new Set(), inUse: new Set() };
  // One after another: inside a transaction they share one connection.
  const children = await db
    .selectDistinct({ id: orgs.parentId })
    .from(orgs)
    .where(and(ids && inArray(orgs.parentId, ids), isNull(orgs.deletedAt)));
  const assigned = await db
    .selectDistinct({ id: assignments.orgId })
    .from(assignments)
    .where(and(ids && inArray(assignments.orgId, ids), isNull(assignments.deletedAt)));
  const granted = await db
    .selectDistinct({ id: roleGrants.orgId })
    .from(roleGrants)
    .where(and(ids && inArray(roleGrants.orgId, ids), isNull(roleGrants.deletedAt)));
  const present = (id: string | null): id is string => id !== null;
  return {
    withChildren: new Set(children.map((r) => r.id).filter(present)),
    inUse: new Set([...assigned.map((r) => r.id), ...granted.map((r) => r.id).filter(present)]),
  };
}

/** The registry as the actor may see it: flat, ordered by path (parents first); the web builds the tree. */
export async function listOrgs(db: Db, a: Actor): Promise<OrgItem[]> {
  const scope = visibleOrgs(a);
  if (scope === null) return [];
  const rows = await db
    .select()
    .from(orgs)
    .where(and(isNull(orgs.deletedAt), scope))
    .orderBy(asc(orgs.path));
  const usage = await orgUsage(db, rows.length > 500 ? undefined : rows.map((r) => r.id));
  return rows.map((o) => presentOrg(a, o, { hasChildren: usage.withChildren.has(o.id), inUse: usage.inUse.has(o.id) }));
}

export interface RiskHistoryItem {
  riskClass: string;
  label: string;
  effectiveFrom: string;
  reason: string | null;
  createdAt: string;
}

/** A village's risk classes, newest first. */
export async function riskHistoryOf(db: Db, orgId: string): Promise<RiskHistoryItem[]> {
  const rows = await db
    .select()
    .from(orgRiskHistory)
    .where(and(eq(orgRiskHistory.orgId, orgId), isNull(orgRiskHistory.deletedAt)))
    .orderBy(desc(orgRiskHistory.effectiveFrom), desc(orgRiskHistory.createdAt), desc(orgRiskHistory.id));
  return rows.map((r) => ({
    riskClass: r.riskClass,
    label: RISK_CLASS_LABELS[r.riskClass as RiskClass] ?? r.riskClass,
    effectiveFrom: r.effectiveFrom,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  }));
}
