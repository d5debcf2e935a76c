/**
 * One statistics API behind every figure (统计): each figure is a table of groups (rows: org kinds, categories,
 * rounds, organisations, classes, months…) by measures (columns: counts and rates). Every figure takes the same
 * filter and every count drills down to the records it counts. Shared by the server (which computes) and the web
 * (dashboards, drill-down tables).
 */
import { z } from "zod";

export const STAT_FIGURES = [
  /** 全覆盖: groups = org kinds in the term's scope; measures total, inspected, uninspected, rate. */
  "coverage",
  /** Findings by category (taxonomy first level): measures findings, share. */
  "findings_by_category",
  /** Findings by organisation: measures findings, coreMandate, common, topLeader, coreMandateRate. */
  "findings_by_org",
  /** Rectification by round: measures rows, done, significant, ongoing, overdue, doneRate, doneOrSignificantRate. */
  "rectification_by_round",
  /** Rectification by organisation: same measures as by round. */
  "rectification_by_org",
  /** Overdue rows (open past their deadline): groups = organisations; measures overdue, maxDaysOverdue. */
  "overdue",
  /** 书记点人点事: groups = secretary's meetings; measures total, done, notDone, overdue, doneRate. */
  "directives",
  /** Leads by class (问题线索 by 类别): measures leads, transferred, filed, filingRate, namingPerson, namingRate. */
  "leads_by_class",
  /** Hearings (听取汇报): groups = rounds; measures assignments (due), hearings, late, overdue, onTimeRate. */
  "hearings",
  /** Letters by kind: measures sent, answered, overdue, answerRate. */
  "letters",
  /** Trainings: groups = years; measures trainings, participants. */
  "trainings",
  /** Talent pool: groups = status; measures people, leaderPool, removed. */
  "pool",
  /** Rules made: groups = organisations; measures rules, newRules, revisedRules. */
  "rules",
  /** Trend: groups = months (YYYY-MM); measures findings, rowsClosed, leads (only for those who see leads), lettersSent. */
  "trend",
] as const;
export type StatFigure = (typeof STAT_FIGURES)[number];

export const STAT_FIGURE_LABELS: Record<StatFigure, string> = {
  coverage: "巡察全覆盖",
  findings_by_category: "发现问题（按类别）",
  findings_by_org: "发现问题（按单位）",
  rectification_by_round: "整改完成率（按轮次）",
  rectification_by_org: "整改完成率（按单位）",
  overdue: "逾期未完成整改",
  directives: "书记点人点事办结",
  leads_by_class: "问题线索（按类别）",
  hearings: "听取巡察汇报",
  letters: "督办函件",
  trainings: "巡察干部培训",
  pool: "巡察人才库",
  rules: "建立完善制度",
  trend: "工作趋势（按月）",
};

/** The same filter for every figure; every part optional. `orgId` takes the organisation and its whole subtree. */
export const statFilterSchema = z.object({
  termId: z.uuid({ error: "届次无效" }).optional(),
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  /** Period (ISO dates, inclusive): what happened between these dates (findings registered, rows closed, …). */
  from: z.iso.date({ error: "开始日期格式应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "结束日期格式应为 YYYY-MM-DD" }).optional(),
  orgId: z.uuid({ error: "单位无效" }).optional(),
});
export type StatFilter = z.infer<typeof statFilterSchema>;

export const statMeasureSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** count: a whole number that drills down; rate: a share 0–1 (null when the base is 0), shown as a percentage. */
  kind: z.enum(["count", "rate", "days"]),
});
export type StatMeasure = z.infer<typeof statMeasureSchema>;

export const statGroupSchema = z.object({
  /** Stable key for drill-down (an id, a code, a month). */
  key: z.string(),
  label: z.string(),
  values: z.record(z.string(), z.number().nullable()),
});
export type StatGroup = z.infer<typeof statGroupSchema>;

export const statResultSchema = z.object({
  figure: z.enum(STAT_FIGURES),
  title: z.string(),
  measures: z.array(statMeasureSchema),
  groups: z.array(statGroupSchema),
  /** The measures over all groups (rates recomputed from the totals, not averaged). */
  totals: z.record(z.string(), z.number().nullable()),
  /** As of (the server's today, ISO): overdue and late are counted against it. */
  asOf: z.string(),
});
export type StatResult = z.infer<typeof statResultSchema>;

/** The records one count stands for: GET /api/stats/:figure/records?group=&measure=&…filter. */
export const statRecordsSchema = z.object({
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  items: z.array(
    z.object({
      id: z.string(),
      /** Where the record is seen in the app (a web path), when it has a page. */
      href: z.string().nullable(),
      cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  total: z.number(),
});
export type StatRecords = z.infer<typeof statRecordsSchema>;
