/** Reading the talent pool: people with what they served and attended, their ties, trainings, figures. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import {
  PARTY_STATUS_LABELS,
  POOL_RANK_LABELS,
  POOL_STATUS_LABELS,
  POOL_STATUSES,
  RELATION_KIND_LABELS,
  type PartyStatus,
  type PoolRank,
  type PoolStatus,
  type RelationKind,
} from "../../../domain/pool.ts";
import { TEAM_POSITION_LABELS, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  orgs,
  poolPeople,
  poolRelations,
  rounds,
  teamMembers,
  teams,
  trainingAttendees,
  trainings,
  users,
} from "../../db/schema.ts";
import { personCan } from "./policy.ts";
import type { PoolFigures, PoolPersonView, TrainingView } from "./schema.ts";

/** A seat counts for a person when taken as that pool person, or by the account linked to them. */
const seatOfPerson = or(
  eq(teamMembers.poolPersonId, poolPeople.id),
  and(isNull(teamMembers.poolPersonId), isNotNull(poolPeople.userId), eq(teamMembers.userId, poolPeople.userId)),
);

/** Distinct rounds of the teams each person sat on. */
export async function roundsServedOf(db: Db, personIds?: readonly string[]): Promise<Map<string, number>> {
  if (personIds && personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: poolPeople.id, n: sql<number>`count(distinct ${teams.roundId})::int` })
    .from(poolPeople)
    .innerJoin(teamMembers, and(seatOfPerson, isNull(teamMembers.deletedAt)))
    .innerJoin(teams, and(eq(teams.id, teamMembers.teamId), isNull(teams.deletedAt)))
    .where(personIds ? inArray(poolPeople.id, [...personIds]) : undefined)
    .groupBy(poolPeople.id);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

async function trainingsAttendedOf(db: Db, personIds: readonly string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: trainingAttendees.personId, n: sql<number>`count(*)::int` })
    .from(trainingAttendees)
    .innerJoin(trainings, and(eq(trainings.id, trainingAttendees.trainingId), isNull(trainings.deletedAt)))
    .where(and(inArray(trainingAttendees.personId, [...personIds]), isNull(trainingAttendees.deletedAt)))
    .groupBy(trainingAttendees.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

const joined = (db: Db) =>
  db
    .select({ person: poolPeople, unitOrgName: orgs.name, username: users.username })
    .from(poolPeople)
    .leftJoin(orgs, eq(orgs.id, poolPeople.unitOrgId))
    .leftJoin(users, eq(users.id, poolPeople.userId));
type Joined = Awaited<ReturnType<ReturnType<typeof joined>["where"]>>[number];

function present(actor: Actor, j: Joined, served: Map<string, number>, trained: Map<string, number>): PoolPersonView {
  const p = j.person;
  return {
    id: p.id,
    name: p.name,
    unit: p.unit,
    unitOrgId: p.unitOrgId,
    unitOrgName: j.unitOrgName,
    position: p.position,
    rank: p.rank,
    rankLabel: p.rank ? (POOL_RANK_LABELS[p.rank as PoolRank] ?? p.rank) : null,
    partyStatus: p.partyStatus,
    partyStatusLabel: PARTY_STATUS_LABELS[p.partyStatus as PartyStatus] ?? p.partyStatus,
    specialties: p.specialties,
    status: p.status,
    statusLabel: POOL_STATUS_LABELS[p.status as PoolStatus] ?? p.status,
    removedReason: p.removedReason,
    removedOn: p.removedOn,
    leaderPool: p.leaderPool,
    userId: p.userId,
    username: j.username,
    phone: p.phone,
    roundsServed: served.get(p.id) ?? 0,
    trainingsAttended: trained.get(p.id) ?? 0,
    version: p.version,
    can: personCan(actor, p),
  };
}

async function presentAll(db: Db, actor: Actor, rows: Joined[]): Promise<PoolPersonView[]> {
  const ids = rows.map((r) => r.person.id);
  const [served, trained] = await Promise.all([roundsServedOf(db, ids), trainingsAttendedOf(db, ids)]);
  return rows.map((r) => present(actor, r, served, trained));
}

export interface PoolFilter {
  /** Without it: the people in the pool now (reserve and formal); removed people only when asked for. */
  status?: PoolStatus | undefined;
  leaderPool?: boolean | undefined;
  specialty?: string | undefined;
  partyStatus?: PartyStatus | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
}

export function poolConditions(f: PoolFilter): SQL[] {
  const conds: SQL[] = [isNull(poolPeople.deletedAt)];
  conds.push(f.status ? eq(poolPeople.status, f.status) : ne(poolPeople.status, "removed"));
  if (f.leaderPool !== undefined) conds.push(eq(poolPeople.leaderPool, f.leaderPool));
  if (f.partyStatus) conds.push(eq(poolPeople.partyStatus, f.partyStatus));
  if (f.specialty?.trim()) conds.push(sql`${poolPeople.specialties} @> ${JSON.stringify([f.specialty.trim()])}::jsonb`);
  if (f.ids) conds.push(inArray(poolPeople.id, f.ids));
  const term = f.q?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      sql`(${poolPeople.name} ilike ${pattern} or ${poolPeople.unit} ilike ${pattern} or coalesce(${poolPeople.position}, '') ilike ${pattern})`,
    );
  }
  return conds;
}

export async function listPool(db: Db, actor: Actor, f: PoolFilter): Promise<PoolPersonView[]> {
  const rows = await joined(db)
    .where(and(...poolConditions(f)))
    .orderBy(desc(poolPeople.leaderPool), asc(poolPeople.name), asc(poolPeople.id));
  return presentAll(db, actor, rows);
}

export async function getPersonRecord(db: Db, id: string) {
  const [p] = await db
    .select()
    .from(poolPeople)
    .where(and(eq(poolPeople.id, id), isNull(poolPeople.deletedAt)));
  if (!p) throw notFound("人才库人员");
  return p;
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PoolPersonView> {
  const rows = await joined(db).where(and(eq(poolPeople.id, id), isNull(poolPeople.deletedAt)));
  if (!rows[0]) throw notFound("人才库人员");
  return (await presentAll(db, actor, rows))[0]!;
}

export async function personDetail(db: Db, actor: Actor, id: string) {
  const person = await getPerson(db, actor, id);
  const relations = await db
    .select({
      id: poolRelations.id,
      orgId: poolRelations.orgId,
      orgName: orgs.name,
      kind: poolRelations.kind,
      note: poolRelations.note,
    })
    .from(poolRelations)
    .innerJoin(orgs, eq(orgs.id, poolRelations.orgId))
    .where(and(eq(poolRelations.personId, id), isNull(poolRelations.deletedAt)))
    .orderBy(asc(poolRelations.createdAt), asc(poolRelations.id));
  const attended = await db
    .select({
      id: trainings.id,
      title: trainings.title,
      heldOn: trainings.heldOn,
      days: trainings.days,
      organiser: trainings.organiser,
    })
    .from(trainingAttendees)
    .innerJoin(trainings, eq(trainings.id, trainingAttendees.trainingId))
    .where(and(eq(trainingAttendees.personId, id), isNull(trainingAttendees.deletedAt), isNull(trainings.deletedAt)))
    .orderBy(desc(trainings.heldOn), asc(trainings.id));
  const seats = await db
    .select({
      roundId: rounds.id,
      roundName: rounds.name,
      roundStartDate: rounds.startDate,
      teamId: teams.id,
      teamName: teams.name,
      position: teamMembers.position,
    })
    .from(poolPeople)
    .innerJoin(teamMembers, and(seatOfPerson, isNull(teamMembers.deletedAt)))
    .innerJoin(teams, and(eq(teams.id, teamMembers.teamId), isNull(teams.deletedAt)))
    .innerJoin(rounds, eq(rounds.id, teams.roundId))
    .where(eq(poolPeople.id, id))
    .orderBy(desc(rounds.startDate), asc(teams.name));
  return {
    person,
    relations: relations.map((r) => ({ ...r, kindLabel: RELATION_KIND_LABELS[r.kind as RelationKind] ?? r.kind })),
    trainings: attended,
    rounds: seats.map((s) => ({ ...s, positionLabel: TEAM_POSITION_LABELS[s.position as TeamPosition] ?? s.position })),
  };
}

export async function getTrainingRecord(db: Db, id: string) {
  const [t] = await db
    .select()
    .from(trainings)
    .where(and(eq(trainings.id, id), isNull(trainings.deletedAt)));
  if (!t) throw notFound("培训");
  return t;
}

export async function listTrainings(db: Db, id?: string): Promise<TrainingView[]> {
  const list = await db
    .select()
    .from(trainings)
    .where(and(isNull(trainings.deletedAt), id ? eq(trainings.id, id) : undefined))
    .orderBy(desc(trainings.heldOn), desc(trainings.id));
  if (list.length === 0) return [];
  const attendees = await db
    .select({
      trainingId: trainingAttendees.trainingId,
      personId: poolPeople.id,
      name: poolPeople.name,
      unit: poolPeople.unit,
      status: poolPeople.status,
    })
    .from(trainingAttendees)
    .innerJoin(poolPeople, eq(poolPeople.id, trainingAttendees.personId))
    .where(
      and(
        inArray(
          trainingAttendees.trainingId,
          list.map((t) => t.id),
        ),
        isNull(trainingAttendees.deletedAt),
      ),
    )
    .orderBy(asc(trainingAttendees.createdAt), asc(trainingAttendees.id));
  return list.map((t) => ({
    id: t.id,
    title: t.title,
    heldOn: t.heldOn,
    days: t.days,
    organiser: t.organiser,
    version: t.version,
    attendees: attendees.filter((a) => a.trainingId === t.id).map(({ trainingId: _t, ...a }) => a),
  }));
}

export async function poolFigures(db: Db): Promise<PoolFigures> {
  const byStatus = await db
    .select({ status: poolPeople.status, n: sql<number>`count(*)::int` })
    .from(poolPeople)
    .where(isNull(poolPeople.deletedAt))
    .groupBy(poolPeople.status);
  const count = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const [leaders] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(poolPeople)
    .where(and(isNull(poolPeople.deletedAt), ne(poolPeople.status, "removed"), eq(poolPeople.leaderPool, true)));
  const [held] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainings)
    .where(isNull(trainings.deletedAt));
  const [attendance] = await db
    .select({
      n: sql<number>`count(*)::int`,
      people: sql<number>`(count(distinct ${trainingAttendees.personId}) filter (where ${poolPeople.status} <> 'removed'))::int`,
    })
    .from(trainingAttendees)
    .innerJoin(trainings, and(eq(trainings.id, trainingAttendees.trainingId), isNull(trainings.deletedAt)))
    .innerJoin(poolPeople, and(eq(poolPeople.id, trainingAttendees.personId), isNull(poolPeople.deletedAt)))
    .where(isNull(trainingAttendees.deletedAt));
  return {
    total: count("reserve") + count("formal"),
    byStatus: POOL_STATUSES.map((s) => ({ status: s, label: POOL_STATUS_LABELS[s], count: count(s) })),
    leaderPool: Number(leaders?.n ?? 0),
    trainings: Number(held?.n ?? 0),
    attendances: Number(attendance?.n ?? 0),
    trainedPeople: Number(attendance?.people ?? 0),
  };
}
