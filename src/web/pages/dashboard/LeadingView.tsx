/**
 * 领导小组: the big picture — coverage by kind, rectification by round, the secretary's directives, leads and their
 * filing rate (only for those who may see leads), findings by category and the work month by month.
 */
import { Space, Typography } from "antd";
import type { StatFilter } from "../../../domain/stats.ts";
import { ChartCard } from "./ChartCard.tsx";
import type { DrillTarget } from "./drill.ts";
import { Headlines, rateValue, type HeadlineItem } from "./Headline.tsx";
import { SPECS } from "./specs.ts";
import { StatGrid } from "./StatGrid.tsx";
import { useStat, type Availability } from "./useStat.ts";

export interface ViewProps {
  filter: StatFilter;
  filterText: string;
  /** The filter's term, by name (coverage is counted per term). */
  termName: string | undefined;
  available: Availability;
  onDrill: (t: DrillTarget) => void;
}

export function LeadingView({ filter, filterText, termName, available, onDrill }: ViewProps) {
  const coverage = useStat("coverage", filter, available);
  const byRound = useStat("rectification_by_round", filter, available);
  const overdue = useStat("overdue", filter, available);
  const directives = useStat("directives", filter, available);
  const leads = useStat("leads_by_class", filter, available);
  const trend = useStat("trend", filter, available);
  const categories = useStat("findings_by_category", filter, available);
  const card = { onDrill, filterText };

  const headlines: HeadlineItem[] = [
    {
      key: "coverage",
      stat: coverage,
      title: "巡察全覆盖率",
      value: (r) => ({ ...rateValue(r.totals.rate), drill: "inspected" }),
      sub: (_, link) => (
        <>
          已巡察 {link("inspected")} / {link("total")} 个
        </>
      ),
    },
    {
      key: "done-rate",
      stat: byRound,
      title: "整改完成率",
      value: (r) => ({ ...rateValue(r.totals.doneRate), drill: "done", color: "#389e0d" }),
      sub: (_, link) => (
        <>
          已完成 {link("done")} / {link("rows")} 条
        </>
      ),
    },
    {
      key: "done-or-significant-rate",
      stat: byRound,
      title: "完成及明显成效率",
      value: (r) => ({ ...rateValue(r.totals.doneOrSignificantRate), drill: "significant" }),
      sub: (_, link) => <>取得明显成效 {link("significant")} 条</>,
    },
    {
      key: "overdue",
      stat: overdue,
      title: "逾期未完成整改",
      value: (r) => ({
        value: r.totals.overdue ?? 0,
        suffix: "条",
        drill: "overdue",
        color: r.totals.overdue ? "#cf1322" : undefined,
      }),
      sub: (r) => (r.totals.maxDaysOverdue ? `最长逾期 ${r.totals.maxDaysOverdue} 天` : "没有逾期的整改任务"),
    },
    {
      key: "directives",
      stat: directives,
      title: "书记点人点事办结率",
      value: (r) => ({ ...rateValue(r.totals.doneRate), drill: "done" }),
      sub: (_, link) => (
        <>
          {link("total")} 项中已办结 {link("done")} 项，未办结 {link("notDone")} 项
        </>
      ),
    },
    {
      key: "leads",
      stat: leads,
      title: "问题线索立案率",
      value: (r) => ({ ...rateValue(r.totals.filingRate), drill: "filed" }),
      sub: (_, link) => (
        <>
          线索 {link("leads")} 条，立案 {link("filed")} 件，明确责任人 {link("namingPerson")} 条
        </>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Headlines items={headlines} onDrill={onDrill} />
      <StatGrid
        rows={[
          [
            {
              key: "coverage",
              stats: [coverage],
              node: (
                <ChartCard
                  stat={coverage}
                  spec={SPECS.coverage}
                  groupTitle="单位类别"
                  emptyText={
                    filter.termId
                      ? "暂无数据：该届次尚未设置全覆盖范围"
                      : "暂无数据：当前届次尚未设置全覆盖范围，请在上方选择届次"
                  }
                  note={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {filter.termId
                        ? `${termName ?? "所选届次"}全覆盖范围内的单位，本届至少巡察一次即为已巡察`
                        : "未选择届次：按正在进行（或最近）的届次统计，可在上方选择届次"}
                      {filter.from || filter.to ? "；只计所选时间段内进驻的巡察" : ""}
                    </Typography.Text>
                  }
                  {...card}
                />
              ),
            },
          ],
          [
            {
              key: "by-round",
              stats: [byRound],
              weight: 14,
              node: <ChartCard stat={byRound} spec={SPECS.rectificationByRound} groupTitle="巡察轮次" {...card} />,
            },
            {
              key: "directives",
              stats: [directives],
              weight: 10,
              node: (
                <ChartCard
                  stat={directives}
                  spec={SPECS.directives}
                  groupTitle="书记专题会"
                  totals={["total", "done", "notDone", "doneRate"]}
                  {...card}
                />
              ),
            },
          ],
          [{ key: "trend", stats: [trend], node: <ChartCard stat={trend} spec={SPECS.trend} groupTitle="月份" {...card} /> }],
          [
            {
              key: "leads",
              stats: [leads],
              weight: 14,
              node: <ChartCard stat={leads} spec={SPECS.leads} groupTitle="线索类别" {...card} />,
            },
            {
              key: "categories",
              stats: [categories],
              weight: 10,
              node: <ChartCard stat={categories} spec={SPECS.findingsByCategory} groupTitle="问题类别" {...card} />,
            },
          ],
        ]}
      />
    </Space>
  );
}
