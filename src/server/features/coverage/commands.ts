/**
 * Setting a term's coverage scope and its plan per year (office). Each replaces what the term had: rows kept
 * where unchanged, updated where changed, tombstoned where dropped — so an exchange sees every step.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { planYearProblem, type CoveragePlanInput, type CoverageScopeInput } from "../../../domain/coverage.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { ORG_KIND_LABELS, type OrgKind } from "../../../domain/org.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { coveragePlanYears, coverageScopes, orgs } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { getTerm } from "../rounds/queries.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { planCoverageRefusal } from "./policy.ts";
import { planYearsOf, scopesOf } from "./queries.ts";

const NOTHING_CHANGED = "没有需要保存的修改";

const tombstone = (s: CommandScope, version: number) => ({ deletedAt: s.now, updatedAt: s.now, version: version + 1 });

/** "村（社区）（某镇所属）" for the audit entry. */
const describeScope = (x: { orgKind: OrgKind; rootOrgName: string | null }): string =>
  x.rootOrgName ? `${ORG_KIND_LABELS[x.orgKind]}（${x.rootOrgName}所属）` : ORG_KIND_LABELS[x.orgKind];

export function setCoverageScope(ctx: AppContext, origin: Origin, termId: string, input: CoverageScopeInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(planCoverageRefusal(actorIn(s)));
    await getTerm(s.tx, termId);
    const rootIds = [...new Set(input.scopes.flatMap((x) => (x.rootOrgId ? [x.rootOrgId] : [])))];
    const roots = rootIds.length
      ? await s.tx
          .select({ id: orgs.id, name: orgs.name })
          .from(orgs)
          .where(and(inArray(orgs.id, rootIds), isNull(orgs.deletedAt)))
      : [];
    if (roots.length !== rootIds.length) throw notFound("范围的上级单位");
    const rootName = new Map(roots.map((r) => [r.id, r.name]));

    const old = await scopesOf(s.tx, termId);
    const oldByKind = new Map(old.map((r) => [r.orgKind, r]));
    const touched: string[] = [];
    for (const next of input.scopes) {
      const rootOrgId = next.rootOrgId ?? null;
      const was = oldByKind.get(next.orgKind);
      if (!was) {
        const id = uuidv7();
        await s.tx.insert(coverageScopes).values({ id, ...created(s), termId, orgKind: next.orgKind, rootOrgId });
        touched.push(id);
      } else if (was.rootOrgId !== rootOrgId) {
        await s.tx
          .update(coverageScopes)
          .set({ rootOrgId, updatedAt: s.now, version: was.version + 1 })
          .where(eq(coverageScopes.id, was.id));
        touched.push(was.id);
      }
    }
    const kept = new Set<string>(input.scopes.map((x) => x.orgKind));
    for (const was of old.filter((r) => !kept.has(r.orgKind))) {
      await s.tx.update(coverageScopes).set(tombstone(s, was.version)).where(eq(coverageScopes.id, was.id));
      touched.push(was.id);
    }
    if (touched.length === 0) throw ruleViolation(NOTHING_CHANGED);

    const after = input.scopes.map((x) => ({
      orgKind: x.orgKind,
      rootOrgName: x.rootOrgId ? (rootName.get(x.rootOrgId) ?? null) : null,
    }));
    await s.audit({
      action: "coverage.set_scope",
      recordType: "coverage_scope",
      recordIds: [termId, ...touched],
      changes: { scopes: [old.map(describeScope), after.map(describeScope)] },
    });
  });
}

export function setCoveragePlan(ctx: AppContext, origin: Origin, termId: string, input: CoveragePlanInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(planCoverageRefusal(actorIn(s)));
    const term = await getTerm(s.tx, termId);
    const outside = planYearProblem(term, input.years);
    if (outside) throw ruleViolation(outside);
    const scoped = new Set<string>((await scopesOf(s.tx, termId)).map((x) => x.orgKind));
    const stray = input.years.find((y) => !scoped.has(y.orgKind));
    if (stray) throw ruleViolation(`“${ORG_KIND_LABELS[stray.orgKind]}”不在本届次的全覆盖范围内，请先设置范围`);

    const key = (y: { year: number; orgKind: string }) => `${y.year}/${y.orgKind}`;
    const name = (y: { year: number; orgKind: OrgKind }) => `${y.year}年${ORG_KIND_LABELS[y.orgKind]}`;
    const old = await planYearsOf(s.tx, termId);
    const oldByKey = new Map(old.map((y) => [key(y), y]));
    const touched: string[] = [];
    const changes: Record<string, [number | null, number | null]> = {};
    for (const y of input.years) {
      const was = oldByKey.get(key(y));
      if (!was) {
        const id = uuidv7();
        await s.tx
          .insert(coveragePlanYears)
          .values({ id, ...created(s), termId, year: y.year, orgKind: y.orgKind, planned: y.planned });
        touched.push(id);
        changes[name(y)] = [null, y.planned];
      } else if (was.planned !== y.planned) {
        await s.tx
          .update(coveragePlanYears)
          .set({ planned: y.planned, updatedAt: s.now, version: was.version + 1 })
          .where(eq(coveragePlanYears.id, was.id));
        touched.push(was.id);
        changes[name(y)] = [was.planned, y.planned];
      }
    }
    const kept = new Set(input.years.map(key));
    for (const was of old.filter((y) => !kept.has(key(y)))) {
      await s.tx.update(coveragePlanYears).set(tombstone(s, was.version)).where(eq(coveragePlanYears.id, was.id));
      touched.push(was.id);
      changes[name(was)] = [was.planned, null];
    }
    if (touched.length === 0) throw ruleViolation(NOTHING_CHANGED);
    await s.audit({ action: "coverage.set_plan", recordType: "coverage_plan_year", recordIds: [termId, ...touched], changes });
  });
}
