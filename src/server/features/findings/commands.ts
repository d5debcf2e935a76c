/**
 * Entering, changing and deleting findings: by the assignment's team or the office, until fed back; marking one
 * fixed during the inspection (立行立改) once it has evidence.
 */
import { and, eq } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import type { FindingFix, FindingInput, FindingPatch } from "../../../domain/finding.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { findings } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { attachmentRows } from "../onsite/attachments.ts";
import { findingLockedReason, fixRefusal, fixStateReason, writeFindingsRefusal } from "./policy.ts";
import { getFindingRecord } from "./queries.ts";
import { assertClassification } from "./taxonomy.ts";

function assertUnlocked(f: { problemId: string | null }): void {
  const locked = findingLockedReason(f);
  if (locked) throw ruleViolation(locked);
}

const clean = (input: Partial<FindingInput>) => ({
  ...input,
  ...(input.characterisation !== undefined ? { characterisation: input.characterisation?.trim() || null } : {}),
  ...(input.source !== undefined ? { source: input.source ?? null } : {}),
  ...(input.subcategory !== undefined ? { subcategory: input.subcategory ?? null } : {}),
  ...(input.suggestion !== undefined ? { suggestion: input.suggestion?.trim() || null } : {}),
});

export function createFinding(ctx: AppContext, origin: Origin, assignmentId: string, input: FindingInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(writeFindingsRefusal(actorIn(s), asg));
    const subcategory = input.subcategory ?? null;
    await assertClassification(s.tx, { category: input.category, subcategory }, { category: true, subcategory: true });
    const id = uuidv7();
    const values = {
      assignmentId,
      orgId: asg.orgId,
      text: input.text,
      category: input.category,
      subcategory,
      characterisation: input.characterisation?.trim() || null,
      isCommon: input.isCommon,
      isCoreMandate: input.isCoreMandate,
      involvesTopLeader: input.involvesTopLeader,
      source: input.source ?? null,
      suggestion: input.suggestion?.trim() || null,
    };
    await s.tx.insert(findings).values({ id, ...created(s), ...values });
    await s.audit({ action: "finding.create", recordType: "finding", recordIds: [id, assignmentId], changes: values });
    return id;
  });
}

export function updateFinding(ctx: AppContext, origin: Origin, id: string, patch: FindingPatch): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const { finding: old, teamId } = await getFindingRecord(s.tx, id);
    allow(writeFindingsRefusal(actorIn(s), { teamId }));
    assertUnlocked(old);
    if (old.version !== patch.version) throw conflict(STALE);
    const { version: _version, ...fields } = patch;
    const next = clean(fields);
    if (next.category !== undefined || next.subcategory !== undefined) {
      const category = next.category ?? old.category;
      const subcategory = next.subcategory === undefined ? old.subcategory : next.subcategory;
      // Only a newly chosen value must still be active: a finding may keep a category deactivated since.
      await assertClassification(
        s.tx,
        { category, subcategory },
        { category: category !== old.category, subcategory: subcategory !== old.subcategory },
      );
    }
    const changes = diff(old, next);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    const done = await s.tx
      .update(findings)
      .set({ ...next, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(findings.id, id), eq(findings.version, old.version)))
      .returning({ id: findings.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({ action: "finding.update", recordType: "finding", recordIds: [id, old.assignmentId], changes });
  });
}

export function deleteFinding(ctx: AppContext, origin: Origin, id: string): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const { finding: old, teamId } = await getFindingRecord(s.tx, id);
    allow(writeFindingsRefusal(actorIn(s), { teamId }));
    assertUnlocked(old);
    await s.tx
      .update(findings)
      .set({ deletedAt: s.now, updatedAt: s.now, version: old.version + 1 })
      .where(eq(findings.id, id));
    await s.audit({
      action: "finding.delete",
      recordType: "finding",
      recordIds: [id, old.assignmentId],
      changes: { text: old.text, category: old.category },
    });
  });
}

/** 立行立改: the leader, a deputy leader or the office records the fix; at least one evidence file must be attached. */
export function markFindingFixed(ctx: AppContext, origin: Origin, id: string, input: FindingFix): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const { finding: f, teamId, entryDate } = await getFindingRecord(s.tx, id);
    allow(fixRefusal(actorIn(s), { teamId }));
    const state = fixStateReason(f);
    if (state) throw ruleViolation(state);
    if (input.fixedOn > todayIn(ctx)) throw ruleViolation("整改完成日期不能晚于今天");
    if (entryDate && input.fixedOn < entryDate) throw ruleViolation(`整改完成日期不能早于进驻日期（${entryDate}）`);
    const evidence = await attachmentRows(s.tx, "finding", [id]);
    if (evidence.length === 0) throw ruleViolation("登记立行立改须至少上传一份佐证材料");
    const done = await s.tx
      .update(findings)
      .set({ immediateFix: true, fixedOn: input.fixedOn, fixNote: input.fixNote, updatedAt: s.now, version: f.version + 1 })
      .where(and(eq(findings.id, id), eq(findings.version, f.version)))
      .returning({ id: findings.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "finding.mark_fixed",
      recordType: "finding",
      recordIds: [id, f.assignmentId],
      changes: { fixedOn: input.fixedOn, fixNote: input.fixNote, evidence: evidence.map((e) => e.fileName) },
    });
  });
}
