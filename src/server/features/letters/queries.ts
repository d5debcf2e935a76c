/** Reading letters: lists by kind, year, state, row or common problem; a letter's items; the figures. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, gte, sql, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import type { LedgerStatus } from "../../../domain/ledger.ts";
import {
  documentNumber,
  LETTER_KIND_LABELS,
  LETTER_STATUS_LABELS,
  letterFigures,
  letterStatus,
  ledgerStatusLabel,
  problemLedgerStatus,
  type LetterKind,
  type LetterStatus,
} from "../../../domain/letter.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  assignments,
  commonProblemFindings,
  commonProblems,
  feedbackProblems,
  findings,
  ledgerRows,
  letterItems,
  letters,
  orgs,
  users,
} from "../../db/schema.ts";
import { canView } from "../ledger/policy.ts";
import { baseQuery, stateOf } from "../ledger/queries.ts";
import { letterCan, visibleLetters, type LetterState } from "./policy.ts";
import type { LetterItemView, LetterView } from "./schema.ts";

type LetterRow = typeof letters.$inferSelect;
export interface JoinedLetter {
  letter: LetterRow;
  addresseeOrgName: string | null;
  addresseeOrgPath: string | null;
  repliedByName: string | null;
  commonProblemTitle: string | null;
  itemCount: number;
}

export const stateOfLetter = (j: JoinedLetter): LetterState => ({
  addresseeOrgId: j.letter.addresseeOrgId,
  addresseeOrgPath: j.addresseeOrgPath,
  addresseeUserId: j.letter.addresseeUserId,
  repliedOn: j.letter.repliedOn,
});

export function presentLetter(actor: Actor, today: string, j: JoinedLetter): LetterView {
  const l = j.letter;
  const status = letterStatus(l, today);
  return {
    id: l.id,
    kind: l.kind as LetterKind,
    kindLabel: LETTER_KIND_LABELS[l.kind as LetterKind] ?? l.kind,
    year: l.year,
    number: l.number,
    documentNumber: documentNumber(l.year, l.number),
    addressee: l.addressee,
    addresseeOrgId: l.addresseeOrgId,
    addresseeOrgName: j.addresseeOrgName,
    addresseeUserId: l.addresseeUserId,
    subject: l.subject,
    body: l.body,
    sentOn: l.sentOn,
    replyDue: l.replyDue,
    replyText: l.replyText,
    repliedOn: l.repliedOn,
    repliedByName: j.repliedByName,
    status,
    statusLabel: LETTER_STATUS_LABELS[status],
    commonProblemId: l.commonProblemId,
    commonProblemTitle: j.commonProblemTitle,
    itemCount: Number(j.itemCount),
    createdAt: l.createdAt.toISOString(),
    can: letterCan(actor, stateOfLetter(j)),
  };
}

const joined = (db: Db) =>
  db
    .select({
      letter: letters,
      addresseeOrgName: orgs.name,
      addresseeOrgPath: orgs.path,
      repliedByName: users.displayName,
      commonProblemTitle: commonProblems.title,
      itemCount: sql<number>`(select count(*)::int from ${letterItems} where ${letterItems.letterId} = ${letters.id} and ${letterItems.deletedAt} is null)`,
    })
    .from(letters)
    .leftJoin(orgs, eq(orgs.id, letters.addresseeOrgId))
    .leftJoin(users, eq(users.id, letters.repliedBy))
    .leftJoin(commonProblems, eq(commonProblems.id, letters.commonProblemId));

export async function getLetter(db: Db, id: string): Promise<JoinedLetter> {
  const [row] = await joined(db).where(and(eq(letters.id, id), isNull(letters.deletedAt)));
  if (!row) throw notFound("函件");
  return row;
}

const statusCondition = (status: LetterStatus, today: string): SQL => {
  if (status === "replied") return isNotNull(letters.repliedOn);
  if (status === "overdue") return and(isNull(letters.repliedOn), lt(letters.replyDue, today))!;
  return and(isNull(letters.repliedOn), gte(letters.replyDue, today))!;
};

export interface LetterFilter {
  kind?: LetterKind | undefined;
  year?: number | undefined;
  status?: LetterStatus | undefined;
  commonProblemId?: string | undefined;
  /** The letters about this row (by the row itself or its feedback problem); the caller checks the row is visible. */
  row?: { id: string; problemId: string | null } | undefined;
}

export async function listLetters(db: Db, actor: Actor, today: string, f: LetterFilter): Promise<LetterView[]> {
  const where: SQL[] = [isNull(letters.deletedAt)];
  if (f.row) {
    // Whoever may see the row sees the letters about it.
    const about = f.row.problemId
      ? sql`(${letterItems.rowId} = ${f.row.id} or ${letterItems.problemId} = ${f.row.problemId})`
      : sql`${letterItems.rowId} = ${f.row.id}`;
    where.push(
      sql`exists (select 1 from ${letterItems} where ${letterItems.letterId} = ${letters.id} and ${letterItems.deletedAt} is null and ${about})`,
    );
  } else {
    const scope = visibleLetters(actor, {
      addresseeOrgId: letters.addresseeOrgId,
      addresseeOrgPath: orgs.path,
      addresseeUserId: letters.addresseeUserId,
    });
    if (scope) where.push(scope);
  }
  if (f.kind) where.push(eq(letters.kind, f.kind));
  if (f.year) where.push(eq(letters.year, f.year));
  if (f.status) where.push(statusCondition(f.status, today));
  if (f.commonProblemId) where.push(eq(letters.commonProblemId, f.commonProblemId));
  const rows = await joined(db)
    .where(and(...where))
    .orderBy(desc(letters.sentOn), asc(letters.kind), desc(letters.number), asc(letters.id));
  return rows.map((r) => presentLetter(actor, today, r));
}

export async function figuresOf(db: Db, actor: Actor, today: string, year?: number) {
  const where: SQL[] = [isNull(letters.deletedAt)];
  const scope = visibleLetters(actor, {
    addresseeOrgId: letters.addresseeOrgId,
    addresseeOrgPath: orgs.path,
    addresseeUserId: letters.addresseeUserId,
  });
  if (scope) where.push(scope);
  if (year) where.push(eq(letters.year, year));
  const rows = await db
    .select({ kind: letters.kind, repliedOn: letters.repliedOn, replyDue: letters.replyDue })
    .from(letters)
    .leftJoin(orgs, eq(orgs.id, letters.addresseeOrgId))
    .where(and(...where));
  const byKind = letterFigures(rows, today);
  const total = byKind.reduce(
    (t, k) => ({ sent: t.sent + k.sent, replied: t.replied + k.replied, overdue: t.overdue + k.overdue }),
    { sent: 0, replied: 0, overdue: 0 },
  );
  return { total, byKind };
}

export const rowName = (r: { orgName: string | null; seqLabel: string }): string => `${r.orgName ?? ""}第${r.seqLabel}条`;

type ItemView = Omit<LetterItemView, "id">;

/** Ledger rows as letter items, in the order asked; missing ids are left out. */
export async function rowItems(db: Db, rowIds: readonly string[]): Promise<ItemView[]> {
  if (!rowIds.length) return [];
  const rows = await db
    .select({
      id: ledgerRows.id,
      problemId: ledgerRows.problemId,
      orgId: ledgerRows.orgId,
      orgName: orgs.name,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      status: ledgerRows.status,
    })
    .from(ledgerRows)
    .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
    .where(and(inArray(ledgerRows.id, [...rowIds]), isNull(ledgerRows.deletedAt)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rowIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const status = r.status as LedgerStatus;
    return [
      {
        type: "row" as const,
        rowId: r.id,
        problemId: r.problemId,
        orgId: r.orgId,
        orgName: r.orgName,
        seqLabel: r.seqLabel,
        text: r.text,
        status,
        statusLabel: ledgerStatusLabel(status),
      },
    ];
  });
}

/** Feedback problems as letter items, with their organisation and the state of their rows; missing ids left out. */
export async function problemItems(db: Db, problemIds: readonly string[]): Promise<ItemView[]> {
  if (!problemIds.length) return [];
  const ids = [...problemIds];
  // One query after the other: this also runs inside a command's transaction (one connection).
  const problems = await db
    .select({
      id: feedbackProblems.id,
      seq: feedbackProblems.seq,
      text: feedbackProblems.text,
      orgId: assignments.orgId,
      orgName: orgs.name,
    })
    .from(feedbackProblems)
    .innerJoin(assignments, eq(assignments.id, feedbackProblems.assignmentId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(inArray(feedbackProblems.id, ids), isNull(feedbackProblems.deletedAt)));
  const rowStates = await db
    .select({ problemId: ledgerRows.problemId, status: ledgerRows.status })
    .from(ledgerRows)
    .where(and(inArray(ledgerRows.problemId, ids), isNull(ledgerRows.deletedAt)));
  const statuses = new Map<string, LedgerStatus[]>();
  for (const r of rowStates) {
    if (!r.problemId) continue;
    statuses.set(r.problemId, [...(statuses.get(r.problemId) ?? []), r.status as LedgerStatus]);
  }
  const byId = new Map(problems.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const status = problemLedgerStatus(statuses.get(id) ?? []);
    return [
      {
        type: "problem" as const,
        rowId: null,
        problemId: p.id,
        orgId: p.orgId,
        orgName: p.orgName,
        seqLabel: String(p.seq),
        text: p.text,
        status,
        statusLabel: ledgerStatusLabel(status),
      },
    ];
  });
}

export async function itemsOf(db: Db, letterId: string): Promise<LetterItemView[]> {
  const items = await db
    .select({ id: letterItems.id, rowId: letterItems.rowId, problemId: letterItems.problemId })
    .from(letterItems)
    .where(and(eq(letterItems.letterId, letterId), isNull(letterItems.deletedAt)))
    .orderBy(asc(letterItems.createdAt), asc(letterItems.id));
  const rowIds = items.flatMap((i) => (i.rowId ? [i.rowId] : []));
  const problemIds = items.flatMap((i) => (!i.rowId && i.problemId ? [i.problemId] : []));
  const [rows, problems] = await Promise.all([rowItems(db, rowIds), problemItems(db, problemIds)]);
  const rowById = new Map(rows.map((r) => [r.rowId, r]));
  const problemById = new Map(problems.map((p) => [p.problemId, p]));
  return items.flatMap((i) => {
    const v = i.rowId ? rowById.get(i.rowId) : i.problemId ? problemById.get(i.problemId) : undefined;
    return v ? [{ id: i.id, ...v }] : [];
  });
}

/** Whether the actor may see one of the ledger rows a letter concerns (directly or through its problems). */
export async function seesARowOf(db: Db, actor: Actor, letterId: string): Promise<boolean> {
  const items = await db
    .select({ rowId: letterItems.rowId, problemId: letterItems.problemId })
    .from(letterItems)
    .where(and(eq(letterItems.letterId, letterId), isNull(letterItems.deletedAt)));
  const rowIds = items.flatMap((i) => (i.rowId ? [i.rowId] : []));
  const problemIds = items.flatMap((i) => (i.problemId ? [i.problemId] : []));
  const about: SQL[] = [];
  if (rowIds.length) about.push(inArray(ledgerRows.id, rowIds));
  if (problemIds.length) about.push(inArray(ledgerRows.problemId, problemIds));
  if (!about.length) return false;
  const rows = await baseQuery(db).where(and(isNull(ledgerRows.deletedAt), sql`(${sql.join(about, sql` or `)})`));
  return rows.some((r) => canView(actor, stateOf(r)));
}

/** The feedback problems of a common problem: those its findings were fed back as. */
export async function commonProblemProblemIds(db: Db, commonProblemId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ problemId: findings.problemId })
    .from(commonProblemFindings)
    .innerJoin(findings, eq(findings.id, commonProblemFindings.findingId))
    .innerJoin(feedbackProblems, eq(feedbackProblems.id, findings.problemId))
    .where(
      and(
        eq(commonProblemFindings.commonProblemId, commonProblemId),
        isNull(commonProblemFindings.deletedAt),
        isNull(findings.deletedAt),
        isNull(feedbackProblems.deletedAt),
      ),
    )
    .orderBy(asc(findings.problemId));
  return rows.flatMap((r) => (r.problemId ? [r.problemId] : []));
}

export async function getCommonProblem(db: Db, id: string) {
  const [row] = await db
    .select({ id: commonProblems.id, title: commonProblems.title, department: commonProblems.department })
    .from(commonProblems)
    .where(and(eq(commonProblems.id, id), isNull(commonProblems.deletedAt)));
  if (!row) throw notFound("共性问题");
  return row;
}
