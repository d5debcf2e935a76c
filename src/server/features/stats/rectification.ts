/**
 * Rectification figures from the ledger: by round, by organisation, and the overdue rows. The rows are those of
 * the existing 整改统计 (features/figures): live rows of an assignment — a campaign's self-check rows have none and
 * are left out — that the actor may see (ledger/policy visibleRows). The numbers come from the domain's
 * figuresFromGroups over one GROUP BY, so they agree with that screen; the drill-down conditions below are the
 * same definitions written as SQL (done = closed out; significant = not closed, reported as significant progress;
 * ongoing = the rest of the open; overdue = not closed, deadline before today).
 */
import { isNull, sql, type SQL } from "drizzle-orm";
import {
  figuresFromGroups,
  LEDGER_STATUS_LABELS,
  PROGRESS_LABELS,
  type FigureGroup,
  type LedgerStatus,
  type ProgressState,
} from "../../../domain/ledger.ts";
import type { StatMeasure } from "../../../domain/stats.ts";
import { ledgerRowLink } from "../../../domain/warning.ts";
import { assignments, ledgerRows, orgs, rounds } from "../../db/schema.ts";
import { visibleRows } from "../ledger/policy.ts";
import { query, whereOf, type FigureDef, type GroupRow, type Part, type RecordSpec, type Row } from "./engine.ts";
import { inPeriod, inSubtree, inTermRound, text, type StatContext } from "./filter.ts";
import { compareZh, isUuid, ratio } from "./model.ts";

export const ledgerFrom = sql`${ledgerRows}
  join ${orgs} on ${orgs.id} = ${ledgerRows.orgId}
  join ${assignments} on ${assignments.id} = ${ledgerRows.assignmentId}
  join ${rounds} on ${rounds.id} = ${assignments.roundId}`;

/** Live rows of an assignment, seen by the actor, within the filter's term, round and organisation subtree. */
export const ledgerWhere = (c: StatContext): SQL =>
  whereOf(
    isNull(ledgerRows.deletedAt),
    visibleRows(c.actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId }),
    inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }),
    inSubtree(c, orgs.path),
  );

/** The rows of the rectification figures: the period is on the feedback date of the row's assignment. */
const rowsWhere = (c: StatContext): SQL => whereOf(ledgerWhere(c), inPeriod(c, assignments.feedbackDate));

const overdueCond = (today: string) =>
  sql`(${ledgerRows.status} <> 'closed' and ${ledgerRows.deadline} is not null and ${ledgerRows.deadline} < ${today}::date)`;

export const rectificationConditions = (today: string): Record<string, SQL> => ({
  rows: sql`true`,
  done: sql`${ledgerRows.status} = 'closed'`,
  significant: sql`(${ledgerRows.status} <> 'closed' and ${ledgerRows.progress} = 'significant_progress')`,
  ongoing: sql`(${ledgerRows.status} <> 'closed' and ${ledgerRows.progress} <> 'significant_progress')`,
  overdue: overdueCond(today),
});

export const RECTIFICATION_MEASURES: StatMeasure[] = [
  { key: "rows", label: "问题总数", kind: "count" },
  { key: "done", label: "已完成", kind: "count" },
  { key: "significant", label: "取得明显成效", kind: "count" },
  { key: "ongoing", label: "持续推进", kind: "count" },
  { key: "overdue", label: "逾期未完成", kind: "count" },
  { key: "doneRate", label: "完成率", kind: "rate" },
  { key: "doneOrSignificantRate", label: "完成及取得明显成效率", kind: "rate" },
];

const rectificationRates = {
  doneRate: (v: Record<string, number | null>) => ratio(v.done, v.rows),
  doneOrSignificantRate: (v: Record<string, number | null>) => ratio((v.done ?? 0) + (v.significant ?? 0), v.rows),
};

/** A ledger row in a drill-down; the overdue figure adds its days overdue. */
export function ledgerRecords(c: StatContext, withDays: boolean): RecordSpec {
  const columns = [
    { key: "org", title: "单位" },
    { key: "round", title: "巡察轮次" },
    { key: "seq", title: "序号" },
    { key: "text", title: "问题" },
    { key: "department", title: "责任部门" },
    { key: "deadline", title: "整改时限" },
    { key: "status", title: "销号状态" },
    { key: "progress", title: "整改进展" },
  ];
  if (withDays) columns.push({ key: "days", title: "逾期天数" });
  return {
    columns,
    select: {
      id: sql`${ledgerRows.id}::text`,
      org: sql`${orgs.name}`,
      round: sql`${rounds.name}`,
      seq: sql`${ledgerRows.seqLabel}`,
      text: sql`${ledgerRows.text}`,
      department: sql`${ledgerRows.responsibleDepartment}`,
      deadline: sql`${ledgerRows.deadline}::text`,
      status: sql`${ledgerRows.status}`,
      progress: sql`${ledgerRows.progress}`,
      days: sql`(${c.today}::date - ${ledgerRows.deadline})`,
    },
    order: withDays
      ? sql`${ledgerRows.deadline}, ${orgs.name}, ${ledgerRows.seq}, ${ledgerRows.id}`
      : sql`${orgs.name}, ${rounds.startDate}, ${ledgerRows.assignmentId}, ${ledgerRows.seq}, ${ledgerRows.id}`,
    present: (r: Row) => {
      const cells: Record<string, string | number | null> = {
        org: text(r.org),
        round: text(r.round),
        seq: text(r.seq),
        text: text(r.text),
        department: text(r.department),
        deadline: text(r.deadline),
        status: LEDGER_STATUS_LABELS[r.status as LedgerStatus] ?? text(r.status),
        progress: PROGRESS_LABELS[r.progress as ProgressState] ?? text(r.progress),
      };
      if (withDays) cells.days = Number(r.days);
      return { id: String(r.id), href: ledgerRowLink(String(r.id)), cells };
    },
  };
}

/**
 * Grouped by (key, status, progress, overdue) in the database, then summed by the domain's figuresFromGroups:
 * the very computation behind /api/figures/ledger. The grouping runs on the bare columns (a hash aggregate of a
 * few thousand groups even over a million rows), joined to the organisation or round only where the actor's
 * scope or the filter needs it; the labels are joined to the groups afterwards.
 */
async function ledgerFigures(c: StatContext, by: "round" | "org"): Promise<Map<string, GroupRow>> {
  const overdue = overdueCond(c.today);
  const scoped = visibleRows(c.actor, { orgId: ledgerRows.orgId, orgPath: orgs.path, teamId: assignments.teamId });
  const from = sql.join(
    [
      sql`${ledgerRows} join ${assignments} on ${assignments.id} = ${ledgerRows.assignmentId}`,
      scoped || c.org ? sql`join ${orgs} on ${orgs.id} = ${ledgerRows.orgId}` : undefined,
      c.term ? sql`join ${rounds} on ${rounds.id} = ${assignments.roundId}` : undefined,
    ].filter((x) => x !== undefined),
    sql` `,
  );
  const key = by === "round" ? sql`${assignments.roundId}` : sql`${ledgerRows.orgId}`;
  const labels =
    by === "round"
      ? sql`(select ${rounds.id} as id, ${rounds.name} as name, ${rounds.startDate}::text as o from ${rounds})`
      : sql`(select ${orgs.id} as id, ${orgs.name} as name, ''::text as o from ${orgs})`;
  const rows = await query(
    c.db,
    sql`select g.k::text as k, lbl.name as l, lbl.o as o, g.status, g.progress, g.overdue, g.n
        from (select ${key} as k, ${ledgerRows.status} as status, ${ledgerRows.progress} as progress,
                ${overdue} as overdue, count(*)::int as n
              from ${from} where ${rowsWhere(c)}
              group by 1, 2, 3, 4) g
        join ${labels} lbl on lbl.id = g.k`,
  );
  const byKey = new Map<string, { label: string; order: string; groups: FigureGroup[] }>();
  for (const r of rows) {
    const k = String(r.k);
    const entry = byKey.get(k) ?? { label: String(r.l), order: String(r.o ?? ""), groups: [] };
    entry.groups.push({
      status: r.status as FigureGroup["status"],
      progress: r.progress as FigureGroup["progress"],
      overdue: r.overdue === true,
      n: Number(r.n),
    });
    byKey.set(k, entry);
  }
  // The order of the existing figures: rounds by start date, organisations by name.
  const sorted = [...byKey].sort(
    ([ka, a], [kb, b]) => a.order.localeCompare(b.order) || compareZh(a.label, b.label) || ka.localeCompare(kb),
  );
  return new Map(
    sorted.map(([k, e]) => {
      const f = figuresFromGroups(e.groups);
      return [
        k,
        {
          label: e.label,
          values: { rows: f.total, done: f.done, significant: f.significantProgress, ongoing: f.ongoing, overdue: f.overdue },
        },
      ] as const;
    }),
  );
}

function rectificationPart(c: StatContext, key: SQL, match: (g: string) => SQL, label: SQL): Part {
  return {
    from: ledgerFrom,
    where: rowsWhere(c),
    key,
    match,
    label,
    counts: rectificationConditions(c.today),
    records: ledgerRecords(c, false),
  };
}

export function rectificationByRound(c: StatContext): FigureDef {
  const part = rectificationPart(c, sql`${assignments.roundId}`, (g) => sql`${assignments.roundId} = ${g}`, sql`${rounds.name}`);
  return {
    measures: RECTIFICATION_MEASURES,
    parts: [part],
    rates: rectificationRates,
    validGroup: isUuid,
    compute: () => ledgerFigures(c, "round"),
  };
}

export function rectificationByOrg(c: StatContext): FigureDef {
  const part = rectificationPart(c, sql`${ledgerRows.orgId}`, (g) => sql`${ledgerRows.orgId} = ${g}`, sql`${orgs.name}`);
  return {
    measures: RECTIFICATION_MEASURES,
    parts: [part],
    rates: rectificationRates,
    validGroup: isUuid,
    // By name, as the existing figures list organisations.
    compute: () => ledgerFigures(c, "org"),
  };
}

/** Open rows past their deadline as of today, by organisation, with the longest delay. */
export function overdueByOrg(c: StatContext): FigureDef {
  const overdue = overdueCond(c.today);
  return {
    measures: [
      { key: "overdue", label: "逾期未完成", kind: "count" },
      { key: "maxDaysOverdue", label: "最长逾期天数", kind: "days" },
    ],
    parts: [
      {
        from: ledgerFrom,
        where: whereOf(rowsWhere(c), overdue),
        key: sql`${ledgerRows.orgId}`,
        match: (g) => sql`${ledgerRows.orgId} = ${g}`,
        label: sql`${orgs.name}`,
        counts: { overdue },
        aggregates: { maxDaysOverdue: sql`max(${c.today}::date - ${ledgerRows.deadline})` },
        records: ledgerRecords(c, true),
      },
    ],
    totals: { maxDaysOverdue: "max" },
    validGroup: isUuid,
    sort: (a, b) =>
      (b.values.overdue ?? 0) - (a.values.overdue ?? 0) ||
      (b.values.maxDaysOverdue ?? 0) - (a.values.maxDaysOverdue ?? 0) ||
      compareZh(a.label, b.label),
  };
}
