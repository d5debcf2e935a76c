/**
 * The steps of a lead after registration: the office head's pre-transfer review, the transfer (date, receiving
 * office, during the inspection or not), and the commission's handling (preliminary check, then filed, not filed or
 * concluded by one of the four forms), each sent with the lead's version.
 */
import { DatePicker, Form, Input, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect } from "react";
import {
  CONCLUDED_FORM_HINTS,
  CONCLUDED_FORM_LABELS,
  CONCLUDED_FORMS,
  DEFAULT_RECEIVING_OFFICE,
  LEAD_STATUS_LABELS,
  LEAD_TRANSITIONS,
  transferredDuringInspection,
  type ConcludedForm,
  type LeadStatus,
} from "../../../domain/lead.ts";
import { api } from "../../api.ts";
import { fmtDate, isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Lead } from "./types.ts";

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(todayInChina()), "day");

interface Props {
  lead: Lead | null;
  onClose: () => void;
  onSaved: (lead: Lead) => void;
}

export function LeadReviewModal({ lead, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ preReview: string }>();
  return (
    <FormModal<{ preReview: string }>
      open={lead !== null}
      title="移交前审核意见"
      okText="保存"
      form={form}
      name="leadReviewForm"
      destroyOnHidden
      initialValues={{ preReview: lead?.preReview ?? "" }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!lead) return;
        const saved = await api.put<{ lead: Lead }>(`/api/leads/${lead.id}`, {
          version: lead.version,
          preReview: v.preReview.trim() || null,
        });
        onSaved(saved.lead);
        return "已保存审核意见";
      }}
    >
      <Form.Item name="preReview" label="审核意见" rules={[{ max: 2000, message: "不能超过 2000 个字" }]}>
        <Input.TextArea rows={4} placeholder="如：线索具体、可查性强，同意移交县纪委监委" />
      </Form.Item>
    </FormModal>
  );
}

interface TransferValues {
  transferredOn: Dayjs;
  receivingOffice: string;
  duringInspection: boolean;
}

export function LeadTransferModal({ lead, onClose, onSaved }: Props) {
  const [form] = Form.useForm<TransferValues>();
  const date = Form.useWatch("transferredOn", form);
  const withdrawal = lead?.withdrawalDate ?? null;
  // The default follows the date: before the withdrawal date the lead is transferred during the inspection.
  useEffect(() => {
    if (date) form.setFieldValue("duringInspection", transferredDuringInspection(date.format("YYYY-MM-DD"), withdrawal));
  }, [date, withdrawal, form]);
  const today = todayInChina();
  return (
    <FormModal<TransferValues>
      open={lead !== null}
      title="移交问题线索"
      okText="移交"
      form={form}
      name="leadTransferForm"
      destroyOnHidden
      initialValues={{
        transferredOn: dayjs(today),
        receivingOffice: DEFAULT_RECEIVING_OFFICE,
        duringInspection: transferredDuringInspection(today, withdrawal),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!lead) return;
        const saved = await api.post<{ lead: Lead }>(`/api/leads/${lead.id}/transfer`, {
          version: lead.version,
          transferredOn: isoOf(v.transferredOn),
          receivingOffice: v.receivingOffice.trim() || null,
          duringInspection: v.duringInspection,
        });
        onSaved(saved.lead);
        return `已移交${saved.lead.receivingOffice ?? ""}`;
      }}
    >
      {lead && !lead.preReview && <Typography.Paragraph type="warning">巡察办主任尚未填写移交前审核意见。</Typography.Paragraph>}
      <Form.Item name="transferredOn" label="移交日期" rules={[{ required: true, message: "请选择移交日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item
        name="receivingOffice"
        label="接收单位"
        rules={[
          { required: true, whitespace: true, message: "请填写接收单位" },
          { max: 100, message: "不能超过 100 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="duringInspection"
        label="移交时机"
        extra={withdrawal ? `撤点日期 ${fmtDate(withdrawal)}：此前移交为边巡边移` : "尚未确定撤点日期"}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: "边巡边移" },
            { value: false, label: "撤点后移交" },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}

interface HandleValues {
  status: LeadStatus;
  handledOn: Dayjs;
  concludedForm?: ConcludedForm;
  note?: string;
}

export function LeadHandleModal({ lead, onClose, onSaved }: Props) {
  const [form] = Form.useForm<HandleValues>();
  const status = Form.useWatch("status", form);
  const next = lead ? (LEAD_TRANSITIONS[lead.status as LeadStatus] ?? []) : [];
  return (
    <FormModal<HandleValues>
      open={lead !== null}
      title="登记处置情况"
      okText="保存"
      form={form}
      name="leadHandleForm"
      destroyOnHidden
      initialValues={{ status: next[0], handledOn: dayjs(todayInChina()) }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!lead) return;
        const saved = await api.post<{ lead: Lead }>(`/api/leads/${lead.id}/handle`, {
          version: lead.version,
          status: v.status,
          handledOn: isoOf(v.handledOn),
          concludedForm: v.status === "concluded" ? v.concludedForm : null,
          note: v.note?.trim() || null,
        });
        onSaved(saved.lead);
        return `已登记：${saved.lead.statusLabel}`;
      }}
    >
      {lead && (
        <Typography.Paragraph type="secondary">
          {lead.transferredOn ? `${fmtDate(lead.transferredOn)} 移交，` : ""}
          {lead.dueOn ? `应于 ${fmtDate(lead.dueOn)} 前处置完毕。` : ""}当前：{lead.statusLabel}
        </Typography.Paragraph>
      )}
      <Form.Item name="status" label="处置情况" rules={[{ required: true, message: "请选择处置情况" }]}>
        <Radio.Group optionType="button" options={next.map((s) => ({ value: s, label: LEAD_STATUS_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="handledOn" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={notAfterToday} />
      </Form.Item>
      {status === "concluded" && (
        <Form.Item name="concludedForm" label="运用“四种形态”" rules={[{ required: true, message: "请选择运用的“四种形态”" }]}>
          <Select
            options={CONCLUDED_FORMS.map((f) => ({
              value: f,
              label: `${CONCLUDED_FORM_LABELS[f]}（${CONCLUDED_FORM_HINTS[f]}）`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label="说明" rules={[{ max: 2000, message: "不能超过 2000 个字" }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
