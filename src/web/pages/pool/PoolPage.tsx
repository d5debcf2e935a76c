/** 人才库: the pool's figures, its people (with the leader pool as its own tab) and the trainings they attended. */
import { Card, Col, Row, Space, Statistic, Tabs } from "antd";
import { useState } from "react";
import { useGet } from "../../components/useGet.ts";
import { PeopleTable } from "./PeopleTable.tsx";
import { TrainingsCard } from "./TrainingsCard.tsx";
import type { PoolFigures } from "./types.ts";

function FigureCards({ f }: { f: PoolFigures | undefined }) {
  const count = (s: string) => f?.byStatus.find((b) => b.status === s)?.count ?? 0;
  const cards = [
    { title: "在库人员", value: f?.total ?? 0, suffix: "人" },
    { title: "正式", value: count("formal"), suffix: "人" },
    { title: "后备", value: count("reserve"), suffix: "人" },
    { title: "组长库", value: f?.leaderPool ?? 0, suffix: "人" },
    { title: "已清退", value: count("removed"), suffix: "人" },
    { title: "培训", value: f?.trainings ?? 0, suffix: "期" },
    { title: "参训", value: f?.attendances ?? 0, suffix: "人次" },
    { title: "参训人员", value: f?.trainedPeople ?? 0, suffix: "人" },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={6} xl={3}>
          <Card size="small" loading={!f}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} valueStyle={{ fontSize: 22 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function PoolPage() {
  const figures = useGet<PoolFigures>("/api/pool/figures");
  const [tab, setTab] = useState("people");
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <FigureCards f={figures.data} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: "people", label: "人才库", children: <PeopleTable leaderPool={false} onChanged={figures.reload} /> },
          { key: "leaders", label: "组长库", children: <PeopleTable leaderPool onChanged={figures.reload} /> },
          { key: "trainings", label: "培训", children: <TrainingsCard onChanged={figures.reload} /> },
        ]}
      />
    </Space>
  );
}
