/** Teams of a round and their members: formed by the inspection office. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { leaderRefusal, partyRefusal, recusalConflicts, recusalRefusal, removedRefusal } from "../../../domain/pool.ts";
import type { MemberInput } from "../../../domain/round.ts";
import { ADMIN_ROLES, TEAM_POSITION_LABELS } from "../../../domain/roles.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { poolPeople, roleGrants, teamMembers, teams, users } from "../../db/schema.ts";
import { targetsOfTeam, tiesOf } from "../pool/recusal.ts";
import { allow, manageRefusal } from "./policy.ts";
import { getRoundRecord, getTeamRecord } from "./queries.ts";
import { actorIn } from "./round-commands.ts";

export function createTeam(ctx: AppContext, origin: Origin, roundId: string, name: string): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    await getRoundRecord(s.tx, roundId);
    const [same] = await s.tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.roundId, roundId), eq(teams.name, name), isNull(teams.deletedAt)));
    if (same) throw conflict(`本轮已有名为“${name}”的巡察组`);
    const id = uuidv7();
    await s.tx.insert(teams).values({ id, ...created(s), roundId, name });
    await s.audit({ action: "team.create", recordType: "team", recordIds: [id], changes: { roundId, name } });
    return id;
  });
}

/** Who takes a seat: the pool person (with their account, if linked) or an account alone. */
interface Seat {
  name: string;
  userId: string | null;
  person: typeof poolPeople.$inferSelect | null;
}

async function seatOf(s: CommandScope, input: MemberInput): Promise<Seat> {
  let person: Seat["person"] = null;
  let userId = input.userId ?? null;
  if (input.poolPersonId) {
    [person = null] = await s.tx
      .select()
      .from(poolPeople)
      .where(and(eq(poolPeople.id, input.poolPersonId), isNull(poolPeople.deletedAt)));
    if (!person) throw notFound("人才库人员");
    userId = person.userId;
  } else if (userId) {
    // An account linked to a pool person sits as that person, under the same rules.
    [person = null] = await s.tx
      .select()
      .from(poolPeople)
      .where(and(eq(poolPeople.userId, userId), isNull(poolPeople.deletedAt)));
  }
  let name = person?.name ?? "";
  if (userId) {
    const [account] = await s.tx
      .select({ id: users.id, displayName: users.displayName, active: users.active })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    if (!account) throw notFound("人员");
    name ||= account.displayName;
    if (!account.active) throw ruleViolation(`${name}的账号已停用，不能加入巡察组`);
    const [admin] = await s.tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.deletedAt), inArray(roleGrants.role, [...ADMIN_ROLES])))
      .limit(1);
    if (admin) throw ruleViolation("系统管理员、安全保密管理员和安全审计员账号不能加入巡察组");
  }
  return { name, userId, person };
}

/** The talent-pool rules (LIFECYCLE §2): not removed, a party member or a needed specialist, leader pool, recusal. */
async function assertPoolRules(s: CommandScope, teamId: string, person: NonNullable<Seat["person"]>, input: MemberInput) {
  const refusal =
    removedRefusal(person) ??
    partyRefusal(person, input.specialistReason) ??
    leaderRefusal(person, input.position, input.overrideReason);
  if (refusal) throw ruleViolation(refusal);
  const [ties, targets] = await Promise.all([tiesOf(s.tx, [person.id]), targetsOfTeam(s.tx, teamId)]);
  const conflicts = recusalConflicts(ties.get(person.id) ?? [], targets);
  const recusal = recusalRefusal(person.name, conflicts);
  if (recusal)
    throw ruleViolation(recusal, {
      conflicts: conflicts.map((c) => ({ orgId: c.target.orgId, tieOrgId: c.tie.orgId, kind: c.tie.kind })),
    });
}

export function addMember(ctx: AppContext, origin: Origin, teamId: string, input: MemberInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    const team = await getTeamRecord(s.tx, teamId);
    const seat = await seatOf(s, input);
    const current = await s.tx
      .select({ userId: teamMembers.userId, poolPersonId: teamMembers.poolPersonId, position: teamMembers.position })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.deletedAt)));
    const already = current.some(
      (m) => (seat.userId !== null && m.userId === seat.userId) || (seat.person !== null && m.poolPersonId === seat.person.id),
    );
    if (already) throw conflict(`${seat.name}已是${team.name}成员`);
    if (input.position === "leader" && current.some((m) => m.position === "leader")) {
      throw ruleViolation(`${team.name}已有组长，每个巡察组只能有一名组长`);
    }
    if (seat.person) await assertPoolRules(s, teamId, seat.person, input);
    const id = uuidv7();
    const values = {
      teamId,
      userId: seat.userId,
      poolPersonId: seat.person?.id ?? null,
      position: input.position,
      specialistReason: input.specialistReason,
      overrideReason: input.overrideReason,
    };
    await s.tx.insert(teamMembers).values({ id, ...created(s), ...values });
    await s.audit({
      action: "team.add_member",
      recordType: "team_member",
      recordIds: [id, teamId, ...(seat.userId ? [seat.userId] : []), ...(seat.person ? [seat.person.id] : [])],
      changes: { ...values, name: seat.name, positionLabel: TEAM_POSITION_LABELS[input.position] },
    });
    return id;
  });
}

export function removeMember(ctx: AppContext, origin: Origin, teamId: string, memberId: string): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    await getTeamRecord(s.tx, teamId);
    const [m] = await s.tx
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, teamId), isNull(teamMembers.deletedAt)));
    if (!m) throw notFound("巡察组成员");
    await s.tx
      .update(teamMembers)
      .set({ deletedAt: s.now, updatedAt: s.now, version: m.version + 1 })
      .where(eq(teamMembers.id, memberId));
    await s.audit({
      action: "team.remove_member",
      recordType: "team_member",
      recordIds: [memberId, teamId, ...(m.userId ? [m.userId] : []), ...(m.poolPersonId ? [m.poolPersonId] : [])],
      changes: { teamId, userId: m.userId, poolPersonId: m.poolPersonId, position: m.position },
    });
  });
}
