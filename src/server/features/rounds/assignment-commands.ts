/**
 * Assignments: one team × one organisation within a round. Entering an entry date alone sets the default
 * withdrawal date on the working-day calendar (the on-site length set for the organisation's kind and, for a
 * village, its risk class).
 */
import { and, eq, isNull } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import type { WorkCalendar } from "../../../domain/calendar.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  assignmentDateProblems,
  defaultOnSiteWorkingDays,
  type AssignmentDates,
  type AssignmentInput,
  type AssignmentPatch,
} from "../../../domain/round.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { assignments, orgs } from "../../db/schema.ts";
import { assignmentRecusal } from "../pool/recusal.ts";
import { allow, changeFeedbackDateRefusal, manageRefusal } from "./policy.ts";
import { getAssignmentRecord, getRoundRecord, getTeamRecord } from "./queries.ts";
import { actorIn, STALE } from "./round-commands.ts";

function assertDateOrder(d: AssignmentDates): void {
  const problems = assignmentDateProblems(d);
  if (problems.length) throw ruleViolation(problems.join("；"), { problems });
}

/** The on-site length set for the organisation's kind (villages: by risk class), counted on the working-day calendar. */
async function defaultWithdrawal(s: CommandScope, calendar: WorkCalendar, entryDate: string, orgId: string): Promise<string> {
  const [org] = await s.tx.select({ kind: orgs.kind, riskClass: orgs.riskClass }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound("被巡察单位");
  return calendar.addWorkingDays(entryDate, defaultOnSiteWorkingDays(org, await s.ctx.settings()));
}

export async function createAssignment(
  ctx: AppContext,
  origin: Origin,
  roundId: string,
  input: AssignmentInput,
): Promise<string> {
  // Loaded before the transaction: the embedded database has one connection, which the transaction holds.
  const calendar = await ctx.calendar();
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    await getRoundRecord(s.tx, roundId);
    const team = await getTeamRecord(s.tx, input.teamId);
    if (team.roundId !== roundId) throw ruleViolation("所选巡察组不属于本轮巡察");
    const [org] = await s.tx
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.id, input.orgId), isNull(orgs.deletedAt)));
    if (!org) throw notFound("被巡察单位");
    const [taken] = await s.tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.roundId, roundId), eq(assignments.orgId, input.orgId), isNull(assignments.deletedAt)));
    if (taken) throw conflict(`${org.name}在本轮已有巡察任务`);
    const recusal = await assignmentRecusal(s.tx, team.id, { orgId: org.id, orgName: org.name, orgPath: org.path });
    if (recusal) throw ruleViolation(recusal);
    const entryDate = input.entryDate ?? null;
    const withdrawalDate = input.withdrawalDate ?? (entryDate ? await defaultWithdrawal(s, calendar, entryDate, org.id) : null);
    const dates = { entryDate, withdrawalDate, feedbackDate: input.feedbackDate ?? null };
    assertDateOrder(dates);
    const id = uuidv7();
    const values = { roundId, teamId: team.id, orgId: org.id, ...dates };
    await s.tx.insert(assignments).values({ id, ...created(s), ...values });
    await s.audit({
      action: "assignment.create",
      recordType: "assignment",
      recordIds: [id],
      changes: { ...values, withdrawalDateDefaulted: !input.withdrawalDate && withdrawalDate !== null },
    });
    return id;
  });
}

export async function updateAssignment(ctx: AppContext, origin: Origin, id: string, patch: AssignmentPatch): Promise<void> {
  const calendar = await ctx.calendar();
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    const old = await getAssignmentRecord(s.tx, id);
    if (old.version !== patch.version) throw conflict(STALE);
    if (patch.feedbackDate !== undefined && (patch.feedbackDate ?? null) !== old.feedbackDate) {
      const locked = changeFeedbackDateRefusal({ feedbackRegistered: Boolean(old.feedbackRegistered) });
      if (locked) throw ruleViolation(locked);
    }
    const entryDate = patch.entryDate === undefined ? old.entryDate : patch.entryDate;
    let withdrawalDate = patch.withdrawalDate === undefined ? old.withdrawalDate : patch.withdrawalDate;
    // A new entry date with no withdrawal date anywhere gets the default on-site period, as on creation.
    if (patch.entryDate && patch.withdrawalDate === undefined && !old.withdrawalDate) {
      withdrawalDate = await defaultWithdrawal(s, calendar, patch.entryDate, old.orgId);
    }
    const next = {
      entryDate: entryDate ?? null,
      withdrawalDate: withdrawalDate ?? null,
      feedbackDate: (patch.feedbackDate === undefined ? old.feedbackDate : patch.feedbackDate) ?? null,
    };
    assertDateOrder(next);
    const changes = diff(old, next);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    const done = await s.tx
      .update(assignments)
      .set({ ...next, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(assignments.id, id), eq(assignments.version, old.version)))
      .returning({ id: assignments.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({ action: "assignment.update", recordType: "assignment", recordIds: [id], changes });
  });
}
