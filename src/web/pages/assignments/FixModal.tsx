/** 立行立改: the date and what was done, with the evidence files (at least one, uploaded here or before). */
import { Alert, DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { AttachmentList } from "./AttachmentList.tsx";
import type { Finding } from "./types.ts";

interface Values {
  fixedOn: Dayjs;
  fixNote: string;
}

export function FixModal({
  finding,
  onClose,
  onSaved,
  onFilesChanged,
}: {
  finding: Finding | null;
  onClose: () => void;
  onSaved: () => void;
  onFilesChanged: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const noEvidence = finding !== null && finding.attachments.length === 0;
  return (
    <FormModal<Values>
      open={finding !== null}
      title="登记立行立改"
      okText="登记"
      form={form}
      name="fixForm"
      width={620}
      initialValues={{ fixedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!finding) return;
        await api.post(`/api/findings/${finding.id}/fix`, { fixedOn: isoOf(v.fixedOn), fixNote: v.fixNote.trim() });
        onSaved();
        return "已登记立行立改";
      }}
    >
      {finding && (
        <>
          <p>{finding.text}</p>
          <Form.Item label="佐证材料" required>
            <AttachmentList
              ownerType="finding"
              ownerId={finding.id}
              files={finding.attachments}
              canAdd={!!finding.can.addEvidence}
              onChanged={onFilesChanged}
              uploadLabel="上传佐证材料"
              emptyText="尚无佐证材料"
            />
          </Form.Item>
          {noEvidence && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="登记立行立改须至少上传一份佐证材料" />
          )}
        </>
      )}
      <Form.Item name="fixedOn" label="整改完成日期" rules={[{ required: true, message: "请选择整改完成日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
      </Form.Item>
      <Form.Item
        name="fixNote"
        label="整改情况"
        rules={[
          { required: true, whitespace: true, message: "请填写整改情况" },
          { max: 2000, message: "不能超过 2000 个字" },
        ]}
        extra="反馈时，全部问题均已立行立改的，整改台账条目直接登记为已完成并销号，整改情况作为整改措施。"
      >
        <Input.TextArea rows={3} placeholder="如：已腾退超标办公用房2间" />
      </Form.Item>
    </FormModal>
  );
}
