/**
 * The statistics API's two questions: a figure (groups × measures, with totals) and the records behind one of
 * its counts. Every figure is defined once (see engine.ts); the grouping happens in the database.
 */
import { DomainError, forbidden } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import {
  STAT_FIGURE_LABELS,
  STAT_FIGURES,
  type StatFigure,
  type StatFilter,
  type StatGroup,
  type StatRecords,
  type StatResult,
} from "../../../domain/stats.ts";
import type { Db } from "../../db/client.ts";
import { partGroupLabel, partRecords, runParts, type FigureDef, type GroupRow, type Page, type Part } from "./engine.ts";
import { resolveContext, type StatContext } from "./filter.ts";
import { directivesFigure, lettersFigure, rulesFigure } from "./followup.ts";
import { findingsByCategory, findingsByOrg } from "./findings.ts";
import { coverageFigure, hearingsFigure, leadsFigure } from "./inspection.ts";
import { compareZh, countTotals, groupValues, totalsOf } from "./model.ts";
import { poolFigure, trainingsFigure } from "./people.ts";
import { figureRefusal } from "./policy.ts";
import { overdueByOrg, rectificationByOrg, rectificationByRound } from "./rectification.ts";
import { trendFigure } from "./trend.ts";

const DEFINITIONS: Record<StatFigure, (c: StatContext) => FigureDef | Promise<FigureDef>> = {
  coverage: coverageFigure,
  findings_by_category: findingsByCategory,
  findings_by_org: findingsByOrg,
  rectification_by_round: rectificationByRound,
  rectification_by_org: rectificationByOrg,
  overdue: overdueByOrg,
  directives: directivesFigure,
  leads_by_class: leadsFigure,
  hearings: hearingsFigure,
  letters: lettersFigure,
  trainings: trainingsFigure,
  pool: poolFigure,
  rules: rulesFigure,
  trend: trendFigure,
};

/** The figures, each with whether this actor may see it (the dashboards show only those). */
export function listFigures(
  actor: Actor,
): Array<{ figure: StatFigure; title: string; available: boolean; refusal: string | null }> {
  return STAT_FIGURES.map((figure) => {
    const refusal = figureRefusal(actor, figure);
    return { figure, title: STAT_FIGURE_LABELS[figure], available: refusal === null, refusal };
  });
}

async function prepare(db: Db, actor: Actor, figure: StatFigure, filter: StatFilter, today: string) {
  const refusal = figureRefusal(actor, figure);
  if (refusal) throw forbidden(refusal);
  const c = await resolveContext(db, actor, filter, today);
  return { c, def: await DEFINITIONS[figure](c) };
}

const byLabel = (a: { label: string }, b: { label: string }) => compareZh(a.label, b.label);

/** Groups in the figure's order: its fixed groups first, then as the figure sorts, else by order key and label. */
function orderedGroups(def: FigureDef, raw: Map<string, GroupRow>): StatGroup[] {
  const rates = def.rates ?? {};
  const totals = countTotals(
    def.measures,
    [...raw.values()].map((g) => g.values),
  );
  const labelOf = (key: string, fromDb: string | null) => def.label?.(key, fromDb) ?? fromDb ?? key;
  const make = (key: string, fallback: string): StatGroup => {
    const g = raw.get(key);
    return {
      key,
      label: g ? labelOf(key, g.label) : fallback,
      values: groupValues(def.measures, g?.values ?? {}, rates, totals),
    };
  };
  const fixed = def.fixedGroups ?? [];
  const fixedKeys = new Set(fixed.map((f) => f.key));
  const rest = [...raw.keys()].filter((k) => !fixedKeys.has(k)).map((k) => make(k, k));
  const sort = def.sort;
  if (sort) rest.sort((a, b) => sort(a, b) || a.key.localeCompare(b.key));
  else if (!def.compute) {
    const order = (k: string) => raw.get(k)?.order ?? "";
    rest.sort((a, b) => order(a.key).localeCompare(order(b.key)) || byLabel(a, b) || a.key.localeCompare(b.key));
  }
  return [...fixed.map((f) => make(f.key, f.label)), ...rest];
}

export async function statResult(
  db: Db,
  actor: Actor,
  figure: StatFigure,
  filter: StatFilter,
  today: string,
): Promise<StatResult> {
  const { def } = await prepare(db, actor, figure, filter, today);
  const raw = def.compute ? await def.compute() : await runParts(db, def.parts);
  const groups = orderedGroups(def, raw);
  return {
    figure,
    title: STAT_FIGURE_LABELS[figure],
    measures: def.measures,
    groups,
    totals: totalsOf(def.measures, groups, def.rates ?? {}, def.totals),
    asOf: today,
  };
}

/** A group's label for the drill-down's title: the fixed one, else as the database names it. */
async function groupLabelOf(db: Db, def: FigureDef, part: Part, group: string): Promise<string> {
  const fixed = def.fixedGroups?.find((f) => f.key === group);
  if (fixed) return fixed.label;
  const fromDb = await partGroupLabel(db, part, group);
  return def.label?.(group, fromDb) ?? fromDb ?? group;
}

const invalid = (field: string, message: string) =>
  new DomainError("validation_failed", message, { fields: [{ field, message }] });

export async function statRecords(
  db: Db,
  actor: Actor,
  figure: StatFigure,
  group: string,
  measure: string,
  filter: StatFilter,
  today: string,
  page: Page = { page: 1, pageSize: 100 },
): Promise<StatRecords> {
  const { def } = await prepare(db, actor, figure, filter, today);
  const m = def.measures.find((x) => x.key === measure);
  if (!m) throw invalid("measure", `“${STAT_FIGURE_LABELS[figure]}”没有指标“${measure}”`);
  if (m.kind !== "count") throw invalid("measure", `“${m.label}”不是计数指标，不能查看明细`);
  if (group !== "*" && !def.validGroup(group)) throw invalid("group", `“${STAT_FIGURE_LABELS[figure]}”没有分组“${group}”`);
  const part = def.parts.find((p) => measure in p.counts);
  if (!part) throw invalid("measure", `“${m.label}”不能查看明细`);
  const { items, total } = await partRecords(db, part, group, measure, page);
  const groupLabel = group === "*" ? "全部" : await groupLabelOf(db, def, part, group);
  return {
    title: `${STAT_FIGURE_LABELS[figure]}：${groupLabel} · ${m.label}`,
    columns: part.records.columns,
    items,
    total,
  };
}
