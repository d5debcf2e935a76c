/**
 * One figure on a card: the chart (click a bar, slice or point to list its records), or the same figure as a table;
 * the totals written beneath (each count drills down too); a button that saves the chart as a PNG. Loading, empty
 * (暂无数据) and failure (the server's Chinese message, with 重试) are shown in place of the chart.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Segmented, Skeleton, Space, Spin, Tooltip, Typography } from "antd";
import type { ECharts } from "echarts";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { StatResult } from "../../../domain/stats.ts";
import { Chart } from "../../components/Chart.tsx";
import type { ChartSpec } from "./chartSpecs.ts";
import { totalTarget, type DrillTarget } from "./drill.ts";
import { exportChartPng } from "./exportPng.ts";
import { CountLink, StatTable } from "./StatTable.tsx";
import type { StatState } from "./useStat.ts";

export interface ChartCardProps {
  stat: StatState;
  spec: (r: StatResult) => ChartSpec;
  onDrill: (t: DrillTarget) => void;
  /** What the figure is filtered by, for the exported picture. */
  filterText: string;
  /** The card's title (default: the figure's title from the server). */
  title?: string;
  /** The totals written under the chart (default: every measure). */
  totals?: string[];
  /** The measures of the table view (default: every measure). */
  tableMeasures?: string[];
  groupTitle?: string;
  /** Something said under the chart besides the totals. */
  note?: ReactNode;
  /** What the empty state says (default 暂无数据). */
  emptyText?: string;
}

const hasData = (r: StatResult) =>
  r.groups.length > 0 && r.groups.some((g) => Object.values(g.values).some((v) => v !== null && v !== 0));

/** "合计：台账 62 条 · 已完成 45 · 完成率 73%": the figure's totals as text, each count a link to its records. */
export function TotalsLine({
  result,
  keys,
  onDrill,
}: {
  result: StatResult;
  keys?: string[];
  onDrill: (t: DrillTarget) => void;
}) {
  const measures = keys ? result.measures.filter((m) => keys.includes(m.key)) : result.measures;
  if (!measures.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`totals-${result.figure}`}>
      合计：
      {measures.map((m, i) => (
        <span key={m.key}>
          {i > 0 && " · "}
          {m.label} <CountLink value={result.totals[m.key]} measure={m} target={totalTarget(result, m.key)} onDrill={onDrill} />
        </span>
      ))}
    </Typography.Text>
  );
}

export function ChartCard({
  stat,
  spec,
  onDrill,
  filterText,
  title,
  totals,
  tableMeasures,
  groupTitle,
  note,
  emptyText = "暂无数据",
}: ChartCardProps) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<"chart" | "table">("chart");
  const [exporting, setExporting] = useState(false);
  const chart = useRef<ECharts | null>(null);
  const result = stat.data;
  const built = useMemo(() => (result ? spec(result) : null), [result, spec]);
  const heading = title ?? result?.title ?? "";

  // The chart is made once; its click handler reads the current spec and drill-down through refs.
  const current = useRef({ built, onDrill });
  useEffect(() => {
    current.current = { built, onDrill };
  }, [built, onDrill]);
  const onReady = useCallback((c: ECharts) => {
    chart.current = c;
    c.on("click", (e) => {
      const t = current.current.built?.target(e);
      if (t) current.current.onDrill(t);
    });
  }, []);

  const showChart = Boolean(result && built && hasData(result) && mode === "chart");
  const save = async () => {
    if (!chart.current || !result) return;
    setExporting(true);
    try {
      await exportChartPng(chart.current, heading, [filterText, `统计截至 ${result.asOf}`].filter(Boolean).join("　"));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : "导出图片失败");
    } finally {
      setExporting(false);
    }
  };

  if (stat.forbidden) return null;
  let body: ReactNode;
  if (!result) {
    body = stat.error ? null : <Skeleton active paragraph={{ rows: 5 }} />;
  } else if (!hasData(result)) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  } else if (mode === "table") {
    body = <StatTable result={result} measures={tableMeasures} groupTitle={groupTitle} onDrill={onDrill} />;
  } else if (built) {
    body = <Chart option={built.option} height={built.height} onReady={onReady} />;
  }

  return (
    <Card
      size="small"
      title={heading || "\u00a0"}
      data-testid={`stat-${stat.figure}`}
      style={{ height: "100%" }}
      extra={
        <Space size={8}>
          <Segmented<"chart" | "table">
            size="small"
            value={mode}
            onChange={setMode}
            options={[
              { value: "chart", label: "图表" },
              { value: "table", label: "表格" },
            ]}
          />
          <Tooltip title={showChart ? "导出为 PNG 图片" : "切换到图表后可导出"}>
            <Button
              size="small"
              aria-label="导出图片"
              icon={<DownloadOutlined />}
              disabled={!showChart}
              loading={exporting}
              onClick={() => void save()}
            />
          </Tooltip>
        </Space>
      }
    >
      {stat.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${heading || "统计数据"}加载失败：${stat.error}`}
          action={
            <Button size="small" onClick={stat.reload}>
              重试
            </Button>
          }
        />
      )}
      <Spin spinning={Boolean(result) && stat.loading}>{body}</Spin>
      {result && hasData(result) && (
        <div style={{ marginTop: 8 }}>
          <TotalsLine result={result} keys={totals} onDrill={onDrill} />
          {note && <div style={{ marginTop: 4 }}>{note}</div>}
        </div>
      )}
    </Card>
  );
}
