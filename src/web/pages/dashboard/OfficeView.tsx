/**
 * 巡察办: the working detail — rectification by organisation and the overdue list, findings by organisation, leads,
 * letters, hearings, trainings, the talent pool, rules made, with their headline numbers.
 */
import { Space } from "antd";
import { ChartCard } from "./ChartCard.tsx";
import { Headlines, type HeadlineItem } from "./Headline.tsx";
import type { ViewProps } from "./LeadingView.tsx";
import { OverdueCard } from "./OverdueCard.tsx";
import { SPECS } from "./specs.ts";
import { StatGrid } from "./StatGrid.tsx";
import { useStat } from "./useStat.ts";

export function OfficeView({ filter, filterText, available, onDrill }: ViewProps) {
  const byOrg = useStat("rectification_by_org", filter, available);
  const overdue = useStat("overdue", filter, available);
  const findings = useStat("findings_by_org", filter, available);
  const leads = useStat("leads_by_class", filter, available);
  const letters = useStat("letters", filter, available);
  const hearings = useStat("hearings", filter, available);
  const trainings = useStat("trainings", filter, available);
  const pool = useStat("pool", filter, available);
  const rules = useStat("rules", filter, available);
  const directives = useStat("directives", filter, available);
  const card = { onDrill, filterText };

  const headlines: HeadlineItem[] = [
    {
      key: "findings",
      stat: findings,
      title: "发现问题",
      value: (r) => ({ value: r.totals.findings ?? 0, suffix: "个", drill: "findings" }),
      sub: (_, link) => (
        <>
          主责主业 {link("coreMandate")} · 共性 {link("common")}
        </>
      ),
    },
    {
      key: "hearings",
      stat: hearings,
      title: "听取巡察汇报",
      value: (r) => ({ value: r.totals.hearings ?? 0, suffix: "次", drill: "hearings" }),
      sub: (_, link) => (
        <>
          逾期听取 {link("late")} · 逾期未听取 {link("overdue")}
        </>
      ),
    },
    {
      key: "letters",
      stat: letters,
      title: "督办函件",
      value: (r) => ({ value: r.totals.sent ?? 0, suffix: "件", drill: "sent" }),
      sub: (_, link) => (
        <>
          已回复 {link("answered")} · 逾期未回复 {link("overdue")}
        </>
      ),
    },
    {
      key: "trainings",
      stat: trainings,
      title: "巡察干部培训",
      value: (r) => ({ value: r.totals.trainings ?? 0, suffix: "次", drill: "trainings" }),
      sub: (_, link) => <>参训 {link("participants")} 人次</>,
    },
    {
      key: "pool",
      stat: pool,
      title: "巡察人才库",
      value: (r) => ({ value: r.totals.people ?? 0, suffix: "人", drill: "people" }),
      sub: (_, link) => (
        <>
          组长库 {link("leaderPool")} · 清退 {link("removed")}
        </>
      ),
    },
    {
      key: "rules",
      stat: rules,
      title: "建立完善制度",
      value: (r) => ({ value: r.totals.rules ?? 0, suffix: "项", drill: "rules" }),
      sub: (r) => `涉及 ${r.groups.filter((g) => (g.values.rules ?? 0) > 0).length} 个单位`,
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Headlines items={headlines} onDrill={onDrill} />
      <StatGrid
        rows={[
          [
            {
              key: "by-org",
              stats: [byOrg],
              weight: 14,
              node: (
                <ChartCard
                  stat={byOrg}
                  spec={SPECS.rectificationByOrg}
                  groupTitle="单位"
                  tableMeasures={["rows", "done", "significant", "ongoing", "overdue", "doneRate", "doneOrSignificantRate"]}
                  {...card}
                />
              ),
            },
            { key: "overdue", stats: [overdue], weight: 10, node: <OverdueCard stat={overdue} onDrill={onDrill} /> },
          ],
          [
            {
              key: "findings",
              stats: [findings],
              node: <ChartCard stat={findings} spec={SPECS.findingsByOrg} groupTitle="单位" {...card} />,
            },
            {
              key: "leads",
              stats: [leads],
              node: <ChartCard stat={leads} spec={SPECS.leads} groupTitle="线索类别" {...card} />,
            },
          ],
          [
            {
              key: "directives",
              stats: [directives],
              node: <ChartCard stat={directives} spec={SPECS.directives} groupTitle="书记专题会" {...card} />,
            },
            {
              key: "letters",
              stats: [letters],
              node: <ChartCard stat={letters} spec={SPECS.letters} groupTitle="函件种类" {...card} />,
            },
          ],
          [
            {
              key: "hearings",
              stats: [hearings],
              node: <ChartCard stat={hearings} spec={SPECS.hearings} groupTitle="巡察轮次" {...card} />,
            },
            {
              key: "rules",
              stats: [rules],
              node: <ChartCard stat={rules} spec={SPECS.rules} groupTitle="单位" {...card} />,
            },
          ],
          [
            {
              key: "trainings",
              stats: [trainings],
              node: <ChartCard stat={trainings} spec={SPECS.trainings} groupTitle="年度" {...card} />,
            },
            {
              key: "pool",
              stats: [pool],
              node: <ChartCard stat={pool} spec={SPECS.pool} groupTitle="人员状态" {...card} />,
            },
          ],
        ]}
      />
    </Space>
  );
}
