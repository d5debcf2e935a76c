/**
 * 登记办组会商 (the office): date, attendees, what was discussed, and one decision per lead or finding. Only those
 * who may see the assignment's leads are offered its leads.
 */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useGet } from "../../components/useGet.ts";
import type { Lead } from "./types.ts";

interface Values {
  heldOn: Dayjs;
  attendees?: string;
  summary: string;
  decisions: Array<{ target?: string; decision: string }>;
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function ConsultationFormModal({
  assignmentId,
  withLeads,
  open,
  onClose,
  onSaved,
}: {
  assignmentId: string;
  /** The user may see (and so decide on) the assignment's leads. */
  withLeads: boolean;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const findings = useGet<{ items: Array<{ id: string; text: string }> }>(
    open ? `/api/assignments/${assignmentId}/findings` : null,
  );
  const leads = useGet<{ items: Lead[] }>(open && withLeads ? `/api/leads?assignmentId=${assignmentId}` : null);
  const options = [
    ...(withLeads
      ? [
          {
            label: "问题线索",
            options: (leads.data?.items ?? []).map((l) => ({
              value: `lead:${l.id}`,
              label: `【${l.leadClassLabel}】${short(l.summary)}`,
            })),
          },
        ]
      : []),
    {
      label: "问题",
      options: (findings.data?.items ?? []).map((f) => ({ value: `finding:${f.id}`, label: short(f.text) })),
    },
  ];

  return (
    <FormModal<Values>
      open={open}
      title="登记办组会商"
      okText="保存"
      form={form}
      name="consultationForm"
      width={760}
      destroyOnHidden
      initialValues={{ heldOn: dayjs(todayInChina()), decisions: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post(`/api/assignments/${assignmentId}/consultations`, {
          heldOn: isoOf(v.heldOn),
          attendees: v.attendees?.trim() || null,
          summary: v.summary.trim(),
          decisions: (v.decisions ?? []).map((d) => {
            const [kind, id] = (d.target ?? "").split(":");
            return { [kind === "lead" ? "leadId" : "findingId"]: id, decision: d.decision.trim() };
          }),
        });
        onSaved();
        return "已登记办组会商";
      }}
    >
      <Form.Item name="heldOn" label="会商日期" rules={[{ required: true, message: "请选择会商日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(todayInChina()), "day")} />
      </Form.Item>
      <Form.Item name="attendees" label="参会人员" rules={[{ max: 1000, message: "不能超过 1000 个字" }]}>
        <Input placeholder="如：巡察办主任、第一巡察组全体成员" />
      </Form.Item>
      <Form.Item
        name="summary"
        label="会商情况"
        rules={[
          { required: true, whitespace: true, message: "请填写会商情况" },
          { max: 4000, message: "不能超过 4000 个字" },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                <Form.Item name={[f.name, "target"]} rules={[{ required: true, message: "请选择线索或问题" }]}>
                  <Select
                    placeholder="针对的线索或问题"
                    aria-label="针对的线索或问题"
                    style={{ width: 300 }}
                    showSearch
                    optionFilterProp="label"
                    options={options}
                    loading={findings.loading || leads.loading}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, "decision"]}
                  rules={[
                    { required: true, whitespace: true, message: "请填写会商意见" },
                    { max: 2000, message: "不能超过 2000 个字" },
                  ]}
                >
                  <Input placeholder="会商意见" aria-label="会商意见" style={{ width: 360 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除该意见" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              添加会商意见
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
