/**
 * The report's quality indicators as cards: the core-mandate share against its aim (≥ 50 %), the common share against
 * its warning line (≥ 60 %), the findings still without a suggestion and those involving the top leader.
 */
import { Card, Col, Popover, Progress, Row, Statistic, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { FindingRef, ReportIndicators } from "../../../domain/report.ts";
import { percent } from "../../components/format.ts";

/** A progress bar with a dashed mark at the aim or warning line. */
function ShareBar({ share, line, lineLabel, color }: { share: number | null; line: number; lineLabel: string; color: string }) {
  const pct = share === null ? 0 : Math.round(share * 1000) / 10;
  return (
    <div style={{ position: "relative", paddingTop: 18 }}>
      <Progress percent={pct} showInfo={false} strokeColor={color} />
      <div aria-hidden style={{ position: "absolute", left: `${line}%`, top: 14, bottom: 2, borderLeft: "2px dashed #595959" }} />
      <Typography.Text
        type="secondary"
        style={{
          position: "absolute",
          left: `${line}%`,
          top: 0,
          transform: "translateX(-50%)",
          fontSize: 12,
          whiteSpace: "nowrap",
        }}
      >
        {lineLabel}
      </Typography.Text>
    </div>
  );
}

function Footer({ count, total, children }: { count: number; total: number; children: ReactNode }) {
  return (
    <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {count} / {total} 个
      </Typography.Text>
      {children}
    </div>
  );
}

function FindingList({ items, empty }: { items: FindingRef[]; empty: string }) {
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, maxWidth: 480, maxHeight: 320, overflow: "auto" }}>
      {items.map((f) => (
        <li key={f.id}>{f.text}</li>
      ))}
    </ol>
  );
}

export function IndicatorCards({ indicators: ind }: { indicators: ReportIndicators }) {
  const core = ind.coreMandate;
  const common = ind.common;
  const coreColor = core.met === false ? "#fa8c16" : "#52c41a";
  const commonColor = common.overWarning ? "#f5222d" : "#1677ff";
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} sm={12} lg={5}>
        <Card size="small" style={{ height: "100%" }}>
          <Statistic title="问题总数" value={ind.total} suffix="个" />
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={5}>
        <Card size="small" style={{ height: "100%" }}>
          <Statistic
            title="主责主业问题占比"
            value={percent(core.share)}
            valueStyle={{ color: core.met === false ? coreColor : undefined }}
          />
          <ShareBar share={core.share} line={core.aimPct} lineLabel={`目标 ${core.aimPct}%`} color={coreColor} />
          <Footer count={core.count} total={ind.total}>
            {core.met !== null && <Tag color={core.met ? "success" : "warning"}>{core.met ? "达到目标" : "未达目标"}</Tag>}
          </Footer>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={5}>
        <Card size="small" style={{ height: "100%" }}>
          <Statistic
            title="共性问题占比"
            value={percent(common.share)}
            valueStyle={{ color: common.overWarning ? commonColor : undefined }}
          />
          <ShareBar share={common.share} line={common.warnPct} lineLabel={`预警 ${common.warnPct}%`} color={commonColor} />
          <Footer count={common.count} total={ind.total}>
            {common.overWarning !== null && (
              <Tag color={common.overWarning ? "error" : "success"}>{common.overWarning ? "超过预警线" : "低于预警线"}</Tag>
            )}
          </Footer>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={5}>
        <Popover
          title="未提出意见建议的问题"
          content={<FindingList items={ind.withoutSuggestion.items} empty="每个问题都已提出意见建议" />}
        >
          <Card size="small" hoverable style={{ height: "100%" }}>
            <Statistic
              title="未提意见建议"
              value={ind.withoutSuggestion.count}
              suffix="个"
              valueStyle={{ color: ind.withoutSuggestion.count ? "#cf1322" : "#389e0d" }}
            />
          </Card>
        </Popover>
      </Col>
      <Col xs={24} sm={12} lg={4}>
        <Popover
          title="涉及一把手的问题"
          content={<FindingList items={ind.involvingTopLeader.items} empty="没有涉及一把手的问题" />}
        >
          <Card size="small" hoverable style={{ height: "100%" }}>
            <Statistic title="涉及一把手" value={ind.involvingTopLeader.count} suffix="个" />
          </Card>
        </Popover>
      </Col>
    </Row>
  );
}
