/** 办理信访举报: the result (handling, done, transferred, a finding, a lead), the note, and the reply the sender reads. */
import { Alert, Form, Input, Select } from "antd";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABELS } from "../../../domain/finding.ts";
import { LEAD_CLASS_LABELS, LEAD_CLASSES } from "../../../domain/lead.ts";
import { PETITION_STATUS_LABELS, PETITION_STATUSES, type PetitionStatus } from "../../../domain/petition.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Petition } from "./types.ts";

interface Values {
  status: PetitionStatus;
  transferredTo?: string;
  handlingNote?: string;
  reply?: string;
  findingText?: string;
  findingCategory?: string;
  leadClass?: string;
  leadSummary?: string;
}

const FINAL: readonly string[] = ["to_finding", "to_lead"];
const text = (v: string | undefined) => v?.trim() || undefined;

export function HandleModal({
  petition: p,
  onClose,
  onSaved,
}: {
  petition: Petition | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch("status", form);
  const final = p !== null && FINAL.includes(p.status);
  const options = PETITION_STATUSES.filter((s) => s !== "received" && (!final || s === p?.status)).map((s) => ({
    value: s,
    label: PETITION_STATUS_LABELS[s],
  }));
  const becomes = (s: PetitionStatus) => status === s && p?.status !== s;

  return (
    <FormModal<Values>
      open={p !== null}
      title="办理信访举报"
      okText="保存"
      form={form}
      name="handlePetition"
      destroyOnHidden
      width={640}
      initialValues={
        p
          ? {
              status: p.status === "received" ? "handling" : (p.status as PetitionStatus),
              transferredTo: p.transferredTo ?? undefined,
              handlingNote: p.handlingNote ?? undefined,
              reply: p.reply ?? undefined,
              findingText: p.content.slice(0, 4000),
              leadSummary: p.content.slice(0, 4000),
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!p) return;
        await api.post(`/api/petitions/${p.id}/handle`, {
          status: v.status,
          handlingNote: text(v.handlingNote),
          transferredTo: v.status === "transferred" ? text(v.transferredTo) : undefined,
          reply: text(v.reply),
          finding:
            v.status === "to_finding" && p.status !== "to_finding"
              ? { text: v.findingText?.trim(), category: v.findingCategory }
              : undefined,
          lead:
            v.status === "to_lead" && p.status !== "to_lead"
              ? { leadClass: v.leadClass, summary: v.leadSummary?.trim() }
              : undefined,
          version: p.version,
        });
        onSaved();
        return "已保存办理情况";
      }}
    >
      {final && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`该信访举报${p?.statusLabel ?? ""}，只能补充办理情况和答复。`}
        />
      )}
      <Form.Item name="status" label="办理结果" rules={[{ required: true, message: "请选择办理结果" }]}>
        <Select options={options} />
      </Form.Item>
      {status === "transferred" && (
        <Form.Item
          name="transferredTo"
          label="转办单位"
          rules={[{ required: true, whitespace: true, message: "请填写转办单位" }]}
        >
          <Input maxLength={200} placeholder="如县信访局、县自然资源局" />
        </Form.Item>
      )}
      {becomes("to_finding") && (
        <>
          <Form.Item name="findingCategory" label="问题类别" rules={[{ required: true, message: "请选择问题类别" }]}>
            <Select options={FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY_LABELS[c] }))} />
          </Form.Item>
          <Form.Item
            name="findingText"
            label="问题描述"
            rules={[{ required: true, whitespace: true, message: "请填写问题描述" }, { max: 4000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
      {becomes("to_lead") && (
        <>
          <Form.Item name="leadClass" label="线索类别" rules={[{ required: true, message: "请选择线索类别" }]}>
            <Select options={LEAD_CLASSES.map((c) => ({ value: c, label: LEAD_CLASS_LABELS[c] }))} />
          </Form.Item>
          <Form.Item
            name="leadSummary"
            label="线索摘要"
            rules={[{ required: true, whitespace: true, message: "请填写线索摘要" }, { max: 4000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
      <Form.Item name="handlingNote" label="办理情况（仅巡察组和巡察办可见）" rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="reply"
        label="答复举报人"
        extra="举报人凭查询码可以看到这段答复，请勿写入被反映人姓名、线索等不宜公开的内容。"
        rules={[{ max: 2000 }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
