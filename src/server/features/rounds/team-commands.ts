/** Teams of a round and their members: formed by the inspection office. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { ADMIN_ROLES, TEAM_POSITION_LABELS, type TeamPosition } from "../../../domain/roles.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { roleGrants, teamMembers, teams, users } from "../../db/schema.ts";
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

export function addMember(
  ctx: AppContext,
  origin: Origin,
  teamId: string,
  input: { userId: string; position: TeamPosition },
): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    const team = await getTeamRecord(s.tx, teamId);
    const [person] = await s.tx
      .select({ id: users.id, displayName: users.displayName, active: users.active })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)));
    if (!person) throw notFound("人员");
    if (!person.active) throw ruleViolation(`${person.displayName}的账号已停用，不能加入巡察组`);
    const [admin] = await s.tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, input.userId), isNull(roleGrants.deletedAt), inArray(roleGrants.role, [...ADMIN_ROLES])))
      .limit(1);
    if (admin) throw ruleViolation("系统管理员、安全保密管理员和安全审计员账号不能加入巡察组");
    const current = await s.tx
      .select({ userId: teamMembers.userId, position: teamMembers.position })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.deletedAt)));
    if (current.some((m) => m.userId === input.userId)) throw conflict(`${person.displayName}已是${team.name}成员`);
    if (input.position === "leader" && current.some((m) => m.position === "leader")) {
      throw ruleViolation(`${team.name}已有组长，每个巡察组只能有一名组长`);
    }
    const id = uuidv7();
    await s.tx.insert(teamMembers).values({ id, ...created(s), teamId, userId: input.userId, position: input.position });
    await s.audit({
      action: "team.add_member",
      recordType: "team_member",
      recordIds: [id, teamId, input.userId],
      changes: { teamId, userId: input.userId, position: input.position, positionLabel: TEAM_POSITION_LABELS[input.position] },
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
      recordIds: [memberId, teamId, m.userId],
      changes: { teamId, userId: m.userId, position: m.position },
    });
  });
}
