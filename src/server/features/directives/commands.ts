/** Recording meetings and directives (office), reporting (owner), confirming or returning (office). */
import { and, eq, isNull } from "drizzle-orm";
import type { DirectiveInput, MeetingInput } from "../../../domain/directive.ts";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { directives, orgs, secretaryMeetings, users } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { confirmRefusal, confirmStateReason, recordDirectivesRefusal, reportRefusal, reportStateReason } from "./policy.ts";
import { getDirective, getMeeting } from "./queries.ts";

function assertState(reason: string | null): void {
  if (reason !== null) throw ruleViolation(reason);
}

export function createMeeting(ctx: AppContext, origin: Origin, input: MeetingInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(recordDirectivesRefusal(actorIn(s)));
    const id = uuidv7();
    const values = { heldOn: input.heldOn, title: input.title, notes: input.notes?.trim() || null };
    await s.tx.insert(secretaryMeetings).values({ id, ...created(s), ...values });
    await s.audit({ action: "secretary_meeting.create", recordType: "secretary_meeting", recordIds: [id], changes: values });
    return id;
  });
}

export function createDirective(ctx: AppContext, origin: Origin, input: DirectiveInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(recordDirectivesRefusal(actorIn(s)));
    await getMeeting(s.tx, input.meetingId);
    if (input.orgId) {
      const [org] = await s.tx
        .select({ id: orgs.id })
        .from(orgs)
        .where(and(eq(orgs.id, input.orgId), isNull(orgs.deletedAt)));
      if (!org) throw notFound("单位");
    }
    if (input.ownerUserId) {
      const [u] = await s.tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.ownerUserId), isNull(users.deletedAt), eq(users.active, true)));
      if (!u) throw notFound("办理账号");
    }
    const id = uuidv7();
    const values = {
      meetingId: input.meetingId,
      kind: input.kind,
      target: input.target,
      orgId: input.orgId ?? null,
      action: input.action,
      owner: input.owner,
      ownerUserId: input.ownerUserId ?? null,
      dueDate: input.dueDate ?? null,
    };
    await s.tx.insert(directives).values({ id, ...created(s), ...values, status: "open" });
    await s.audit({ action: "directive.create", recordType: "directive", recordIds: [id, input.meetingId], changes: values });
    return id;
  });
}

/** Writes a transition only if nobody changed the directive meanwhile. */
async function transition(s: CommandScope, id: string, oldVersion: number, set: Partial<typeof directives.$inferInsert>) {
  const done = await s.tx
    .update(directives)
    .set({ ...set, updatedAt: s.now, version: oldVersion + 1 })
    .where(and(eq(directives.id, id), eq(directives.version, oldVersion), isNull(directives.deletedAt)))
    .returning({ id: directives.id });
  if (done.length === 0) throw conflict(STALE);
}

export function reportDirective(ctx: AppContext, origin: Origin, id: string, body: { report: string; version: number }) {
  return runCommand(ctx, origin, async (s) => {
    const { directive: d } = await getDirective(s.tx, id);
    allow(reportRefusal(actorIn(s), d));
    if (d.version !== body.version) throw conflict(STALE);
    assertState(reportStateReason(d));
    const reporter = actorIn(s).userId;
    await transition(s, id, d.version, { status: "reported", report: body.report, reportedAt: s.now, reportedBy: reporter });
    await s.audit({
      action: "directive.report",
      recordType: "directive",
      recordIds: [id, d.meetingId],
      changes: { status: ["open", "reported"], report: body.report },
    });
  });
}

export function closeDirective(ctx: AppContext, origin: Origin, id: string, body: { version: number }) {
  return runCommand(ctx, origin, async (s) => {
    const { directive: d } = await getDirective(s.tx, id);
    allow(confirmRefusal(actorIn(s), d));
    if (d.version !== body.version) throw conflict(STALE);
    assertState(confirmStateReason(d));
    await transition(s, id, d.version, { status: "closed", closedAt: s.now, closedBy: actorIn(s).userId, returnReason: null });
    await s.audit({
      action: "directive.close",
      recordType: "directive",
      recordIds: [id, d.meetingId],
      changes: { status: ["reported", "closed"] },
    });
  });
}

export function returnDirective(ctx: AppContext, origin: Origin, id: string, body: { reason: string; version: number }) {
  return runCommand(ctx, origin, async (s) => {
    const { directive: d } = await getDirective(s.tx, id);
    allow(confirmRefusal(actorIn(s), d));
    if (d.version !== body.version) throw conflict(STALE);
    assertState(confirmStateReason(d));
    await transition(s, id, d.version, { status: "open", returnReason: body.reason });
    await s.audit({
      action: "directive.return",
      recordType: "directive",
      recordIds: [id, d.meetingId],
      changes: { status: ["reported", "open"], reason: body.reason },
    });
  });
}
