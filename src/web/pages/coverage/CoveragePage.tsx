/**
 * 巡察全覆盖: a term's coverage rate per kind (gauges), plan against actual per year, the warning when the pace
 * falls short, and the organisations still waiting, longest first. The office sets the scope and the plan.
 */
import { AimOutlined, CalendarOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { withQuery } from "../../api.ts";
import { Chart } from "../../components/Chart.tsx";
import { fmtDate, fmtRange, todayInChina } from "../../components/format.ts";
import { RiskTag } from "../../components/RiskTag.tsx";
import { useGet } from "../../components/useGet.ts";
import type { Term } from "../rounds/types.ts";
import { gaugeOption, planVsActualOption } from "./chartOptions.ts";
import { PlanModal } from "./PlanModal.tsx";
import { ScopeModal } from "./ScopeModal.tsx";
import type { Coverage, KindCoverage, UninspectedOrg, UninspectedPage } from "./types.ts";

const PAGE_SIZE = 20;

function KindGauge({ k, rootOrgName }: { k: KindCoverage; rootOrgName: string | null }) {
  const option = useMemo(() => gaugeOption(k), [k]);
  const p = k.projection;
  return (
    <Card
      size="small"
      title={k.label}
      extra={rootOrgName && <Typography.Text type="secondary">{rootOrgName}所属</Typography.Text>}
    >
      <Chart option={option} height={190} />
      <Typography.Text type={k.warning ? "warning" : "secondary"} style={{ fontSize: 12 }}>
        {p === null
          ? "届次开始不久，暂不预测"
          : p.ended
            ? `届次已结束，共巡察 ${k.inspected} 个`
            : `年均 ${p.perYear} 个，按此进度届末预计 ${p.projected} 个`}
      </Typography.Text>
    </Card>
  );
}

function UninspectedCard({ coverage }: { coverage: Coverage }) {
  const [orgKind, setOrgKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useGet<UninspectedPage>(
    withQuery(`/api/terms/${coverage.term.id}/coverage/uninspected`, { orgKind, page, pageSize: PAGE_SIZE }),
  );
  return (
    <Card
      size="small"
      title="尚未巡察的单位（等待最久的在前）"
      extra={
        <Select
          allowClear
          placeholder="全部类别"
          style={{ width: 160 }}
          value={orgKind}
          onChange={(v?: string) => {
            setOrgKind(v);
            setPage(1);
          }}
          options={coverage.scopes.map((s) => ({ value: s.orgKind, label: s.label }))}
        />
      }
    >
      <Table<UninspectedOrg>
        rowKey="orgId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: "范围内的单位本届均已巡察" }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => `共 ${n} 个`,
          onChange: setPage,
        }}
        columns={[
          { title: "单位", dataIndex: "name" },
          {
            title: "类别",
            key: "kind",
            width: 220,
            render: (_, o) => (
              <Space size={4}>
                <Tag>{o.orgKindLabel}</Tag>
                <RiskTag value={o.riskClass} label={o.riskClassLabel} />
              </Space>
            ),
          },
          {
            title: "上次巡察",
            dataIndex: "lastInspectedOn",
            width: 130,
            render: (v: string | null) => (v ? fmtDate(v) : <Typography.Text type="danger">从未巡察</Typography.Text>),
          },
          {
            title: "已间隔年数",
            dataIndex: "yearsSince",
            width: 120,
            render: (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} 年`),
          },
        ]}
      />
    </Card>
  );
}

/** The term running today, else the latest one. */
const currentTerm = (terms: Term[]): Term | undefined => {
  const today = todayInChina();
  return terms.find((t) => t.startDate <= today && today <= t.endDate) ?? terms[0];
};

export default function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const terms = useGet<{ items: Term[] }>("/api/terms");
  const termId = params.get("termId") ?? currentTerm(terms.data?.items ?? [])?.id ?? null;
  const loaded = useGet<Coverage>(termId ? `/api/terms/${termId}/coverage` : null);
  const [editing, setEditing] = useState<"scope" | "plan" | null>(null);
  /** Bumped by each save, so that the list of the uninspected reloads too. */
  const [saves, setSaves] = useState(0);
  const coverage = loaded.data?.term.id === termId ? loaded.data : undefined;
  const yearsOption = useMemo(
    () => (coverage ? planVsActualOption(coverage.years, "年度计划与实际（按首次巡察的进驻日期）") : null),
    [coverage],
  );

  const onSaved = () => {
    setEditing(null);
    setSaves((n) => n + 1);
    loaded.reload();
  };

  const hasScope = (coverage?.scopes.length ?? 0) > 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap size="middle" style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <Typography.Text strong>届次</Typography.Text>
            <Select
              style={{ width: 340 }}
              loading={terms.loading}
              value={termId ?? undefined}
              placeholder="请选择届次"
              notFoundContent="暂无届次"
              onChange={(v: string) => setParams({ termId: v })}
              options={(terms.data?.items ?? []).map((t) => ({
                value: t.id,
                label: `${t.name}（${fmtRange(t.startDate, t.endDate)}）`,
              }))}
            />
          </Space>
          {coverage?.can.plan && (
            <Space wrap>
              <Button icon={<AimOutlined />} onClick={() => setEditing("scope")}>
                设置全覆盖范围
              </Button>
              <Button
                icon={<CalendarOutlined />}
                disabled={!hasScope}
                title={hasScope ? undefined : "请先设置全覆盖范围"}
                onClick={() => setEditing("plan")}
              >
                年度计划
              </Button>
            </Space>
          )}
        </Space>
      </Card>

      {!termId && !terms.loading && (
        <Card>
          <Empty description="暂无届次，请先在“巡察轮次”中新建届次" />
        </Card>
      )}

      {coverage && !hasScope && (
        <Card>
          <Empty
            description={
              coverage.can.plan ? "尚未设置本届次的全覆盖范围，请点击“设置全覆盖范围”" : "巡察办尚未设置本届次的全覆盖范围"
            }
          />
        </Card>
      )}

      {coverage && hasScope && (
        <>
          {coverage.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="全覆盖进度预警"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {coverage.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Row gutter={[16, 16]}>
            {coverage.kinds.map((k) => (
              <Col key={k.orgKind} xs={24} md={12} xl={8}>
                <KindGauge k={k} rootOrgName={coverage.scopes.find((s) => s.orgKind === k.orgKind)?.rootOrgName ?? null} />
              </Col>
            ))}
          </Row>
          <Card size="small">{yearsOption && <Chart option={yearsOption} height={320} />}</Card>
          <UninspectedCard key={`${coverage.term.id}/${saves}`} coverage={coverage} />
        </>
      )}

      {coverage?.can.plan && (
        <>
          <ScopeModal open={editing === "scope"} coverage={coverage} onClose={() => setEditing(null)} onSaved={onSaved} />
          <PlanModal open={editing === "plan"} coverage={coverage} onClose={() => setEditing(null)} onSaved={onSaved} />
        </>
      )}
    </Space>
  );
}
