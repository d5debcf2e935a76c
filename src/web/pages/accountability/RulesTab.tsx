/** 制度建设: counts by kind and by organisation, the rules with the findings that led to them, recording a rule. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { RuleFormModal } from "./RuleFormModal.tsx";
import type { RuleFigures, RuleMade } from "./types.ts";

export function RulesTab({ canRecord }: { canRecord: boolean }) {
  const [adding, setAdding] = useState(false);
  const list = useGet<{ items: RuleMade[] }>("/api/rules");
  const figures = useGet<RuleFigures>("/api/rules/figures");
  const f = figures.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8} lg={4}>
          <Card size="small">
            <Statistic title="制度建设合计" value={f?.total ?? 0} suffix="项" />
          </Card>
        </Col>
        {(f?.byKind ?? []).map((k) => (
          <Col key={k.kind} xs={24} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={k.kindLabel} value={k.count} suffix="项" />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card size="small" title="按单位">
            <Table
              rowKey="orgId"
              size="small"
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              dataSource={f?.byOrg ?? []}
              locale={{ emptyText: "暂无" }}
              columns={[
                { title: "单位", dataIndex: "orgName" },
                { title: "合计", dataIndex: "total", width: 70 },
                { title: "新建", dataIndex: "new", width: 70 },
                { title: "修订", dataIndex: "revised", width: 70 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="制度建设成果"
        extra={
          <Space>
            <ExportButton<RuleMade>
              title="制度建设成果"
              rows={list.data?.items}
              columns={[
                { title: "单位", key: "orgName" },
                { title: "制度名称", key: "title" },
                { title: "类别", key: "kindLabel" },
                { title: "出台日期", key: "adoptedOn" },
                { title: "针对的问题", text: (r) => r.findings.map((x) => x.text) },
                { title: "说明", key: "description" },
              ]}
            />
            {canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记制度建设成果
              </Button>
            )}
          </Space>
        }
      >
        <Table<RuleMade>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无制度建设成果" }}
          expandable={{
            rowExpandable: (r) => r.description !== null,
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.description}</Typography.Paragraph>
            ),
          }}
          columns={[
            { title: "单位", dataIndex: "orgName", width: 160 },
            { title: "制度名称", dataIndex: "title" },
            {
              title: "类型",
              dataIndex: "kindLabel",
              width: 100,
              render: (v: string, r) => <Tag color={r.kind === "new" ? "green" : "blue"}>{v}</Tag>,
            },
            { title: "出台日期", dataIndex: "adoptedOn", width: 110, render: (v: string) => fmtDate(v) },
            {
              title: "促成制度的问题",
              key: "findings",
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  {r.findings.map((x) => (
                    <Typography.Text key={x.id} ellipsis={{ tooltip: x.text }} style={{ maxWidth: 320 }}>
                      {x.text}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RuleFormModal
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
