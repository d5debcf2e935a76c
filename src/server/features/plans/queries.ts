/** Reading rectification plans, their versions and opinions, with what the reader may do to each plan. */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { WorkCalendar } from "../../../domain/calendar.ts";
import { notFound } from "../../../domain/errors.ts";
import {
  isPlanOverdue,
  OPINION_ROLE_LABELS,
  PLAN_DECISION_LABELS,
  PLAN_STATUS_LABELS,
  planDueDate,
  planEntriesSchema,
  syncEntries,
  type OpinionRole,
  type PlanDecision,
  type PlanEntry,
  type PlanListStatus,
  type PlanRow,
} from "../../../domain/plan.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  assignments,
  feedbackAspects,
  feedbackProblems,
  ledgerRows,
  orgs,
  planOpinions,
  planVersions,
  rectificationPlans,
  rounds,
  users,
} from "../../db/schema.ts";
import { visibleRows } from "../ledger/policy.ts";
import { planCan, type PlanState } from "./policy.ts";
import type { PlanDetail, PlanListItem, PlanOpinionView, PlanVersionView } from "./schema.ts";

/** A ledger row of the assignment as the plan needs it, with what approval checks before copying onto it. */
export type PlanLedgerRow = PlanRow & { status: string; version: number };

/** The assignment's live ledger rows in feedback order: aspect, problem, row. */
export async function planRowsOf(db: Db, assignmentId: string): Promise<PlanLedgerRow[]> {
  return db
    .select({
      id: ledgerRows.id,
      seqLabel: ledgerRows.seqLabel,
      problemText: feedbackProblems.text,
      text: ledgerRows.text,
      measures: ledgerRows.measures,
      responsibleLeader: ledgerRows.responsibleLeader,
      responsibleDepartment: ledgerRows.responsibleDepartment,
      deadline: ledgerRows.deadline,
      status: ledgerRows.status,
      version: ledgerRows.version,
    })
    .from(ledgerRows)
    .leftJoin(feedbackProblems, eq(feedbackProblems.id, ledgerRows.problemId))
    .leftJoin(feedbackAspects, eq(feedbackAspects.id, feedbackProblems.aspectId))
    .where(and(eq(ledgerRows.assignmentId, assignmentId), isNull(ledgerRows.deletedAt)))
    .orderBy(
      sql`${feedbackAspects.seq} asc nulls last`,
      sql`${feedbackProblems.seq} asc nulls last`,
      asc(ledgerRows.seq),
      asc(ledgerRows.id),
    );
}

/** The assignment with what the policy needs, for creating a plan. */
export async function assignmentOf(db: Db, id: string) {
  const [a] = await db
    .select({
      id: assignments.id,
      orgId: assignments.orgId,
      orgPath: orgs.path,
      teamId: assignments.teamId,
      feedbackDate: assignments.feedbackDate,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(eq(assignments.id, id), isNull(assignments.deletedAt)));
  return a ?? null;
}

export async function planOfAssignment(db: Db, assignmentId: string) {
  const [p] = await db
    .select({ id: rectificationPlans.id })
    .from(rectificationPlans)
    .where(and(eq(rectificationPlans.assignmentId, assignmentId), isNull(rectificationPlans.deletedAt)));
  return p ?? null;
}

const current = alias(planVersions, "current_plan_version");

const planColumns = {
  plan: rectificationPlans,
  orgName: orgs.name,
  orgPath: orgs.path,
  teamId: assignments.teamId,
  roundId: assignments.roundId,
  roundName: rounds.name,
  feedbackDate: assignments.feedbackDate,
  submittedBy: current.submittedBy,
  submittedAt: current.submittedAt,
};

export type LoadedPlan = Awaited<ReturnType<typeof getPlan>>;

export async function getPlan(db: Db, id: string) {
  const [row] = await db
    .select(planColumns)
    .from(rectificationPlans)
    .innerJoin(assignments, eq(assignments.id, rectificationPlans.assignmentId))
    .innerJoin(orgs, eq(orgs.id, rectificationPlans.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .leftJoin(current, and(eq(current.planId, rectificationPlans.id), eq(current.no, rectificationPlans.currentVersion)))
    .where(and(eq(rectificationPlans.id, id), isNull(rectificationPlans.deletedAt)));
  if (!row) throw notFound("整改方案");
  return row;
}

export const stateOfPlan = (p: LoadedPlan): PlanState => ({
  orgId: p.plan.orgId,
  orgPath: p.orgPath,
  teamId: p.teamId,
  status: p.plan.status as PlanListStatus,
  submittedBy: p.submittedBy,
});

export const draftOf = (p: LoadedPlan): PlanEntry[] => planEntriesSchema.parse(p.plan.draftEntries);

/** The entries the editor shows: while editable, the draft brought in line with the rows; otherwise as frozen. */
export async function entriesShown(db: Db, p: LoadedPlan): Promise<PlanEntry[]> {
  const draft = draftOf(p);
  if (p.plan.status !== "draft" && p.plan.status !== "returned") return draft;
  return syncEntries(draft, await planRowsOf(db, p.plan.assignmentId));
}

function presentPlan(actor: Actor, today: string, p: LoadedPlan): PlanListItem & { id: string; version: number } {
  const status = p.plan.status as PlanListStatus;
  return {
    id: p.plan.id,
    assignmentId: p.plan.assignmentId,
    orgId: p.plan.orgId,
    orgName: p.orgName,
    roundId: p.roundId,
    roundName: p.roundName,
    feedbackDate: p.feedbackDate,
    dueDate: p.plan.dueDate,
    overdue: isPlanOverdue({ status, dueDate: p.plan.dueDate }, today),
    status,
    statusLabel: PLAN_STATUS_LABELS[status] ?? status,
    currentVersion: p.plan.currentVersion,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    approvedAt: p.plan.approvedAt?.toISOString() ?? null,
    version: p.plan.version,
    can: planCan(actor, stateOfPlan(p)),
  };
}

const submitter = alias(users, "submitter");
const decider = alias(users, "decider");

export async function versionsOf(db: Db, planId: string): Promise<PlanVersionView[]> {
  const rows = await db
    .select({
      v: planVersions,
      entryCount: sql<number>`jsonb_array_length(${planVersions.entries})::int`,
      submittedByName: submitter.displayName,
      decidedByName: decider.displayName,
    })
    .from(planVersions)
    .leftJoin(submitter, eq(submitter.id, planVersions.submittedBy))
    .leftJoin(decider, eq(decider.id, planVersions.decidedBy))
    .where(and(eq(planVersions.planId, planId), isNull(planVersions.deletedAt)))
    .orderBy(desc(planVersions.no));
  return rows.map(({ v, entryCount, submittedByName, decidedByName }) => ({
    no: v.no,
    submittedAt: v.submittedAt.toISOString(),
    submittedByName,
    entryCount: Number(entryCount),
    decision: v.decision,
    decisionLabel: PLAN_DECISION_LABELS[(v.decision as PlanDecision | null) ?? "pending"] ?? v.decision ?? "",
    comment: v.decisionComment,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decidedByName,
  }));
}

export async function opinionsOf(db: Db, planId: string): Promise<PlanOpinionView[]> {
  const rows = await db
    .select()
    .from(planOpinions)
    .where(and(eq(planOpinions.planId, planId), isNull(planOpinions.deletedAt)))
    .orderBy(asc(planOpinions.createdAt), asc(planOpinions.id));
  return rows.map((o) => ({
    id: o.id,
    versionNo: o.versionNo,
    authorRole: o.authorRole,
    authorRoleLabel: OPINION_ROLE_LABELS[o.authorRole as OpinionRole] ?? o.authorRole,
    authorName: o.authorName,
    text: o.text,
    createdAt: o.createdAt.toISOString(),
  }));
}

export async function planDetail(db: Db, actor: Actor, today: string, p: LoadedPlan): Promise<PlanDetail> {
  return {
    plan: { ...presentPlan(actor, today, p), summary: p.plan.summary, entries: await entriesShown(db, p) },
    versions: await versionsOf(db, p.plan.id),
    opinions: await opinionsOf(db, p.plan.id),
  };
}

/** A submitted version's text. */
export async function versionText(db: Db, planId: string, no: number) {
  const [v] = await db
    .select({ summary: planVersions.summary, entries: planVersions.entries })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.no, no), isNull(planVersions.deletedAt)));
  if (!v) throw notFound(`整改方案第${no}版`);
  return { summary: v.summary, entries: planEntriesSchema.parse(v.entries) };
}

export interface PlanFilter {
  status?: PlanListStatus | undefined;
  roundId?: string | undefined;
  orgId?: string | undefined;
  overdue?: boolean | undefined;
}

/**
 * The plans the actor may see, and the assignments they may see that have feedback (ledger rows) but no plan yet.
 * Visibility is the ledger's: the same rule as its rows.
 */
export async function listPlans(
  db: Db,
  actor: Actor,
  at: { today: string; calendar: WorkCalendar; dueWorkingDays: number },
  f: PlanFilter,
): Promise<PlanListItem[]> {
  const where: (SQL | undefined)[] = [
    isNull(assignments.deletedAt),
    sql`(${rectificationPlans.id} is not null or exists (select 1 from ${ledgerRows} where ${ledgerRows.assignmentId} = ${assignments.id} and ${ledgerRows.deletedAt} is null))`,
    visibleRows(actor, { orgId: assignments.orgId, orgPath: orgs.path, teamId: assignments.teamId }),
  ];
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.orgId) where.push(eq(assignments.orgId, f.orgId));
  if (f.status === "not_started") where.push(isNull(rectificationPlans.id));
  else if (f.status) where.push(eq(rectificationPlans.status, f.status));
  const rows = await db
    .select({
      assignmentId: assignments.id,
      orgId: assignments.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      teamId: assignments.teamId,
      roundId: assignments.roundId,
      roundName: rounds.name,
      feedbackDate: assignments.feedbackDate,
      planId: rectificationPlans.id,
      status: rectificationPlans.status,
      dueDate: rectificationPlans.dueDate,
      currentVersion: rectificationPlans.currentVersion,
      approvedAt: rectificationPlans.approvedAt,
      version: rectificationPlans.version,
      submittedBy: current.submittedBy,
      submittedAt: current.submittedAt,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .leftJoin(rectificationPlans, and(eq(rectificationPlans.assignmentId, assignments.id), isNull(rectificationPlans.deletedAt)))
    .leftJoin(current, and(eq(current.planId, rectificationPlans.id), eq(current.no, rectificationPlans.currentVersion)))
    .where(and(...where))
    .orderBy(sql`${assignments.feedbackDate} desc nulls last`, asc(orgs.name), asc(assignments.id));
  const items = rows.map((r): PlanListItem => {
    const status = (r.status ?? "not_started") as PlanListStatus;
    const dueDate = r.dueDate ?? (r.feedbackDate ? planDueDate(at.calendar, r.feedbackDate, at.dueWorkingDays) : null);
    const state: PlanState = { orgId: r.orgId, orgPath: r.orgPath, teamId: r.teamId, status, submittedBy: r.submittedBy };
    return {
      id: r.planId,
      assignmentId: r.assignmentId,
      orgId: r.orgId,
      orgName: r.orgName,
      roundId: r.roundId,
      roundName: r.roundName,
      feedbackDate: r.feedbackDate,
      dueDate,
      overdue: isPlanOverdue({ status, dueDate }, at.today),
      status,
      statusLabel: PLAN_STATUS_LABELS[status] ?? status,
      currentVersion: r.currentVersion ?? 0,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      version: r.version,
      can: planCan(actor, state),
    };
  });
  return f.overdue === undefined ? items : items.filter((i) => i.overdue === f.overdue);
}
