/** Evaluation metrics, computed from the ledger and the directives — never typed in. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import {
  evaluationMetrics,
  GRADE_LABELS,
  suggestGrade,
  type EvaluationMetrics,
  type Grade,
  type RowForEvaluation,
} from "../../../domain/evaluation.ts";
import { periodEnd, periodEnded } from "../../../domain/period.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Settings } from "../../../domain/settings.ts";
import type { Db } from "../../db/client.ts";
import { assignments, directives, evaluations, ledgerRows, orgs, rounds, users } from "../../db/schema.ts";
import { evidenceCounts } from "../ledger/queries.ts";
import { chinaDate } from "../findings/queries.ts";
import { evaluationCan } from "./policy.ts";
import type { EvaluationView } from "./schema.ts";

export interface EvaluationFilter {
  roundId?: string | undefined;
  assignmentId?: string | undefined;
}

/** Assignments with a feedback date, each with its organisation, round and confirmed evaluation (if any). */
async function evaluated(db: Db, f: EvaluationFilter) {
  const where: SQL[] = [isNull(assignments.deletedAt), isNotNull(assignments.feedbackDate)];
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.assignmentId) where.push(eq(assignments.id, f.assignmentId));
  return db
    .select({
      assignmentId: assignments.id,
      roundId: assignments.roundId,
      roundName: rounds.name,
      orgId: assignments.orgId,
      orgName: orgs.name,
      feedbackDate: assignments.feedbackDate,
      evaluation: evaluations,
      evaluatedBy: users.displayName,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .leftJoin(evaluations, and(eq(evaluations.assignmentId, assignments.id), isNull(evaluations.deletedAt)))
    .leftJoin(users, eq(users.id, evaluations.createdBy))
    .where(and(...where))
    .orderBy(desc(rounds.startDate), asc(rounds.id), asc(orgs.path), asc(assignments.id));
}

/** The metrics of each assignment (by id) from its live ledger rows and the directives concerning its organisation. */
export async function metricsOf(
  db: Db,
  targets: ReadonlyArray<{ assignmentId: string; orgId: string }>,
): Promise<Map<string, EvaluationMetrics>> {
  if (!targets.length) return new Map();
  const [rows, dirs] = await Promise.all([
    db
      .select({
        id: ledgerRows.id,
        assignmentId: ledgerRows.assignmentId,
        status: ledgerRows.status,
        deadline: ledgerRows.deadline,
        closedAt: ledgerRows.closedAt,
        relapseCount: ledgerRows.relapseCount,
      })
      .from(ledgerRows)
      .where(
        and(
          inArray(
            ledgerRows.assignmentId,
            targets.map((t) => t.assignmentId),
          ),
          isNull(ledgerRows.deletedAt),
        ),
      ),
    db
      .select({ orgId: directives.orgId, status: directives.status })
      .from(directives)
      .where(and(inArray(directives.orgId, [...new Set(targets.map((t) => t.orgId))]), isNull(directives.deletedAt))),
  ]);
  const evidence = await evidenceCounts(
    db,
    rows.filter((r) => r.status === "closed").map((r) => r.id),
  );
  const rowsBy = new Map<string, RowForEvaluation[]>();
  for (const r of rows) {
    const list = rowsBy.get(r.assignmentId!) ?? [];
    list.push({
      status: r.status,
      deadline: r.deadline,
      closedOn: r.closedAt ? chinaDate(r.closedAt) : null,
      evidenceCount: evidence.get(r.id) ?? 0,
      relapseCount: r.relapseCount,
    });
    rowsBy.set(r.assignmentId!, list);
  }
  return new Map(
    targets.map((t) => [
      t.assignmentId,
      evaluationMetrics(
        rowsBy.get(t.assignmentId) ?? [],
        dirs.filter((d) => d.orgId === t.orgId),
      ),
    ]),
  );
}

export async function listEvaluations(
  db: Db,
  actor: Actor,
  settings: Settings,
  today: string,
  f: EvaluationFilter,
): Promise<EvaluationView[]> {
  const list = await evaluated(db, f);
  const metrics = await metricsOf(db, list);
  return list.map((a) => {
    const m = metrics.get(a.assignmentId)!;
    const feedbackDate = a.feedbackDate!;
    const end = periodEnd(feedbackDate, settings.concentratedPeriodMonths);
    const ended = periodEnded(end, today);
    const suggested = suggestGrade(m, settings);
    const e = a.evaluation;
    return {
      assignmentId: a.assignmentId,
      roundId: a.roundId,
      roundName: a.roundName,
      orgId: a.orgId,
      orgName: a.orgName,
      feedbackDate,
      periodEnd: end,
      periodEnded: ended,
      metrics: m,
      suggestedGrade: suggested,
      suggestedGradeLabel: GRADE_LABELS[suggested],
      evaluation: e
        ? {
            id: e.id,
            grade: e.grade as Grade,
            gradeLabel: GRADE_LABELS[e.grade as Grade] ?? e.grade,
            suggestedGrade: e.suggestedGrade as Grade,
            reason: e.reason,
            evaluatedOn: e.evaluatedOn,
            evaluatedBy: a.evaluatedBy,
            metrics: e.metrics as unknown as EvaluationMetrics,
            version: e.version,
          }
        : null,
      can: evaluationCan(actor, { feedbackDate, end, ended }),
    };
  });
}

/** One assignment (with a feedback date or not, so the command can say why it refuses) and its confirmed evaluation. */
export async function evaluationTarget(db: Db, assignmentId: string) {
  const [a] = await db
    .select({
      assignmentId: assignments.id,
      orgId: assignments.orgId,
      feedbackDate: assignments.feedbackDate,
      evaluation: evaluations,
    })
    .from(assignments)
    .leftJoin(evaluations, and(eq(evaluations.assignmentId, assignments.id), isNull(evaluations.deletedAt)))
    .where(and(eq(assignments.id, assignmentId), isNull(assignments.deletedAt)));
  return a ?? null;
}
