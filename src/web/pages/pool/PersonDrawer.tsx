/** A pool person: details, declared ties (added and removed here), trainings attended and rounds served. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Drawer, Empty, Popconfirm, Space, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { RelationModal } from "./RelationModal.tsx";
import { PartyTag, StatusTag } from "./tags.tsx";
import type { PersonDetail, Relation } from "./types.ts";

export function PersonDrawer({
  personId,
  onClose,
  onChanged,
}: {
  personId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { data, loading, reload } = useGet<PersonDetail>(personId ? `/api/pool/${personId}` : null, { quietWhenEmpty: true });
  const detail = data?.person.id === personId ? data : undefined;
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  const showError = useApiError();
  const p = detail?.person;

  const removeRelation = async (r: Relation) => {
    try {
      await api.del(`/api/pool/${personId}/relations/${r.id}`);
      void message.success(`已删除与 ${r.orgName} 的回避关系`);
      reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Drawer open={personId !== null} onClose={onClose} title={p?.name ?? "人员详情"} width={640}>
      {!detail || !p ? (
        loading ? (
          <Spin />
        ) : (
          <Empty description="未找到该人员" />
        )
      ) : (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={p.status} label={p.statusLabel} />
              {p.leaderPool && <Tag color="gold">组长库</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="工作单位" span={2}>
              {p.unit}
              {p.unitOrgName && p.unitOrgName !== p.unit && (
                <Typography.Text type="secondary">（系统单位：{p.unitOrgName}）</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="职务">{p.position || "—"}</Descriptions.Item>
            <Descriptions.Item label="职级">{p.rankLabel ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="政治面貌">
              <PartyTag status={p.partyStatus} label={p.partyStatusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">{p.phone || "—"}</Descriptions.Item>
            <Descriptions.Item label="专长" span={2}>
              {p.specialties.length ? p.specialties.map((s) => <Tag key={s}>{s}</Tag>) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="关联账号">{p.username ?? "未关联"}</Descriptions.Item>
            <Descriptions.Item label="参加巡察">{p.roundsServed} 轮</Descriptions.Item>
            {p.status === "removed" && (
              <Descriptions.Item label="清退" span={2}>
                {fmtDate(p.removedOn)}：{p.removedReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          <div>
            <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                回避关系
              </Typography.Title>
              {p.can.manageRelations && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  登记回避关系
                </Button>
              )}
            </Space>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              不得参加对本人工作单位、以下所列单位及其上级单位的巡察。
            </Typography.Paragraph>
            <Table<Relation>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={detail.relations}
              locale={{ emptyText: "未登记回避关系" }}
              columns={[
                { title: "单位", dataIndex: "orgName" },
                { title: "关系", dataIndex: "kindLabel", width: 140, render: (v: string) => <Tag color="orange">{v}</Tag> },
                { title: "说明", dataIndex: "note", render: (v: string | null) => v ?? "—" },
                ...(p.can.manageRelations
                  ? [
                      {
                        title: "操作",
                        key: "remove",
                        width: 64,
                        render: (_: unknown, r: Relation) => (
                          <Popconfirm
                            title={`删除与 ${r.orgName} 的回避关系？`}
                            okText="删除"
                            onConfirm={() => removeRelation(r)}
                          >
                            <Button type="link" size="small" danger>
                              删除
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>参加巡察（{detail.rounds.length} 次）</Typography.Title>
            <Table
              rowKey={(r) => `${r.teamId}`}
              size="small"
              pagination={false}
              dataSource={detail.rounds}
              locale={{ emptyText: "尚未参加过巡察" }}
              columns={[
                { title: "轮次", dataIndex: "roundName" },
                { title: "巡察组", dataIndex: "teamName" },
                { title: "职务", dataIndex: "positionLabel", width: 90 },
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>参加培训（{detail.trainings.length} 次）</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={detail.trainings}
              locale={{ emptyText: "暂无培训记录" }}
              columns={[
                { title: "培训", dataIndex: "title" },
                { title: "日期", dataIndex: "heldOn", width: 110, render: (v: string) => fmtDate(v) },
                { title: "天数", dataIndex: "days", width: 70, render: (v: number | null) => (v ? `${v} 天` : "—") },
              ]}
            />
          </div>
        </Space>
      )}
      <RelationModal
        person={adding ? (p ?? null) : null}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          reload();
          onChanged();
        }}
      />
    </Drawer>
  );
}
