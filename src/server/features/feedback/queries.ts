import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { chineseOrdinal } from "../../../domain/feedback.ts";
import { LEDGER_STATUS_LABELS, PROGRESS_LABELS, type LedgerStatus, type ProgressState } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, feedbackAspects, feedbackProblems, findings, ledgerRows, orgs } from "../../db/schema.ts";
import { canView } from "../ledger/policy.ts";

/** The assignment with what the ledger policy needs to decide who may see its feedback. */
export async function assignmentScope(db: Db, id: string) {
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

export const mayViewFeedback = (actor: Actor, a: { orgId: string; orgPath: string; teamId: string }) =>
  canView(actor, { ...a, status: "open", closeRequestedBy: null });

export async function feedbackOf(db: Db, assignmentId: string) {
  const aspects = await db
    .select()
    .from(feedbackAspects)
    .where(and(eq(feedbackAspects.assignmentId, assignmentId), isNull(feedbackAspects.deletedAt)))
    .orderBy(asc(feedbackAspects.seq));
  const problems = await db
    .select()
    .from(feedbackProblems)
    .where(and(eq(feedbackProblems.assignmentId, assignmentId), isNull(feedbackProblems.deletedAt)))
    .orderBy(asc(feedbackProblems.seq));
  const rows = await db
    .select({
      id: ledgerRows.id,
      problemId: ledgerRows.problemId,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      status: ledgerRows.status,
      progress: ledgerRows.progress,
    })
    .from(ledgerRows)
    .where(and(eq(ledgerRows.assignmentId, assignmentId), isNull(ledgerRows.deletedAt)))
    .orderBy(asc(ledgerRows.seq));
  const linked = problems.length
    ? await db
        .select({ id: findings.id, text: findings.text, problemId: findings.problemId })
        .from(findings)
        .where(
          and(
            inArray(
              findings.problemId,
              problems.map((p) => p.id),
            ),
            isNull(findings.deletedAt),
          ),
        )
    : [];
  return {
    aspects: aspects.map((a) => ({
      id: a.id,
      seq: a.seq,
      ordinal: chineseOrdinal(a.seq),
      title: a.title,
      problems: problems
        .filter((p) => p.aspectId === a.id)
        .map((p) => ({
          id: p.id,
          seq: p.seq,
          text: p.text,
          findings: linked.filter((f) => f.problemId === p.id).map((f) => ({ id: f.id, text: f.text })),
          rows: rows
            .filter((r) => r.problemId === p.id)
            .map((r) => ({
              id: r.id,
              seqLabel: r.seqLabel,
              text: r.text,
              status: r.status,
              statusLabel: LEDGER_STATUS_LABELS[r.status as LedgerStatus],
              progress: r.progress,
              progressLabel: PROGRESS_LABELS[r.progress as ProgressState],
            })),
        })),
    })),
    totals: { aspects: aspects.length, problems: problems.length, rows: rows.length },
  };
}
