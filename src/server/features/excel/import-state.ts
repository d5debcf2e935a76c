/** The assignment's ledger as an import checks against it (read inside the commit's transaction too). */
import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { CAMPAIGN_ASPECT_TITLE, type LedgerStatus } from "../../../domain/ledger.ts";
import type { Db } from "../../db/client.ts";
import { assignments, feedbackAspects, feedbackProblems, ledgerRows, orgs, rounds } from "../../db/schema.ts";
import type { ImportState, StateRow } from "./import-check.ts";
import { latestNotes } from "./ledger-rows.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHUNK = 1000;

/** The assignment an import goes into, with its organisation and round for the screen. */
export async function importAssignment(db: Db, id: string) {
  const [a] = await db
    .select({
      id: assignments.id,
      orgId: assignments.orgId,
      orgName: orgs.name,
      roundName: rounds.name,
      feedbackDate: assignments.feedbackDate,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(and(eq(assignments.id, id), isNull(assignments.deletedAt)));
  return a ?? null;
}

export async function loadImportState(
  db: Db,
  assignment: { id: string; orgName: string; feedbackDate: string },
  fileIds: string[],
): Promise<ImportState> {
  const raw = await db
    .select({
      id: ledgerRows.id,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      problemId: ledgerRows.problemId,
      problemText: feedbackProblems.text,
      aspectTitle: feedbackAspects.title,
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
    .where(and(eq(ledgerRows.assignmentId, assignment.id), isNull(ledgerRows.deletedAt)))
    .orderBy(asc(ledgerRows.seq));
  const notes = new Map<string, string>();
  for (let i = 0; i < raw.length; i += CHUNK) {
    for (const [k, v] of await latestNotes(
      db,
      raw.slice(i, i + CHUNK).map((r) => r.id),
    ))
      notes.set(k, v);
  }
  const rows = new Map<string, StateRow>();
  const perProblem = new Map<string, number>();
  for (const r of raw) {
    rows.set(r.id, {
      id: r.id,
      seqLabel: r.seqLabel,
      text: r.text,
      problemText: r.problemText ?? "",
      aspectTitle: r.aspectTitle ?? "",
      measures: r.measures,
      responsibleLeader: r.responsibleLeader,
      responsibleDepartment: r.responsibleDepartment,
      deadline: r.deadline,
      status: r.status as LedgerStatus,
      version: r.version,
      latestNote: notes.get(r.id) ?? null,
    });
    if (r.problemId) perProblem.set(r.problemId, (perProblem.get(r.problemId) ?? 0) + 1);
  }
  const [problems, aspects, [seq]] = await Promise.all([
    db
      .select({
        id: feedbackProblems.id,
        seq: feedbackProblems.seq,
        text: feedbackProblems.text,
        aspectId: feedbackProblems.aspectId,
      })
      .from(feedbackProblems)
      .where(and(eq(feedbackProblems.assignmentId, assignment.id), isNull(feedbackProblems.deletedAt)))
      .orderBy(asc(feedbackProblems.seq)),
    db
      .select({ id: feedbackAspects.id, seq: feedbackAspects.seq, title: feedbackAspects.title })
      .from(feedbackAspects)
      .where(and(eq(feedbackAspects.assignmentId, assignment.id), isNull(feedbackAspects.deletedAt)))
      .orderBy(asc(feedbackAspects.seq)),
    // Deleted rows keep their numbers: a new row never takes one again.
    db
      .select({ n: max(ledgerRows.seq) })
      .from(ledgerRows)
      .where(eq(ledgerRows.assignmentId, assignment.id)),
  ]);
  return {
    assignment,
    rows,
    problems: problems.map((p) => ({ ...p, rowCount: perProblem.get(p.id) ?? 0 })),
    aspects,
    maxRowSeq: seq?.n ?? 0,
    foreign: await foreignRows(
      db,
      fileIds.filter((id) => UUID.test(id) && !rows.has(id.toLowerCase())),
    ),
  };
}

/** Rows named in the file that belong elsewhere: "其他巡察任务（某单位 · 第二轮巡察）" or a fix-alike campaign. */
async function foreignRows(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const found = await db
      .select({
        id: ledgerRows.id,
        orgName: orgs.name,
        roundName: rounds.name,
        campaign: sql<boolean>`${ledgerRows.campaignId} is not null`,
      })
      .from(ledgerRows)
      .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
      .leftJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
      .leftJoin(rounds, eq(rounds.id, assignments.roundId))
      .where(and(inArray(ledgerRows.id, unique.slice(i, i + CHUNK)), isNull(ledgerRows.deletedAt)));
    for (const r of found) {
      out.set(
        r.id,
        r.campaign ? `${r.orgName}的${CAMPAIGN_ASPECT_TITLE}` : `其他巡察任务（${r.orgName} · ${r.roundName ?? ""}）`,
      );
    }
  }
  return out;
}
