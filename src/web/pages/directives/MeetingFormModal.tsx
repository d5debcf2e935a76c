/** 登记书记专题会: the date it was held, its title, notes. */
import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";

interface Values {
  heldOn: Dayjs;
  title: string;
  notes?: string;
}

export function MeetingFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={open}
      title="登记书记专题会"
      okText="保存"
      form={form}
      name="meetingForm"
      onClose={onClose}
      onSubmit={async (v) => {
        const res = await api.post<{ id: string }>("/api/secretary-meetings", {
          heldOn: isoOf(v.heldOn),
          title: v.title.trim(),
          notes: v.notes?.trim() || null,
        });
        onSaved(res.id);
        return `已登记“${v.title.trim()}”`;
      }}
    >
      <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: "请选择召开日期" }]}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="title"
        label="会议名称"
        rules={[
          { required: true, whitespace: true, message: "请填写会议名称" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input placeholder="如：2024年第一次书记专题会" />
      </Form.Item>
      <Form.Item name="notes" label="备注" rules={[{ max: 4000, message: "不能超过 4000 个字" }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
