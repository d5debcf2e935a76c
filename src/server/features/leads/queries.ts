/** Reading leads (only those the reader may see), with what the reader may do to each, and their figures. */
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import {
  CONCLUDED_FORM_LABELS,
  isLeadHandledLate,
  isLeadOverdue,
  LEAD_CLASS_LABELS,
  LEAD_PERSON_RANK_LABELS,
  LEAD_STATUS_LABELS,
  leadDueOn,
  leadFigures,
  leadHandledOn,
  type ConcludedForm,
  type LeadClass,
  type LeadFigures,
  type LeadPersonRank,
  type LeadStatus,
} from "../../../domain/lead.ts";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, leadPeople, leads, orgs, rounds, teams } from "../../db/schema.ts";
import { canViewLead, leadCan, visibleLeads } from "./policy.ts";
import type { LeadView } from "./schema.ts";

type LeadRow = typeof leads.$inferSelect;
type PersonRow = typeof leadPeople.$inferSelect;

export interface JoinedLead {
  lead: LeadRow;
  teamId: string;
  teamName: string;
  roundId: string;
  roundName: string;
  orgName: string;
  entryDate: string | null;
  withdrawalDate: string | null;
}

const joined = (db: Db) =>
  db
    .select({
      lead: leads,
      teamId: assignments.teamId,
      teamName: teams.name,
      roundId: assignments.roundId,
      roundName: rounds.name,
      orgName: orgs.name,
      entryDate: assignments.entryDate,
      withdrawalDate: assignments.withdrawalDate,
    })
    .from(leads)
    .innerJoin(assignments, eq(assignments.id, leads.assignmentId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(orgs, eq(orgs.id, leads.orgId));

/**
 * One lead, for someone who may see it. For anyone else it does not exist: the same answer as for a wrong id, so
 * that nobody learns a confidential lead is there.
 */
export async function getLead(db: Db, actor: Actor, id: string): Promise<JoinedLead> {
  const [row] = await joined(db).where(and(eq(leads.id, id), isNull(leads.deletedAt)));
  if (!row || !canViewLead(actor, row)) throw notFound("问题线索");
  return row;
}

export async function peopleOf(db: Db, leadIds: string[]): Promise<Map<string, PersonRow[]>> {
  const out = new Map<string, PersonRow[]>();
  if (!leadIds.length) return out;
  const rows = await db
    .select()
    .from(leadPeople)
    .where(and(inArray(leadPeople.leadId, leadIds), isNull(leadPeople.deletedAt)))
    .orderBy(asc(leadPeople.createdAt), asc(leadPeople.id));
  for (const p of rows) out.set(p.leadId, [...(out.get(p.leadId) ?? []), p]);
  return out;
}

export function presentLead(actor: Actor, today: string, months: number, j: JoinedLead, people: PersonRow[]): LeadView {
  const l = j.lead;
  return {
    id: l.id,
    assignmentId: l.assignmentId,
    roundId: j.roundId,
    roundName: j.roundName,
    teamId: j.teamId,
    teamName: j.teamName,
    orgId: l.orgId,
    orgName: j.orgName,
    entryDate: j.entryDate,
    withdrawalDate: j.withdrawalDate,
    leadClass: l.leadClass,
    leadClassLabel: LEAD_CLASS_LABELS[l.leadClass as LeadClass] ?? l.leadClass,
    summary: l.summary,
    responsiblePerson: l.responsiblePerson,
    responsibleUnit: l.responsibleUnit,
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      position: p.position,
      rank: p.rank,
      rankLabel: LEAD_PERSON_RANK_LABELS[p.rank as LeadPersonRank] ?? p.rank,
    })),
    preReview: l.preReview,
    transferredOn: l.transferredOn,
    receivingOffice: l.receivingOffice,
    duringInspection: l.transferredOn ? l.duringInspection : null,
    status: l.status,
    statusLabel: LEAD_STATUS_LABELS[l.status as LeadStatus] ?? l.status,
    preliminaryOn: l.preliminaryOn,
    filedOn: l.filedOn,
    concludedOn: l.concludedOn,
    concludedForm: l.concludedForm,
    concludedFormLabel: l.concludedForm ? (CONCLUDED_FORM_LABELS[l.concludedForm as ConcludedForm] ?? l.concludedForm) : null,
    handlingNote: l.handlingNote,
    dueOn: leadDueOn(l.transferredOn, months),
    handledOn: leadHandledOn(l),
    overdue: isLeadOverdue(l, today, months),
    handledLate: isLeadHandledLate(l, months),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
    can: leadCan(actor, { teamId: j.teamId, status: l.status, transferredOn: l.transferredOn }),
  };
}

export async function viewLead(db: Db, actor: Actor, today: string, months: number, id: string): Promise<LeadView> {
  const j = await getLead(db, actor, id);
  const people = await peopleOf(db, [id]);
  return presentLead(actor, today, months, j, people.get(id) ?? []);
}

export interface LeadFilter {
  termId?: string | undefined;
  roundId?: string | undefined;
  assignmentId?: string | undefined;
  status?: LeadStatus | undefined;
  overdue?: boolean | undefined;
}

/** The live leads the actor may see, narrowed by the filter (the overdue filter is applied by the caller). */
function visibleWhere(actor: Actor, f: LeadFilter): SQL | undefined {
  const where: Array<SQL | undefined> = [isNull(leads.deletedAt), visibleLeads(actor, { teamId: assignments.teamId })];
  if (f.termId) where.push(eq(rounds.termId, f.termId));
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.assignmentId) where.push(eq(leads.assignmentId, f.assignmentId));
  if (f.status) where.push(eq(leads.status, f.status));
  return and(...where);
}

export async function listLeads(db: Db, actor: Actor, today: string, months: number, f: LeadFilter): Promise<LeadView[]> {
  const rows = await joined(db)
    .where(visibleWhere(actor, f))
    .orderBy(desc(rounds.startDate), asc(orgs.name), asc(leads.createdAt), asc(leads.id));
  const people = await peopleOf(
    db,
    rows.map((r) => r.lead.id),
  );
  const items = rows.map((r) => presentLead(actor, today, months, r, people.get(r.lead.id) ?? []));
  // Overdue depends on month arithmetic of the setting: the domain's rule decides, not a second copy in SQL.
  return f.overdue === undefined ? items : items.filter((l) => l.overdue === f.overdue);
}

export async function figuresOf(
  db: Db,
  actor: Actor,
  today: string,
  months: number,
  f: Pick<LeadFilter, "termId" | "roundId">,
): Promise<LeadFigures> {
  const rows = await db
    .select({
      id: leads.id,
      leadClass: leads.leadClass,
      status: leads.status,
      responsiblePerson: leads.responsiblePerson,
      responsibleUnit: leads.responsibleUnit,
      duringInspection: leads.duringInspection,
      transferredOn: leads.transferredOn,
      preliminaryOn: leads.preliminaryOn,
      filedOn: leads.filedOn,
      concludedOn: leads.concludedOn,
    })
    .from(leads)
    .innerJoin(assignments, eq(assignments.id, leads.assignmentId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(visibleWhere(actor, f));
  const people = [
    ...(
      await peopleOf(
        db,
        rows.map((r) => r.id),
      )
    ).values(),
  ].flat();
  return leadFigures(rows, people, today, months);
}
