/** Registering feedback: one command creates aspects, problems and the ledger rows, and links the findings. */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, ruleViolation } from "../../../domain/errors.ts";
import type { FeedbackInput } from "../../../domain/feedback.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { isOffice, type Actor } from "../../../domain/roles.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { assignments, feedbackAspects, feedbackProblems, findings, ledgerRows } from "../../db/schema.ts";

export interface FeedbackResult {
  aspects: number;
  problems: number;
  rows: number;
}

export async function registerFeedback(
  ctx: AppContext,
  origin: Origin & { actor: Actor },
  assignmentId: string,
  input: FeedbackInput,
): Promise<FeedbackResult> {
  if (!isOffice(origin.actor)) throw forbidden("只有巡察办工作人员可以登记反馈意见");
  return runCommand(ctx, origin, async (s) => {
    const [a] = await s.tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), isNull(assignments.deletedAt)))
      .for("update");
    if (!a) throw notFound("巡察任务");
    const [already] = await s.tx
      .select({ id: feedbackAspects.id })
      .from(feedbackAspects)
      .where(and(eq(feedbackAspects.assignmentId, assignmentId), isNull(feedbackAspects.deletedAt)))
      .limit(1);
    if (already) throw conflict("该巡察任务的反馈意见已登记");
    if (a.withdrawalDate && input.feedbackDate < a.withdrawalDate) {
      throw ruleViolation(`反馈日期（${input.feedbackDate}）不能早于撤点日期（${a.withdrawalDate}）`);
    }

    const wanted = input.aspects.flatMap((x) => x.problems.flatMap((p) => p.findingIds));
    const dup = wanted.find((id, i) => wanted.indexOf(id) !== i);
    if (dup) throw ruleViolation("同一条巡察发现的问题只能归入一个反馈问题");
    if (wanted.length) {
      const found = await s.tx
        .select({ id: findings.id, problemId: findings.problemId })
        .from(findings)
        .where(and(inArray(findings.id, wanted), eq(findings.assignmentId, assignmentId), isNull(findings.deletedAt)));
      if (found.length !== wanted.length) throw ruleViolation("所选问题中有不属于本次巡察任务的记录");
      if (found.some((f) => f.problemId)) throw ruleViolation("所选问题中有已反馈的记录");
    }

    let problemSeq = 0;
    let rowSeq = 0;
    const aspectRows = [];
    const problemRows = [];
    const rows = [];
    const links: Array<{ problemId: string; findingIds: string[] }> = [];
    for (const [ai, aspect] of input.aspects.entries()) {
      const aspectId = uuidv7();
      aspectRows.push({ id: aspectId, ...created(s), assignmentId, seq: ai + 1, title: aspect.title });
      for (const p of aspect.problems) {
        problemSeq++;
        const problemId = uuidv7();
        problemRows.push({ id: problemId, ...created(s), assignmentId, aspectId, seq: problemSeq, text: p.text });
        if (p.findingIds.length) links.push({ problemId, findingIds: p.findingIds });
        const refined = p.rows.length ? p.rows : [{ text: p.text }];
        for (const [ri, row] of refined.entries()) {
          rowSeq++;
          rows.push({
            id: uuidv7(),
            ...created(s),
            orgId: a.orgId,
            assignmentId,
            problemId,
            seq: rowSeq,
            seqLabel: refined.length > 1 ? `${problemSeq}.${ri + 1}` : String(problemSeq),
            text: row.text,
          });
        }
      }
    }
    await s.tx.insert(feedbackAspects).values(aspectRows);
    await s.tx.insert(feedbackProblems).values(problemRows);
    for (let i = 0; i < rows.length; i += 500) await s.tx.insert(ledgerRows).values(rows.slice(i, i + 500));
    for (const l of links) {
      await s.tx
        .update(findings)
        .set({ problemId: l.problemId, updatedAt: s.now, version: sql`${findings.version} + 1` })
        .where(inArray(findings.id, l.findingIds));
    }
    await s.tx
      .update(assignments)
      .set({ feedbackDate: input.feedbackDate, updatedAt: s.now, version: a.version + 1 })
      .where(eq(assignments.id, assignmentId));
    await s.audit({
      action: "feedback.register",
      recordType: "assignment",
      recordIds: [assignmentId, ...rows.map((r) => r.id)],
      changes: {
        feedbackDate: [a.feedbackDate, input.feedbackDate],
        aspects: aspectRows.length,
        problems: problemRows.length,
        rows: rows.length,
      },
    });
    return { aspects: aspectRows.length, problems: problemRows.length, rows: rows.length };
  });
}
