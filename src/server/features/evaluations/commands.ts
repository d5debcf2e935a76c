/** Confirming an assignment's evaluation grade (office only, after the rectification period). */
import { and, eq, isNull } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { GRADE_LABELS, suggestGrade, type EvaluationInput } from "../../../domain/evaluation.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { periodEnd, periodEnded } from "../../../domain/period.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { evaluations } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { confirmRefusal, confirmStateReason, reasonProblem } from "./policy.ts";
import { evaluationTarget, metricsOf } from "./queries.ts";

function assertNone(reason: string | null): void {
  if (reason !== null) throw ruleViolation(reason);
}

/** Confirms (or re-confirms, replacing) the grade; the metrics and suggestion are frozen with it. */
export function confirmEvaluation(ctx: AppContext, origin: Origin, assignmentId: string, input: EvaluationInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(confirmRefusal(actorIn(s)));
    const target = await evaluationTarget(s.tx, assignmentId);
    if (!target) throw notFound("巡察任务");
    const settings = await s.ctx.settings();
    const today = todayIn(s.ctx);
    const end = target.feedbackDate ? periodEnd(target.feedbackDate, settings.concentratedPeriodMonths) : null;
    assertNone(confirmStateReason({ feedbackDate: target.feedbackDate, end, ended: end !== null && periodEnded(end, today) }));
    const old = target.evaluation;
    if (old && input.version != null && input.version !== old.version) throw conflict(STALE);

    const metrics = (await metricsOf(s.tx, [target])).get(assignmentId)!;
    const suggested = suggestGrade(metrics, settings);
    assertNone(reasonProblem(input.grade, suggested, input.reason));
    const values = {
      metrics: { ...metrics },
      suggestedGrade: suggested,
      grade: input.grade,
      reason: input.reason,
      evaluatedOn: today,
    };
    let id: string;
    if (old) {
      id = old.id;
      const done = await s.tx
        .update(evaluations)
        .set({ ...values, updatedAt: s.now, version: old.version + 1 })
        .where(and(eq(evaluations.id, id), eq(evaluations.version, old.version), isNull(evaluations.deletedAt)))
        .returning({ id: evaluations.id });
      if (done.length === 0) throw conflict(STALE);
    } else {
      id = uuidv7();
      await s.tx.insert(evaluations).values({ id, ...created(s), assignmentId, ...values });
    }
    await s.audit({
      action: "evaluation.confirm",
      recordType: "evaluation",
      recordIds: [id, assignmentId],
      changes: {
        grade: [old?.grade ?? null, input.grade],
        gradeLabel: GRADE_LABELS[input.grade],
        suggestedGrade: suggested,
        reason: input.reason,
        metrics,
      },
    });
  });
}
