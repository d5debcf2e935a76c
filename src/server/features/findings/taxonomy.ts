/**
 * The finding taxonomy as stored (finding_categories): read as a tree with its revision and what uses each
 * category; replaced as a whole tree by the office (codes kept, added ones coded, unused ones deleted).
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { conflict, DomainError, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  assignTaxonomyCodes,
  buildTaxonomy,
  classificationProblem,
  DEFAULT_TAXONOMY,
  flattenTaxonomy,
  taxonomyProblems,
  type TaxonomyInput,
  type TaxonomyRow,
} from "../../../domain/taxonomy.ts";
import { canonicalJson, sm3 } from "../../audit/chain.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { commonProblems, findingCategories, findings } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { editTaxonomyRefusal } from "./policy.ts";

const STALE_TREE = "问题分类已被他人修改，请刷新后重试";

/** The live rows; the default tree while nothing is stored yet (before the first start seeded it). */
export async function loadTaxonomyRows(db: Db): Promise<TaxonomyRow[]> {
  const rows = await db
    .select({
      code: findingCategories.code,
      parentCode: findingCategories.parentCode,
      name: findingCategories.name,
      seq: findingCategories.seq,
      active: findingCategories.active,
    })
    .from(findingCategories)
    .where(isNull(findingCategories.deletedAt));
  return rows.length ? rows : flattenTaxonomy(DEFAULT_TAXONOMY);
}

/** Names by code, for labels. */
export const taxonomyNames = (rows: readonly TaxonomyRow[]): Map<string, string> => new Map(rows.map((r) => [r.code, r.name]));

/** Changes whenever anything in the tree changes: an editor's save names the revision it started from. */
export function taxonomyRevision(rows: readonly TaxonomyRow[]): string {
  const sorted = [...rows]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, parentCode: r.parentCode, name: r.name, seq: r.seq, active: r.active }));
  return sm3(canonicalJson(sorted));
}

/** How many live findings (and common problems) use each code. */
export async function taxonomyUse(db: Db): Promise<Map<string, number>> {
  const use = new Map<string, number>();
  const add = (code: string | null, n: number) => {
    if (code) use.set(code, (use.get(code) ?? 0) + Number(n));
  };
  const n = sql<number>`count(*)::int`;
  const byCategory = await db
    .select({ code: findings.category, n })
    .from(findings)
    .where(isNull(findings.deletedAt))
    .groupBy(findings.category);
  for (const r of byCategory) add(r.code, r.n);
  const bySub = await db
    .select({ code: findings.subcategory, n })
    .from(findings)
    .where(and(isNull(findings.deletedAt), isNotNull(findings.subcategory)))
    .groupBy(findings.subcategory);
  for (const r of bySub) add(r.code, r.n);
  const common = await db
    .select({ code: commonProblems.category, n })
    .from(commonProblems)
    .where(and(isNull(commonProblems.deletedAt), isNotNull(commonProblems.category)))
    .groupBy(commonProblems.category);
  for (const r of common) add(r.code, r.n);
  return use;
}

export async function taxonomyView(db: Db) {
  const rows = await loadTaxonomyRows(db);
  const use = await taxonomyUse(db);
  const inUse = (code: string) => use.get(code) ?? 0;
  return {
    revision: taxonomyRevision(rows),
    categories: buildTaxonomy(rows).map((c) => ({
      ...c,
      inUse: inUse(c.code),
      children: c.children.map((s) => ({ ...s, inUse: inUse(s.code) })),
    })),
  };
}

/** Stores the default tree (first start, or the first edit of a database that never had one). */
export async function seedTaxonomy(s: CommandScope): Promise<void> {
  const rows = flattenTaxonomy(DEFAULT_TAXONOMY);
  await s.tx.insert(findingCategories).values(rows.map((r) => ({ id: uuidv7(), ...created(s), ...r })));
  await s.audit({
    action: "taxonomy.update",
    recordType: "finding_category",
    recordIds: [],
    changes: { seeded: rows.map((r) => r.name) },
  });
}

export function updateTaxonomy(ctx: AppContext, origin: Origin, input: TaxonomyInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(editTaxonomyRefusal(actorIn(s)));
    const [any] = await s.tx.select({ id: findingCategories.id }).from(findingCategories).limit(1);
    if (!any) await seedTaxonomy(s);
    const stored = await s.tx.select().from(findingCategories).for("update");
    const live = stored.filter((r) => r.deletedAt === null);
    if (taxonomyRevision(live) !== input.revision) throw conflict(STALE_TREE);
    const use = await taxonomyUse(s.tx);
    const problems = taxonomyProblems(input, live, new Set(use.keys()));
    if (problems.length) throw ruleViolation(problems.join("；"), { problems });

    const next = flattenTaxonomy(assignTaxonomyCodes(input, new Set(stored.map((r) => r.code))));
    const before = new Map(live.map((r) => [r.code, r]));
    const kept = new Set(next.map((r) => r.code));
    const changes: Record<string, unknown> = {};
    const note = (key: string, value: unknown) => ((changes[key] ??= [] as unknown[]) as unknown[]).push(value);
    const ids: string[] = [];
    for (const r of next) {
      const old = before.get(r.code);
      if (!old) {
        const id = uuidv7();
        ids.push(id);
        await s.tx.insert(findingCategories).values({ id, ...created(s), ...r });
        note("added", r.name);
        continue;
      }
      if (old.name === r.name && old.active === r.active && old.seq === r.seq) continue;
      ids.push(old.id);
      await s.tx
        .update(findingCategories)
        .set({ name: r.name, active: r.active, seq: r.seq, updatedAt: s.now, version: old.version + 1 })
        .where(eq(findingCategories.id, old.id));
      if (old.name !== r.name) note("renamed", [old.name, r.name]);
      if (old.active !== r.active) note(r.active ? "activated" : "deactivated", r.name);
      if (old.seq !== r.seq) note("reordered", r.name);
    }
    for (const old of live) {
      if (kept.has(old.code)) continue;
      ids.push(old.id);
      await s.tx
        .update(findingCategories)
        .set({ deletedAt: s.now, updatedAt: s.now, version: old.version + 1 })
        .where(eq(findingCategories.id, old.id));
      note("removed", old.name);
    }
    if (ids.length === 0) throw ruleViolation("没有需要保存的修改");
    await s.audit({ action: "taxonomy.update", recordType: "finding_category", recordIds: ids, changes });
  });
}

/**
 * Refuses a category or subcategory that is not in the tree, not under its category, or (when being chosen
 * now) deactivated. An unknown code is invalid input (400); the others break a rule (422).
 */
export async function assertClassification(
  db: Db,
  f: { category: string; subcategory: string | null },
  requireActive: { category: boolean; subcategory: boolean },
): Promise<void> {
  const problem = classificationProblem(await loadTaxonomyRows(db), f, requireActive);
  if (!problem) return;
  throw problem.invalid ? new DomainError("validation_failed", problem.message) : ruleViolation(problem.message);
}
