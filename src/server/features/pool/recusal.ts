/**
 * What recusal is checked against: a pool person's ties (their unit organisation and declared relations) and the
 * organisations a team inspects. The rule itself (a tie in the subtree of an inspected organisation) is pure and
 * lives in src/domain/pool.ts.
 */
import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { assignmentRecusalRefusal, recusalConflicts, type RelationKind, type Target, type Tie } from "../../../domain/pool.ts";
import type { Db } from "../../db/client.ts";
import { assignments, orgs, poolPeople, poolRelations, teamMembers } from "../../db/schema.ts";

/** Each person's ties, by person id (people without ties are absent). */
export async function tiesOf(db: Db, personIds: readonly string[]): Promise<Map<string, Tie[]>> {
  const out = new Map<string, Tie[]>();
  if (personIds.length === 0) return out;
  const add = (personId: string, tie: Tie) => out.set(personId, [...(out.get(personId) ?? []), tie]);
  const units = await db
    .select({ personId: poolPeople.id, orgId: orgs.id, orgName: orgs.name, orgPath: orgs.path })
    .from(poolPeople)
    .innerJoin(orgs, eq(orgs.id, poolPeople.unitOrgId))
    .where(inArray(poolPeople.id, [...personIds]));
  for (const u of units) add(u.personId, { orgId: u.orgId, orgName: u.orgName, orgPath: u.orgPath, kind: "works_in" });
  const relations = await db
    .select({
      personId: poolRelations.personId,
      orgId: orgs.id,
      orgName: orgs.name,
      orgPath: orgs.path,
      kind: poolRelations.kind,
    })
    .from(poolRelations)
    .innerJoin(orgs, eq(orgs.id, poolRelations.orgId))
    .where(and(inArray(poolRelations.personId, [...personIds]), isNull(poolRelations.deletedAt)));
  for (const r of relations) add(r.personId, { ...r, kind: r.kind as RelationKind });
  return out;
}

/** The organisations a team is assigned to (live assignments). */
export async function targetsOfTeam(db: Db, teamId: string): Promise<Target[]> {
  return db
    .select({ orgId: orgs.id, orgName: orgs.name, orgPath: orgs.path })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .where(and(eq(assignments.teamId, teamId), isNull(assignments.deletedAt)));
}

/**
 * The pool people sitting on a team: seats taken as a pool person, and seats of an account that a pool person is
 * linked to (an account seated before it was linked still carries the person's ties).
 */
export async function poolMembersOfTeam(db: Db, teamId: string): Promise<Array<{ personId: string; name: string }>> {
  return db
    .select({ personId: poolPeople.id, name: poolPeople.name })
    .from(teamMembers)
    .innerJoin(
      poolPeople,
      or(
        eq(poolPeople.id, teamMembers.poolPersonId),
        and(
          isNull(teamMembers.poolPersonId),
          isNotNull(teamMembers.userId),
          eq(poolPeople.userId, teamMembers.userId),
          isNull(poolPeople.deletedAt),
        ),
      ),
    )
    .where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.deletedAt)));
}

/** A team is not given an organisation that any of its pool members has a tie to: each conflict is named. */
export async function assignmentRecusal(db: Db, teamId: string, target: Target): Promise<string | null> {
  const members = await poolMembersOfTeam(db, teamId);
  const ties = await tiesOf(
    db,
    members.map((m) => m.personId),
  );
  return assignmentRecusalRefusal(
    members.map((m) => ({ name: m.name, conflicts: recusalConflicts(ties.get(m.personId) ?? [], [target]) })),
  );
}
