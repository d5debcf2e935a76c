/**
 * Registering feedback: one command creates aspects, problems and the ledger rows, and links the findings. A
 * problem made only of immediate fixes (立行立改) is registered already done and closed, with the fixes' evidence.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, ruleViolation } from "../../../domain/errors.ts";
import type { FeedbackInput } from "../../../domain/feedback.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { isOffice, type Actor } from "../../../domain/roles.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { assignments, evidenceFiles, feedbackAspects, feedbackProblems, findings, ledgerRows } from "../../db/schema.ts";
import { attachmentRows } from "../onsite/attachments.ts";

export interface FeedbackResult {
  aspects: number;
  problems: number;
  rows: number;
}

/** A ledger row for an immediate fix: done and closed at registration, by the registering user; measures = fix notes. */
function immediateRow(s: CommandScope, notes: Array<string | null | undefined>) {
  const measures = [...new Set(notes.map((n) => n?.trim()).filter(Boolean))].join("；");
  return {
    kind: "immediate",
    progress: "done",
    status: "closed",
    closedAt: s.now,
    closedBy: s.actor?.userId ?? null,
    measures: measures || null,
  };
}

/**
 * The fixed findings' attachments, to be the rows' evidence: the same stored file (content hash), no copy; still
 * showing who uploaded it and when.
 */
async function fixEvidence(s: CommandScope, findingIds: string[]) {
  const out = new Map<string, Array<Omit<typeof evidenceFiles.$inferInsert, "id" | "rowId">>>();
  for (const a of await attachmentRows(s.tx, "finding", findingIds)) {
    const list = out.get(a.ownerId) ?? [];
    list.push({
      createdAt: a.createdAt,
      createdBy: a.createdBy,
      updatedAt: s.now,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      contentHash: a.contentHash,
    });
    out.set(a.ownerId, list);
  }
  return out;
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
    const found = wanted.length
      ? await s.tx
          .select({
            id: findings.id,
            problemId: findings.problemId,
            immediateFix: findings.immediateFix,
            fixNote: findings.fixNote,
          })
          .from(findings)
          .where(and(inArray(findings.id, wanted), eq(findings.assignmentId, assignmentId), isNull(findings.deletedAt)))
      : [];
    if (found.length !== wanted.length) throw ruleViolation("所选问题中有不属于本次巡察任务的记录");
    if (found.some((f) => f.problemId)) throw ruleViolation("所选问题中有已反馈的记录");
    const fixed = new Map(found.filter((f) => f.immediateFix).map((f) => [f.id, f.fixNote]));
    const evidenceOf = await fixEvidence(s, [...fixed.keys()]);
    const evidence: Array<typeof evidenceFiles.$inferInsert> = [];

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
        // A problem whose findings were all fixed on site (立行立改) enters the ledger done and closed, with their evidence.
        const immediate = p.findingIds.length > 0 && p.findingIds.every((id) => fixed.has(id));
        const refined = p.rows.length ? p.rows : [{ text: p.text }];
        for (const [ri, row] of refined.entries()) {
          rowSeq++;
          const id = uuidv7();
          rows.push({
            id,
            ...created(s),
            orgId: a.orgId,
            assignmentId,
            problemId,
            seq: rowSeq,
            seqLabel: refined.length > 1 ? `${problemSeq}.${ri + 1}` : String(problemSeq),
            text: row.text,
            ...(immediate
              ? immediateRow(
                  s,
                  p.findingIds.map((f) => fixed.get(f)),
                )
              : {}),
          });
          if (immediate) {
            for (const f of p.findingIds.flatMap((fid) => evidenceOf.get(fid) ?? [])) {
              evidence.push({ id: uuidv7(), rowId: id, ...f });
            }
          }
        }
      }
    }
    await s.tx.insert(feedbackAspects).values(aspectRows);
    await s.tx.insert(feedbackProblems).values(problemRows);
    for (let i = 0; i < rows.length; i += 500) await s.tx.insert(ledgerRows).values(rows.slice(i, i + 500));
    for (let i = 0; i < evidence.length; i += 500) await s.tx.insert(evidenceFiles).values(evidence.slice(i, i + 500));
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
        closedAsImmediateFix: rows.filter((r) => r.status === "closed").length,
      },
    });
    return { aspects: aspectRows.length, problems: problemRows.length, rows: rows.length };
  });
}
