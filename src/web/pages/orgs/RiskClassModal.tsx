/** 调整类别: a village's risk class changes from a date, for a reason; the history keeps every change. */
import { App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { RISK_CLASS_LABELS, RISK_CLASSES, type RiskClass } from "../../../domain/org.ts";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { RiskTag } from "../../components/RiskTag.tsx";
import { useApiError } from "../../components/useApiError.ts";
import type { OrgItem } from "./types.ts";

interface Values {
  riskClass: RiskClass;
  effectiveFrom: Dayjs;
  reason: string;
}

export function RiskClassModal({ org, onClose, onSaved }: { org: OrgItem | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useApiError();

  useEffect(() => {
    if (!org) return;
    form.resetFields();
    form.setFieldsValue({ riskClass: org.riskClass ?? undefined, effectiveFrom: dayjs(todayInChina()) });
  }, [org, form]);

  const submit = async () => {
    if (!org) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await api.post(`/api/orgs/${org.id}/risk-class`, {
        riskClass: v.riskClass,
        effectiveFrom: isoOf(v.effectiveFrom),
        reason: v.reason.trim(),
      });
      void message.success(`“${org.name}”已调整为${RISK_CLASS_LABELS[v.riskClass]}`);
      onSaved();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={org !== null}
      title={`调整类别：${org?.name ?? ""}`}
      okText="确认调整"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
    >
      <Typography.Paragraph>
        当前类别：{org?.riskClass ? <RiskTag value={org.riskClass} label={org.riskClassLabel} /> : "未设置"}
      </Typography.Paragraph>
      <Form<Values> name="riskClassForm" form={form} layout="vertical">
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
      </Form>
    </Modal>
  );
}
