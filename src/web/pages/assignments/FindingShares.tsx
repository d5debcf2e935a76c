/** The two shares the office watches: core-mandate findings (goal ≥ 50%) and common findings (warning at ≥ 60%). */
import { Card, Col, Progress, Row, Statistic, Typography } from "antd";
import type { FindingShares as Shares } from "./types.ts";

const CORE_GOAL = 0.5;
const COMMON_WARN = 0.6;
/** Accepts a ratio (0–1) or a percentage (0–100). */
const ratio = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v > 1 ? v / 100 : v);

function Share({ title, value, hint, color }: { title: string; value: number | null; hint: string; color: string }) {
  return (
    <Card size="small">
      <Statistic
        title={title}
        value={value === null ? "—" : (value * 100).toFixed(1)}
        suffix={value === null ? undefined : "%"}
        valueStyle={{ color }}
      />
      <Progress percent={value === null ? 0 : Math.round(value * 1000) / 10} showInfo={false} strokeColor={color} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Card>
  );
}

export function FindingSharesCards({ shares }: { shares: Shares | undefined }) {
  const core = ratio(shares?.coreMandate);
  const common = ratio(shares?.common);
  const coreOk = core !== null && core >= CORE_GOAL;
  const commonBad = common !== null && common >= COMMON_WARN;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12}>
        <Share
          title="主责主业问题占比"
          value={core}
          color={core === null ? "#8c8c8c" : coreOk ? "#389e0d" : "#d46b08"}
          hint={core === null ? "目标 ≥ 50%（尚无问题）" : coreOk ? "目标 ≥ 50%，已达到" : "目标 ≥ 50%，尚未达到"}
        />
      </Col>
      <Col xs={24} md={12}>
        <Share
          title="共性问题占比"
          value={common}
          color={common === null ? "#8c8c8c" : commonBad ? "#cf1322" : "#389e0d"}
          hint={
            common === null
              ? "预警 ≥ 60%（尚无问题）"
              : commonBad
                ? "已超过 60% 预警线，请关注问题是否找准找实"
                : "预警 ≥ 60%，未超过"
          }
        />
      </Col>
    </Row>
  );
}
