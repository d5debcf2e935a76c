/** Figures of the leads the reader may see: per class transferred, filed and the filing rate; naming; ranks; overdue. */
import { Card, Col, Row, Space, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { Chart } from "../../components/Chart.tsx";
import { percent } from "../../components/format.ts";
import { filingOption } from "./chartOptions.ts";
import { CLASS_TEXT_COLORS, type LeadFigures } from "./types.ts";

const small = { fontSize: 20 };

export function LeadFiguresPanel({ figures, title }: { figures: LeadFigures | undefined; title: string }) {
  const option = useMemo(() => (figures ? filingOption(figures.byClass, `${title}立案情况`) : null), [figures, title]);
  if (!figures) return null;
  const f = figures;
  return (
    <Row gutter={[16, 16]}>
      {f.byClass.map((c) => (
        <Col key={c.leadClass} xs={24} md={8} xl={5}>
          <Card
            size="small"
            title={<Typography.Text style={{ color: CLASS_TEXT_COLORS[c.leadClass] }}>{c.label}</Typography.Text>}
            data-testid={`lead-class-${c.leadClass}`}
          >
            <Space size="large" wrap>
              <Statistic title="线索" value={c.total} suffix="件" valueStyle={small} />
              <Statistic title="已移交" value={c.transferred} suffix="件" valueStyle={small} />
              <Statistic title="已立案" value={c.filed} suffix="件" valueStyle={small} />
              <Statistic title="立案率" value={percent(c.filingRate)} valueStyle={{ ...small, color: "#cf1322" }} />
            </Space>
          </Card>
        </Col>
      ))}
      <Col xs={24} xl={9}>
        <Card size="small" title="明确到人与逾期">
          <Space size="large" wrap>
            <Statistic
              title="明确责任人"
              value={`${f.named} / ${f.total}`}
              valueStyle={small}
              suffix={<Typography.Text type="secondary">{percent(f.namingRate)}</Typography.Text>}
            />
            <Statistic title="仅明确责任单位" value={f.unitOnly} suffix="件" valueStyle={small} />
            <Statistic title="边巡边移" value={f.duringInspection} suffix="件" valueStyle={small} />
            <Statistic
              title={`逾期未处置（${f.handlingMonths}个月）`}
              value={f.overdue}
              suffix="件"
              valueStyle={{ ...small, color: f.overdue ? "#cf1322" : undefined }}
            />
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            涉及人员 {f.people} 人：{f.peopleByRank.map((r) => `${r.label} ${r.count} 人`).join("，")}
          </Typography.Paragraph>
        </Card>
      </Col>
      {option && f.total > 0 && (
        <Col span={24}>
          <Card size="small">
            <Chart option={option} height={260} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
