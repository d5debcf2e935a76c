/** Headline numbers as statistic cards; a click on the number lists the records it counts. */
import { Card, Col, Row, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import type { StatResult } from "../../../domain/stats.ts";
import { totalTarget, type DrillTarget } from "./drill.ts";
import { ratePercent } from "./format.ts";
import { CountLink } from "./StatTable.tsx";
import type { StatState } from "./useStat.ts";

export interface HeadlineItem {
  /** Unique on the page (also the test id: headline-<key>). */
  key: string;
  stat: StatState;
  title: string;
  /** The number, from the figure's totals. */
  value: (r: StatResult) => { value: number | string; suffix?: string; drill?: string; color?: string };
  /** A line under the number (e.g. "已巡察 39 / 100 个"). */
  sub?: (r: StatResult, link: (key: string) => ReactNode) => ReactNode;
}

/** A rate for a Statistic: the number and a % suffix (none when there is no base). */
export const rateValue = (v: number | null | undefined) => {
  const text = ratePercent(v);
  return text.endsWith("%") ? { value: text.slice(0, -1), suffix: "%" } : { value: text };
};

function HeadlineCard({ item, onDrill }: { item: HeadlineItem; onDrill: (t: DrillTarget) => void }) {
  const r = item.stat.data;
  const v = r ? item.value(r) : null;
  const target = r && v?.drill ? totalTarget(r, v.drill) : undefined;
  const link = (key: string) => {
    const m = r?.measures.find((x) => x.key === key);
    return r && m ? <CountLink value={r.totals[key]} measure={m} target={totalTarget(r, key)} onDrill={onDrill} /> : "—";
  };
  return (
    <Card
      size="small"
      loading={!r && !item.stat.error}
      hoverable={Boolean(target)}
      style={{ height: "100%" }}
      data-testid={`headline-${item.key}`}
      onClick={target ? () => onDrill(target) : undefined}
    >
      <Statistic
        title={item.title}
        value={v?.value ?? "—"}
        suffix={v?.suffix}
        valueStyle={v?.color ? { color: v.color } : undefined}
      />
      <Typography.Text
        type={item.stat.error ? "danger" : "secondary"}
        style={{ fontSize: 12 }}
        data-testid={`headline-${item.key}-sub`}
      >
        {item.stat.error ? `加载失败：${item.stat.error}` : r && item.sub ? item.sub(r, link) : "\u00a0"}
      </Typography.Text>
    </Card>
  );
}

/** A row of headline cards; a figure the user may not see leaves its card out. */
export function Headlines({ items, onDrill }: { items: HeadlineItem[]; onDrill: (t: DrillTarget) => void }) {
  const shown = items.filter((i) => !i.stat.forbidden);
  return (
    <Row gutter={[16, 16]}>
      {shown.map((i) => (
        <Col key={i.key} xs={12} md={8} xl={Math.max(4, Math.floor(24 / shown.length))}>
          <HeadlineCard item={i} onDrill={onDrill} />
        </Col>
      ))}
    </Row>
  );
}
