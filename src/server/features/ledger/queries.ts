import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { AUDIT_ACTIONS, type AuditAction } from "../../../domain/audit.ts";
import {
  CAMPAIGN_ASPECT_TITLE,
  LEDGER_STATUS_LABELS,
  PROGRESS_LABELS,
  RECTIFICATION_KIND_LABELS,
  type LedgerStatus,
  type ProgressState,
  type RectificationKind,
} from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  assignments,
  auditEntries,
  campaigns,
  evidenceFiles,
  feedbackAspects,
  feedbackProblems,
  ledgerNotes,
  ledgerRows,
  orgs,
  relapses,
  rounds,
  users,
} from "../../db/schema.ts";
import { abilities, visibleRows, type RowState } from "./policy.ts";

export interface LedgerFilter {
  orgId?: string;
  assignmentId?: string;
  roundId?: string;
  status?: LedgerStatus;
  progress?: ProgressState;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

const rowColumns = {
  id: ledgerRows.id,
  seqLabel: ledgerRows.seqLabel,
  orgId: ledgerRows.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  assignmentId: ledgerRows.assignmentId,
  roundId: assignments.roundId,
  teamId: assignments.teamId,
  problemId: ledgerRows.problemId,
  campaignId: ledgerRows.campaignId,
  problemText: feedbackProblems.text,
  problemSeq: feedbackProblems.seq,
  aspectTitle: feedbackAspects.title,
  aspectSeq: feedbackAspects.seq,
  text: ledgerRows.text,
  measures: ledgerRows.measures,
  responsibleLeader: ledgerRows.responsibleLeader,
  responsibleDepartment: ledgerRows.responsibleDepartment,
  deadline: ledgerRows.deadline,
  kind: ledgerRows.kind,
  progress: ledgerRows.progress,
  status: ledgerRows.status,
  closeRequestedBy: ledgerRows.closeRequestedBy,
  closeRequestedAt: ledgerRows.closeRequestedAt,
  closedBy: ledgerRows.closedBy,
  closedAt: ledgerRows.closedAt,
  returnReason: ledgerRows.returnReason,
  relapseCount: ledgerRows.relapseCount,
  version: ledgerRows.version,
  updatedAt: ledgerRows.updatedAt,
};

type RawRow = Awaited<ReturnType<typeof loadRows>>[number];

export function baseQuery(db: Db) {
  return (
    db
      .select(rowColumns)
      .from(ledgerRows)
      .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
      // Left joins: a campaign's self-check row has no assignment or feedback problem.
      .leftJoin(assignments, eq(assignments.id, ledgerRows.assignmentId))
      .leftJoin(feedbackProblems, eq(feedbackProblems.id, ledgerRows.problemId))
      .leftJoin(feedbackAspects, eq(feedbackAspects.id, feedbackProblems.aspectId))
  );
}

export function stateOf(r: Pick<RawRow, "orgId" | "orgPath" | "teamId" | "status" | "closeRequestedBy">): RowState {
  return {
    orgId: r.orgId,
    orgPath: r.orgPath ?? "",
    teamId: r.teamId ?? "",
    status: r.status as LedgerStatus,
    closeRequestedBy: r.closeRequestedBy,
  };
}

export function present(actor: Actor, r: RawRow, today: string, evidenceCount: number) {
  const status = r.status as LedgerStatus;
  const overdue = status !== "closed" && r.deadline !== null && r.deadline < today;
  return {
    id: r.id,
    seqLabel: r.seqLabel,
    orgId: r.orgId,
    orgName: r.orgName ?? "",
    assignmentId: r.assignmentId,
    roundId: r.roundId ?? "",
    problemId: r.problemId,
    campaignId: r.campaignId,
    problemText: r.problemText ?? "",
    aspectTitle: r.aspectTitle ?? (r.campaignId ? CAMPAIGN_ASPECT_TITLE : ""),
    text: r.text,
    measures: r.measures,
    responsibleLeader: r.responsibleLeader,
    responsibleDepartment: r.responsibleDepartment,
    deadline: r.deadline,
    kind: r.kind as RectificationKind | null,
    kindLabel: r.kind ? RECTIFICATION_KIND_LABELS[r.kind as RectificationKind] : null,
    progress: r.progress as ProgressState,
    progressLabel: PROGRESS_LABELS[r.progress as ProgressState],
    status,
    statusLabel: LEDGER_STATUS_LABELS[status],
    overdue,
    returnReason: r.returnReason,
    relapseCount: r.relapseCount,
    evidenceCount,
    closeRequestedAt: r.closeRequestedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    can: abilities(actor, stateOf(r)),
  };
}
export type LedgerRowView = ReturnType<typeof present>;

export function filterConditions(actor: Actor, f: Omit<LedgerFilter, "page" | "pageSize">, today: string): SQL[] {
  const where: SQL[] = [isNull(ledgerRows.deletedAt)];
  const scope = visibleRows(actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId });
  if (scope) where.push(scope);
  if (f.orgId) where.push(eq(ledgerRows.orgId, f.orgId));
  if (f.assignmentId) where.push(eq(ledgerRows.assignmentId, f.assignmentId));
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.status) where.push(eq(ledgerRows.status, f.status));
  if (f.progress) where.push(eq(ledgerRows.progress, f.progress));
  if (f.overdue) where.push(sql`${ledgerRows.status} <> 'closed' and ${ledgerRows.deadline} < ${today}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${ledgerRows.text} ilike ${like} or ${ledgerRows.measures} ilike ${like} or ${ledgerRows.responsibleLeader} ilike ${like} or ${ledgerRows.responsibleDepartment} ilike ${like})`,
    );
  }
  return where;
}

export async function listRows(db: Db, actor: Actor, f: LedgerFilter, today: string) {
  const where = and(...filterConditions(actor, f, today));
  // Orgs and assignments are joined for counting and paging only when a condition reads them.
  const scope = visibleRows(actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId });
  const needsJoins = scope !== undefined || !!f.roundId;
  const matching = <Q extends PgSelect>(q: Q): Q =>
    needsJoins
      ? (q
          .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
          .leftJoin(assignments, eq(assignments.id, ledgerRows.assignmentId)) as unknown as Q)
      : q;
  // A total order: seq restarts in each assignment, so pages need the assignment (and the id) too.
  const order = [asc(ledgerRows.orgId), asc(ledgerRows.assignmentId), asc(ledgerRows.seq), asc(ledgerRows.id)];
  const offset = (f.page - 1) * f.pageSize;
  // Past the first page: the page's ids come from the index first, then only those rows are joined.
  const pageIds = matching(db.select({ id: ledgerRows.id }).from(ledgerRows).$dynamic())
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset(offset);
  const [rows, [count]] = await Promise.all([
    offset === 0
      ? baseQuery(db)
          .where(where)
          .orderBy(...order)
          .limit(f.pageSize)
      : baseQuery(db)
          .where(inArray(ledgerRows.id, pageIds))
          .orderBy(...order),
    matching(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(ledgerRows)
        .$dynamic(),
    ).where(where),
  ]);
  const counts = await evidenceCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => present(actor, r, today, counts.get(r.id) ?? 0)),
    total: count?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function evidenceCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ rowId: evidenceFiles.rowId, n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(inArray(evidenceFiles.rowId, ids), isNull(evidenceFiles.deletedAt)))
    .groupBy(evidenceFiles.rowId);
  return new Map(rows.map((r) => [r.rowId, r.n]));
}

/** Rows with what policies need, for commands (also inside a transaction). */
export async function loadRows(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return baseQuery(db).where(and(inArray(ledgerRows.id, ids), isNull(ledgerRows.deletedAt)));
}

export async function rowDetail(db: Db, actor: Actor, id: string, today: string) {
  const [r] = await loadRows(db, [id]);
  if (!r) return null;
  const [notes, files, relapseRows, history] = await Promise.all([
    db
      .select({
        id: ledgerNotes.id,
        noteDate: ledgerNotes.noteDate,
        text: ledgerNotes.text,
        author: users.displayName,
        createdAt: ledgerNotes.createdAt,
      })
      .from(ledgerNotes)
      .leftJoin(users, eq(users.id, ledgerNotes.createdBy))
      .where(and(eq(ledgerNotes.rowId, id), isNull(ledgerNotes.deletedAt)))
      .orderBy(desc(ledgerNotes.noteDate), desc(ledgerNotes.createdAt)),
    db
      .select({
        id: evidenceFiles.id,
        fileName: evidenceFiles.fileName,
        mimeType: evidenceFiles.mimeType,
        size: evidenceFiles.size,
        contentHash: evidenceFiles.contentHash,
        uploadedBy: users.displayName,
        createdAt: evidenceFiles.createdAt,
      })
      .from(evidenceFiles)
      .leftJoin(users, eq(users.id, evidenceFiles.createdBy))
      .where(and(eq(evidenceFiles.rowId, id), isNull(evidenceFiles.deletedAt)))
      .orderBy(asc(evidenceFiles.createdAt)),
    db
      .select()
      .from(relapses)
      .where(and(eq(relapses.rowId, id), isNull(relapses.deletedAt)))
      .orderBy(asc(relapses.createdAt)),
    db
      .select({
        at: auditEntries.at,
        actorName: auditEntries.actorName,
        action: auditEntries.action,
        changes: auditEntries.changes,
      })
      .from(auditEntries)
      .where(sql`${auditEntries.recordIds} @> ${JSON.stringify([id])}::jsonb`)
      .orderBy(asc(auditEntries.seq)),
  ]);
  // A campaign's self-check row belongs to no round: it is named after its campaign.
  const [source] = r.roundId
    ? await db.select({ name: rounds.name }).from(rounds).where(eq(rounds.id, r.roundId))
    : r.campaignId
      ? await db
          .select({ name: sql<string>`${CAMPAIGN_ASPECT_TITLE} || '：' || ${campaigns.title}` })
          .from(campaigns)
          .where(eq(campaigns.id, r.campaignId))
      : [];
  return {
    row: { ...present(actor, r, today, files.length), roundName: source?.name ?? "" },
    notes: notes.map((n) => ({ ...n, author: n.author ?? "", createdAt: n.createdAt.toISOString() })),
    evidence: files.map((f) => ({ ...f, uploadedBy: f.uploadedBy ?? "", createdAt: f.createdAt.toISOString() })),
    relapses: relapseRows.map((x) => ({
      id: x.id,
      reason: x.reason,
      foundWhere: x.foundWhere,
      foundOn: x.foundOn,
      createdAt: x.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName ?? "系统",
      action: h.action,
      actionLabel: AUDIT_ACTIONS[h.action as AuditAction] ?? h.action,
      changes: h.changes,
    })),
  };
}
