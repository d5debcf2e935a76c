/**
 * The three views the offices work from: the same visible rows grouped by problem (问题清单), by measure (任务清单)
 * and by responsible leader and department (责任清单). The rows are those the list shows: the same filter, the same
 * visibility rule.
 */
import { and, asc } from "drizzle-orm";
import { CAMPAIGN_ASPECT_TITLE } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { ledgerRows } from "../../db/schema.ts";
import { baseQuery, evidenceCounts, filterConditions, present, type LedgerFilter, type LedgerRowView } from "./queries.ts";

/** More rows than an office reads in one view; past it the view says it is cut short. */
export const VIEW_ROW_LIMIT = 2000;
export const NO_MEASURES = "未填写整改措施";

interface ProblemGroup {
  problemId: string;
  aspectTitle: string;
  problemSeq: number;
  problemText: string;
  orgName: string;
  rows: LedgerRowView[];
}

interface ResponsibilityGroup {
  leader: string | null;
  department: string | null;
  rows: LedgerRowView[];
  counts: { total: number; closed: number; overdue: number };
}

export interface LedgerViews {
  total: number;
  truncated: boolean;
  problems: ProblemGroup[];
  tasks: Array<{ measure: string; rows: LedgerRowView[] }>;
  responsibilities: ResponsibilityGroup[];
}

const blankToNull = (v: string | null) => (v?.trim() ? v.trim() : null);

/** Groups rows already in feedback order (assignment, aspect, problem, row); each group keeps that order. */
export function groupViews(rows: Array<LedgerRowView & { problemSeq: number }>): Omit<LedgerViews, "total" | "truncated"> {
  const problems = new Map<string, ProblemGroup>();
  const tasks = new Map<string, LedgerRowView[]>();
  const unfilled: LedgerRowView[] = [];
  const people = new Map<string, ResponsibilityGroup>();
  const unassigned: ResponsibilityGroup[] = [];
  for (const { problemSeq, ...r } of rows) {
    // A campaign's self-check rows have no feedback problem: each campaign is its own group.
    const problemKey = r.problemId ?? `campaign:${r.campaignId ?? r.id}`;
    let p = problems.get(problemKey);
    if (!p) {
      p = {
        problemId: problemKey,
        aspectTitle: r.problemId ? r.aspectTitle : CAMPAIGN_ASPECT_TITLE,
        problemSeq,
        problemText: r.problemId ? r.problemText : r.text,
        orgName: r.orgName,
        rows: [],
      };
      problems.set(problemKey, p);
    }
    p.rows.push(r);

    const measure = blankToNull(r.measures);
    if (!measure) unfilled.push(r);
    else tasks.set(measure, [...(tasks.get(measure) ?? []), r]);

    const leader = blankToNull(r.responsibleLeader);
    const department = blankToNull(r.responsibleDepartment);
    const key = JSON.stringify([leader, department]);
    let g = people.get(key);
    if (!g) {
      g = { leader, department, rows: [], counts: { total: 0, closed: 0, overdue: 0 } };
      people.set(key, g);
      if (!leader && !department) unassigned.push(g);
    }
    g.rows.push(r);
    g.counts.total++;
    if (r.status === "closed") g.counts.closed++;
    if (r.overdue) g.counts.overdue++;
  }
  return {
    problems: [...problems.values()],
    // Rows with no measures yet come last, under one heading.
    tasks: [
      ...[...tasks].map(([measure, rs]) => ({ measure, rows: rs })),
      ...(unfilled.length ? [{ measure: NO_MEASURES, rows: unfilled }] : []),
    ],
    // Named people and departments first, then rows with neither.
    responsibilities: [...[...people.values()].filter((g) => g.leader || g.department), ...unassigned],
  };
}

export async function ledgerViews(
  db: Db,
  actor: Actor,
  f: Omit<LedgerFilter, "page" | "pageSize">,
  today: string,
): Promise<LedgerViews> {
  const raw = await baseQuery(db)
    .where(and(...filterConditions(actor, f, today)))
    .orderBy(asc(ledgerRows.orgId), asc(ledgerRows.assignmentId), asc(ledgerRows.seq), asc(ledgerRows.id))
    .limit(VIEW_ROW_LIMIT + 1);
  const truncated = raw.length > VIEW_ROW_LIMIT;
  const kept = raw.slice(0, VIEW_ROW_LIMIT);
  const counts = await evidenceCounts(
    db,
    kept.map((r) => r.id),
  );
  const rows = kept.map((r) => ({ ...present(actor, r, today, counts.get(r.id) ?? 0), problemSeq: r.problemSeq ?? 0 }));
  return { total: rows.length, truncated, ...groupViews(rows) };
}
