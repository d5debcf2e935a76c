/** Reading petitions, with what the reader may do to each; their history from the audit trail; the public form's address. */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { AUDIT_ACTIONS } from "../../../domain/audit.ts";
import { DomainError, notFound } from "../../../domain/errors.ts";
import {
  formatReceiptCode,
  PETITION_CHANNEL_LABELS,
  PETITION_STATUS_LABELS,
  type PetitionChannel,
  type PetitionStatus,
} from "../../../domain/petition.ts";
import { isOffice, type Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, attachments, auditEntries, orgs, petitionLinks, petitions, rounds, teams } from "../../db/schema.ts";
import { isAdminActor, teamIdsOf } from "../rounds/policy.ts";
import { OWNER_TYPE } from "./files.ts";
import { petitionCan } from "./policy.ts";
import type { HistoryItem, PetitionView } from "./schema.ts";

type PetitionRow = typeof petitions.$inferSelect;
export interface Joined {
  petition: PetitionRow;
  teamId: string;
  orgId: string;
  orgName: string;
  roundName: string;
  teamName: string;
  attachmentCount: number;
}

const attachmentCount = sql<number>`(select count(*) from ${attachments} a where a.owner_type = ${OWNER_TYPE}
  and a.owner_id = ${petitions.id} and a.deleted_at is null)::int`;

const joined = (db: Db) =>
  db
    .select({
      petition: petitions,
      teamId: assignments.teamId,
      orgId: assignments.orgId,
      orgName: orgs.name,
      roundName: rounds.name,
      teamName: teams.name,
      attachmentCount,
    })
    .from(petitions)
    .innerJoin(assignments, eq(assignments.id, petitions.assignmentId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(teams, eq(teams.id, assignments.teamId));

export function presentPetition(actor: Actor, j: Joined): PetitionView {
  const p = j.petition;
  return {
    id: p.id,
    assignmentId: p.assignmentId,
    roundName: j.roundName,
    teamName: j.teamName,
    orgName: j.orgName,
    channel: p.channel,
    channelLabel: PETITION_CHANNEL_LABELS[p.channel as PetitionChannel] ?? p.channel,
    receiptCode: formatReceiptCode(p.receiptCode),
    anonymous: p.anonymous,
    content: p.content,
    status: p.status,
    statusLabel: PETITION_STATUS_LABELS[p.status as PetitionStatus] ?? p.status,
    handlingNote: p.handlingNote,
    transferredTo: p.transferredTo,
    findingId: p.findingId,
    leadId: p.leadId,
    reply: p.reply,
    repliedAt: p.repliedAt?.toISOString() ?? null,
    receivedAt: p.createdAt.toISOString(),
    attachmentCount: Number(j.attachmentCount),
    version: p.version,
    can: petitionCan(actor, { teamId: j.teamId }, p),
  };
}

export async function getPetition(db: Db, id: string): Promise<Joined> {
  const [row] = await joined(db).where(and(eq(petitions.id, id), isNull(petitions.deletedAt)));
  if (!row) throw notFound("信访举报");
  return row;
}

export interface PetitionFilter {
  assignmentId?: string | undefined;
  status?: PetitionStatus | undefined;
}

/** The office sees every assignment's petitions; a team member those of their teams' assignments. */
export async function listPetitions(db: Db, actor: Actor, f: PetitionFilter): Promise<PetitionView[]> {
  const where: SQL[] = [isNull(petitions.deletedAt)];
  if (isAdminActor(actor)) return [];
  if (!isOffice(actor)) {
    const teamIds = teamIdsOf(actor);
    if (!teamIds.length) return [];
    where.push(inArray(assignments.teamId, teamIds));
  }
  if (f.assignmentId) where.push(eq(petitions.assignmentId, f.assignmentId));
  if (f.status) where.push(eq(petitions.status, f.status));
  const rows = await joined(db)
    .where(and(...where))
    .orderBy(desc(petitions.createdAt), desc(petitions.id));
  return rows.map((r) => presentPetition(actor, r));
}

const label = (s: unknown) => PETITION_STATUS_LABELS[s as PetitionStatus] ?? String(s);

/** One line of what an audit entry changed, in words. */
function describeChange(action: string, changes: Record<string, unknown>): string {
  if (action === "petition.receive") {
    return `来源：${PETITION_CHANNEL_LABELS[changes.channel as PetitionChannel] ?? "—"}`;
  }
  const parts: string[] = [];
  const status = changes.status as [unknown, unknown] | undefined;
  if (status) parts.push(status[0] === status[1] ? `办理结果：${label(status[1])}` : `${label(status[0])} → ${label(status[1])}`);
  if (typeof changes.transferredTo === "string") parts.push(`转办单位：${changes.transferredTo}`);
  if (typeof changes.handlingNote === "string") parts.push(`办理情况：${changes.handlingNote}`);
  if (typeof changes.reply === "string") parts.push(`答复：${changes.reply}`);
  return parts.join("；");
}

/** Received and handled, from the audit trail (who and when cannot be edited there). */
export async function historyOf(db: Db, petitionId: string): Promise<HistoryItem[]> {
  const rows = await db
    .select({
      at: auditEntries.at,
      actorId: auditEntries.actorId,
      actorName: auditEntries.actorName,
      action: auditEntries.action,
      changes: auditEntries.changes,
    })
    .from(auditEntries)
    .where(
      and(
        inArray(auditEntries.action, ["petition.receive", "petition.handle"]),
        sql`${auditEntries.recordIds} @> ${JSON.stringify([petitionId])}::jsonb`,
      ),
    )
    .orderBy(asc(auditEntries.seq));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorName: r.actorId ? (r.actorName ?? "—") : "举报人（码上巡察）",
    actionLabel: AUDIT_ACTIONS[r.action as keyof typeof AUDIT_ACTIONS] ?? r.action,
    detail: describeChange(r.action, r.changes),
  }));
}

/** The assignment's active public form address, with where it leads. */
export async function activeLinkOf(db: Db, assignmentId: string) {
  const [row] = await db
    .select({ token: petitionLinks.token, createdAt: petitionLinks.createdAt })
    .from(petitionLinks)
    .where(and(eq(petitionLinks.assignmentId, assignmentId), eq(petitionLinks.active, true), isNull(petitionLinks.deletedAt)))
    .orderBy(desc(petitionLinks.createdAt))
    .limit(1);
  return row ?? null;
}

export const LINK_GONE = "该二维码已失效或不存在，请向巡察组索取新的二维码";

/** The organisation and round behind a public form address; unknown or replaced addresses are not found. */
export async function linkByToken(db: Db, token: string) {
  const [row] = await db
    .select({
      linkId: petitionLinks.id,
      assignmentId: assignments.id,
      teamId: assignments.teamId,
      orgName: orgs.name,
      roundName: rounds.name,
    })
    .from(petitionLinks)
    .innerJoin(assignments, eq(assignments.id, petitionLinks.assignmentId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(
      and(
        eq(petitionLinks.token, token),
        eq(petitionLinks.active, true),
        isNull(petitionLinks.deletedAt),
        isNull(assignments.deletedAt),
      ),
    );
  if (!row) throw new DomainError("not_found", LINK_GONE);
  return row;
}

/** The names an assignment is shown with (for the QR poster). */
export async function assignmentNames(db: Db, assignmentId: string) {
  const [row] = await db
    .select({ orgName: orgs.name, roundName: rounds.name })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .where(eq(assignments.id, assignmentId));
  if (!row) throw notFound("巡察任务");
  return row;
}

/** What a receipt code shows: the state and the reply, nothing else. */
export async function receiptOf(db: Db, code: string) {
  const [row] = await db
    .select({
      status: petitions.status,
      createdAt: petitions.createdAt,
      reply: petitions.reply,
      repliedAt: petitions.repliedAt,
    })
    .from(petitions)
    .where(and(eq(petitions.receiptCode, code), isNull(petitions.deletedAt)));
  return row ?? null;
}
