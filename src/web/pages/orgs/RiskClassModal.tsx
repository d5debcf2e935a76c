/** 调整类别: a village's risk class changes from a date, for a reason; the history keeps every change. */
import { DatePicker, Form, Input, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { RISK_CLASS_LABELS, RISK_CLASSES, type RiskClass } from "../../../domain/org.ts";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { RiskTag } from "../../components/RiskTag.tsx";
import type { OrgItem } from "./types.ts";

interface Values {
  riskClass: RiskClass;
  effectiveFrom: Dayjs;
  reason: string;
}

export function RiskClassModal({ org, onClose, onSaved }: { org: OrgItem | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();

  return (
    <FormModal<Values>
      open={org !== null}
      title={`调整类别：${org?.name ?? ""}`}
      okText="确认调整"
      form={form}
      name="riskClassForm"
      initialValues={{ riskClass: org?.riskClass ?? undefined, effectiveFrom: dayjs(todayInChina()) }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!org) return;
        await api.post(`/api/orgs/${org.id}/risk-class`, {
          riskClass: v.riskClass,
          effectiveFrom: isoOf(v.effectiveFrom),
          reason: v.reason.trim(),
        });
        onSaved();
        return `“${org.name}”已调整为${RISK_CLASS_LABELS[v.riskClass]}`;
      }}
    >
      <Typography.Paragraph>
        当前类别：{org?.riskClass ? <RiskTag value={org.riskClass} label={org.riskClassLabel} /> : "未设置"}
      </Typography.Paragraph>
      <Form.Item name="riskClass" label="调整为" rules={[{ required: true, message: "请选择类别" }]}>
        <Select options={RISK_CLASSES.map((r) => ({ value: r, label: RISK_CLASS_LABELS[r] }))} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: "请选择生效日期" }]}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="调整理由"
        rules={[
          { required: true, whitespace: true, message: "请填写调整理由" },
          { max: 500, message: "不能超过 500 个字" },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：经动态研判，该村信访问题突出，调整为重点关注类" />
      </Form.Item>
    </FormModal>
  );
}
