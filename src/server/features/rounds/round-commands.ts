/** Terms and rounds: planned by the inspection office. */
import { and, eq, isNull } from "drizzle-orm";
import { DomainError, conflict, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { roundProblems, type RoundInput, type RoundKind, type RoundPatch, type TermInput } from "../../../domain/round.ts";
import type { Actor } from "../../../domain/roles.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { rounds, terms } from "../../db/schema.ts";
import { allow, manageRefusal } from "./policy.ts";
import { getRoundRecord, getTerm } from "./queries.ts";

export function actorIn(s: CommandScope): Actor {
  if (!s.actor) throw new DomainError("unauthenticated", "请先登录");
  return s.actor;
}

export const STALE = "该记录已被他人修改，请刷新后重试";

function assertNoProblems(problems: string[]): void {
  if (problems.length) throw ruleViolation(problems.join("；"), { problems });
}

export function createTerm(ctx: AppContext, origin: Origin, input: TermInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    if (input.endDate <= input.startDate) throw ruleViolation("届次结束日期须晚于开始日期");
    const [same] = await s.tx
      .select({ id: terms.id })
      .from(terms)
      .where(and(eq(terms.name, input.name), isNull(terms.deletedAt)));
    if (same) throw conflict(`届次“${input.name}”已存在`);
    const id = uuidv7();
    await s.tx.insert(terms).values({ id, ...created(s), name: input.name, startDate: input.startDate, endDate: input.endDate });
    await s.audit({ action: "term.create", recordType: "term", recordIds: [id], changes: { ...input } });
    return id;
  });
}

export function createRound(ctx: AppContext, origin: Origin, input: RoundInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    await getTerm(s.tx, input.termId);
    assertNoProblems(roundProblems(input));
    const id = uuidv7();
    const values = {
      termId: input.termId,
      name: input.name,
      kind: input.kind,
      theme: input.theme?.trim() || null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    };
    await s.tx.insert(rounds).values({ id, ...created(s), ...values });
    await s.audit({ action: "round.create", recordType: "round", recordIds: [id], changes: values });
    return id;
  });
}

export function updateRound(ctx: AppContext, origin: Origin, id: string, patch: RoundPatch): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageRefusal(actorIn(s)));
    const old = await getRoundRecord(s.tx, id);
    if (old.version !== patch.version) throw conflict(STALE);
    const { version: _version, ...fields } = patch;
    const next = {
      name: fields.name ?? old.name,
      kind: (fields.kind ?? old.kind) as RoundKind,
      theme: fields.theme === undefined ? old.theme : fields.theme?.trim() || null,
      startDate: fields.startDate === undefined ? old.startDate : fields.startDate,
      endDate: fields.endDate === undefined ? old.endDate : fields.endDate,
    };
    assertNoProblems(roundProblems(next));
    const changes = diff(old, next);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    const done = await s.tx
      .update(rounds)
      .set({ ...next, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(rounds.id, id), eq(rounds.version, old.version)))
      .returning({ id: rounds.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({ action: "round.update", recordType: "round", recordIds: [id], changes });
  });
}
