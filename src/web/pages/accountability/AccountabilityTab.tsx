/** 问责情况: counts by kind (persons and organisations), the list by kind, and recording an action. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_KINDS, type AccountabilityKind } from "../../../domain/accountability.ts";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { AccountabilityFormModal } from "./AccountabilityFormModal.tsx";
import type { AccountabilityAction, AccountabilityFigures } from "./types.ts";

const KIND_COLORS: Record<AccountabilityKind, string> = {
  notice: "blue",
  admonition: "orange",
  party_discipline: "red",
  organisational_handling: "purple",
};

export function AccountabilityTab({ canRecord }: { canRecord: boolean }) {
  const [kind, setKind] = useState<AccountabilityKind | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useGet<{ items: AccountabilityAction[] }>(withQuery("/api/accountability", { kind }));
  const figures = useGet<AccountabilityFigures>("/api/accountability/figures");
  const f = figures.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={4}>
          <Card size="small">
            <Statistic title="问责合计" value={f?.total ?? 0} />
            <Typography.Text type="secondary">
              个人 {f?.persons ?? 0} 人次 · 单位 {f?.organisations ?? 0} 个次
            </Typography.Text>
          </Card>
        </Col>
        {(f?.byKind ?? []).map((k) => (
          <Col key={k.kind} xs={24} sm={12} lg={5}>
            <Card size="small">
              <Statistic title={k.kindLabel} value={k.total} />
              <Typography.Text type="secondary">
                个人 {k.persons} · 单位 {k.organisations}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title="问责情况"
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder="问责方式"
              style={{ width: 140 }}
              value={kind}
              onChange={(v) => setKind(v ?? null)}
              options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: ACCOUNTABILITY_KIND_LABELS[k] }))}
            />
            <ExportButton<AccountabilityAction>
              title="问责情况"
              rows={list.data?.items}
              columns={[
                { title: "决定日期", key: "decidedOn" },
                { title: "问责方式", key: "kindLabel" },
                { title: "对象类别", key: "targetLabel" },
                { title: "被问责人", key: "personName" },
                { title: "职务", key: "personPosition" },
                { title: "单位", key: "orgName" },
                { title: "决定机关", key: "authority" },
                { title: "问责情况", key: "description" },
                { title: "关联台账条目", text: (a) => a.rows.map((r) => `${r.orgName}第${r.seqLabel}条`) },
                { title: "关联函件", text: (a) => a.letters.map((l) => l.documentNumber) },
              ]}
            />
            {canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记问责情况
              </Button>
            )}
          </Space>
        }
      >
        <Table<AccountabilityAction>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无问责情况" }}
          expandable={{
            rowExpandable: (a) => a.rows.length > 0 || a.letters.length > 0,
            expandedRowRender: (a) => (
              <Space direction="vertical">
                {a.rows.map((r) => (
                  <Typography.Text key={r.id}>
                    台账：{r.orgName} 第{r.seqLabel}条 {r.text}
                  </Typography.Text>
                ))}
                {a.letters.map((l) => (
                  <Typography.Text key={l.id}>
                    函件：{l.kindLabel}
                    {l.documentNumber} {l.subject}
                  </Typography.Text>
                ))}
              </Space>
            ),
          }}
          columns={[
            { title: "决定日期", dataIndex: "decidedOn", width: 110, render: (v: string) => fmtDate(v) },
            {
              title: "问责方式",
              dataIndex: "kindLabel",
              width: 100,
              render: (v: string, a) => <Tag color={KIND_COLORS[a.kind]}>{v}</Tag>,
            },
            {
              title: "问责对象",
              key: "target",
              width: 240,
              render: (_, a) =>
                a.target === "person" ? (
                  <Space direction="vertical" size={0}>
                    <span>
                      {a.personName}
                      {a.personPosition && <Typography.Text type="secondary">（{a.personPosition}）</Typography.Text>}
                    </span>
                    {a.orgName && <Typography.Text type="secondary">{a.orgName}</Typography.Text>}
                  </Space>
                ) : (
                  <span>
                    {a.orgName} <Tag bordered={false}>单位</Tag>
                  </span>
                ),
            },
            { title: "决定机关", dataIndex: "authority", width: 140, render: (v: string | null) => v ?? "—" },
            { title: "问责事由", dataIndex: "description", ellipsis: { showTitle: true } },
            {
              title: "关联",
              key: "links",
              width: 120,
              render: (_, a) => (a.rows.length || a.letters.length ? `台账 ${a.rows.length} · 函件 ${a.letters.length}` : "—"),
            },
          ]}
        />
      </Card>
      <AccountabilityFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          list.reload();
          figures.reload();
        }}
      />
    </Space>
  );
}
