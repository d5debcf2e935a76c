/**
 * Inspection figures: coverage of the term (as features/coverage defines it), the leading group's hearings of
 * the teams' reports (against the hearingDueDays setting, as features/reports does), and leads by class (as
 * features/leads counts them; confidential).
 */
import { and, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { LEAD_CLASS_LABELS, LEAD_CLASSES, LEAD_STATUS_LABELS, type LeadClass, type LeadStatus } from "../../../domain/lead.ts";
import { ORG_KIND_LABELS, type OrgKind } from "../../../domain/org.ts";
import { milestoneStatus } from "../../../domain/report.ts";
import { assignments, leads, orgs, rounds, terms } from "../../db/schema.ts";
import { visibleOrgRecords } from "../accountability/policy.ts";
import { scopesOf, type ScopeRow } from "../coverage/queries.ts";
import { visibleRows } from "../ledger/policy.ts";
import { visibleLeads } from "../leads/policy.ts";
import { whereOf, type FigureDef, type RecordSpec, type Row } from "./engine.ts";
import { chinaDate, inPeriod, inPeriodInstant, inSubtree, inTermRound, loadSettings, text, type StatContext } from "./filter.ts";
import { isUuid, oneOf, ratio } from "./model.ts";

// ——— coverage ———

/** The term of the filter; else the round's; else the one running today; else the latest. */
async function coverageTerm(c: StatContext): Promise<{ id: string } | null> {
  if (c.term) return c.term;
  if (c.round) return { id: c.round.termId };
  const list = await c.db
    .select({ id: terms.id, startDate: terms.startDate, endDate: terms.endDate })
    .from(terms)
    .where(isNull(terms.deletedAt));
  const latest = [...list].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return latest.find((t) => t.startDate <= c.today && c.today <= t.endDate) ?? latest[0] ?? null;
}

/** In scope: live organisations of a scope's kind, under its root's subtree when it names one (as coverage does). */
const inScope = (scopes: readonly ScopeRow[]): SQL | undefined =>
  or(
    ...scopes.map((s) =>
      s.rootOrgPath ? and(eq(orgs.kind, s.orgKind), like(orgs.path, `${s.rootOrgPath}%`)) : eq(orgs.kind, s.orgKind),
    ),
  );

/**
 * Coverage rate per kind in scope: inspected at least once in the term ÷ in scope. An inspection counts once its
 * entry date is set and no later than today; with a round, only that round's; with a period, only entries in it.
 */
export async function coverageFigure(c: StatContext): Promise<FigureDef> {
  const term = await coverageTerm(c);
  const scopes = term ? await scopesOf(c.db, term.id) : [];
  const visits = sql`(
    select ${assignments.orgId} as org_id,
      min(${assignments.entryDate}) as first_on,
      (array_agg(${assignments.id}::text order by ${assignments.entryDate}, ${assignments.id}))[1] as first_id,
      (array_agg(${rounds.name} order by ${assignments.entryDate}, ${assignments.id}))[1] as first_round
    from ${assignments} join ${rounds} on ${rounds.id} = ${assignments.roundId}
    where ${whereOf(
      isNull(assignments.deletedAt),
      isNull(rounds.deletedAt),
      sql`${assignments.entryDate} is not null`,
      sql`${assignments.entryDate} <= ${c.today}::date`,
      term ? sql`${rounds.termId} = ${term.id}` : sql`false`,
      c.round ? sql`${assignments.roundId} = ${c.round.id}` : undefined,
      inPeriod(c, assignments.entryDate),
    )}
    group by ${assignments.orgId}) as visits`;
  const inspected = sql`visits.first_on is not null`;
  return {
    measures: [
      { key: "total", label: "应巡察单位", kind: "count" },
      { key: "inspected", label: "已巡察", kind: "count" },
      { key: "uninspected", label: "未巡察", kind: "count" },
      { key: "rate", label: "覆盖率", kind: "rate" },
    ],
    parts: [
      {
        from: sql`${orgs} left join ${visits} on visits.org_id = ${orgs.id}`,
        where: scopes.length
          ? whereOf(
              isNull(orgs.deletedAt),
              inScope(scopes),
              visibleOrgRecords(c.actor, { orgId: orgs.id, orgPath: orgs.path }),
              inSubtree(c, orgs.path),
            )
          : sql`false`,
        key: sql`${orgs.kind}`,
        match: (g) => sql`${orgs.kind} = ${g}`,
        counts: { total: sql`true`, inspected, uninspected: sql`not (${inspected})` },
        records: {
          columns: [
            { key: "org", title: "单位" },
            { key: "kind", title: "单位类型" },
            { key: "firstOn", title: "本届首次进驻" },
            { key: "round", title: "巡察轮次" },
          ],
          select: {
            id: sql`${orgs.id}::text`,
            org: sql`${orgs.name}`,
            kind: sql`${orgs.kind}`,
            firstOn: sql`visits.first_on::text`,
            firstId: sql`visits.first_id`,
            round: sql`visits.first_round`,
          },
          order: sql`${orgs.name}, ${orgs.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: r.firstId ? `/assignments/${String(r.firstId)}` : null,
            cells: {
              org: text(r.org),
              kind: ORG_KIND_LABELS[r.kind as OrgKind] ?? text(r.kind),
              firstOn: text(r.firstOn),
              round: text(r.round),
            },
          }),
        },
      },
    ],
    fixedGroups: scopes.map((s) => ({ key: s.orgKind, label: ORG_KIND_LABELS[s.orgKind] })),
    label: (k) => ORG_KIND_LABELS[k as OrgKind] ?? k,
    rates: { rate: (own) => ratio(own.inspected, own.total) },
    validGroup: oneOf(Object.keys(ORG_KIND_LABELS)),
  };
}

// ——— hearings ———

/**
 * The leading group's hearings of the teams' reports, by round, over assignments with a withdrawal date: due
 * hearingDueDays calendar days after withdrawal. Held, held late, and not held past due. With a period: hearings
 * held in it, and those not held whose due date falls in it.
 */
export async function hearingsFigure(c: StatContext): Promise<FigureDef> {
  const { hearingDueDays } = await loadSettings(c.db);
  const due = sql`(${assignments.withdrawalDate} + ${hearingDueDays}::int)`;
  const held = sql`${assignments.hearingDate} is not null`;
  const period =
    c.filter.from || c.filter.to
      ? sql`((${held} and ${whereOf(inPeriod(c, assignments.hearingDate))}) or (${assignments.hearingDate} is null and ${whereOf(inPeriod(c, due))}))`
      : undefined;
  return {
    measures: [
      { key: "assignments", label: "应听取汇报", kind: "count" },
      { key: "hearings", label: "已听取汇报", kind: "count" },
      { key: "late", label: "逾期听取", kind: "count" },
      { key: "overdue", label: "逾期未听取", kind: "count" },
      { key: "onTimeRate", label: "按时听取率", kind: "rate" },
    ],
    parts: [
      {
        from: sql`${assignments}
          join ${rounds} on ${rounds.id} = ${assignments.roundId}
          join ${orgs} on ${orgs.id} = ${assignments.orgId}`,
        where: whereOf(
          isNull(assignments.deletedAt),
          isNull(rounds.deletedAt),
          sql`${assignments.withdrawalDate} is not null`,
          visibleRows(c.actor, { orgId: assignments.orgId, orgPath: orgs.path, teamId: assignments.teamId }),
          inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }),
          inSubtree(c, orgs.path),
          period,
        ),
        key: sql`${assignments.roundId}`,
        match: (g) => sql`${assignments.roundId} = ${g}`,
        label: sql`${rounds.name}`,
        order: sql`${rounds.startDate}`,
        counts: {
          assignments: sql`true`,
          hearings: held,
          late: sql`(${held} and ${assignments.hearingDate} > ${due})`,
          overdue: sql`(${assignments.hearingDate} is null and ${due} < ${c.today}::date)`,
        },
        records: {
          columns: [
            { key: "org", title: "被巡察单位" },
            { key: "round", title: "巡察轮次" },
            { key: "withdrawal", title: "撤点日期" },
            { key: "due", title: "应听取日期" },
            { key: "hearing", title: "听取汇报日期" },
            { key: "state", title: "情况" },
          ],
          select: {
            id: sql`${assignments.id}::text`,
            org: sql`${orgs.name}`,
            round: sql`${rounds.name}`,
            withdrawal: sql`${assignments.withdrawalDate}::text`,
            due: sql`${due}::text`,
            hearing: sql`${assignments.hearingDate}::text`,
          },
          order: sql`${rounds.startDate}, ${assignments.withdrawalDate}, ${orgs.name}, ${assignments.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: `/assignments/${String(r.id)}`,
            cells: {
              org: text(r.org),
              round: text(r.round),
              withdrawal: text(r.withdrawal),
              due: text(r.due),
              hearing: text(r.hearing),
              state: milestoneStatus(String(r.due), text(r.hearing), c.today).label,
            },
          }),
        },
      },
    ],
    rates: { onTimeRate: (own) => ratio((own.hearings ?? 0) - (own.late ?? 0), (own.hearings ?? 0) + (own.overdue ?? 0)) },
    validGroup: isUuid,
  };
}

// ——— leads ———

export const leadsFrom = sql`${leads}
  join ${assignments} on ${assignments.id} = ${leads.assignmentId}
  join ${rounds} on ${rounds.id} = ${assignments.roundId}
  join ${orgs} on ${orgs.id} = ${leads.orgId}`;

/** Live leads the actor may see (leads/policy visibleLeads), within the term, round and organisation subtree. */
export const leadsScope = (c: StatContext): SQL =>
  whereOf(
    isNull(leads.deletedAt),
    visibleLeads(c.actor, { teamId: assignments.teamId }),
    inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }),
    inSubtree(c, orgs.path),
  );

/** The day a lead was registered. */
export const leadRegistered = chinaDate(leads.createdAt);

export const leadRecords: RecordSpec = {
  columns: [
    { key: "org", title: "被巡察单位" },
    { key: "round", title: "巡察轮次" },
    { key: "leadClass", title: "线索类别" },
    { key: "summary", title: "线索摘要" },
    { key: "responsible", title: "责任人（单位）" },
    { key: "transferredOn", title: "移交日期" },
    { key: "status", title: "处置情况" },
  ],
  select: {
    id: sql`${leads.id}::text`,
    org: sql`${orgs.name}`,
    round: sql`${rounds.name}`,
    leadClass: sql`${leads.leadClass}`,
    summary: sql`left(${leads.summary}, 60)`,
    person: sql`${leads.responsiblePerson}`,
    unit: sql`${leads.responsibleUnit}`,
    transferredOn: sql`${leads.transferredOn}::text`,
    status: sql`${leads.status}`,
  },
  order: sql`${orgs.name}, ${leads.createdAt}, ${leads.id}`,
  present: (r: Row) => ({
    id: String(r.id),
    href: `/leads?lead=${String(r.id)}`,
    cells: {
      org: text(r.org),
      round: text(r.round),
      leadClass: LEAD_CLASS_LABELS[r.leadClass as LeadClass] ?? text(r.leadClass),
      summary: text(r.summary),
      responsible: text(r.person)?.trim() || (r.unit ? `（单位）${String(r.unit)}` : null),
      transferredOn: text(r.transferredOn),
      status: LEAD_STATUS_LABELS[r.status as LeadStatus] ?? text(r.status),
    },
  }),
};

/**
 * Leads by class, as the leads feature counts them: filed = case filed (立案); filing rate = filed ÷ transferred;
 * naming a person = a responsible person is named (明确到人). Only the leads the actor may see; a lead counts in
 * the period of the day it was registered.
 */
export function leadsFigure(c: StatContext): FigureDef {
  const named = sql`nullif(btrim(${leads.responsiblePerson}), '') is not null`;
  return {
    measures: [
      { key: "leads", label: "问题线索", kind: "count" },
      { key: "transferred", label: "已移交", kind: "count" },
      { key: "filed", label: "已立案", kind: "count" },
      { key: "filingRate", label: "立案率", kind: "rate" },
      { key: "namingPerson", label: "明确到人", kind: "count" },
      { key: "namingRate", label: "明确到人比例", kind: "rate" },
    ],
    parts: [
      {
        from: leadsFrom,
        where: whereOf(leadsScope(c), inPeriodInstant(c, leads.createdAt)),
        key: sql`${leads.leadClass}`,
        match: (g) => sql`${leads.leadClass} = ${g}`,
        counts: {
          leads: sql`true`,
          transferred: sql`${leads.transferredOn} is not null`,
          filed: sql`${leads.status} = 'case_filed'`,
          namingPerson: named,
        },
        records: leadRecords,
      },
    ],
    fixedGroups: LEAD_CLASSES.map((k) => ({ key: k, label: LEAD_CLASS_LABELS[k] })),
    label: (k) => LEAD_CLASS_LABELS[k as LeadClass] ?? k,
    rates: {
      filingRate: (own) => ratio(own.filed, own.transferred),
      namingRate: (own) => ratio(own.namingPerson, own.leads),
    },
    validGroup: oneOf(LEAD_CLASSES),
  };
}
