/** The pool's people (or the leader pool alone), filtered; the office enters, changes and removes them. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { PARTY_STATUS_LABELS, PARTY_STATUSES, POOL_STATUS_LABELS, POOL_STATUSES, SPECIALTIES } from "../../../domain/pool.ts";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useGet } from "../../components/useGet.ts";
import { PersonDrawer } from "./PersonDrawer.tsx";
import { PersonFormModal } from "./PersonFormModal.tsx";
import { RemoveModal } from "./RemoveModal.tsx";
import { PartyTag, StatusTag } from "./tags.tsx";
import type { PoolPerson } from "./types.ts";

export function PeopleTable({ leaderPool, onChanged }: { leaderPool: boolean; onChanged: () => void }) {
  const [status, setStatus] = useState<string | null>(null);
  const [partyStatus, setPartyStatus] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const list = useGet<{ items: PoolPerson[]; can: { manage: boolean } }>(
    withQuery("/api/pool", { status, partyStatus, specialty, q: q.trim() || null, leaderPool: leaderPool ? "true" : null }),
  );
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<PoolPerson | "new" | null>(null);
  const [removing, setRemoving] = useState<PoolPerson | null>(null);
  const manage = list.data?.can.manage ?? false;

  const changed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Card
      size="small"
      title={leaderPool ? "组长库" : "人才库人员"}
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder="姓名、单位、职务" style={{ width: 210 }} onSearch={setQ} />
          <Select
            allowClear
            placeholder="状态：在库"
            aria-label="人员状态"
            style={{ width: 120 }}
            value={status}
            onChange={(v?: string) => setStatus(v ?? null)}
            options={POOL_STATUSES.map((s) => ({ value: s, label: POOL_STATUS_LABELS[s] }))}
          />
          <Select
            allowClear
            placeholder="政治面貌"
            style={{ width: 130 }}
            value={partyStatus}
            onChange={(v?: string) => setPartyStatus(v ?? null)}
            options={PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABELS[s] }))}
          />
          <Select
            allowClear
            placeholder="专长"
            style={{ width: 110 }}
            value={specialty}
            onChange={(v?: string) => setSpecialty(v ?? null)}
            options={SPECIALTIES.map((s) => ({ value: s, label: s }))}
          />
          <ExportButton<PoolPerson>
            title={leaderPool ? "组长库" : "人才库人员"}
            rows={list.data?.items}
            columns={[
              { title: "姓名", key: "name" },
              { title: "工作单位", key: "unit" },
              { title: "职务", key: "position" },
              { title: "职级", key: "rankLabel" },
              { title: "政治面貌", key: "partyStatusLabel" },
              { title: "专长", key: "specialties" },
              { title: "状态", key: "statusLabel" },
              { title: "组长库", key: "leaderPool" },
              { title: "参加巡察（轮）", key: "roundsServed" },
              { title: "参加培训（次）", key: "trainingsAttended" },
              { title: "联系电话", key: "phone" },
              { title: "清退日期", key: "removedOn" },
              { title: "清退原因", key: "removedReason" },
            ]}
          />
          {manage && !leaderPool && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              入库
            </Button>
          )}
        </Space>
      }
    >
      <Table<PoolPerson>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: leaderPool ? "组长库暂无人员" : "人才库暂无人员" }}
        columns={[
          {
            title: "姓名",
            dataIndex: "name",
            width: 110,
            render: (v: string, p) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(p.id)}>
                {v}
              </Button>
            ),
          },
          {
            title: "工作单位 / 职务",
            key: "unit",
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                {p.unit}
                {p.position && <Typography.Text type="secondary">{p.position}</Typography.Text>}
              </Space>
            ),
          },
          { title: "职级", dataIndex: "rankLabel", width: 100, render: (v: string | null) => v ?? "—" },
          {
            title: "政治面貌",
            dataIndex: "partyStatusLabel",
            width: 120,
            render: (v: string, p) => <PartyTag status={p.partyStatus} label={v} />,
          },
          {
            title: "专长",
            dataIndex: "specialties",
            render: (v: string[]) => (v.length ? v.map((s) => <Tag key={s}>{s}</Tag>) : "—"),
          },
          {
            title: "状态",
            dataIndex: "statusLabel",
            width: 120,
            render: (v: string, p) => (
              <Space size={0}>
                <StatusTag status={p.status} label={v} />
                {p.leaderPool && <Tag color="gold">组长库</Tag>}
              </Space>
            ),
          },
          { title: "参加巡察", dataIndex: "roundsServed", width: 90, render: (v: number) => `${v} 轮` },
          { title: "参加培训", dataIndex: "trainingsAttended", width: 90, render: (v: number) => `${v} 次` },
          {
            title: "操作",
            key: "actions",
            width: 150,
            fixed: "right",
            render: (_, p) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpen(p.id)}>
                  详情
                </Button>
                {p.can.update && (
                  <Button type="link" size="small" onClick={() => setEditing(p)}>
                    修改
                  </Button>
                )}
                {p.can.remove && (
                  <Button type="link" size="small" danger onClick={() => setRemoving(p)}>
                    清退
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PersonDrawer personId={open} onClose={() => setOpen(null)} onChanged={changed} />
      <PersonFormModal
        open={editing !== null}
        person={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => (setEditing(null), changed())}
      />
      <RemoveModal person={removing} onClose={() => setRemoving(null)} onSaved={() => (setRemoving(null), changed())} />
    </Card>
  );
}
