/** 新建届次: a committee term, e.g. 十三届县委 (2021-2026). */
import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Term } from "./types.ts";

interface Values {
  name: string;
  range: [Dayjs, Dayjs];
}

export function TermFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (t: Term | null) => void;
}) {
  const [form] = Form.useForm<Values>();

  return (
    <FormModal<Values>
      open={open}
      title="新建届次"
      okText="保存"
      form={form}
      name="termForm"
      onClose={onClose}
      onSubmit={async (v) => {
        const res = await api.post<{ term?: Term } & Partial<Term>>("/api/terms", {
          name: v.name.trim(),
          startDate: isoOf(v.range[0]),
          endDate: isoOf(v.range[1]),
        });
        onSaved(res?.term ?? (res?.id ? (res as Term) : null));
        return `已新建届次“${v.name.trim()}”`;
      }}
    >
      <Form.Item
        name="name"
        label="届次名称"
        rules={[
          { required: true, whitespace: true, message: "请填写届次名称" },
          { max: 60, message: "不能超过 60 个字" },
        ]}
      >
        <Input placeholder="如：十四届县委" />
      </Form.Item>
      <Form.Item name="range" label="起止日期" rules={[{ required: true, message: "请选择起止日期" }]}>
        <DatePicker.RangePicker style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}
