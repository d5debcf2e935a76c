/**
 * The work's trend by month: findings registered, ledger rows closed out, leads registered (only for those who
 * may see leads: otherwise the measure is left out, not shown as zero) and letters sent. Each is counted over the
 * same records as its own figure, in the month of the date that makes it count; the months are the period asked
 * for, or the twelve months up to today.
 */
import { sql, type SQL } from "drizzle-orm";
import type { StatMeasure } from "../../../domain/stats.ts";
import { findings, leads, ledgerRows, letters } from "../../db/schema.ts";
import { loadTaxonomyRows, taxonomyNames } from "../findings/taxonomy.ts";
import { whereOf, type FigureDef, type Part } from "./engine.ts";
import { chinaDate, instantBetween, type StatContext } from "./filter.ts";
import { findingRecords, findingRegistered, findingsFrom, findingsScope } from "./findings.ts";
import { leadRecords, leadRegistered, leadsFrom, leadsScope } from "./inspection.ts";
import { letterRecords, lettersFrom, lettersScope } from "./followup.ts";
import { isMonth, trendWindow } from "./model.ts";
import { seesLeads } from "./policy.ts";
import { ledgerFrom, ledgerRecords, ledgerWhere } from "./rectification.ts";

export async function trendFigure(c: StatContext): Promise<FigureDef> {
  const window = trendWindow(c.filter, c.today);
  const names = taxonomyNames(await loadTaxonomyRows(c.db));
  /** A part counting `measure` by the month of `date`; an instant is compared on its own column. */
  const monthly = (
    date: { day: SQL; instant?: unknown },
    base: { from: SQL; where: SQL },
    measure: string,
    records: Part["records"],
  ): Part => ({
    from: base.from,
    where: whereOf(
      base.where,
      date.instant !== undefined
        ? instantBetween(date.instant, window.from, window.to)
        : sql`${date.day} between ${window.from}::date and ${window.to}::date`,
    ),
    key: sql`to_char(${date.day}, 'YYYY-MM')`,
    match: (g) => sql`to_char(${date.day}, 'YYYY-MM') = ${g}`,
    counts: { [measure]: sql`true` },
    records,
  });
  const measures: StatMeasure[] = [
    { key: "findings", label: "发现问题", kind: "count" },
    { key: "rowsClosed", label: "整改销号", kind: "count" },
  ];
  const parts: Part[] = [
    monthly(
      { day: findingRegistered, instant: findings.createdAt },
      { from: findingsFrom, where: findingsScope(c) },
      "findings",
      findingRecords(names),
    ),
    monthly(
      { day: chinaDate(ledgerRows.closedAt), instant: ledgerRows.closedAt },
      { from: ledgerFrom, where: whereOf(ledgerWhere(c), sql`${ledgerRows.status} = 'closed'`) },
      "rowsClosed",
      ledgerRecords(c, false),
    ),
  ];
  if (seesLeads(c.actor)) {
    measures.push({ key: "leads", label: "问题线索", kind: "count" });
    parts.push(
      monthly({ day: leadRegistered, instant: leads.createdAt }, { from: leadsFrom, where: leadsScope(c) }, "leads", leadRecords),
    );
  }
  measures.push({ key: "lettersSent", label: "发出函件", kind: "count" });
  parts.push(
    monthly(
      { day: sql`${letters.sentOn}` },
      { from: lettersFrom, where: lettersScope(c) },
      "lettersSent",
      letterRecords(c.today),
    ),
  );
  return {
    measures,
    parts,
    fixedGroups: window.months.map((m) => ({ key: m, label: m })),
    validGroup: isMonth,
  };
}
