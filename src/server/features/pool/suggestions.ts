/**
 * Member suggestions for a team: formal pool people who could join it without breaking a rule that refuses —
 * not removed, not seated on any team of the round yet, no recusal conflict with the organisations the team
 * inspects — ranked by the specialty asked for, then by the fewest rounds served (spreading the work).
 */
import { and, eq, isNull } from "drizzle-orm";
import { rankSuggestions, recusalConflicts } from "../../../domain/pool.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { teamMembers, teams } from "../../db/schema.ts";
import { getTeamRecord } from "../rounds/queries.ts";
import { listPool } from "./queries.ts";
import { targetsOfTeam, tiesOf } from "./recusal.ts";

export async function teamSuggestions(db: Db, actor: Actor, teamId: string, specialty?: string) {
  const team = await getTeamRecord(db, teamId);
  const seats = await db
    .select({ poolPersonId: teamMembers.poolPersonId, userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(teams, and(eq(teams.id, teamMembers.teamId), isNull(teams.deletedAt)))
    .where(and(eq(teams.roundId, team.roundId), isNull(teamMembers.deletedAt)));
  const seatedPeople = new Set(seats.map((s) => s.poolPersonId).filter((id) => id !== null));
  const seatedAccounts = new Set(seats.map((s) => s.userId).filter((id) => id !== null));
  const free = (await listPool(db, actor, { status: "formal" })).filter(
    (p) => !seatedPeople.has(p.id) && !(p.userId && seatedAccounts.has(p.userId)),
  );
  const [targets, ties] = await Promise.all([
    targetsOfTeam(db, teamId),
    tiesOf(
      db,
      free.map((p) => p.id),
    ),
  ]);
  const clean = free.filter((p) => recusalConflicts(ties.get(p.id) ?? [], targets).length === 0);
  return rankSuggestions(clean, specialty);
}
