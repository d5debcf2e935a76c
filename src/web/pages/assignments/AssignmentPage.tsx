/** 巡察任务: one team inspecting one organisation — dates, pre-inspection requests, on-site records, findings, feedback. */
import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { FeedbackTab } from "../feedback/FeedbackTab.tsx";
import type { AssignmentSummary } from "../rounds/types.ts";
import { AssignmentDatesModal } from "./AssignmentDatesModal.tsx";
import { FindingsTab } from "./FindingsTab.tsx";
import { PreRequestsTab } from "./PreRequestsTab.tsx";
import { SiteRecordsTab } from "./SiteRecordsTab.tsx";
import { useMe } from "../../session.tsx";
import { MissingCard } from "../../components/MissingCard.tsx";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";

export default function AssignmentPage() {
  const { id = "" } = useParams();
  const { data, loading, reload } = useGet<{ assignment: AssignmentSummary; planDueDate: string | null }>(
    `/api/assignments/${id}`,
  );
  const a = data?.assignment.id === id ? data.assignment : undefined;
  const [editing, setEditing] = useState(false);
  const me = useMe();

  if (!a) {
    return <MissingCard loading={loading} what="巡察任务" back={{ to: "/rounds", label: "返回巡察轮次" }} />;
  }

  // Requests and records are the team's working papers: its members and the office see them.
  const onSite = me.can.manageRounds || me.teamSeats.some((s) => s.teamId === a.teamId);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <Link to={`/rounds/${a.roundId}`} title="返回轮次">
              <ArrowLeftOutlined />
            </Link>
            <span>巡察任务：{a.orgName}</span>
            {a.feedbackRegistered ? <Tag color="green">已反馈</Tag> : <Tag>未反馈</Tag>}
          </Space>
        }
        extra={
          <Space>
            {a.feedbackRegistered && (
              <DocumentButtons
                kind={me.can.viewAnnouncements ? ["feedback_opinion", "ledger", "announcement"] : ["feedback_opinion", "ledger"]}
                id={a.id}
                versions
              />
            )}
            {a.can.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改日期
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="巡察轮次">
            <Link to={`/rounds/${a.roundId}`}>{a.roundName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="巡察组">{a.teamName}</Descriptions.Item>
          <Descriptions.Item label="被巡察单位">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="进驻日期">{fmtDate(a.entryDate)}</Descriptions.Item>
          <Descriptions.Item label="撤点日期">
            {fmtDate(a.withdrawalDate)}
            {a.onSiteWorkingDays !== null && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                （在驻 {a.onSiteWorkingDays} 个工作日）
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="反馈日期">{fmtDate(a.feedbackDate)}</Descriptions.Item>
          <Descriptions.Item label="整改方案报送截止">
            {data?.planDueDate ? (
              <Typography.Text strong>{fmtDate(data.planDueDate)}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">反馈后确定</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="问题">{a.findingCount} 个</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          defaultActiveKey="findings"
          items={[
            ...(onSite
              ? [
                  { key: "pre-requests", label: "巡前函请", children: <PreRequestsTab assignmentId={a.id} /> },
                  {
                    key: "site-records",
                    label: "巡察记录",
                    children: <SiteRecordsTab assignmentId={a.id} withdrawalDate={a.withdrawalDate} />,
                  },
                ]
              : []),
            {
              key: "findings",
              label: `问题（${a.findingCount}）`,
              children: (
                <FindingsTab assignmentId={a.id} withdrawalDate={a.withdrawalDate} canAdd={a.can.addFinding} onChanged={reload} />
              ),
            },
            {
              key: "feedback",
              label: "反馈",
              children: <FeedbackTab assignmentId={a.id} canRegister={a.can.registerFeedback} onChanged={reload} />,
            },
          ]}
        />
      </Card>
      <AssignmentDatesModal
        assignment={a}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
        }}
      />
    </Space>
  );
}
