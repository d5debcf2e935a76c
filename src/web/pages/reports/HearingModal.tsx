/** 登记听取汇报: the day the leading group heard the team's report (office only; between withdrawal and today). */
import { DatePicker, Form, Input, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { dayOf, fmtDate, isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";

interface Values {
  hearingDate: Dayjs | null;
  notes?: string;
}

export interface HearingTarget {
  assignmentId: string;
  orgName: string;
  withdrawalDate: string;
  hearingDate: string | null;
  hearingDue: string;
}

export function HearingModal({
  target,
  onClose,
  onSaved,
}: {
  target: HearingTarget | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const today = todayInChina();
  const outside = (d: Dayjs) => {
    const iso = d.format("YYYY-MM-DD");
    return !!target && (iso < target.withdrawalDate || iso > today);
  };
  return (
    <FormModal<Values>
      open={target !== null}
      title={`登记听取汇报：${target?.orgName ?? ""}`}
      okText="登记"
      form={form}
      name="hearingForm"
      destroyOnHidden
      initialValues={{ hearingDate: dayOf(target?.hearingDate) }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await api.post(`/api/assignments/${target.assignmentId}/hearing`, {
          hearingDate: isoOf(v.hearingDate),
          notes: v.notes?.trim() || undefined,
        });
        onSaved();
        return `已登记${target.orgName}的听取汇报日期`;
      }}
    >
      {target && (
        <Typography.Paragraph type="secondary">
          撤点日期 {fmtDate(target.withdrawalDate)}，应于 {fmtDate(target.hearingDue)} 前听取汇报。
        </Typography.Paragraph>
      )}
      <Form.Item name="hearingDate" label="领导小组听取汇报日期" rules={[{ required: true, message: "请选择听取汇报日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={outside} />
      </Form.Item>
      <Form.Item name="notes" label="备注（会议名称等）" rules={[{ max: 1000, message: "不能超过 1000 个字" }]}>
        <Input.TextArea rows={3} placeholder="如：县委巡察工作领导小组第5次会议" />
      </Form.Item>
    </FormModal>
  );
}
