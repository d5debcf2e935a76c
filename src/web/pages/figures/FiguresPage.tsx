/** 整改统计: the ledger's figures (only closed-out rows count as done), by organisation and by round, as cards, charts and a table. */
import { Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { withQuery } from "../../api.ts";
import { Chart } from "../../components/Chart.tsx";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { byOrgOption, byRoundOption } from "./chartOptions.ts";
import { OrgFiguresTable } from "./OrgFiguresTable.tsx";
import type { LedgerFigures, OrgFigures, RoundFigures } from "./types.ts";

const rateValue = (v: number | null) => (v === null ? "—" : (v * 100).toFixed(1));

function FigureCards({ f }: { f: LedgerFigures }) {
  const cards: Array<{ title: string; value: string | number; suffix?: string; color?: string; hint?: string }> = [
    { title: "台账总数", value: f.total, suffix: "条" },
    { title: "已销号", value: f.done, suffix: "条", color: "#389e0d" },
    { title: "取得明显成效", value: f.significantProgress, suffix: "条", color: "#08979c", hint: "未销号、进展为取得明显成效" },
    { title: "逾期", value: f.overdue, suffix: "条", color: f.overdue ? "#cf1322" : undefined, hint: "未销号且超过整改时限" },
    { title: "完成率", value: rateValue(f.doneRate), suffix: f.doneRate === null ? undefined : "%", hint: "已销号 ÷ 台账总数" },
    {
      title: "完成及明显成效率",
      value: rateValue(f.doneOrSignificantRate),
      suffix: f.doneOrSignificantRate === null ? undefined : "%",
      hint: "（已销号 + 明显成效）÷ 总数",
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} valueStyle={c.color ? { color: c.color } : undefined} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.hint ?? "\u00a0"}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function FiguresPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roundId = params.get("roundId") || undefined;
  const rounds = useGet<{ items: Array<{ id: string; name: string }> }>(me.can.viewRounds ? "/api/rounds" : null);
  const total = useGet<{ figures: LedgerFigures }>(withQuery("/api/figures/ledger", { roundId }));
  const byOrg = useGet<{ items: OrgFigures[] }>(withQuery("/api/figures/ledger/by-org", { roundId }));
  const byRound = useGet<{ items: RoundFigures[] }>("/api/figures/ledger/by-round");

  const roundName = rounds.data?.items.find((r) => r.id === roundId)?.name;
  const scope = roundName ?? (roundId ? "所选轮次" : "全部轮次");
  const orgItems = useMemo(() => (byOrg.data?.items ?? []).filter((o) => o.figures.total > 0), [byOrg.data]);
  const roundItems = useMemo(() => (byRound.data?.items ?? []).filter((r) => r.figures.total > 0), [byRound.data]);
  const orgOption = useMemo(() => byOrgOption(orgItems, `整改完成情况（按单位，${scope}）`), [orgItems, scope]);
  const roundOption = useMemo(() => byRoundOption(roundItems, "完成率（按巡察轮次）"), [roundItems]);
  const figures = total.data?.figures;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title="整改统计"
        extra={
          <Space>
            {me.can.viewRounds && (
              <Select
                allowClear
                placeholder="全部轮次"
                style={{ width: 240 }}
                loading={rounds.loading}
                value={roundId}
                options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
                onChange={(v?: string) => setParams(v ? { roundId: v } : {})}
              />
            )}
            {me.can.viewStats && <DocumentButtons kind="statistics_report" query={{ roundId }} label="统计报告" />}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          统计口径：只有经巡察办审核销号的条目计为已完成；逾期指未销号且已超过整改时限的条目。
        </Typography.Paragraph>
        {figures ? <FigureCards f={figures} /> : <Spin style={{ display: "block", margin: "24px auto" }} />}
      </Card>
      {figures && figures.total === 0 ? (
        <Card>
          <Empty description={roundId ? "该轮次暂无整改台账数据" : "暂无整改台账数据，登记反馈意见后生成"} />
        </Card>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Card size="small" loading={!byOrg.data}>
                {orgItems.length ? (
                  <Chart option={orgOption} height={Math.max(360, orgItems.length * 36 + 100)} />
                ) : (
                  <Empty description="暂无按单位统计的数据" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" loading={!byRound.data}>
                {roundItems.length ? <Chart option={roundOption} height={360} /> : <Empty description="暂无按轮次统计的数据" />}
              </Card>
            </Col>
          </Row>
          <Card title={`按单位统计（${scope}）`} size="small">
            <OrgFiguresTable items={orgItems} roundId={roundId} />
          </Card>
        </>
      )}
    </Space>
  );
}
