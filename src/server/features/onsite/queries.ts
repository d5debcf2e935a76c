/** Reading pre-inspection requests and on-site records of an assignment, with their attachments and flags. */
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import {
  APPRAISAL_LABELS,
  isBackfill,
  isPreRequestOverdue,
  SITE_RECORD_KIND_LABELS,
  type SiteRecordKind,
  type SiteRecordResult,
} from "../../../domain/onsite.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, preRequests, siteRecords, users } from "../../db/schema.ts";
import { listAttachments } from "./attachments.ts";
import { preRequestCan, siteRecordCan } from "./policy.ts";
import type { PreRequestView, SiteRecordView } from "./schema.ts";

interface Asg {
  teamId: string;
  withdrawalDate: string | null;
}

/** A pre-inspection request with the assignment facts its rules depend on. */
export async function getPreRequestRecord(db: Db, id: string) {
  const [row] = await db
    .select({ request: preRequests, teamId: assignments.teamId })
    .from(preRequests)
    .innerJoin(assignments, eq(assignments.id, preRequests.assignmentId))
    .where(and(eq(preRequests.id, id), isNull(preRequests.deletedAt), isNull(assignments.deletedAt)));
  if (!row) throw notFound("巡前函请");
  return row;
}

export async function listPreRequests(
  db: Db,
  actor: Actor,
  today: string,
  asg: Asg & { id: string },
  only?: string,
): Promise<PreRequestView[]> {
  const conds: SQL[] = [eq(preRequests.assignmentId, asg.id), isNull(preRequests.deletedAt)];
  if (only) conds.push(eq(preRequests.id, only));
  const rows = await db
    .select()
    .from(preRequests)
    .where(and(...conds))
    .orderBy(asc(preRequests.sentOn), asc(preRequests.createdAt), asc(preRequests.id));
  const files = await listAttachments(
    db,
    "pre_request",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignmentId,
    department: r.department,
    subject: r.subject,
    sentOn: r.sentOn,
    dueDate: r.dueDate,
    replyText: r.replyText,
    repliedOn: r.repliedOn,
    overdue: isPreRequestOverdue(r, today),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    attachments: files.get(r.id) ?? [],
    can: preRequestCan(actor, asg, r),
  }));
}

/** An on-site record with the assignment facts its rules depend on. */
export async function getSiteRecordRecord(db: Db, id: string) {
  const [row] = await db
    .select({ record: siteRecords, teamId: assignments.teamId, withdrawalDate: assignments.withdrawalDate })
    .from(siteRecords)
    .innerJoin(assignments, eq(assignments.id, siteRecords.assignmentId))
    .where(and(eq(siteRecords.id, id), isNull(siteRecords.deletedAt), isNull(assignments.deletedAt)));
  if (!row) throw notFound("巡察记录");
  return row;
}

/** jsonb keeps no key order: the usual answers (好, 较好, 一般, 差) come first, in that order. */
const rank = (label: string) => {
  const i = (APPRAISAL_LABELS as readonly string[]).indexOf(label);
  return i < 0 ? APPRAISAL_LABELS.length : i;
};

/** Stored as { label: count } (jsonb); sent as a list. */
export const resultsToList = (r: Record<string, number> | null): SiteRecordResult[] | null =>
  r
    ? Object.entries(r)
        .map(([label, count]) => ({ label, count }))
        .sort((a, b) => rank(a.label) - rank(b.label))
    : null;
export const resultsToStored = (r: readonly SiteRecordResult[] | null | undefined): Record<string, number> | null =>
  r?.length ? Object.fromEntries(r.map((x) => [x.label, x.count])) : null;

export async function listSiteRecords(
  db: Db,
  actor: Actor,
  asg: Asg & { id: string },
  filter: { kind?: SiteRecordKind; id?: string },
): Promise<SiteRecordView[]> {
  const conds: SQL[] = [eq(siteRecords.assignmentId, asg.id), isNull(siteRecords.deletedAt)];
  if (filter.kind) conds.push(eq(siteRecords.kind, filter.kind));
  if (filter.id) conds.push(eq(siteRecords.id, filter.id));
  const rows = await db
    .select({ r: siteRecords, authorName: users.displayName })
    .from(siteRecords)
    .leftJoin(users, eq(users.id, siteRecords.authorId))
    .where(and(...conds))
    .orderBy(asc(siteRecords.heldOn), asc(siteRecords.createdAt), asc(siteRecords.id));
  const files = await listAttachments(
    db,
    "site_record",
    rows.map(({ r }) => r.id),
  );
  return rows.map(({ r, authorName }) => ({
    id: r.id,
    assignmentId: r.assignmentId,
    kind: r.kind,
    kindLabel: SITE_RECORD_KIND_LABELS[r.kind as SiteRecordKind] ?? r.kind,
    heldOn: r.heldOn,
    authorId: r.authorId,
    authorName: authorName ?? null,
    subject: r.subject,
    content: r.content,
    results: resultsToList(r.results),
    enteredAfterWithdrawal: isBackfill(r.createdAt, asg.withdrawalDate),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    attachments: files.get(r.id) ?? [],
    can: siteRecordCan(actor, asg, r),
  }));
}
