/**
 * Findings (发现问题) by category — the first level of the office's taxonomy — and by organisation. A finding
 * counts in the period of the day it was registered (created, China time); it is seen by the actor as the ledger
 * figures see rows (the wide readers everything; a supervising leader the subtree of the grant; a team member
 * the team's own).
 */
import { isNull, sql, type SQL } from "drizzle-orm";
import type { StatMeasure } from "../../../domain/stats.ts";
import { assignments, findings, orgs, rounds } from "../../db/schema.ts";
import { visibleRows } from "../ledger/policy.ts";
import { loadTaxonomyRows, taxonomyNames } from "../findings/taxonomy.ts";
import { whereOf, type FigureDef, type Part, type RecordSpec, type Row } from "./engine.ts";
import { chinaDate, inPeriodInstant, inSubtree, inTermRound, text, yesNo, type StatContext } from "./filter.ts";
import { compareZh, isUuid, ratio } from "./model.ts";

export const findingsFrom = sql`${findings}
  join ${assignments} on ${assignments.id} = ${findings.assignmentId}
  join ${rounds} on ${rounds.id} = ${assignments.roundId}
  join ${orgs} on ${orgs.id} = ${findings.orgId}`;

/** Live findings the actor may see within the term, round and organisation subtree (the period apart). */
export const findingsScope = (c: StatContext): SQL =>
  whereOf(
    isNull(findings.deletedAt),
    visibleRows(c.actor, { orgId: findings.orgId, orgPath: orgs.path, teamId: assignments.teamId }),
    inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }),
    inSubtree(c, orgs.path),
  );

/** The day a finding was registered. */
export const findingRegistered = chinaDate(findings.createdAt);

export function findingRecords(names: Map<string, string>): RecordSpec {
  return {
    columns: [
      { key: "org", title: "单位" },
      { key: "round", title: "巡察轮次" },
      { key: "text", title: "问题" },
      { key: "category", title: "问题类别" },
      { key: "coreMandate", title: "主责主业" },
      { key: "common", title: "共性问题" },
      { key: "topLeader", title: "涉及一把手" },
      { key: "registered", title: "登记日期" },
    ],
    select: {
      id: sql`${findings.id}::text`,
      assignmentId: sql`${findings.assignmentId}::text`,
      org: sql`${orgs.name}`,
      round: sql`${rounds.name}`,
      text: sql`${findings.text}`,
      category: sql`${findings.category}`,
      subcategory: sql`${findings.subcategory}`,
      coreMandate: sql`${findings.isCoreMandate}`,
      common: sql`${findings.isCommon}`,
      topLeader: sql`${findings.involvesTopLeader}`,
      registered: sql`${findingRegistered}::text`,
    },
    order: sql`${orgs.name}, ${findings.createdAt}, ${findings.id}`,
    present: (r: Row) => {
      const category = names.get(String(r.category)) ?? text(r.category);
      const sub = r.subcategory ? names.get(String(r.subcategory)) : undefined;
      return {
        id: String(r.id),
        href: `/assignments/${String(r.assignmentId)}`,
        cells: {
          org: text(r.org),
          round: text(r.round),
          text: text(r.text),
          category: sub ? `${category}／${sub}` : category,
          coreMandate: yesNo(r.coreMandate),
          common: yesNo(r.common),
          topLeader: yesNo(r.topLeader),
          registered: text(r.registered),
        },
      };
    },
  };
}

function findingsPart(c: StatContext, names: Map<string, string>, by: "category" | "org"): Part {
  const counts: Record<string, SQL> = { findings: sql`true` };
  if (by === "org") {
    counts.coreMandate = sql`${findings.isCoreMandate}`;
    counts.common = sql`${findings.isCommon}`;
    counts.topLeader = sql`${findings.involvesTopLeader}`;
  }
  return {
    from: findingsFrom,
    where: whereOf(findingsScope(c), inPeriodInstant(c, findings.createdAt)),
    key: by === "category" ? sql`${findings.category}` : sql`${findings.orgId}`,
    match: (g) => (by === "category" ? sql`${findings.category} = ${g}` : sql`${findings.orgId} = ${g}`),
    label: by === "category" ? undefined : sql`${orgs.name}`,
    counts,
    records: findingRecords(names),
  };
}

export async function findingsByCategory(c: StatContext): Promise<FigureDef> {
  const rows = await loadTaxonomyRows(c.db);
  const names = taxonomyNames(rows);
  const firstLevel = rows.filter((r) => r.parentCode === null).sort((a, b) => a.seq - b.seq);
  const measures: StatMeasure[] = [
    { key: "findings", label: "问题数", kind: "count" },
    { key: "share", label: "占比", kind: "rate" },
  ];
  return {
    measures,
    parts: [findingsPart(c, names, "category")],
    // Every category in use is listed; a deactivated one only when it still has findings.
    fixedGroups: firstLevel.filter((r) => r.active).map((r) => ({ key: r.code, label: r.name })),
    label: (key) => names.get(key) ?? key,
    rates: { share: (own, totals) => ratio(own.findings, totals.findings) },
    validGroup: (g) => /^[a-z0-9_.]{1,80}$/.test(g),
  };
}

export async function findingsByOrg(c: StatContext): Promise<FigureDef> {
  const names = taxonomyNames(await loadTaxonomyRows(c.db));
  return {
    measures: [
      { key: "findings", label: "问题数", kind: "count" },
      { key: "coreMandate", label: "主责主业问题", kind: "count" },
      { key: "common", label: "共性问题", kind: "count" },
      { key: "topLeader", label: "涉及一把手", kind: "count" },
      { key: "coreMandateRate", label: "主责主业问题占比", kind: "rate" },
    ],
    parts: [findingsPart(c, names, "org")],
    rates: { coreMandateRate: (own) => ratio(own.coreMandate, own.findings) },
    validGroup: isUuid,
    sort: (a, b) => (b.values.findings ?? 0) - (a.values.findings ?? 0) || compareZh(a.label, b.label),
  };
}
