/** 巡察轮次详情: the round, its teams and members, and its assignments (one per organisation inspected). */
import { ArrowLeftOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { fmtDate, fmtRange } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { AssignmentFormModal } from "./AssignmentFormModal.tsx";
import { TeamsPanel } from "./TeamsPanel.tsx";
import type { AssignmentSummary, RoundDetail } from "./types.ts";
import { MissingCard } from "../../components/MissingCard.tsx";
import { DocumentButtons } from "../../components/DocumentButtons.tsx";
import { useMe } from "../../session.tsx";
import { RoundTimeline } from "../coverage/RoundTimeline.tsx";

export const onSiteText = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `在驻 ${n} 个工作日`);

export default function RoundPage() {
  const { id = "" } = useParams();
  const { data, loading, reload } = useGet<RoundDetail>(`/api/rounds/${id}`);
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState<"list" | "timeline">("list");
  const me = useMe();
  const detail = data?.round.id === id ? data : undefined;

  if (!detail) {
    return <MissingCard loading={loading} what="巡察轮次" back={{ to: "/rounds", label: "返回巡察轮次" }} />;
  }
  const { round, teams, assignments } = detail;
  const canManage = detail.can?.manage ?? round.can.manage;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <Link to="/rounds">
              <ArrowLeftOutlined />
            </Link>
            {round.name}
            <Tag>{round.kindLabel}</Tag>
          </Space>
        }
        // The summary covers every team of the round: for the wide readers (as is coverage).
        extra={me.can.viewCoverage && <DocumentButtons kind="round_summary" id={round.id} />}
        loading={loading && !data}
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
          <Descriptions.Item label="届次">{round.termName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="主题">{round.theme || "—"}</Descriptions.Item>
          <Descriptions.Item label="起止日期">{fmtRange(round.startDate, round.endDate)}</Descriptions.Item>
          <Descriptions.Item label="巡察任务">{assignments.length} 个</Descriptions.Item>
        </Descriptions>
      </Card>
      <TeamsPanel roundId={round.id} teams={teams} canManage={canManage} onChanged={reload} />
      <Card
        title="巡察任务"
        tabList={[
          { key: "list", label: "任务列表" },
          { key: "timeline", label: "时间安排" },
        ]}
        activeTabKey={tab}
        onTabChange={(k) => setTab(k === "timeline" ? "timeline" : "list")}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              disabled={!teams.length}
              title={teams.length ? undefined : "请先组建巡察组"}
            >
              新增巡察任务
            </Button>
          )
        }
      >
        {tab === "timeline" ? (
          <RoundTimeline assignments={assignments} />
        ) : (
          <Table<AssignmentSummary>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={assignments}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={teams.length ? "暂无巡察任务" : "暂无巡察任务，请先组建巡察组"} /> }}
            columns={[
              {
                title: "被巡察单位",
                dataIndex: "orgName",
                render: (v: string, a) => <Link to={`/assignments/${a.id}`}>{v}</Link>,
              },
              { title: "巡察组", dataIndex: "teamName", width: 140 },
              { title: "进驻日期", dataIndex: "entryDate", width: 110, render: (v: string | null) => fmtDate(v) },
              { title: "撤点日期", dataIndex: "withdrawalDate", width: 110, render: (v: string | null) => fmtDate(v) },
              {
                title: "在驻时间",
                dataIndex: "onSiteWorkingDays",
                width: 140,
                render: (v: number | null) => (
                  <Typography.Text type={v === null ? "secondary" : undefined}>{onSiteText(v)}</Typography.Text>
                ),
              },
              { title: "反馈日期", dataIndex: "feedbackDate", width: 110, render: (v: string | null) => fmtDate(v) },
              { title: "问题", dataIndex: "findingCount", width: 70, render: (v: number) => `${v} 个` },
              {
                title: "反馈意见",
                dataIndex: "feedbackRegistered",
                width: 100,
                render: (v: boolean) => (v ? <Tag color="green">已反馈</Tag> : <Tag>未反馈</Tag>),
              },
              { title: "操作", key: "go", width: 80, render: (_, a) => <Link to={`/assignments/${a.id}`}>查看</Link> },
            ]}
          />
        )}
      </Card>
      <AssignmentFormModal
        open={adding}
        roundId={round.id}
        teams={teams}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          reload();
        }}
      />
    </Space>
  );
}
