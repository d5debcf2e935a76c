/** Test records inserted directly (setup only; behaviour under test goes through the HTTP API). */
import { uuidv7 } from "../../src/domain/ids.ts";
import type { OrgKind } from "../../src/domain/org.ts";
import type { TeamPosition } from "../../src/domain/roles.ts";
import type { AppContext } from "../../src/server/context.ts";
import { assignments, findings, orgs, rounds, teamMembers, teams, terms } from "../../src/server/db/schema.ts";

export async function newOrg(ctx: AppContext, name: string, kind: OrgKind = "agency", parent?: { id: string; path: string }) {
  const id = uuidv7();
  const path = `${parent?.path ?? "/"}${id}/`;
  await ctx.db
    .insert(orgs)
    .values({ id, name, kind, parentId: parent?.id ?? null, path, riskClass: kind === "village" ? "normal" : null });
  return { id, path, name };
}

export async function newRound(ctx: AppContext, name = "第一轮巡察") {
  const termId = uuidv7();
  await ctx.db.insert(terms).values({ id: termId, name: "十三届", startDate: "2021-09-01", endDate: "2026-08-31" });
  const id = uuidv7();
  await ctx.db.insert(rounds).values({ id, termId, name, kind: "regular", startDate: "2023-09-01", endDate: "2023-12-31" });
  return { id, termId };
}

export async function newTeam(
  ctx: AppContext,
  roundId: string,
  members: Array<{ userId: string; position: TeamPosition }> = [],
  name = "第一巡察组",
) {
  const id = uuidv7();
  await ctx.db.insert(teams).values({ id, roundId, name });
  for (const m of members) await ctx.db.insert(teamMembers).values({ id: uuidv7(), teamId: id, ...m });
  return { id };
}

export async function newAssignment(
  ctx: AppContext,
  a: { roundId: string; teamId: string; orgId: string; entryDate?: string; withdrawalDate?: string },
) {
  const id = uuidv7();
  await ctx.db
    .insert(assignments)
    .values({ id, ...a, entryDate: a.entryDate ?? "2023-09-06", withdrawalDate: a.withdrawalDate ?? "2023-11-07" });
  return { id };
}

export async function newFinding(ctx: AppContext, assignmentId: string, orgId: string, text: string) {
  const id = uuidv7();
  await ctx.db.insert(findings).values({ id, assignmentId, orgId, text, category: "party_leadership" });
  return { id };
}
