/** Revisits (回头看): the office draws a reproducible sample of a round and records what each check found. */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import {
  drawRevisitSample,
  REVISIT_FOUND_WHERE,
  type RevisitDrawInput,
  type RevisitRecordInput,
} from "../../../domain/evaluation.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { revisitItems, revisits } from "../../db/schema.ts";
import { reopenInScope } from "../ledger/commands.ts";
import { allow } from "../rounds/policy.ts";
import { getRoundRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { recordStateReason, relapseReason, revisitRefusal } from "./policy.ts";
import { revisitItemTarget, revisitUnits } from "./revisit-queries.ts";

function assertNone(reason: string | null): void {
  if (reason !== null) throw ruleViolation(reason);
}

/** A seed anyone can read out and type again: the day and six hex digits. */
const newSeed = (today: string): string => `${today.replace(/-/g, "")}-${randomBytes(3).toString("hex")}`;

export function drawRevisit(ctx: AppContext, origin: Origin, roundId: string, input: RevisitDrawInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(revisitRefusal(actorIn(s)));
    await getRoundRecord(s.tx, roundId);
    const units = await revisitUnits(s.tx, roundId);
    if (!units.length) throw ruleViolation("该轮次还没有台账条目，无法抽取回头看样本");
    const today = todayIn(s.ctx);
    const seed = input.seed ?? newSeed(today);
    const sample = drawRevisitSample(seed, units);
    const id = uuidv7();
    const values = { roundId, seed, drawnOn: today, orgCount: sample.length, orgTotal: units.length, note: input.note };
    await s.tx.insert(revisits).values({ id, ...created(s), ...values });
    const items = sample.flatMap((u) => u.rowIds.map((rowId) => ({ assignmentId: u.id, rowId })));
    await s.tx
      .insert(revisitItems)
      .values(items.map((i) => ({ id: uuidv7(), ...created(s), revisitId: id, ...i, result: "pending" })));
    await s.audit({
      action: "revisit.draw",
      recordType: "revisit",
      recordIds: [id, roundId],
      changes: { ...values, rowCount: items.length, assignmentIds: sample.map((u) => u.id) },
    });
    return id;
  });
}

/** Records a check; a relapse reopens the (closed) ledger row in the same transaction. */
export function recordRevisitItem(ctx: AppContext, origin: Origin, itemId: string, input: RevisitRecordInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(revisitRefusal(actorIn(s)));
    const { item, drawnOn, rowStatus } = await revisitItemTarget(s.tx, itemId);
    if (input.version != null && input.version !== item.version) throw conflict(STALE);
    assertNone(recordStateReason(item));
    const today = todayIn(s.ctx);
    if (input.checkedOn > today) throw ruleViolation(`核查日期（${input.checkedOn}）不能晚于今天`);
    if (input.checkedOn < drawnOn) throw ruleViolation(`核查日期（${input.checkedOn}）不能早于抽样日期（${drawnOn}）`);
    if (input.result === "relapse") {
      assertNone(relapseReason({ status: rowStatus }));
      await reopenInScope(s, item.rowId, {
        reason: input.finding,
        foundWhere: input.foundWhere ?? REVISIT_FOUND_WHERE,
        foundOn: input.checkedOn,
      });
    }
    const done = await s.tx
      .update(revisitItems)
      .set({
        result: input.result,
        finding: input.finding,
        checkedOn: input.checkedOn,
        checkedBy: actorIn(s).userId,
        updatedAt: s.now,
        version: item.version + 1,
      })
      .where(and(eq(revisitItems.id, itemId), eq(revisitItems.version, item.version)))
      .returning({ id: revisitItems.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "revisit.record",
      recordType: "revisit_item",
      recordIds: [itemId, item.revisitId, item.rowId],
      changes: { result: [item.result, input.result], finding: input.finding, checkedOn: input.checkedOn },
    });
  });
}
