/**
 * Backfill (补录) per team of a round: how many on-site records and findings were entered after their
 * assignment's withdrawal date, and their share of all entered. The seeds complain that the standalone system is
 * not used on site and data are typed in afterwards; this is where the office sees it.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { backfillCount, type BackfillCount } from "../../../domain/onsite.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, findings, siteRecords, teams } from "../../db/schema.ts";
import { seesAllRounds, teamIdsOf } from "../rounds/policy.ts";

interface Entry {
  teamId: string;
  enteredAt: Date;
  withdrawalDate: string | null;
}

export async function roundBackfill(db: Db, actor: Actor, roundId: string) {
  const conds = [eq(teams.roundId, roundId), isNull(teams.deletedAt)];
  if (!seesAllRounds(actor)) conds.push(inArray(teams.id, teamIdsOf(actor)));
  const teamRows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(...conds))
    .orderBy(asc(teams.name), asc(teams.id));
  const ids = teamRows.map((t) => t.id);
  if (!ids.length) return { teams: [], total: backfillCount([]) };

  const live = and(eq(assignments.roundId, roundId), inArray(assignments.teamId, ids), isNull(assignments.deletedAt));
  const records: Entry[] = await db
    .select({ teamId: assignments.teamId, enteredAt: siteRecords.createdAt, withdrawalDate: assignments.withdrawalDate })
    .from(siteRecords)
    .innerJoin(assignments, eq(assignments.id, siteRecords.assignmentId))
    .where(and(live, isNull(siteRecords.deletedAt)));
  const found: Entry[] = await db
    .select({ teamId: assignments.teamId, enteredAt: findings.createdAt, withdrawalDate: assignments.withdrawalDate })
    .from(findings)
    .innerJoin(assignments, eq(assignments.id, findings.assignmentId))
    .where(and(live, isNull(findings.deletedAt)));

  const of = (list: Entry[], teamId: string): BackfillCount => backfillCount(list.filter((e) => e.teamId === teamId));
  return {
    teams: teamRows.map((t) => ({
      teamId: t.id,
      teamName: t.name,
      siteRecords: of(records, t.id),
      findings: of(found, t.id),
      ...backfillCount([...records, ...found].filter((e) => e.teamId === t.id)),
    })),
    total: backfillCount([...records, ...found]),
  };
}
