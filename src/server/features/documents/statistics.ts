/**
 * 巡察整改统计报告: the statistics for one filter (term, round, organisation subtree, period) as tables — one per
 * figure of the statistics API (stats/queries.ts), with its totals — so the office's report carries the very
 * numbers the screens show. Figures the reader may not see are left out and said to be.
 */
import { chineseDate } from "../../../domain/announcement.ts";
import { chineseOrdinal } from "../../../domain/feedback.ts";
import { STAT_FIGURE_LABELS, type StatFigure, type StatFilter, type StatResult } from "../../../domain/stats.ts";
import type { Actor } from "../../../domain/roles.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { resolveContext } from "../stats/filter.ts";
import { figureRefusal, viewStatsRefusal } from "../stats/policy.ts";
import { statResult } from "../stats/queries.ts";
import { allow } from "../rounds/policy.ts";
import { commonValues, compact, contactNotes, fill, heading, para, paragraphs, percent, printedBy, type Parts } from "./parts.ts";

/** The figures the report carries, in its order. */
export const REPORT_FIGURES: readonly StatFigure[] = [
  "coverage",
  "findings_by_category",
  "rectification_by_round",
  "rectification_by_org",
  "overdue",
  "directives",
  "leads_by_class",
  "hearings",
  "letters",
  "rules",
  "trainings",
  "pool",
];

/** What each figure's groups are (the first column's title). */
const GROUP_TITLES: Partial<Record<StatFigure, string>> = {
  coverage: "单位类别",
  findings_by_category: "问题类别",
  findings_by_org: "被巡察单位",
  rectification_by_round: "巡察轮次",
  rectification_by_org: "被巡察单位",
  overdue: "被巡察单位",
  directives: "轮次",
  leads_by_class: "线索类别",
  hearings: "巡察轮次",
  letters: "函件类别",
  trainings: "年度",
  pool: "人员状态",
  rules: "单位",
  trend: "月份",
};

export interface StatisticsSource {
  /** 统计范围, e.g. "十三届县委；第五轮巡察；县自然资源局及下属单位；2024年1月1日至2024年6月30日". */
  scope: string;
  results: StatResult[];
  /** Figures left out because the reader may not see them. */
  withheld: string[];
}

const cell = (kind: "count" | "rate" | "days", v: number | null | undefined): string => {
  if (v === null || v === undefined) return "—";
  if (kind === "rate") return percent(v);
  if (kind === "days") return `${v}天`;
  return String(v);
};

export function statisticsTable(r: StatResult): Block {
  const groupTitle = GROUP_TITLES[r.figure] ?? "分组";
  const rows = r.groups.map((g) => [g.label, ...r.measures.map((m) => cell(m.kind, g.values[m.key]))]);
  rows.push(["合计", ...r.measures.map((m) => cell(m.kind, r.totals[m.key]))]);
  return {
    type: "table",
    columns: [
      { title: groupTitle, width: 24 },
      ...r.measures.map((m) => ({
        title: m.label,
        width: Math.max(8, Math.min(14, m.label.length * 2 + 2)),
        align: "center" as const,
      })),
    ],
    rows,
  };
}

export function composeStatistics(src: StatisticsSource, parts: Parts): OfficialDocument {
  const values = { ...commonValues(parts, parts.today), 统计范围: src.scope, 截至日期: chineseDate(parts.today) };
  const body: Block[] = [...paragraphs(parts.template.opening, values)];
  src.results.forEach((r, i) => {
    body.push(heading(1, `${chineseOrdinal(i + 1)}、${r.title}`));
    body.push(r.groups.length ? statisticsTable(r) : para("统计范围内暂无记录。"));
  });
  if (src.withheld.length) body.push(para(`（${src.withheld.join("、")}的统计不在您的查看权限内，本报告未列。）`));
  body.push(...paragraphs(parts.template.closing, values));
  return compact({
    kind: "statistics_report",
    orientation: "landscape",
    authority: parts.profile.authority,
    title: fill(parts.template.title, values),
    body,
    signature: { issuer: parts.profile.signature, date: parts.today },
    notes: contactNotes(parts.profile),
    printedBy: printedBy(parts.profile, parts.today),
  });
}

export async function loadStatisticsSource(ctx: AppContext, actor: Actor, filter: StatFilter): Promise<StatisticsSource> {
  allow(viewStatsRefusal(actor));
  const today = todayIn(ctx);
  const c = await resolveContext(ctx.db, actor, filter, today);
  const scope = [
    c.term?.name,
    c.round?.name,
    c.org ? `${c.org.name}及下属单位` : null,
    filter.from || filter.to
      ? `${filter.from ? chineseDate(filter.from) : "开始"}至${filter.to ? chineseDate(filter.to) : "今"}`
      : null,
  ].filter((x): x is string => !!x);
  const results: StatResult[] = [];
  const withheld: string[] = [];
  for (const figure of REPORT_FIGURES) {
    if (figureRefusal(actor, figure)) {
      withheld.push(STAT_FIGURE_LABELS[figure]);
      continue;
    }
    results.push(await statResult(ctx.db, actor, figure, filter, today));
  }
  return { scope: scope.length ? scope.join("；") : "全部届次、轮次和单位", results, withheld };
}
