/** 巡察轮次: pick a term (届次), see its rounds; the office creates terms and rounds. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { RoundFormModal } from "./RoundFormModal.tsx";
import { TermFormModal } from "./TermFormModal.tsx";
import type { Round, Term } from "./types.ts";

const ALL = "";

export default function RoundsPage() {
  const me = useMe();
  const terms = useGet<{ items: Term[] }>("/api/terms");
  const [picked, setPicked] = useState<string | null>(null);
  const termList = useMemo(
    () => [...(terms.data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)),
    [terms.data],
  );
  // Default: the newest term; "" shows every round.
  const termId = picked ?? termList[0]?.id ?? ALL;
  const rounds = useGet<{ items: Round[] }>(terms.data ? withQuery("/api/rounds", { termId }) : null);
  const [newTerm, setNewTerm] = useState(false);
  const [newRound, setNewRound] = useState(false);
  const canManage = me.can.manageRounds;
  const term = termList.find((t) => t.id === termId);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>届次：</Typography.Text>
          <Select
            style={{ width: 280 }}
            loading={terms.loading}
            value={termId}
            onChange={(v) => setPicked(v)}
            options={[{ value: ALL, label: "全部届次" }, ...termList.map((t) => ({ value: t.id, label: t.name }))]}
            notFoundContent="暂无届次"
          />
          {term && (
            <Typography.Text type="secondary">
              {fmtDate(term.startDate)} 至 {fmtDate(term.endDate)}
            </Typography.Text>
          )}
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setNewTerm(true)}>
              新建届次
            </Button>
          )}
        </Space>
      </Card>
      <Card
        title="巡察轮次"
        extra={
          <Space>
            <ExportButton<Round>
              title="巡察轮次"
              rows={rounds.data?.items}
              columns={[
                { title: "轮次", key: "name" },
                { title: "届次", text: (r) => r.termName ?? term?.name ?? null },
                { title: "类型", key: "kindLabel" },
                { title: "主题", key: "theme" },
                { title: "开始日期", key: "startDate" },
                { title: "结束日期", key: "endDate" },
                { title: "巡察任务（个）", key: "assignmentCount" },
              ]}
            />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewRound(true)} disabled={!termList.length}>
                新建轮次
              </Button>
            )}
          </Space>
        }
      >
        <Table<Round>
          rowKey="id"
          size="middle"
          loading={terms.loading || rounds.loading}
          dataSource={rounds.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <Empty
                description={!termList.length ? (canManage ? "尚无届次，请先新建届次" : "暂无巡察轮次") : "该届次下暂无巡察轮次"}
              />
            ),
          }}
          columns={[
            { title: "轮次", dataIndex: "name", render: (v: string, r) => <Link to={`/rounds/${r.id}`}>{v}</Link> },
            ...(termId === ALL ? [{ title: "届次", dataIndex: "termName", width: 160 }] : []),
            { title: "类型", dataIndex: "kindLabel", width: 130, render: (v: string) => <Tag>{v}</Tag> },
            { title: "主题", dataIndex: "theme", render: (v: string | null) => v || "—" },
            { title: "开始日期", dataIndex: "startDate", width: 120, render: (v: string | null) => fmtDate(v) },
            { title: "结束日期", dataIndex: "endDate", width: 120, render: (v: string | null) => fmtDate(v) },
            { title: "巡察任务", dataIndex: "assignmentCount", width: 100, render: (v: number) => `${v} 个` },
          ]}
        />
      </Card>
      <TermFormModal
        open={newTerm}
        onClose={() => setNewTerm(false)}
        onSaved={(t) => {
          setNewTerm(false);
          setPicked(t?.id ?? null);
          terms.reload();
        }}
      />
      <RoundFormModal
        open={newRound}
        terms={termList}
        defaultTermId={termId || termList[0]?.id}
        onClose={() => setNewRound(false)}
        onSaved={() => {
          setNewRound(false);
          rounds.reload();
        }}
      />
    </Space>
  );
}
