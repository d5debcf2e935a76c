/**
 * Consultations (办组会商) of an assignment: the office records what the office and the team decided about leads
 * and findings; readers see the decisions on leads only when they may see the lead.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { LEAD_CLASS_LABELS, type ConsultationInput, type LeadClass } from "../../../domain/lead.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { consultationDecisions, consultations, findings, leads } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { canSeeDecision, canViewLead, recordConsultationRefusal } from "./policy.ts";
import type { ConsultationView } from "./schema.ts";

export function createConsultation(ctx: AppContext, origin: Origin, assignmentId: string, input: ConsultationInput) {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(recordConsultationRefusal(actor));
    if (input.heldOn > todayIn(ctx)) throw ruleViolation("会商日期不能晚于今天");
    const leadIds = [...new Set(input.decisions.flatMap((d) => (d.leadId ? [d.leadId] : [])))];
    const findingIds = [...new Set(input.decisions.flatMap((d) => (d.findingId ? [d.findingId] : [])))];
    if (leadIds.length) {
      // A lead the recorder may not see does not exist for them, whatever its id.
      const found = await s.tx
        .select({ id: leads.id })
        .from(leads)
        .where(and(inArray(leads.id, leadIds), eq(leads.assignmentId, assignmentId), isNull(leads.deletedAt)));
      if (found.length !== leadIds.length || !canViewLead(actor, asg)) throw notFound("问题线索");
    }
    if (findingIds.length) {
      const found = await s.tx
        .select({ id: findings.id })
        .from(findings)
        .where(and(inArray(findings.id, findingIds), eq(findings.assignmentId, assignmentId), isNull(findings.deletedAt)));
      if (found.length !== findingIds.length) throw notFound("该巡察任务的问题");
    }
    const id = uuidv7();
    const values = { heldOn: input.heldOn, attendees: input.attendees?.trim() || null, summary: input.summary };
    await s.tx.insert(consultations).values({ id, ...created(s), assignmentId, ...values });
    for (const d of input.decisions) {
      await s.tx.insert(consultationDecisions).values({
        id: uuidv7(),
        ...created(s),
        consultationId: id,
        leadId: d.leadId ?? null,
        findingId: d.findingId ?? null,
        decision: d.decision,
      });
    }
    // No decision texts here: those on leads are confidential.
    await s.audit({
      action: "consultation.create",
      recordType: "consultation",
      recordIds: [id, assignmentId],
      changes: {
        heldOn: values.heldOn,
        findingDecisions: input.decisions.filter((d) => d.findingId).length,
        leadDecisions: input.decisions.filter((d) => d.leadId).length,
      },
    });
    return id;
  });
}

/** The assignment's consultations, newest first, with the decisions this reader may see. */
export async function listConsultations(db: Db, actor: Actor, asg: { id: string; teamId: string }): Promise<ConsultationView[]> {
  const rows = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.assignmentId, asg.id), isNull(consultations.deletedAt)))
    .orderBy(desc(consultations.heldOn), desc(consultations.id));
  if (!rows.length) return [];
  const decisions = await db
    .select({
      d: consultationDecisions,
      leadSummary: leads.summary,
      leadClass: leads.leadClass,
      findingText: findings.text,
    })
    .from(consultationDecisions)
    .leftJoin(leads, eq(leads.id, consultationDecisions.leadId))
    .leftJoin(findings, eq(findings.id, consultationDecisions.findingId))
    .where(
      and(
        inArray(
          consultationDecisions.consultationId,
          rows.map((r) => r.id),
        ),
        isNull(consultationDecisions.deletedAt),
      ),
    )
    .orderBy(asc(consultationDecisions.createdAt), asc(consultationDecisions.id));
  return rows.map((c) => ({
    id: c.id,
    assignmentId: c.assignmentId,
    heldOn: c.heldOn,
    attendees: c.attendees,
    summary: c.summary,
    decisions: decisions
      .filter((x) => x.d.consultationId === c.id && canSeeDecision(actor, x.d, asg))
      .map(({ d, leadSummary, leadClass, findingText }) => ({
        id: d.id,
        leadId: d.leadId,
        leadSummary: d.leadId ? leadSummary : null,
        leadClassLabel: d.leadId && leadClass ? (LEAD_CLASS_LABELS[leadClass as LeadClass] ?? leadClass) : null,
        findingId: d.findingId,
        findingText: d.findingId ? findingText : null,
        decision: d.decision,
      })),
    createdAt: c.createdAt.toISOString(),
    version: c.version,
  }));
}
