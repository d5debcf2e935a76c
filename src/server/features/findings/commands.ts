/** Entering, changing and deleting findings: by the assignment's team or the office, until fed back. */
import { and, eq } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import type { FindingInput, FindingPatch } from "../../../domain/finding.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { findings } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { findingLockedReason, writeFindingsRefusal } from "./policy.ts";
import { getFindingRecord } from "./queries.ts";

function assertUnlocked(f: { problemId: string | null }): void {
  const locked = findingLockedReason(f);
  if (locked) throw ruleViolation(locked);
}

const clean = (input: Partial<FindingInput>) => ({
  ...input,
  ...(input.characterisation !== undefined ? { characterisation: input.characterisation?.trim() || null } : {}),
  ...(input.source !== undefined ? { source: input.source ?? null } : {}),
});

export function createFinding(ctx: AppContext, origin: Origin, assignmentId: string, input: FindingInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(writeFindingsRefusal(actorIn(s), asg));
    const id = uuidv7();
    const values = {
      assignmentId,
      orgId: asg.orgId,
      text: input.text,
      category: input.category,
      characterisation: input.characterisation?.trim() || null,
      isCommon: input.isCommon,
      isCoreMandate: input.isCoreMandate,
      involvesTopLeader: input.involvesTopLeader,
      source: input.source ?? null,
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
