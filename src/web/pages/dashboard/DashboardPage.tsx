/**
 * 统计分析: the dashboards of the leading group (the big picture) and of the office (the working detail), over the
 * statistics API. One filter for every chart, kept in the address so that a view can be shared and reloaded; every
 * count opens the records it counts; every chart saves as a PNG.
 */
import { Alert, Button, Card, Space, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { StatFigure, StatFilter } from "../../../domain/stats.ts";
import type { FlatOrg } from "../../components/orgTree.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import type { Round, Term } from "../rounds/types.ts";
import type { DrillTarget } from "./drill.ts";
import { DrillDrawer } from "./DrillDrawer.tsx";
import { FilterBar } from "./FilterBar.tsx";
import { filterFromParams, paramsOf, VIEW_LABELS, viewFromParams, type DashboardView } from "./filter.ts";
import { LeadingView } from "./LeadingView.tsx";
import { OfficeView } from "./OfficeView.tsx";

/** "届次：十三届衡阳县委 · 时间段：2021-07-01 至 2023-09-30 · 单位：衡阳县（含下属单位）"; empty: "". */
function describe(f: StatFilter, names: { term?: string; round?: string; org?: string }): string {
  const parts: string[] = [];
  if (f.termId) parts.push(`届次：${names.term ?? "所选届次"}`);
  if (f.roundId) parts.push(`轮次：${names.round ?? "所选轮次"}`);
  if (f.from || f.to) parts.push(`时间段：${f.from ?? "不限"} 至 ${f.to ?? "不限"}`);
  if (f.orgId) parts.push(`单位：${names.org ?? "所选单位"}（含下属单位）`);
  return parts.join(" · ");
}

const VIEW_NOTES: Record<DashboardView, string> = {
  leading: "全局情况：全覆盖、整改完成、书记点人点事、问题线索和工作趋势。",
  office: "工作细节：按单位的整改和逾期清单、发现问题、函件、听取汇报、制度建设、培训和人才库。",
};

export default function DashboardPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const view = viewFromParams(params);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const figures = useGet<{ items: Array<{ figure: StatFigure; available: boolean }> }>("/api/stats");
  const available = useMemo(
    () => (figures.data ? Object.fromEntries(figures.data.items.map((f) => [f.figure, f.available])) : undefined),
    [figures.data],
  );
  const terms = useGet<{ items: Term[] }>(me.can.viewRounds ? "/api/terms" : null);
  const rounds = useGet<{ items: Round[] }>(me.can.viewRounds ? "/api/rounds" : null);
  // The organisation's name for the filter's description (the picker loads its own list).
  const orgs = useGet<{ items: FlatOrg[] }>(filter.orgId && me.can.viewOrgs ? "/api/orgs" : null);
  const termName = terms.data?.items.find((t) => t.id === filter.termId)?.name;
  const filterText = describe(filter, {
    term: termName,
    round: rounds.data?.items.find((r) => r.id === filter.roundId)?.name,
    org: orgs.data?.items.find((o) => o.id === filter.orgId)?.name,
  });

  const setFilter = (f: StatFilter) => setParams(paramsOf(f, view));
  const setView = (v: DashboardView) => setParams(paramsOf(filter, v));
  const viewProps = { filter, filterText, termName, available, onDrill: setDrill };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <FilterBar
          filter={filter}
          onChange={setFilter}
          terms={me.can.viewRounds ? (terms.data?.items ?? []) : null}
          rounds={me.can.viewRounds ? (rounds.data?.items ?? []) : null}
          loading={terms.loading || rounds.loading}
        />
      </Card>
      {figures.failed && !figures.data && (
        <Alert
          type="error"
          showIcon
          message="统计分析加载失败，请稍后重试"
          action={
            <Button size="small" onClick={figures.reload}>
              重试
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as DashboardView)}
        tabBarExtraContent={
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {filterText || "全部数据"}；点击图表中的柱、扇区、数字可查看明细
          </Typography.Text>
        }
        items={(Object.keys(VIEW_LABELS) as DashboardView[]).map((v) => ({
          key: v,
          label: VIEW_LABELS[v],
          children:
            v === view ? (
              <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                <Typography.Text type="secondary">{VIEW_NOTES[v]}</Typography.Text>
                {v === "leading" ? <LeadingView {...viewProps} /> : <OfficeView {...viewProps} />}
              </Space>
            ) : null,
        }))}
      />
      <DrillDrawer target={drill} filter={filter} filterText={filterText} onClose={() => setDrill(null)} />
    </Space>
  );
}
