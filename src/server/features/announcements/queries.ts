/** Reading what an announcement is written from: the assignment, its feedback tree and ledger, the details, the names. */
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { AnnouncementDetails } from "../../../domain/announcement.ts";
import { notFound } from "../../../domain/errors.ts";
import type { LedgerStatus, ProgressState } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  accountabilityActions,
  announcementDetails,
  assignments,
  evidenceFiles,
  feedbackAspects,
  feedbackProblems,
  ledgerNotes,
  ledgerRows,
  orgs,
  rounds,
  teams,
  users,
} from "../../db/schema.ts";
import type { SourceAspect, SourceRow } from "./document.ts";
import { announcementCan, viewAnnouncementRefusal } from "./policy.ts";

const head = {
  id: assignments.id,
  orgId: assignments.orgId,
  orgPath: orgs.path,
  orgName: orgs.name,
  roundId: assignments.roundId,
  roundName: rounds.name,
  roundKind: rounds.kind,
  roundStartDate: rounds.startDate,
  teamName: teams.name,
  entryDate: assignments.entryDate,
  withdrawalDate: assignments.withdrawalDate,
  feedbackDate: assignments.feedbackDate,
};

const headQuery = (db: Db) =>
  db
    .select(head)
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(teams, eq(teams.id, assignments.teamId));

export type AnnouncementHead = Awaited<ReturnType<typeof getAnnouncementHead>>;

export async function getAnnouncementHead(db: Db, assignmentId: string) {
  const [a] = await headQuery(db).where(and(eq(assignments.id, assignmentId), isNull(assignments.deletedAt)));
  if (!a) throw notFound("巡察任务");
  return a;
}

/** The assignments whose announcement the actor may read, newest round first (the policy decides, per organisation). */
/** Assignments whose feedback is registered: only they have something to announce. */
export async function listAnnouncementAssignments(db: Db, actor: Actor) {
  const rows = await headQuery(db)
    .where(
      and(
        isNull(assignments.deletedAt),
        sql`exists (select 1 from feedback_aspects fa where fa.assignment_id = ${assignments.id} and fa.deleted_at is null)`,
      ),
    )
    .orderBy(desc(rounds.startDate), asc(rounds.name), asc(orgs.name), asc(assignments.id));
  return rows
    .filter((r) => viewAnnouncementRefusal(actor, { id: r.orgId, path: r.orgPath }) === null)
    .map(({ orgPath, ...r }) => ({ ...r, can: announcementCan(actor, { id: r.orgId, path: orgPath }) }));
}

export async function detailsRecord(db: Db, assignmentId: string) {
  const [d] = await db
    .select()
    .from(announcementDetails)
    .where(and(eq(announcementDetails.assignmentId, assignmentId), isNull(announcementDetails.deletedAt)));
  return d ?? null;
}

export function presentDetails(d: Awaited<ReturnType<typeof detailsRecord>>): AnnouncementDetails {
  return {
    id: d?.id ?? null,
    issuer: d?.issuer ?? null,
    nextSteps: d?.nextSteps ?? null,
    contactPhone: d?.contactPhone ?? null,
    contactAddress: d?.contactAddress ?? null,
    contactPostcode: d?.contactPostcode ?? null,
    contactEmail: d?.contactEmail ?? null,
    contactHours: d?.contactHours ?? null,
    version: d?.version ?? null,
    updatedAt: d?.updatedAt.toISOString() ?? null,
  };
}

/** Aspects → problems → rows (the feedback's rows, not a campaign's self-check rows), with notes and evidence counts. */
export async function feedbackTree(db: Db, assignmentId: string): Promise<SourceAspect[]> {
  const aspects = await db
    .select({ id: feedbackAspects.id, seq: feedbackAspects.seq, title: feedbackAspects.title })
    .from(feedbackAspects)
    .where(and(eq(feedbackAspects.assignmentId, assignmentId), isNull(feedbackAspects.deletedAt)))
    .orderBy(asc(feedbackAspects.seq));
  const problems = await db
    .select({
      id: feedbackProblems.id,
      aspectId: feedbackProblems.aspectId,
      seq: feedbackProblems.seq,
      text: feedbackProblems.text,
    })
    .from(feedbackProblems)
    .where(and(eq(feedbackProblems.assignmentId, assignmentId), isNull(feedbackProblems.deletedAt)))
    .orderBy(asc(feedbackProblems.seq));
  const live = and(eq(ledgerRows.assignmentId, assignmentId), isNull(ledgerRows.deletedAt), isNull(ledgerRows.campaignId));
  const rows = await db
    .select({
      id: ledgerRows.id,
      problemId: ledgerRows.problemId,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      measures: ledgerRows.measures,
      responsibleLeader: ledgerRows.responsibleLeader,
      responsibleDepartment: ledgerRows.responsibleDepartment,
      deadline: ledgerRows.deadline,
      status: ledgerRows.status,
      progress: ledgerRows.progress,
    })
    .from(ledgerRows)
    .where(and(live, isNotNull(ledgerRows.problemId)))
    .orderBy(asc(ledgerRows.seq), asc(ledgerRows.id));
  const notes = await db
    .select({ rowId: ledgerNotes.rowId, noteDate: ledgerNotes.noteDate, text: ledgerNotes.text })
    .from(ledgerNotes)
    .innerJoin(ledgerRows, eq(ledgerRows.id, ledgerNotes.rowId))
    .where(and(live, isNull(ledgerNotes.deletedAt)))
    .orderBy(asc(ledgerNotes.noteDate), asc(ledgerNotes.createdAt), asc(ledgerNotes.id));
  const evidence = await db
    .select({ rowId: evidenceFiles.rowId, n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .innerJoin(ledgerRows, eq(ledgerRows.id, evidenceFiles.rowId))
    .where(and(live, isNull(evidenceFiles.deletedAt)))
    .groupBy(evidenceFiles.rowId);
  const evidenceOf = new Map(evidence.map((e) => [e.rowId, Number(e.n)]));
  const notesOf = new Map<string, SourceRow["notes"]>();
  for (const n of notes) notesOf.set(n.rowId, [...(notesOf.get(n.rowId) ?? []), { noteDate: n.noteDate, text: n.text }]);
  const rowsOf = new Map<string, SourceRow[]>();
  for (const r of rows) {
    const list = rowsOf.get(r.problemId!) ?? [];
    list.push({
      seqLabel: r.seqLabel,
      text: r.text,
      measures: r.measures,
      responsibleLeader: r.responsibleLeader,
      responsibleDepartment: r.responsibleDepartment,
      deadline: r.deadline,
      status: r.status as LedgerStatus,
      progress: r.progress as ProgressState,
      notes: notesOf.get(r.id) ?? [],
      evidenceCount: evidenceOf.get(r.id) ?? 0,
    });
    rowsOf.set(r.problemId!, list);
  }
  return aspects.map((a) => ({
    seq: a.seq,
    title: a.title,
    problems: problems
      .filter((p) => p.aspectId === a.id)
      .map((p) => ({ seq: p.seq, text: p.text, rows: rowsOf.get(p.id) ?? [] })),
  }));
}

/**
 * Every personal name the records know that may appear in this organisation's announcement: the responsible
 * leaders of its ledger rows, the party secretaries and supervising leaders of all organisations, the users'
 * display names, and the people named in accountability actions. (Only the organisation's own rows are read for
 * responsible leaders: the ledger may hold a million rows, and other organisations' leaders are also found
 * among the organisations' and users' names.) A field naming several people ("张三、李四") gives each of them.
 */
export async function knownNames(db: Db, orgId: string): Promise<string[]> {
  const leaders = await db
    .selectDistinct({ name: ledgerRows.responsibleLeader })
    .from(ledgerRows)
    .where(and(eq(ledgerRows.orgId, orgId), isNull(ledgerRows.deletedAt), isNotNull(ledgerRows.responsibleLeader)));
  const people = await db
    .select({ secretary: orgs.partySecretary, leader: orgs.supervisingLeader })
    .from(orgs)
    .where(and(isNull(orgs.deletedAt), sql`(${orgs.partySecretary} is not null or ${orgs.supervisingLeader} is not null)`));
  const accounts = await db.select({ name: users.displayName }).from(users).where(isNull(users.deletedAt));
  const accountable = await db
    .selectDistinct({ name: accountabilityActions.personName })
    .from(accountabilityActions)
    .where(and(isNull(accountabilityActions.deletedAt), isNotNull(accountabilityActions.personName)));
  const names = [
    ...leaders.map((l) => l.name),
    ...people.flatMap((p) => [p.secretary, p.leader]),
    ...accounts.map((u) => u.name),
    ...accountable.map((a) => a.name),
  ];
  return [...new Set(names.flatMap((n) => (n ?? "").split(/[、，,；;/\s]+/)).filter(Boolean))];
}
