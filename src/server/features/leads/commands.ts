/**
 * Registering, changing, transferring and handling leads. The audit entries name what changed but never the
 * confidential content (summary, names): the audit trail is read by people who may not see leads.
 */
import { and, eq, isNull } from "drizzle-orm";
import {
  CONCLUDED_FORM_LABELS,
  DEFAULT_RECEIVING_OFFICE,
  handlingChanges,
  handlingProblem,
  LEAD_STATUS_LABELS,
  responsibleProblem,
  transferProblem,
  transferredDuringInspection,
  type LeadHandle,
  type LeadInput,
  type LeadPersonInput,
  type LeadStatus,
  type LeadTransfer,
  type LeadUpdate,
} from "../../../domain/lead.ts";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { leadPeople, leads } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import {
  createLeadRefusal,
  editStateReason,
  handleLeadRefusal,
  reviewLeadRefusal,
  transferLeadRefusal,
  updateLeadRefusal,
  type LeadState,
} from "./policy.ts";
import { getLead, peopleOf } from "./queries.ts";

const clean = (v: string | null | undefined): string | null => v?.trim() || null;

function assertState(reason: string | null): void {
  if (reason !== null) throw ruleViolation(reason);
}

export function createLead(ctx: AppContext, origin: Origin, assignmentId: string, input: LeadInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(createLeadRefusal(actorIn(s), asg));
    const values = {
      leadClass: input.leadClass,
      summary: input.summary,
      responsiblePerson: clean(input.responsiblePerson),
      responsibleUnit: clean(input.responsibleUnit),
    };
    assertState(responsibleProblem(values));
    const id = uuidv7();
    await s.tx.insert(leads).values({ id, ...created(s), assignmentId, orgId: asg.orgId, ...values, status: "pending" });
    await writePeople(s, id, [], input.people);
    await s.audit({
      action: "lead.create",
      recordType: "lead",
      recordIds: [id, assignmentId],
      changes: { leadClass: values.leadClass, named: values.responsiblePerson !== null, people: input.people.length },
    });
    return id;
  });
}

/** Keeps the people sent with an id, adds those without, and removes (soft-deletes) the rest. */
async function writePeople(
  s: CommandScope,
  leadId: string,
  existing: Array<typeof leadPeople.$inferSelect>,
  wanted: LeadPersonInput[],
): Promise<boolean> {
  let changed = false;
  const byId = new Map(existing.map((p) => [p.id, p]));
  const kept = new Set<string>();
  for (const p of wanted) {
    const values = { name: p.name, position: clean(p.position), rank: p.rank };
    const old = p.id ? byId.get(p.id) : undefined;
    if (p.id && !old) throw ruleViolation("涉及人员已被他人修改，请刷新后重试");
    if (old) {
      kept.add(old.id);
      if (old.name === values.name && old.position === values.position && old.rank === values.rank) continue;
      await s.tx
        .update(leadPeople)
        .set({ ...values, updatedAt: s.now, version: old.version + 1 })
        .where(eq(leadPeople.id, old.id));
    } else {
      await s.tx.insert(leadPeople).values({ id: uuidv7(), ...created(s), leadId, ...values });
    }
    changed = true;
  }
  for (const p of existing) {
    if (kept.has(p.id)) continue;
    await s.tx
      .update(leadPeople)
      .set({ deletedAt: s.now, updatedAt: s.now, version: p.version + 1 })
      .where(eq(leadPeople.id, p.id));
    changed = true;
  }
  return changed;
}

/** Writes the lead only if nobody changed it meanwhile. */
async function write(s: CommandScope, id: string, oldVersion: number, set: Partial<typeof leads.$inferInsert>) {
  const done = await s.tx
    .update(leads)
    .set({ ...set, updatedAt: s.now, version: oldVersion + 1 })
    .where(and(eq(leads.id, id), eq(leads.version, oldVersion), isNull(leads.deletedAt)))
    .returning({ id: leads.id });
  if (done.length === 0) throw conflict(STALE);
}

const stateOf = (j: Awaited<ReturnType<typeof getLead>>): LeadState => ({
  teamId: j.teamId,
  status: j.lead.status,
  transferredOn: j.lead.transferredOn,
});

export function updateLead(ctx: AppContext, origin: Origin, id: string, input: LeadUpdate): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const j = await getLead(s.tx, actor, id);
    const l = j.lead;
    const { version, preReview, people, ...rest } = input;
    const content = Object.values(rest).some((v) => v !== undefined) || people !== undefined;
    if (!content && preReview === undefined) throw ruleViolation("没有需要修改的内容");
    if (content) allow(updateLeadRefusal(actor, stateOf(j)));
    if (preReview !== undefined) allow(reviewLeadRefusal(actor));
    if (l.version !== version) throw conflict(STALE);
    assertState(editStateReason(stateOf(j)));

    const set: Partial<typeof leads.$inferInsert> = {};
    if (rest.leadClass !== undefined) set.leadClass = rest.leadClass;
    if (rest.summary !== undefined) set.summary = rest.summary;
    if (rest.responsiblePerson !== undefined) set.responsiblePerson = clean(rest.responsiblePerson);
    if (rest.responsibleUnit !== undefined) set.responsibleUnit = clean(rest.responsibleUnit);
    if (preReview !== undefined) set.preReview = clean(preReview);
    assertState(
      responsibleProblem({
        responsiblePerson: set.responsiblePerson === undefined ? l.responsiblePerson : set.responsiblePerson,
        responsibleUnit: set.responsibleUnit === undefined ? l.responsibleUnit : set.responsibleUnit,
      }),
    );
    // Field names only: the values are confidential.
    const fields = Object.entries(set)
      .filter(([k, v]) => (l as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    const peopleChanged = people !== undefined && (await writePeople(s, id, (await peopleOf(s.tx, [id])).get(id) ?? [], people));
    if (peopleChanged) fields.push("people");
    await write(s, id, l.version, set);
    await s.audit({
      action: "lead.update",
      recordType: "lead",
      recordIds: [id, l.assignmentId],
      changes: {
        fields,
        ...(set.leadClass !== undefined && set.leadClass !== l.leadClass ? { leadClass: [l.leadClass, set.leadClass] } : {}),
      },
    });
  });
}

export function transferLead(ctx: AppContext, origin: Origin, id: string, input: LeadTransfer): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const j = await getLead(s.tx, actor, id);
    allow(transferLeadRefusal(actor, stateOf(j)));
    if (j.lead.version !== input.version) throw conflict(STALE);
    assertState(transferProblem(j.lead, input.transferredOn, j.entryDate, todayIn(ctx)));
    const values = {
      transferredOn: input.transferredOn,
      receivingOffice: clean(input.receivingOffice) ?? DEFAULT_RECEIVING_OFFICE,
      duringInspection: input.duringInspection ?? transferredDuringInspection(input.transferredOn, j.withdrawalDate),
    };
    await write(s, id, j.lead.version, values);
    await s.audit({ action: "lead.transfer", recordType: "lead", recordIds: [id, j.lead.assignmentId], changes: values });
  });
}

export function handleLead(ctx: AppContext, origin: Origin, id: string, input: LeadHandle): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const j = await getLead(s.tx, actor, id);
    allow(handleLeadRefusal(actor));
    if (j.lead.version !== input.version) throw conflict(STALE);
    const step = { status: input.status, handledOn: input.handledOn, concludedForm: input.concludedForm ?? null };
    assertState(handlingProblem(j.lead, step, todayIn(ctx)));
    const set = handlingChanges(step);
    // Each step's note is kept, headed by the step and its date, so the handling reads as one record.
    const note = clean(input.note);
    const handlingNote = note
      ? [j.lead.handlingNote, `【${LEAD_STATUS_LABELS[input.status]} ${input.handledOn}】${note}`].filter(Boolean).join("\n")
      : j.lead.handlingNote;
    await write(s, id, j.lead.version, { ...set, handlingNote });
    const from = j.lead.status as LeadStatus;
    await s.audit({
      action: "lead.handle",
      recordType: "lead",
      recordIds: [id, j.lead.assignmentId],
      changes: {
        status: [LEAD_STATUS_LABELS[from] ?? from, LEAD_STATUS_LABELS[input.status]],
        handledOn: input.handledOn,
        ...(step.concludedForm ? { concludedForm: CONCLUDED_FORM_LABELS[step.concludedForm] } : {}),
      },
    });
  });
}
