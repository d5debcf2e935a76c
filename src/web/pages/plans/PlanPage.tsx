/** 整改方案: one organisation's plan — its entries, the opinions on it, its versions — with the actions the reader may take. */
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { MissingCard } from "../../components/MissingCard.tsx";
import { useGet } from "../../components/useGet.ts";
import { DecisionModal, type Decision } from "./DecisionModal.tsx";
import { OpinionsPanel } from "./OpinionsPanel.tsx";
import { PlanEditor } from "./PlanEditor.tsx";
import { PLAN_STATUS_COLORS, type PlanDetail } from "./types.ts";
import { VersionsPanel } from "./VersionsPanel.tsx";

export default function PlanPage() {
  const { id = "" } = useParams();
  const { data, loading, reload } = useGet<PlanDetail>(`/api/plans/${id}`, { quietWhenEmpty: true });
  const d = data?.plan.id === id ? data : undefined;
  const [deciding, setDeciding] = useState<Decision | null>(null);

  if (!d) return <MissingCard loading={loading} what="整改方案" back={{ to: "/plans", label: "返回整改方案清单" }} />;
  const p = d.plan;
  const latest = d.versions[0];

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <Link to="/plans" title="返回清单">
              <ArrowLeftOutlined />
            </Link>
            <span>整改方案：{p.orgName}</span>
            <Tag color={PLAN_STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
          </Space>
        }
        extra={
          <Space>
            <DocumentButtons kind="rectification_plan" id={p.id} />
            {p.can.approve && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding("approve")}>
                审核通过
              </Button>
            )}
            {p.can.return && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setDeciding("return")}>
                退回（填写意见）
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="巡察轮次">{p.roundName}</Descriptions.Item>
          <Descriptions.Item label="反馈日期">{fmtDate(p.feedbackDate)}</Descriptions.Item>
          <Descriptions.Item label="报送时限">
            <Space size={4}>
              {fmtDate(p.dueDate)}
              {p.overdue && (
                <Tag color="red" bordered={false}>
                  逾期
                </Tag>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="当前版本">{p.currentVersion ? `第${p.currentVersion}版` : "未报送"}</Descriptions.Item>
          <Descriptions.Item label="最近报送">{fmtDateTime(p.submittedAt)}</Descriptions.Item>
          {p.approvedAt && <Descriptions.Item label="审核通过">{fmtDateTime(p.approvedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {p.status === "returned" && latest?.comment && (
        <Alert
          type="warning"
          showIcon
          message={`第${latest.no}版已退回修改`}
          description={<Typography.Text style={{ whiteSpace: "pre-wrap" }}>退回意见：{latest.comment}</Typography.Text>}
        />
      )}
      {p.status === "approved" && (
        <Alert
          type="success"
          showIcon
          message="整改方案已审核通过，各条目的整改措施、责任领导、责任部门和完成时限已写入整改台账"
        />
      )}
      <Card>
        <Tabs
          items={[
            {
              key: "entries",
              label: `方案内容（${p.entries.length} 条）`,
              children: <PlanEditor key={`${p.id}:${p.version}`} plan={p} onChanged={reload} />,
            },
            {
              key: "opinions",
              label: `审核意见（${d.opinions.length}）`,
              children: <OpinionsPanel detail={d} onChanged={reload} />,
            },
            {
              key: "versions",
              label: `版本记录（${d.versions.length}）`,
              children: <VersionsPanel key={`${p.id}:${d.versions.length}:${p.status}`} detail={d} />,
            },
          ]}
        />
      </Card>
      <DecisionModal
        plan={p}
        decision={deciding}
        onClose={() => setDeciding(null)}
        onSaved={() => {
          setDeciding(null);
          reload();
        }}
      />
    </Space>
  );
}
