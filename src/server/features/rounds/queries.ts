/**
 * Reading terms, rounds, teams and assignments. Lists are cut to what the actor may see: wide readers see
 * everything, a team member only their own teams' assignments (policy.ts decides who is which).
 */
import { and, asc, desc, eq, inArray, isNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import { PARTY_STATUS_LABELS, teamWarnings, type PartyStatus } from "../../../domain/pool.ts";
import { ROUND_KIND_LABELS, type RoundKind } from "../../../domain/round.ts";
import { ADMIN_ROLES, TEAM_POSITION_LABELS, type Actor, type TeamPosition } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import {
  assignments,
  feedbackAspects,
  findings,
  orgs,
  poolPeople,
  roleGrants,
  rounds,
  teamMembers,
  teams,
  terms,
  users,
} from "../../db/schema.ts";
import { assignmentCan, roundCan, seesAllRounds, teamIdsOf } from "./policy.ts";
import type { AssignmentSummary, RoundView, TeamView } from "./schema.ts";

export async function listTerms(db: Db) {
  // Written out: in a one-table select drizzle leaves columns unqualified, so ${terms.id} inside the subquery would
  // name rounds.id.
  const roundCount = sql<number>`(select count(*)::int from rounds r where r.term_id = "terms"."id" and r.deleted_at is null)`;
  return db
    .select({ id: terms.id, name: terms.name, startDate: terms.startDate, endDate: terms.endDate, roundCount })
    .from(terms)
    .where(isNull(terms.deletedAt))
    .orderBy(desc(terms.startDate));
}

export async function getTerm(db: Db, id: string) {
  const [t] = await db
    .select()
    .from(terms)
    .where(and(eq(terms.id, id), isNull(terms.deletedAt)));
  if (!t) throw notFound("届次");
  return t;
}

export async function getRoundRecord(db: Db, id: string) {
  const [r] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.id, id), isNull(rounds.deletedAt)));
  if (!r) throw notFound("巡察轮次");
  return r;
}

export async function getTeamRecord(db: Db, id: string) {
  const [t] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), isNull(teams.deletedAt)));
  if (!t) throw notFound("巡察组");
  return t;
}

/** The team ids of each round, for deciding whether a team member may see it. */
export async function teamIdsOfRound(db: Db, roundId: string): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.roundId, roundId), isNull(teams.deletedAt)));
  return rows.map((r) => r.id);
}

/** Rounds the actor may see (all for wide readers; those holding one of their teams otherwise). */
export async function listRounds(db: Db, actor: Actor, filter: { termId?: string; roundId?: string }): Promise<RoundView[]> {
  const wide = seesAllRounds(actor);
  const myTeams = teamIdsOf(actor);
  if (!wide && myTeams.length === 0) return [];
  const conds: SQL[] = [isNull(rounds.deletedAt)];
  if (filter.termId) conds.push(eq(rounds.termId, filter.termId));
  if (filter.roundId) conds.push(eq(rounds.id, filter.roundId));
  if (!wide) {
    conds.push(
      inArray(
        rounds.id,
        db
          .select({ id: teams.roundId })
          .from(teams)
          .where(and(inArray(teams.id, myTeams), isNull(teams.deletedAt))),
      ),
    );
  }
  const visible = wide ? sql`true` : inArray(assignments.teamId, myTeams);
  const assignmentCount = sql<number>`(select count(*)::int from ${assignments}
    where ${assignments.roundId} = ${rounds.id} and ${assignments.deletedAt} is null and ${visible})`;
  const rows = await db
    .select({
      id: rounds.id,
      termId: rounds.termId,
      termName: terms.name,
      name: rounds.name,
      kind: rounds.kind,
      theme: rounds.theme,
      startDate: rounds.startDate,
      endDate: rounds.endDate,
      version: rounds.version,
      assignmentCount,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(and(...conds))
    .orderBy(desc(rounds.startDate), desc(rounds.id));
  const can = roundCan(actor);
  return rows.map((r) => ({ ...r, kindLabel: ROUND_KIND_LABELS[r.kind as RoundKind] ?? r.kind, can }));
}

/**
 * Teams of a round with their current members; a team member sees only their own teams. Each team shows its
 * temporary party branch's secretary (the leader) and warnings from the talent-pool rules that do not refuse
 * (pool members outside the set range, no leader, a leader from outside the leader pool, a removed member).
 */
export async function listTeams(ctx: AppContext, actor: Actor, roundId: string): Promise<TeamView[]> {
  const db = ctx.db;
  const conds: SQL[] = [eq(teams.roundId, roundId), isNull(teams.deletedAt)];
  if (!seesAllRounds(actor)) {
    const mine = teamIdsOf(actor);
    if (mine.length === 0) return [];
    conds.push(inArray(teams.id, mine));
  }
  const teamRows = await db
    .select({ id: teams.id, roundId: teams.roundId, name: teams.name })
    .from(teams)
    .where(and(...conds))
    .orderBy(asc(teams.id));
  if (teamRows.length === 0) return [];
  const members = await db
    .select({
      id: teamMembers.id,
      teamId: teamMembers.teamId,
      userId: teamMembers.userId,
      position: teamMembers.position,
      specialistReason: teamMembers.specialistReason,
      overrideReason: teamMembers.overrideReason,
      accountName: users.displayName,
      username: users.username,
      poolPersonId: poolPeople.id,
      poolName: poolPeople.name,
      unit: poolPeople.unit,
      partyStatus: poolPeople.partyStatus,
      leaderPool: poolPeople.leaderPool,
      poolStatus: poolPeople.status,
    })
    .from(teamMembers)
    .leftJoin(users, eq(users.id, teamMembers.userId))
    // The seat's pool person: named on the seat, or linked to the seat's account.
    .leftJoin(
      poolPeople,
      or(
        eq(poolPeople.id, teamMembers.poolPersonId),
        and(isNull(teamMembers.poolPersonId), eq(poolPeople.userId, teamMembers.userId), isNull(poolPeople.deletedAt)),
      ),
    )
    .where(
      and(
        inArray(
          teamMembers.teamId,
          teamRows.map((t) => t.id),
        ),
        isNull(teamMembers.deletedAt),
      ),
    )
    .orderBy(asc(teamMembers.id));
  const { teamPoolMin, teamPoolMax } = await ctx.settings();
  const order: Record<string, number> = { leader: 0, deputy_leader: 1, member: 2, liaison: 3 };
  return teamRows.map((t) => {
    const mine = members
      .filter((m) => m.teamId === t.id)
      .sort((a, b) => (order[a.position] ?? 9) - (order[b.position] ?? 9))
      .map((m) => ({
        id: m.id,
        userId: m.userId,
        poolPersonId: m.poolPersonId,
        displayName: m.poolName ?? m.accountName ?? "",
        username: m.username,
        unit: m.unit,
        partyStatusLabel: m.partyStatus ? (PARTY_STATUS_LABELS[m.partyStatus as PartyStatus] ?? m.partyStatus) : null,
        leaderPool: m.leaderPool ?? false,
        poolStatus: m.poolStatus,
        position: m.position,
        positionLabel: TEAM_POSITION_LABELS[m.position as TeamPosition] ?? m.position,
        specialistReason: m.specialistReason,
        overrideReason: m.overrideReason,
      }));
    const leader = mine.find((m) => m.position === "leader") ?? null;
    const poolMemberCount = mine.filter((m) => m.poolPersonId !== null).length;
    return {
      ...t,
      members: mine,
      branchSecretary: leader?.displayName ?? null,
      poolMemberCount,
      warnings: teamWarnings({
        poolMemberCount,
        min: teamPoolMin,
        max: teamPoolMax,
        leader: leader && {
          name: leader.displayName,
          fromLeaderPool: leader.leaderPool,
          overridden: leader.overrideReason !== null,
        },
        removedMembers: mine.filter((m) => m.poolStatus === "removed").map((m) => m.displayName),
      }),
    };
  });
}

/** Feedback counts as registered once the assignment has any feedback aspect. */
const feedbackRegisteredSql = sql<boolean>`exists (select 1 from ${feedbackAspects}
  where ${feedbackAspects.assignmentId} = ${assignments.id} and ${feedbackAspects.deletedAt} is null)`;
const findingCountSql = sql<number>`(select count(*)::int from ${findings}
  where ${findings.assignmentId} = ${assignments.id} and ${findings.deletedAt} is null)`;

/** One assignment with what its rules depend on (feedback registered or not). */
export async function getAssignmentRecord(db: Db, id: string) {
  const [a] = await db
    .select({
      id: assignments.id,
      roundId: assignments.roundId,
      teamId: assignments.teamId,
      orgId: assignments.orgId,
      entryDate: assignments.entryDate,
      withdrawalDate: assignments.withdrawalDate,
      feedbackDate: assignments.feedbackDate,
      version: assignments.version,
      orgKind: orgs.kind,
      feedbackRegistered: feedbackRegisteredSql,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(eq(assignments.id, id), isNull(assignments.deletedAt)));
  if (!a) throw notFound("巡察任务");
  return a;
}
export type AssignmentRecord = Awaited<ReturnType<typeof getAssignmentRecord>>;

/** Assignment summaries the actor may see, filtered by round, organisation or id. */
export async function listAssignments(
  ctx: AppContext,
  actor: Actor,
  filter: { roundId?: string; orgId?: string; id?: string },
): Promise<AssignmentSummary[]> {
  const conds: SQL[] = [isNull(assignments.deletedAt)];
  if (!seesAllRounds(actor)) {
    const mine = teamIdsOf(actor);
    if (mine.length === 0) return [];
    conds.push(inArray(assignments.teamId, mine));
  }
  if (filter.roundId) conds.push(eq(assignments.roundId, filter.roundId));
  if (filter.orgId) conds.push(eq(assignments.orgId, filter.orgId));
  if (filter.id) conds.push(eq(assignments.id, filter.id));
  const rows = await ctx.db
    .select({
      id: assignments.id,
      roundId: assignments.roundId,
      roundName: rounds.name,
      teamId: assignments.teamId,
      teamName: teams.name,
      orgId: assignments.orgId,
      orgName: orgs.name,
      orgKind: orgs.kind,
      entryDate: assignments.entryDate,
      withdrawalDate: assignments.withdrawalDate,
      feedbackDate: assignments.feedbackDate,
      version: assignments.version,
      findingCount: findingCountSql,
      feedbackRegistered: feedbackRegisteredSql,
    })
    .from(assignments)
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(...conds))
    .orderBy(desc(rounds.startDate), asc(teams.id), asc(assignments.id));
  const calendar = await ctx.calendar();
  return rows.map((r) => {
    const feedbackRegistered = Boolean(r.feedbackRegistered);
    return {
      ...r,
      findingCount: Number(r.findingCount),
      feedbackRegistered,
      onSiteWorkingDays: r.entryDate && r.withdrawalDate ? calendar.workingDaysBetween(r.entryDate, r.withdrawalDate) : null,
      can: assignmentCan(actor, { teamId: r.teamId, feedbackRegistered }),
    };
  });
}

/** Business accounts for picking team members: active, and holding no administrator role. */
export async function listPeople(db: Db, q: string | undefined) {
  const conds: SQL[] = [
    isNull(users.deletedAt),
    eq(users.active, true),
    notExists(
      db
        .select({ one: sql`1` })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, users.id), isNull(roleGrants.deletedAt), inArray(roleGrants.role, [...ADMIN_ROLES]))),
    ),
  ];
  const term = q?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${users.username} ilike ${pattern} or ${users.displayName} ilike ${pattern})`);
  }
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(...conds))
    .orderBy(asc(users.username))
    .limit(50);
}
