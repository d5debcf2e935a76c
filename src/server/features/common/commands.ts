/** Listing a common problem from findings of several organisations, changing it, adding and removing findings. */
import { and, eq, isNull, sql } from "drizzle-orm";
import { shortTitle, type CommonProblemInput, type CommonProblemPatch } from "../../../domain/common.ts";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { commonProblemFindings, commonProblems } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { manageCommonProblemsRefusal, spanReason } from "./policy.ts";
import { findingsByIds, getCommonProblem, holdersOf, problemFindings } from "./queries.ts";

/** The findings, all live, none yet in a common problem; refused otherwise with what is wrong. */
async function freeFindings(s: CommandScope, ids: readonly string[]) {
  const found = await findingsByIds(s.tx, ids);
  if (found.length !== ids.length) {
    throw notFound(ids.length === 1 ? "问题" : `所选问题中有 ${ids.length - found.length} 条`);
  }
  const held = await holdersOf(s.tx, ids);
  if (held.length) {
    const text = new Map(found.map((f) => [f.id, f.text]));
    const list = held.map((h) => `“${shortTitle(text.get(h.findingId) ?? "", 20)}”已归入共性问题“${h.title}”`);
    throw ruleViolation(`${list.slice(0, 3).join("；")}${list.length > 3 ? ` 等 ${list.length} 条` : ""}`);
  }
  return found;
}

/** Serialises changes to one common problem's findings. */
async function lockProblem(s: CommandScope, id: string) {
  await s.tx.execute(sql`select id from common_problems where id = ${id} for update`);
  return getCommonProblem(s.tx, id);
}

async function link(s: CommandScope, commonProblemId: string, findingIds: readonly string[]) {
  await s.tx
    .insert(commonProblemFindings)
    .values(findingIds.map((findingId) => ({ id: uuidv7(), ...created(s), commonProblemId, findingId })));
}

const bump = (s: CommandScope, p: { version: number }) => ({ updatedAt: s.now, version: p.version + 1 });

export function createCommonProblem(ctx: AppContext, origin: Origin, input: CommonProblemInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageCommonProblemsRefusal(actorIn(s)));
    const found = await freeFindings(s, input.findingIds);
    const span = spanReason(found);
    if (span) throw ruleViolation(`${span}，所选问题只来自“${found[0]?.orgName ?? ""}”`);
    const id = uuidv7();
    const values = {
      title: input.title,
      description: input.description?.trim() || null,
      category: input.category ?? null,
      department: input.department?.trim() || null,
    };
    await s.tx.insert(commonProblems).values({ id, ...created(s), ...values });
    await link(s, id, input.findingIds);
    await s.audit({
      action: "common_problem.create",
      recordType: "common_problem",
      recordIds: [id, ...input.findingIds],
      changes: { ...values, findingIds: input.findingIds },
    });
    return id;
  });
}

export function updateCommonProblem(ctx: AppContext, origin: Origin, id: string, patch: CommonProblemPatch): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageCommonProblemsRefusal(actorIn(s)));
    const p = await getCommonProblem(s.tx, id);
    if (p.version !== patch.version) throw conflict(STALE);
    const fields = {
      title: patch.title,
      description: patch.description === undefined ? undefined : patch.description?.trim() || null,
      category: patch.category === undefined ? undefined : (patch.category ?? null),
      department: patch.department === undefined ? undefined : patch.department?.trim() || null,
    };
    const changes = diff(p, fields);
    if (Object.keys(changes).length) {
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const done = await s.tx
        .update(commonProblems)
        .set({ ...set, ...bump(s, p) })
        .where(and(eq(commonProblems.id, id), eq(commonProblems.version, p.version)))
        .returning({ id: commonProblems.id });
      if (!done.length) throw conflict(STALE);
    }
    await s.audit({ action: "common_problem.update", recordType: "common_problem", recordIds: [id], changes });
  });
}

export function addFindings(ctx: AppContext, origin: Origin, id: string, findingIds: string[]): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageCommonProblemsRefusal(actorIn(s)));
    const p = await lockProblem(s, id);
    await freeFindings(s, findingIds);
    await link(s, id, findingIds);
    await s.tx.update(commonProblems).set(bump(s, p)).where(eq(commonProblems.id, id));
    await s.audit({
      action: "common_problem.add_findings",
      recordType: "common_problem",
      recordIds: [id, ...findingIds],
      changes: { findingIds },
    });
  });
}

export function removeFinding(ctx: AppContext, origin: Origin, id: string, findingId: string): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(manageCommonProblemsRefusal(actorIn(s)));
    const p = await lockProblem(s, id);
    const current = await problemFindings(s.tx, id);
    if (!current.some((f) => f.id === findingId)) throw notFound("该共性问题中的这条问题");
    if (spanReason(current.filter((f) => f.id !== findingId))) {
      throw ruleViolation("移出后该共性问题将不足两个单位的问题，不能移出；可先归入其他单位的同类问题");
    }
    await s.tx
      .update(commonProblemFindings)
      .set({ deletedAt: s.now, updatedAt: s.now, version: sql`${commonProblemFindings.version} + 1` })
      .where(
        and(
          eq(commonProblemFindings.commonProblemId, id),
          eq(commonProblemFindings.findingId, findingId),
          isNull(commonProblemFindings.deletedAt),
        ),
      );
    await s.tx.update(commonProblems).set(bump(s, p)).where(eq(commonProblems.id, id));
    await s.audit({
      action: "common_problem.remove_finding",
      recordType: "common_problem",
      recordIds: [id, findingId],
      changes: { findingId },
    });
  });
}
