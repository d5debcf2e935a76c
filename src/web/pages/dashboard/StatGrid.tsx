/**
 * The dashboard's layout: rows of cards side by side. A card whose figure the user may not see (refused) is left
 * out and the others of its row share the width, so nothing hints at what is hidden.
 */
import { Col, Row } from "antd";
import type { ReactNode } from "react";
import type { StatState } from "./useStat.ts";

export interface Slot {
  key: string;
  /** The figures the card shows: left out when any is refused. */
  stats: StatState[];
  /** Share of the row's width among the cards shown (default 1). */
  weight?: number;
  node: ReactNode;
}

export function StatGrid({ rows }: { rows: Slot[][] }) {
  return (
    <Row gutter={[16, 16]}>
      {rows.flatMap((row) => {
        const shown = row.filter((s) => !s.stats.some((x) => x.forbidden));
        const sum = shown.reduce((n, s) => n + (s.weight ?? 1), 0);
        return shown.map((s) => (
          <Col key={s.key} xs={24} xl={Math.round((24 * (s.weight ?? 1)) / sum)}>
            {s.node}
          </Col>
        ));
      })}
    </Row>
  );
}
