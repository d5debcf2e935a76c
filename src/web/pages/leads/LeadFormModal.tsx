/**
 * 登记 / 修改问题线索 (the team leader): class, content, the people involved with rank, and the responsible person —
 * or, when no person can be named, the unit.
 */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Radio, Select, Space, Typography } from "antd";
import {
  LEAD_CLASS_LABELS,
  LEAD_CLASSES,
  LEAD_PERSON_RANK_LABELS,
  LEAD_PERSON_RANKS,
  type LeadClass,
  type LeadPersonRank,
} from "../../../domain/lead.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { AssignmentOption, Lead } from "./types.ts";

interface PersonValues {
  id?: string;
  name: string;
  position?: string;
  rank?: LeadPersonRank;
}

interface Values {
  assignmentId?: string;
  leadClass: LeadClass;
  summary: string;
  responsiblePerson?: string;
  responsibleUnit?: string;
  people: PersonValues[];
}

const text = (v: string | undefined) => v?.trim() || null;

export function LeadFormModal({
  open,
  lead,
  assignments,
  assignmentId,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** Set to edit this lead; null to register a new one. */
  lead: Lead | null;
  /** The assignments on which the user leads the team (for a new lead). */
  assignments: AssignmentOption[];
  assignmentId: string | null;
  onClose: () => void;
  onSaved: (lead: Lead) => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial: Partial<Values> = lead
    ? {
        leadClass: lead.leadClass as LeadClass,
        summary: lead.summary,
        responsiblePerson: lead.responsiblePerson ?? undefined,
        responsibleUnit: lead.responsibleUnit ?? undefined,
        people: lead.people.map((p) => ({
          id: p.id,
          name: p.name,
          position: p.position ?? undefined,
          rank: p.rank as LeadPersonRank,
        })),
      }
    : {
        assignmentId: assignmentId ?? (assignments.length === 1 ? assignments[0]!.id : undefined),
        leadClass: "attention",
        people: [],
      };

  return (
    <FormModal<Values>
      open={open}
      title={lead ? "修改问题线索" : "登记问题线索"}
      okText="保存"
      form={form}
      name="leadForm"
      width={720}
      initialValues={initial}
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          leadClass: v.leadClass,
          summary: v.summary.trim(),
          responsiblePerson: text(v.responsiblePerson),
          responsibleUnit: text(v.responsibleUnit),
          people: (v.people ?? []).map((p) => ({
            ...(p.id ? { id: p.id } : {}),
            name: p.name.trim(),
            position: text(p.position),
            rank: p.rank,
          })),
        };
        const saved = lead
          ? await api.put<{ lead: Lead }>(`/api/leads/${lead.id}`, { ...body, version: lead.version })
          : await api.post<{ lead: Lead }>(`/api/assignments/${v.assignmentId}/leads`, body);
        onSaved(saved.lead);
        return lead ? "已保存问题线索" : "已登记问题线索";
      }}
    >
      {!lead && (
        <Form.Item name="assignmentId" label="巡察任务" rules={[{ required: true, message: "请选择巡察任务" }]}>
          <Select
            placeholder="您担任组长的巡察任务"
            options={assignments.map((a) => ({ value: a.id, label: `${a.roundName} · ${a.teamName} · ${a.orgName}` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="leadClass" label="线索类别" rules={[{ required: true, message: "请选择线索类别" }]}>
        <Radio.Group optionType="button" options={LEAD_CLASSES.map((c) => ({ value: c, label: LEAD_CLASS_LABELS[c] }))} />
      </Form.Item>
      <Form.Item
        name="summary"
        label="线索内容"
        rules={[
          { required: true, whitespace: true, message: "请填写线索内容" },
          { max: 4000, message: "不能超过 4000 个字" },
        ]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="responsiblePerson"
          label="责任人"
          style={{ flex: 1, marginRight: 12 }}
          dependencies={["responsibleUnit"]}
          rules={[
            { max: 100, message: "不能超过 100 个字" },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v?.trim() || (getFieldValue("responsibleUnit") as string | undefined)?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error("请明确责任人；无法明确到人的，请填写责任单位")),
            }),
          ]}
        >
          <Input placeholder="明确到人" />
        </Form.Item>
        <Form.Item
          name="responsibleUnit"
          label="责任单位"
          style={{ flex: 1 }}
          extra="无法明确到人时填写"
          rules={[{ max: 200, message: "不能超过 200 个字" }]}
        >
          <Input />
        </Form.Item>
      </Space.Compact>
      <Typography.Text strong>涉及人员</Typography.Text>
      <Form.List name="people">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                <Form.Item name={[f.name, "id"]} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[f.name, "name"]}
                  rules={[
                    { required: true, whitespace: true, message: "请填写姓名" },
                    { max: 50, message: "不能超过 50 个字" },
                  ]}
                >
                  <Input placeholder="姓名" aria-label="姓名" style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, "position"]} rules={[{ max: 100, message: "不能超过 100 个字" }]}>
                  <Input placeholder="职务" aria-label="职务" style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, "rank"]} rules={[{ required: true, message: "请选择职级" }]}>
                  <Select
                    placeholder="职级"
                    aria-label="职级"
                    style={{ width: 140 }}
                    options={LEAD_PERSON_RANKS.map((r) => ({ value: r, label: LEAD_PERSON_RANK_LABELS[r] }))}
                  />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除该人员" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ rank: "section" })}>
              添加涉及人员
            </Button>
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}
