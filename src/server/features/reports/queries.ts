/** Reading the team's report with its live indicators, and the deadlines after withdrawal. */
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import { FINDING_CATEGORY_LABELS, type FindingCategory } from "../../../domain/finding.ts";
import {
  assignmentDeadlines,
  cleanPortrait,
  REPORT_STATUS_LABELS,
  reportIndicators,
  type ReportStatus,
} from "../../../domain/report.ts";
import type { Actor } from "../../../domain/roles.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { assignments, consultations, findings, orgs, rounds, teamReports, teams } from "../../db/schema.ts";
import { deadlineTeamScope, reportCan } from "./policy.ts";
import type { DeadlineItem, ReportView } from "./schema.ts";

export type ReportRow = typeof teamReports.$inferSelect;

export async function getReportRow(db: Db, assignmentId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(teamReports)
    .where(and(eq(teamReports.assignmentId, assignmentId), isNull(teamReports.deletedAt)));
  return row ?? null;
}

/** The live findings of an assignment, in the order they were entered. */
export function reportFindings(db: Db, assignmentId: string) {
  return db
    .select({
      id: findings.id,
      text: findings.text,
      category: findings.category,
      characterisation: findings.characterisation,
      isCommon: findings.isCommon,
      isCoreMandate: findings.isCoreMandate,
      involvesTopLeader: findings.involvesTopLeader,
      suggestion: findings.suggestion,
      problemId: findings.problemId,
      version: findings.version,
    })
    .from(findings)
    .where(and(eq(findings.assignmentId, assignmentId), isNull(findings.deletedAt)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}
export type ReportFinding = Awaited<ReturnType<typeof reportFindings>>[number];

// Correlated subquery: the first consultation held after withdrawal (办组会商 done on that day). Consultations during
// the inspection (巡中会商) do not meet the deadline, which is about reviewing the team's materials once it has left.
const consultedOnSql = sql<string | null>`(select min(${consultations.heldOn})::text from ${consultations}
  where ${consultations.assignmentId} = ${assignments.id} and ${consultations.deletedAt} is null
    and ${consultations.heldOn} >= ${assignments.withdrawalDate})`;

/** An assignment with the names and dates the report and its deadlines show. */
export async function getReportAssignment(db: Db, id: string) {
  const [row] = await db
    .select({
      id: assignments.id,
      roundId: assignments.roundId,
      roundName: rounds.name,
      teamId: assignments.teamId,
      teamName: teams.name,
      orgId: assignments.orgId,
      orgName: orgs.name,
      withdrawalDate: assignments.withdrawalDate,
      hearingDate: assignments.hearingDate,
      version: assignments.version,
      consultedOn: consultedOnSql,
    })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(eq(assignments.id, id), isNull(assignments.deletedAt)));
  if (!row) throw notFound("巡察任务");
  return row;
}

const statusLabel = (status: string | null | undefined): string =>
  status ? (REPORT_STATUS_LABELS[status as ReportStatus] ?? status) : "未撰写";

export async function reportView(ctx: AppContext, actor: Actor, assignmentId: string): Promise<ReportView> {
  const asg = await getReportAssignment(ctx.db, assignmentId);
  const report = await getReportRow(ctx.db, assignmentId);
  const rows = await reportFindings(ctx.db, assignmentId);
  const settings = await ctx.settings();
  const today = todayIn(ctx);
  return {
    assignment: {
      id: asg.id,
      roundId: asg.roundId,
      roundName: asg.roundName,
      teamName: asg.teamName,
      orgName: asg.orgName,
      withdrawalDate: asg.withdrawalDate,
      hearingDate: asg.hearingDate,
    },
    report: {
      id: report?.id ?? null,
      overall: report?.overall ?? null,
      portrait: cleanPortrait(report?.portrait ?? {}),
      status: report?.status ?? "draft",
      statusLabel: statusLabel(report?.status),
      submittedOn: report?.submittedOn ?? null,
      version: report?.version ?? 0,
    },
    findings: rows.map((f) => ({
      id: f.id,
      text: f.text,
      categoryLabel: FINDING_CATEGORY_LABELS[f.category as FindingCategory] ?? f.category,
      characterisation: f.characterisation,
      isCommon: f.isCommon,
      isCoreMandate: f.isCoreMandate,
      involvesTopLeader: f.involvesTopLeader,
      suggestion: f.suggestion,
      fedBack: f.problemId !== null,
    })),
    indicators: reportIndicators(rows, settings),
    deadlines: asg.withdrawalDate
      ? assignmentDeadlines(
          asg.withdrawalDate,
          { submittedOn: report?.submittedOn ?? null, consultedOn: asg.consultedOn, hearingDate: asg.hearingDate },
          settings,
          today,
        )
      : null,
    can: reportCan(actor, asg, report),
  };
}

export interface DeadlineFilter {
  roundId?: string | undefined;
  assignmentId?: string | undefined;
  late?: boolean | undefined;
}

/**
 * The deadlines of every assignment with a withdrawal date the actor may see. With `late`, only those with a
 * milestone done late or past due, the longest delay first.
 */
export async function listDeadlines(ctx: AppContext, actor: Actor, f: DeadlineFilter): Promise<DeadlineItem[]> {
  const where: SQL[] = [isNull(assignments.deletedAt), isNotNull(assignments.withdrawalDate)];
  const scope = deadlineTeamScope(actor);
  if (scope !== null) {
    if (scope.length === 0) return [];
    where.push(inArray(assignments.teamId, scope));
  }
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.assignmentId) where.push(eq(assignments.id, f.assignmentId));
  const rows = await ctx.db
    .select({
      assignmentId: assignments.id,
      roundId: assignments.roundId,
      roundName: rounds.name,
      teamId: assignments.teamId,
      teamName: teams.name,
      orgId: assignments.orgId,
      orgName: orgs.name,
      withdrawalDate: assignments.withdrawalDate,
      hearingDate: assignments.hearingDate,
      consultedOn: consultedOnSql,
      reportStatus: teamReports.status,
      submittedOn: teamReports.submittedOn,
    })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .leftJoin(teamReports, and(eq(teamReports.assignmentId, assignments.id), isNull(teamReports.deletedAt)))
    .where(and(...where))
    .orderBy(asc(assignments.withdrawalDate), asc(orgs.name), asc(assignments.id));
  const settings = await ctx.settings();
  const today = todayIn(ctx);
  const items = rows.map((r): DeadlineItem => {
    const d = assignmentDeadlines(
      r.withdrawalDate!,
      { submittedOn: r.submittedOn, consultedOn: r.consultedOn, hearingDate: r.hearingDate },
      settings,
      today,
    );
    return {
      assignmentId: r.assignmentId,
      roundId: r.roundId,
      roundName: r.roundName,
      teamName: r.teamName,
      orgId: r.orgId,
      orgName: r.orgName,
      withdrawalDate: r.withdrawalDate!,
      reportStatus: r.reportStatus,
      reportStatusLabel: statusLabel(r.reportStatus),
      ...d,
      can: reportCan(actor, { teamId: r.teamId }, r.reportStatus ? { status: r.reportStatus } : null),
    };
  });
  if (f.late === undefined) return items;
  const picked = items.filter((i) => i.late === f.late);
  return f.late ? picked.sort((a, b) => (b.maxDelayDays ?? 0) - (a.maxDelayDays ?? 0)) : picked;
}
