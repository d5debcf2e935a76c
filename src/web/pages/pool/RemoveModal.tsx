/** 清退: removal from the pool, with the reason and date; the person stays in the pool's history. */
import { DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { PoolPerson } from "./types.ts";

interface Values {
  reason: string;
  removedOn?: Dayjs;
}

export function RemoveModal({
  person,
  onClose,
  onSaved,
}: {
  person: PoolPerson | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={person !== null}
      title={`清退：${person?.name ?? ""}`}
      okText="清退"
      danger
      form={form}
      name="poolRemoveForm"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!person) return;
        await api.post(`/api/pool/${person.id}/remove`, {
          reason: v.reason.trim(),
          removedOn: isoOf(v.removedOn),
          version: person.version,
        });
        onSaved();
        return `已将 ${person.name} 清退出人才库`;
      }}
    >
      <Form.Item
        name="reason"
        label="清退原因"
        rules={[
          { required: true, whitespace: true, message: "请填写清退原因" },
          { max: 500, message: "不能超过 500 个字" },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：年度考核不称职" />
      </Form.Item>
      <Form.Item name="removedOn" label="清退日期" extra="不填为今天">
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}
