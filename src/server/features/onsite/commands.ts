/** Sending pre-inspection requests and recording their replies; recording and changing on-site records. */
import { and, eq } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  siteRecordProblems,
  type PreRequestInput,
  type PreRequestReply,
  type SiteRecordInput,
  type SiteRecordPatch,
} from "../../../domain/onsite.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { preRequests, siteRecords } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { createSiteRecordRefusal, editSiteRecordRefusal, replyStateReason, writePreRequestsRefusal } from "./policy.ts";
import { getPreRequestRecord, getSiteRecordRecord, resultsToList, resultsToStored } from "./queries.ts";

function assertNoProblems(problems: string[]): void {
  if (problems.length) throw ruleViolation(problems.join("；"), { problems });
}

export function createPreRequest(ctx: AppContext, origin: Origin, assignmentId: string, input: PreRequestInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(writePreRequestsRefusal(actorIn(s), asg));
    const id = uuidv7();
    const values = {
      assignmentId,
      department: input.department,
      subject: input.subject,
      sentOn: input.sentOn,
      dueDate: input.dueDate,
    };
    await s.tx.insert(preRequests).values({ id, ...created(s), ...values });
    await s.audit({ action: "pre_request.create", recordType: "pre_request", recordIds: [id, assignmentId], changes: values });
    return id;
  });
}

export function replyPreRequest(ctx: AppContext, origin: Origin, id: string, input: PreRequestReply): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const { request: r, teamId } = await getPreRequestRecord(s.tx, id);
    allow(writePreRequestsRefusal(actorIn(s), { teamId }));
    const state = replyStateReason(r);
    if (state) throw ruleViolation(state);
    if (input.repliedOn < r.sentOn) throw ruleViolation(`回复日期不能早于发函日期（${r.sentOn}）`);
    if (input.repliedOn > todayIn(ctx)) throw ruleViolation("回复日期不能晚于今天");
    const done = await s.tx
      .update(preRequests)
      .set({ replyText: input.replyText, repliedOn: input.repliedOn, updatedAt: s.now, version: r.version + 1 })
      .where(and(eq(preRequests.id, id), eq(preRequests.version, r.version)))
      .returning({ id: preRequests.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "pre_request.reply",
      recordType: "pre_request",
      recordIds: [id, r.assignmentId],
      changes: { repliedOn: input.repliedOn, replyText: input.replyText, late: input.repliedOn > r.dueDate },
    });
  });
}

export function createSiteRecord(ctx: AppContext, origin: Origin, assignmentId: string, input: SiteRecordInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(createSiteRecordRefusal(actor, asg));
    assertNoProblems(siteRecordProblems({ ...input, results: input.results ?? null }, todayIn(ctx)));
    const id = uuidv7();
    const values = {
      assignmentId,
      kind: input.kind,
      heldOn: input.heldOn,
      authorId: actor.userId,
      subject: input.subject,
      content: input.content,
      results: resultsToStored(input.results),
    };
    await s.tx.insert(siteRecords).values({ id, ...created(s), ...values });
    await s.audit({
      action: "site_record.create",
      recordType: "site_record",
      recordIds: [id, assignmentId],
      // Backfill is judged from the entry's time against the withdrawal date; keep both in the trail.
      changes: { ...values, withdrawalDate: asg.withdrawalDate },
    });
    return id;
  });
}

export function updateSiteRecord(ctx: AppContext, origin: Origin, id: string, patch: SiteRecordPatch): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const { record: old, teamId } = await getSiteRecordRecord(s.tx, id);
    allow(editSiteRecordRefusal(actorIn(s), { teamId }, old));
    if (old.version !== patch.version) throw conflict(STALE);
    const next = {
      kind: patch.kind ?? old.kind,
      heldOn: patch.heldOn ?? old.heldOn,
      subject: patch.subject ?? old.subject,
      content: patch.content ?? old.content,
      results: patch.results === undefined ? old.results : resultsToStored(patch.results),
    };
    assertNoProblems(siteRecordProblems({ ...next, results: resultsToList(next.results) }, todayIn(ctx)));
    const changes = diff(old, next);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    const done = await s.tx
      .update(siteRecords)
      .set({ ...next, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(siteRecords.id, id), eq(siteRecords.version, old.version)))
      .returning({ id: siteRecords.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({ action: "site_record.update", recordType: "site_record", recordIds: [id, old.assignmentId], changes });
  });
}
