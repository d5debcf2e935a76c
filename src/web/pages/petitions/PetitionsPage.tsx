/**
 * 信访举报: per assignment, the petitions the team received (letters, calls, visits, online and 码上巡察), their
 * handling, and the assignment's QR code. Nobody's list shows a sender's identity.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { PETITION_STATUS_LABELS, PETITION_STATUSES } from "../../../domain/petition.ts";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDateTime } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import type { AssignmentSummary, Round } from "../rounds/types.ts";
import { HandleModal } from "./HandleModal.tsx";
import { PetitionDrawer } from "./PetitionDrawer.tsx";
import { QrCard } from "./QrCard.tsx";
import { RecordModal } from "./RecordModal.tsx";
import { STATUS_COLORS, type Petition } from "./types.ts";

export default function PetitionsPage() {
  const me = useMe();
  const rounds = useGet<{ items: Round[] }>("/api/rounds");
  const [roundId, setRoundId] = useState<string | null>(null);
  const round = roundId ?? rounds.data?.items[0]?.id ?? null;
  const assignments = useGet<{ items: AssignmentSummary[] }>(round ? withQuery("/api/assignments", { roundId: round }) : null);
  const [assignmentId, setAssignmentId] = useState<string | null>(null);
  const items = assignments.data?.items ?? [];
  const asg = items.find((a) => a.id === assignmentId) ?? items[0] ?? null;
  const [status, setStatus] = useState<string | null>(null);
  const list = useGet<{ items: Petition[] }>(asg ? withQuery("/api/petitions", { assignmentId: asg.id, status }) : null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [handling, setHandling] = useState<Petition | null>(null);
  const [recording, setRecording] = useState(false);
  const [drawerTick, setDrawerTick] = useState(0);
  const mayRecord = asg !== null && (me.can.manageRounds || me.teamSeats.some((s) => s.teamId === asg.teamId));

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text>巡察轮次</Typography.Text>
          <Select
            style={{ width: 240 }}
            loading={rounds.loading}
            value={round}
            placeholder="选择轮次"
            onChange={(v) => {
              setRoundId(v);
              setAssignmentId(null);
            }}
            options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            aria-label="巡察轮次"
          />
          <Typography.Text>被巡察单位</Typography.Text>
          <Select
            style={{ width: 320 }}
            loading={assignments.loading}
            value={asg?.id ?? null}
            placeholder="选择巡察任务"
            onChange={(v) => setAssignmentId(v)}
            options={items.map((a) => ({ value: a.id, label: `${a.orgName}（${a.teamName}）` }))}
            aria-label="被巡察单位"
          />
        </Space>
      </Card>
      {!asg ? (
        <Card>
          <Empty description={rounds.loading || assignments.loading ? "加载中…" : "暂无可查看的巡察任务"} />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={17}>
            <Card
              size="small"
              title={`信访举报 · ${asg.orgName}`}
              extra={
                <Space wrap>
                  <Select
                    allowClear
                    placeholder="办理状态"
                    style={{ width: 150 }}
                    value={status}
                    onChange={(v) => setStatus(v ?? null)}
                    options={PETITION_STATUSES.map((s) => ({ value: s, label: PETITION_STATUS_LABELS[s] }))}
                  />
                  <ExportButton<Petition>
                    title={`信访举报（${asg.orgName}）`}
                    rows={list.data?.items}
                    columns={[
                      { title: "收到时间", text: (p) => fmtDateTime(p.receivedAt) },
                      { title: "来源", key: "channelLabel" },
                      { title: "反映内容", key: "content" },
                      { title: "举报人", text: (p) => (p.anonymous ? "匿名" : "实名") },
                      { title: "附件", key: "attachmentCount" },
                      { title: "办理状态", key: "statusLabel" },
                      { title: "办理情况", key: "handlingNote" },
                      { title: "移交单位", key: "transferredTo" },
                      { title: "答复", key: "reply" },
                    ]}
                  />
                  {mayRecord && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
                      登记信访举报
                    </Button>
                  )}
                </Space>
              }
            >
              <Table<Petition>
                rowKey="id"
                size="middle"
                loading={list.loading}
                dataSource={list.data?.items ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: "暂无信访举报" }}
                onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: "pointer" } })}
                columns={[
                  { title: "收到时间", dataIndex: "receivedAt", width: 150, render: (v: string) => fmtDateTime(v) },
                  { title: "来源", dataIndex: "channelLabel", width: 100, render: (v: string) => <Tag>{v}</Tag> },
                  { title: "反映内容", dataIndex: "content", ellipsis: { showTitle: true } },
                  {
                    title: "举报人",
                    dataIndex: "anonymous",
                    width: 80,
                    render: (v: boolean) => (v ? <Tag>匿名</Tag> : <Tag color="gold">实名</Tag>),
                  },
                  { title: "附件", dataIndex: "attachmentCount", width: 60, render: (n: number) => (n ? n : "—") },
                  {
                    title: "办理状态",
                    dataIndex: "statusLabel",
                    width: 120,
                    render: (v: string, p) => <Tag color={STATUS_COLORS[p.status]}>{v}</Tag>,
                  },
                  {
                    title: "操作",
                    key: "actions",
                    width: 120,
                    render: (_, p) => (
                      <Space size={0} onClick={(e) => e.stopPropagation()}>
                        <Button type="link" size="small" onClick={() => setOpenId(p.id)}>
                          详情
                        </Button>
                        {p.can.handle && (
                          <Button type="link" size="small" onClick={() => setHandling(p)}>
                            办理
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <QrCard key={asg.id} assignmentId={asg.id} />
          </Col>
        </Row>
      )}
      <PetitionDrawer
        id={openId}
        refreshKey={drawerTick}
        onClose={() => setOpenId(null)}
        onHandle={(p) => setHandling(p)}
        onChanged={() => list.reload()}
      />
      <HandleModal
        petition={handling}
        onClose={() => setHandling(null)}
        onSaved={() => {
          setHandling(null);
          list.reload();
          setDrawerTick((t) => t + 1);
        }}
      />
      {asg && (
        <RecordModal
          assignmentId={asg.id}
          open={recording}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
