/**
 * Drafting a plan from the ledger rows (organisation contact or office), editing and submitting it (contact),
 * opinions (office, commission, organisation dept.), approval or return (office). Approval copies the plan's
 * measures, leaders, departments and deadlines onto the rows still open, in the same transaction.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  comparePlans,
  entryFromRow,
  missingFields,
  PLAN_ENTRY_FIELDS,
  planDueDate,
  syncEntries,
  type PlanDecision,
  type PlanEntry,
  type PlanUpdate,
} from "../../../domain/plan.ts";
import type { Actor } from "../../../domain/roles.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { assignments, ledgerRows, planOpinions, planVersions, rectificationPlans } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import {
  canViewPlan,
  draftRefusal,
  editStateReason,
  opinionRefusal,
  opinionRoleOf,
  opinionStateReason,
  reviewRefusal,
  reviewStateReason,
  submitRefusal,
  type PlanState,
} from "./policy.ts";
import {
  assignmentOf,
  draftOf,
  getPlan,
  planOfAssignment,
  planRowsOf,
  stateOfPlan,
  versionText,
  type LoadedPlan,
} from "./queries.ts";

type ActorOrigin = Origin & { actor: Actor };

const STALE = "整改方案已被他人修改，请刷新后重试";
const RECORD = "rectification_plan";

function assertState(reason: string | null): void {
  if (reason !== null) throw ruleViolation(reason);
}

/** Locks the plan for the rest of the transaction and loads it; refuses one the actor may not see as missing. */
async function lockPlan(s: CommandScope, actor: Actor, id: string): Promise<{ p: LoadedPlan; state: PlanState }> {
  await s.tx.select({ id: rectificationPlans.id }).from(rectificationPlans).where(eq(rectificationPlans.id, id)).for("update");
  const p = await getPlan(s.tx, id);
  const state = stateOfPlan(p);
  if (!canViewPlan(actor, state)) throw notFound("整改方案");
  return { p, state };
}

function checkVersion(p: LoadedPlan, version: number | undefined): void {
  if (version !== undefined && p.plan.version !== version) throw conflict(STALE);
}

const bump = (s: CommandScope, p: LoadedPlan) => ({ updatedAt: s.now, version: p.plan.version + 1 });

export function createPlan(ctx: AppContext, origin: ActorOrigin, assignmentId: string): Promise<string> {
  const actor = origin.actor;
  return runCommand(ctx, origin, async (s) => {
    // One plan per assignment: creations for the same assignment wait for each other here.
    await s.tx.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, assignmentId)).for("update");
    const a = await assignmentOf(s.tx, assignmentId);
    const state: PlanState | null = a ? { ...a, status: "not_started", submittedBy: null } : null;
    if (!a || !state || !canViewPlan(actor, state)) throw notFound("巡察任务");
    allow(draftRefusal(actor, state));
    if (await planOfAssignment(s.tx, assignmentId)) throw conflict("该巡察任务已有整改方案");
    if (!a.feedbackDate) throw ruleViolation("该巡察任务尚未登记反馈日期，不能编制整改方案");
    const rows = await planRowsOf(s.tx, assignmentId);
    if (!rows.length) throw ruleViolation("该巡察任务的反馈意见尚无台账条目，不能编制整改方案");
    const [calendar, settings] = await Promise.all([ctx.calendar(), ctx.settings()]);
    const dueDate = planDueDate(calendar, a.feedbackDate, settings.planDueWorkingDays);
    const entries = rows.map(entryFromRow);
    const id = uuidv7();
    await s.tx.insert(rectificationPlans).values({
      id,
      ...created(s),
      assignmentId,
      orgId: a.orgId,
      status: "draft",
      dueDate,
      summary: null,
      draftEntries: entries,
      currentVersion: 0,
    });
    await s.audit({
      action: "plan.create",
      recordType: RECORD,
      recordIds: [id, assignmentId],
      changes: { status: "draft", feedbackDate: a.feedbackDate, dueDate, entries: entries.length },
    });
    return id;
  });
}

/** The audit's account of a text change: per entry the fields as [before, after], entries added or removed. */
function textChanges(before: { summary: string | null; entries: PlanEntry[] }, after: typeof before) {
  const c = comparePlans(before, after);
  return {
    ...(c.summary.changed ? { summary: [c.summary.from, c.summary.to] } : {}),
    ...(c.changedEntries
      ? {
          entries: c.entries
            .filter((e) => e.changes.length)
            .map((e) => ({
              rowId: e.rowId,
              seqLabel: e.seqLabel,
              ...Object.fromEntries(e.changes.map((x) => [x.field, [x.from, x.to]])),
            })),
        }
      : {}),
    ...(c.added.length ? { added: c.added.map((e) => e.seqLabel) } : {}),
    ...(c.removed.length ? { removed: c.removed.map((e) => e.seqLabel) } : {}),
  };
}

export function updatePlan(ctx: AppContext, origin: ActorOrigin, id: string, input: PlanUpdate): Promise<void> {
  const actor = origin.actor;
  return runCommand(ctx, origin, async (s) => {
    const { p, state } = await lockPlan(s, actor, id);
    allow(draftRefusal(actor, state));
    assertState(editStateReason(state));
    checkVersion(p, input.version);
    const rows = await planRowsOf(s.tx, p.plan.assignmentId);
    const known = new Set(rows.map((r) => r.id));
    const unknown = (input.entries ?? []).map((e) => e.rowId).filter((rowId) => !known.has(rowId));
    if (unknown.length) {
      throw ruleViolation(`以下条目不是该巡察任务的台账条目：${unknown.join("、")}`, { rowIds: unknown });
    }
    const patches = new Map((input.entries ?? []).map((e) => [e.rowId, e]));
    const entries = syncEntries(draftOf(p), rows).map((e) => {
      const patch = patches.get(e.rowId);
      if (!patch) return e;
      const next = { ...e };
      for (const f of PLAN_ENTRY_FIELDS) if (patch[f] !== undefined) next[f] = patch[f];
      return next;
    });
    const summary = input.summary === undefined ? p.plan.summary : input.summary;
    await s.tx
      .update(rectificationPlans)
      .set({ summary, draftEntries: entries, ...bump(s, p) })
      .where(eq(rectificationPlans.id, id));
    await s.audit({
      action: "plan.update",
      recordType: RECORD,
      recordIds: [id],
      changes: textChanges({ summary: p.plan.summary, entries: draftOf(p) }, { summary, entries }),
    });
  });
}

export function submitPlan(ctx: AppContext, origin: ActorOrigin, id: string, body: { version?: number | undefined }) {
  const actor = origin.actor;
  return runCommand(ctx, origin, async (s) => {
    const { p, state } = await lockPlan(s, actor, id);
    allow(submitRefusal(actor, state));
    assertState(editStateReason(state));
    checkVersion(p, body.version);
    const entries = syncEntries(draftOf(p), await planRowsOf(s.tx, p.plan.assignmentId));
    if (!entries.length) throw ruleViolation("整改方案没有条目，不能报送");
    const missing = missingFields(entries);
    if (missing.length) {
      const list = missing.map((m) => `第${m.seqLabel}条（${m.missing.join("、")}）`).join("；");
      throw ruleViolation(`以下条目未填写完整，不能报送：${list}`, { entries: missing });
    }
    const no = p.plan.currentVersion + 1;
    const versionId = uuidv7();
    await s.tx.insert(planVersions).values({
      id: versionId,
      ...created(s),
      planId: id,
      no,
      summary: p.plan.summary,
      entries,
      submittedAt: s.now,
      submittedBy: actor.userId,
    });
    await s.tx
      .update(rectificationPlans)
      .set({ status: "submitted", currentVersion: no, draftEntries: entries, ...bump(s, p) })
      .where(eq(rectificationPlans.id, id));
    await s.audit({
      action: "plan.submit",
      recordType: RECORD,
      recordIds: [id, versionId],
      changes: { status: [p.plan.status, "submitted"], versionNo: no, entries: entries.length },
    });
  });
}

export function addOpinion(ctx: AppContext, origin: ActorOrigin, id: string, text: string): Promise<void> {
  const actor = origin.actor;
  return runCommand(ctx, origin, async (s) => {
    const { p, state } = await lockPlan(s, actor, id);
    allow(opinionRefusal(actor));
    assertState(opinionStateReason(state));
    const authorRole = opinionRoleOf(actor)!;
    const opinionId = uuidv7();
    const values = { versionNo: p.plan.currentVersion, authorRole, authorName: actor.displayName, text };
    await s.tx.insert(planOpinions).values({ id: opinionId, ...created(s), planId: id, ...values });
    await s.audit({ action: "plan.add_opinion", recordType: RECORD, recordIds: [id, opinionId], changes: values });
  });
}

/** Copies the approved version onto its ledger rows that are still open; one ledger.update entry per row changed. */
async function applyToLedger(s: CommandScope, p: LoadedPlan, entries: PlanEntry[], no: number) {
  const ids = entries.map((e) => e.rowId);
  await s.tx.select({ id: ledgerRows.id }).from(ledgerRows).where(inArray(ledgerRows.id, ids)).for("update");
  const rows = new Map((await planRowsOf(s.tx, p.plan.assignmentId)).map((r) => [r.id, r]));
  const updated: string[] = [];
  const notOpen: string[] = [];
  for (const e of entries) {
    const row = rows.get(e.rowId);
    if (!row || row.status !== "open") {
      notOpen.push(e.seqLabel);
      continue;
    }
    const fields = {
      measures: e.measures,
      responsibleLeader: e.responsibleLeader,
      responsibleDepartment: e.responsibleDepartment,
      deadline: e.deadline,
    };
    const changes = diff(
      {
        measures: row.measures,
        responsibleLeader: row.responsibleLeader,
        responsibleDepartment: row.responsibleDepartment,
        deadline: row.deadline,
      },
      fields,
    );
    if (!Object.keys(changes).length) continue;
    await s.tx
      .update(ledgerRows)
      .set({ ...fields, updatedAt: s.now, version: row.version + 1 })
      .where(eq(ledgerRows.id, row.id));
    await s.audit({
      action: "ledger.update",
      recordType: "ledger_row",
      recordIds: [row.id, p.plan.id],
      changes: { ...changes, source: `整改方案第${no}版审核通过` },
    });
    updated.push(e.seqLabel);
  }
  return { updated, notOpen };
}

export function decidePlan(
  ctx: AppContext,
  origin: ActorOrigin,
  id: string,
  decision: PlanDecision,
  body: { comment?: string | null | undefined; version?: number | undefined },
): Promise<void> {
  const actor = origin.actor;
  return runCommand(ctx, origin, async (s) => {
    const { p, state } = await lockPlan(s, actor, id);
    allow(reviewRefusal(actor, state));
    assertState(reviewStateReason(state));
    checkVersion(p, body.version);
    const no = p.plan.currentVersion;
    const comment = body.comment?.trim() || null;
    await s.tx
      .update(planVersions)
      .set({
        decision,
        decisionComment: comment,
        decidedAt: s.now,
        decidedBy: actor.userId,
        updatedAt: s.now,
        version: sql`${planVersions.version} + 1`,
      })
      .where(and(eq(planVersions.planId, id), eq(planVersions.no, no), isNull(planVersions.deletedAt)));
    if (decision === "returned") {
      await s.tx
        .update(rectificationPlans)
        .set({ status: "returned", ...bump(s, p) })
        .where(eq(rectificationPlans.id, id));
      await s.audit({
        action: "plan.return",
        recordType: RECORD,
        recordIds: [id],
        changes: { status: ["submitted", "returned"], versionNo: no, comment },
      });
      return;
    }
    await s.tx
      .update(rectificationPlans)
      .set({ status: "approved", approvedAt: s.now, approvedBy: actor.userId, ...bump(s, p) })
      .where(eq(rectificationPlans.id, id));
    const { entries } = await versionText(s.tx, id, no);
    const { updated, notOpen } = await applyToLedger(s, p, entries, no);
    await s.audit({
      action: "plan.approve",
      recordType: RECORD,
      recordIds: [id],
      changes: { status: ["submitted", "approved"], versionNo: no, comment, rowsUpdated: updated, rowsNotOpen: notOpen },
    });
  });
}
