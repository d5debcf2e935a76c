/** Reading meetings and directives, with what the reader may do to each. */
import { and, asc, desc, eq, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import {
  DIRECTIVE_KIND_LABELS,
  DIRECTIVE_STATUS_LABELS,
  directiveFigures,
  isDirectiveOverdue,
  type DirectiveFigures,
  type DirectiveKind,
  type DirectiveStatus,
} from "../../../domain/directive.ts";
import { notFound } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { directives, orgs, secretaryMeetings } from "../../db/schema.ts";
import { directiveCan, seesAllDirectives } from "./policy.ts";
import type { DirectiveView, MeetingView } from "./schema.ts";

type DirectiveRow = typeof directives.$inferSelect;
interface Joined {
  directive: DirectiveRow;
  meetingTitle: string;
  orgName: string | null;
}

export function presentDirective(actor: Actor, today: string, { directive: d, meetingTitle, orgName }: Joined): DirectiveView {
  return {
    id: d.id,
    meetingId: d.meetingId,
    meetingTitle,
    kind: d.kind,
    kindLabel: DIRECTIVE_KIND_LABELS[d.kind as DirectiveKind] ?? d.kind,
    target: d.target,
    orgId: d.orgId,
    orgName,
    action: d.action,
    owner: d.owner,
    ownerUserId: d.ownerUserId,
    dueDate: d.dueDate,
    overdue: isDirectiveOverdue(d, today),
    status: d.status,
    statusLabel: DIRECTIVE_STATUS_LABELS[d.status as DirectiveStatus] ?? d.status,
    report: d.report,
    reportedAt: d.reportedAt?.toISOString() ?? null,
    closedAt: d.closedAt?.toISOString() ?? null,
    returnReason: d.returnReason,
    version: d.version,
    can: directiveCan(actor, d),
  };
}

const joined = (db: Db) =>
  db
    .select({ directive: directives, meetingTitle: secretaryMeetings.title, orgName: orgs.name })
    .from(directives)
    .innerJoin(secretaryMeetings, eq(secretaryMeetings.id, directives.meetingId))
    .leftJoin(orgs, eq(orgs.id, directives.orgId));

export async function getDirective(db: Db, id: string): Promise<Joined> {
  const [row] = await joined(db).where(and(eq(directives.id, id), isNull(directives.deletedAt)));
  if (!row) throw notFound("点人点事事项");
  return row;
}

export interface DirectiveFilter {
  meetingId?: string | undefined;
  status?: DirectiveStatus | undefined;
  overdue?: boolean | undefined;
}

export async function listDirectives(db: Db, actor: Actor, today: string, f: DirectiveFilter): Promise<DirectiveView[]> {
  const where: SQL[] = [isNull(directives.deletedAt)];
  if (!seesAllDirectives(actor)) where.push(eq(directives.ownerUserId, actor.userId));
  if (f.meetingId) where.push(eq(directives.meetingId, f.meetingId));
  if (f.status) where.push(eq(directives.status, f.status));
  if (f.overdue === true) where.push(ne(directives.status, "closed"), lt(directives.dueDate, today));
  if (f.overdue === false)
    where.push(
      sql`not (${directives.status} <> 'closed' and ${directives.dueDate} is not null and ${directives.dueDate} < ${today})`,
    );
  const rows = await joined(db)
    .where(and(...where))
    .orderBy(desc(secretaryMeetings.heldOn), asc(directives.createdAt), asc(directives.id));
  return rows.map((r) => presentDirective(actor, today, r));
}

/** Whether the actor owns any live directive (owners who are not wide readers see only theirs). */
export async function ownsDirectives(db: Db, actor: Actor): Promise<boolean> {
  const [row] = await db
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.ownerUserId, actor.userId), isNull(directives.deletedAt)))
    .limit(1);
  return row !== undefined;
}

export async function getMeeting(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(secretaryMeetings)
    .where(and(eq(secretaryMeetings.id, id), isNull(secretaryMeetings.deletedAt)));
  if (!row) throw notFound("书记专题会");
  return row;
}

export async function listMeetings(db: Db): Promise<MeetingView[]> {
  const rows = await db
    .select({
      meeting: secretaryMeetings,
      total: sql<number>`count(${directives.id})::int`,
      done: sql<number>`(count(${directives.id}) filter (where ${directives.status} = 'closed'))::int`,
    })
    .from(secretaryMeetings)
    .leftJoin(directives, and(eq(directives.meetingId, secretaryMeetings.id), isNull(directives.deletedAt)))
    .where(isNull(secretaryMeetings.deletedAt))
    .groupBy(secretaryMeetings.id)
    .orderBy(desc(secretaryMeetings.heldOn), desc(secretaryMeetings.id));
  return rows.map(({ meeting: m, total, done }) => ({
    id: m.id,
    heldOn: m.heldOn,
    title: m.title,
    notes: m.notes,
    total: Number(total),
    done: Number(done),
    version: m.version,
  }));
}

export async function figuresOf(db: Db, today: string, meetingId?: string): Promise<DirectiveFigures> {
  const where: SQL[] = [isNull(directives.deletedAt)];
  if (meetingId) where.push(eq(directives.meetingId, meetingId));
  const rows = await db
    .select({ status: directives.status, dueDate: directives.dueDate })
    .from(directives)
    .where(and(...where));
  return directiveFigures(rows, today);
}
