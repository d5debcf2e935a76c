/**
 * Reading a term's coverage: its scope, the organisations in it with their inspections, and the plan per year.
 * Whatever the size of the county, the figures come from one grouped query over the assignments, joined once to
 * the organisations in scope.
 */
import { and, eq, isNotNull, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import {
  byLongestWaiting,
  coverageByKind,
  planVsActual,
  yearsSince,
  type PlanYear,
  type ScopedOrg,
} from "../../../domain/coverage.ts";
import { ORG_KIND_LABELS, ORG_KINDS, RISK_CLASS_LABELS, type OrgKind, type RiskClass } from "../../../domain/org.ts";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import {
  defaultOnSiteWorkingDays,
  defaultTeamSize,
  type InspectedOrg,
  type InspectionDefaultSettings,
} from "../../../domain/round.ts";
import type { Db } from "../../db/client.ts";
import { assignments, coveragePlanYears, coverageScopes, orgs, rounds } from "../../db/schema.ts";
import { getTerm } from "../rounds/queries.ts";
import { coverageCan } from "./policy.ts";
import type { CoverageView, UninspectedView } from "./schema.ts";

const kindOrder = (k: string) => ORG_KINDS.indexOf(k as OrgKind);
const kindLabel = (k: string) => ORG_KIND_LABELS[k as OrgKind] ?? k;

export interface ScopeRow {
  id: string;
  orgKind: OrgKind;
  rootOrgId: string | null;
  rootOrgName: string | null;
  rootOrgPath: string | null;
  version: number;
}

/** The term's live scope, one row per kind, in the order of the kinds. */
export async function scopesOf(db: Db, termId: string): Promise<ScopeRow[]> {
  const rows = await db
    .select({
      id: coverageScopes.id,
      orgKind: coverageScopes.orgKind,
      rootOrgId: coverageScopes.rootOrgId,
      rootOrgName: orgs.name,
      rootOrgPath: orgs.path,
      version: coverageScopes.version,
    })
    .from(coverageScopes)
    .leftJoin(orgs, eq(orgs.id, coverageScopes.rootOrgId))
    .where(and(eq(coverageScopes.termId, termId), isNull(coverageScopes.deletedAt)));
  return rows.map((r) => ({ ...r, orgKind: r.orgKind as OrgKind })).sort((a, b) => kindOrder(a.orgKind) - kindOrder(b.orgKind));
}

export async function planYearsOf(db: Db, termId: string): Promise<Array<PlanYear & { id: string; version: number }>> {
  const rows = await db
    .select({
      id: coveragePlanYears.id,
      year: coveragePlanYears.year,
      orgKind: coveragePlanYears.orgKind,
      planned: coveragePlanYears.planned,
      version: coveragePlanYears.version,
    })
    .from(coveragePlanYears)
    .where(and(eq(coveragePlanYears.termId, termId), isNull(coveragePlanYears.deletedAt)));
  return rows.map((r) => ({ ...r, orgKind: r.orgKind as OrgKind }));
}

/** In scope: live organisations of a scope's kind, under its root's subtree when it names one. */
function inScope(scopes: readonly ScopeRow[]): SQL | undefined {
  return or(
    ...scopes.map((s) =>
      s.rootOrgPath ? and(eq(orgs.kind, s.orgKind), like(orgs.path, `${s.rootOrgPath}%`)) : eq(orgs.kind, s.orgKind),
    ),
  );
}

export interface ScopedOrgRow extends ScopedOrg {
  id: string;
  name: string;
  riskClass: string | null;
  /** Entry date of the latest inspection in any term (null: never inspected). */
  lastInspectedOn: string | null;
}

/**
 * The organisations in scope, each with the entry date of its first inspection in this term and of its latest in
 * any term. An inspection counts once its entry date is set and no later than today.
 */
export async function scopedOrgs(db: Db, termId: string, today: string, scopes: readonly ScopeRow[]): Promise<ScopedOrgRow[]> {
  if (scopes.length === 0) return [];
  const visits = db
    .select({
      orgId: assignments.orgId,
      firstInTerm: sql<string | null>`(min(${assignments.entryDate}) filter (where ${rounds.termId} = ${termId}))::text`.as(
        "first_in_term",
      ),
      lastEver: sql<string | null>`max(${assignments.entryDate})::text`.as("last_ever"),
    })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(
      and(
        isNull(assignments.deletedAt),
        isNull(rounds.deletedAt),
        isNotNull(assignments.entryDate),
        lte(assignments.entryDate, today),
      ),
    )
    .groupBy(assignments.orgId)
    .as("visits");
  return db
    .select({
      id: orgs.id,
      name: orgs.name,
      kind: orgs.kind,
      riskClass: orgs.riskClass,
      firstInTerm: visits.firstInTerm,
      lastInspectedOn: visits.lastEver,
    })
    .from(orgs)
    .leftJoin(visits, eq(visits.orgId, orgs.id))
    .where(and(isNull(orgs.deletedAt), inScope(scopes)));
}

export async function coverageOf(db: Db, actor: Actor, termId: string, today: string): Promise<CoverageView> {
  const term = await getTerm(db, termId);
  const scopes = await scopesOf(db, termId);
  const inScopeOrgs = await scopedOrgs(db, termId, today, scopes);
  const plans = await planYearsOf(db, termId);
  const kinds = scopes.map((s) => s.orgKind);
  const byKind = coverageByKind(term, today, kinds, inScopeOrgs);
  return {
    term: { id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate },
    today,
    scopes: scopes.map((s) => ({
      orgKind: s.orgKind,
      label: kindLabel(s.orgKind),
      rootOrgId: s.rootOrgId,
      rootOrgName: s.rootOrgName,
    })),
    kinds: byKind,
    years: planVsActual(term, kinds, inScopeOrgs, plans),
    warnings: byKind.flatMap((k) => (k.warning ? [k.warning] : [])),
    can: coverageCan(actor),
  };
}

export interface UninspectedFilter {
  orgKind?: OrgKind | undefined;
  page: number;
  pageSize: number;
}

/** Organisations in scope not yet inspected in the term, longest-waiting first, one page of them. */
export async function uninspectedOf(db: Db, termId: string, today: string, f: UninspectedFilter): Promise<UninspectedView> {
  await getTerm(db, termId);
  const scopes = (await scopesOf(db, termId)).filter((s) => !f.orgKind || s.orgKind === f.orgKind);
  const waiting = (await scopedOrgs(db, termId, today, scopes)).filter((o) => o.firstInTerm === null).sort(byLongestWaiting);
  const page = waiting.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  return {
    items: page.map((o) => ({
      orgId: o.id,
      name: o.name,
      orgKind: o.kind,
      orgKindLabel: kindLabel(o.kind),
      riskClass: o.riskClass,
      riskClassLabel: o.riskClass ? (RISK_CLASS_LABELS[o.riskClass as RiskClass] ?? o.riskClass) : null,
      lastInspectedOn: o.lastInspectedOn,
      yearsSince: yearsSince(o.lastInspectedOn, today),
    })),
    total: waiting.length,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** An organisation with what its inspection defaults depend on. */
export async function getOrgForDefaults(db: Db, id: string): Promise<InspectedOrg & { path: string }> {
  const [org] = await db
    .select({ kind: orgs.kind, riskClass: orgs.riskClass, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)));
  if (!org) throw notFound("单位");
  return org;
}

/** On-site length and (villages) team size from the settings; the class a village without one is treated as. */
export const inspectionDefaults = (org: InspectedOrg, settings: InspectionDefaultSettings) => ({
  onSiteWorkingDays: defaultOnSiteWorkingDays(org, settings),
  teamSize: defaultTeamSize(org, settings),
  riskClass: org.kind === "village" ? (org.riskClass ?? "normal") : null,
});
