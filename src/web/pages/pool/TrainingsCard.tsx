/** Trainings of pool people, each with who attended; the office records them and adds attendees. */
import { PlusOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../api.ts";
import { fmtDate, isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useGet } from "../../components/useGet.ts";
import type { PoolPerson, Training } from "./types.ts";

interface TrainingValues {
  title: string;
  heldOn: Dayjs;
  days?: number;
  organiser?: string;
  personIds?: string[];
}

/** Pool people to pick as attendees (removed people cannot attend). */
function AttendeeSelect({
  value,
  onChange,
  exclude,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  exclude?: string[];
}) {
  const pool = useGet<{ items: PoolPerson[] }>("/api/pool");
  const skip = new Set(exclude ?? []);
  return (
    <Select
      mode="multiple"
      showSearch
      optionFilterProp="label"
      loading={pool.loading}
      value={value}
      onChange={onChange}
      placeholder="选择参训人员"
      options={(pool.data?.items ?? [])
        .filter((p) => !skip.has(p.id))
        .map((p) => ({ value: p.id, label: `${p.name}（${p.unit}）` }))}
    />
  );
}

function TrainingFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<TrainingValues>();
  return (
    <FormModal<TrainingValues>
      open={open}
      title="登记培训"
      okText="保存"
      form={form}
      name="trainingForm"
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post("/api/trainings", {
          title: v.title.trim(),
          heldOn: isoOf(v.heldOn),
          days: v.days ?? null,
          organiser: v.organiser?.trim() || null,
          personIds: v.personIds ?? [],
        });
        onSaved();
        return `已登记“${v.title.trim()}”`;
      }}
    >
      <Form.Item
        name="title"
        label="培训名称"
        rules={[
          { required: true, whitespace: true, message: "请填写培训名称" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input placeholder="如：2024年巡察干部业务培训班" />
      </Form.Item>
      <Space size="large">
        <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: "请选择举办日期" }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="days" label="天数">
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="organiser" label="主办单位">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="personIds" label="参训人员">
        <AttendeeSelect />
      </Form.Item>
    </FormModal>
  );
}

function AttendeesModal({ training, onClose, onSaved }: { training: Training | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ personIds: string[] }>();
  return (
    <FormModal<{ personIds: string[] }>
      open={training !== null}
      title={`登记参训人员：${training?.title ?? ""}`}
      okText="登记"
      form={form}
      name="attendeesForm"
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        if (!training) return;
        const res = await api.post<{ added: number }>(`/api/trainings/${training.id}/attendees`, { personIds: v.personIds });
        onSaved();
        return `已登记 ${res.added} 人参加培训`;
      }}
    >
      <Form.Item name="personIds" label="参训人员" rules={[{ required: true, message: "请选择参训人员" }]}>
        <AttendeeSelect exclude={training?.attendees.map((a) => a.personId)} />
      </Form.Item>
    </FormModal>
  );
}

export function TrainingsCard({ onChanged }: { onChanged: () => void }) {
  const list = useGet<{ items: Training[]; can: { manage: boolean } }>("/api/trainings");
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Training | null>(null);
  const manage = list.data?.can.manage ?? false;
  const changed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Card
      size="small"
      title="培训"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记培训
          </Button>
        )
      }
    >
      <Table<Training>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: "暂无培训记录" }}
        columns={[
          { title: "培训名称", dataIndex: "title" },
          { title: "举办日期", dataIndex: "heldOn", width: 110, render: (v: string) => fmtDate(v) },
          { title: "天数", dataIndex: "days", width: 70, render: (v: number | null) => (v ? `${v} 天` : "—") },
          { title: "主办单位", dataIndex: "organiser", width: 160, render: (v: string | null) => v ?? "—" },
          {
            title: "参训人员",
            key: "attendees",
            render: (_, t) => (
              <Space size={[0, 4]} wrap>
                <Tag color="blue">{t.attendees.length} 人</Tag>
                {t.attendees.map((a) => (
                  <Tag key={a.personId} color={a.status === "removed" ? "default" : undefined}>
                    {a.name}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 110,
                  render: (_: unknown, t: Training) => (
                    <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setAdding(t)}>
                      添加人员
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TrainingFormModal open={creating} onClose={() => setCreating(false)} onSaved={() => (setCreating(false), changed())} />
      <AttendeesModal training={adding} onClose={() => setAdding(null)} onSaved={() => (setAdding(null), changed())} />
    </Card>
  );
}
