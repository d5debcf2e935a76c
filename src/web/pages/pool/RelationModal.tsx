/** 登记回避关系: a declared tie of a pool person to an organisation (worked in, led, related). */
import { Form, Input, Select } from "antd";
import { RELATION_KIND_LABELS, RELATION_KINDS } from "../../../domain/pool.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import type { PoolPerson } from "./types.ts";

interface Values {
  orgId: string;
  kind: string;
  note?: string;
}

export function RelationModal({
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
      title={`登记回避关系：${person?.name ?? ""}`}
      okText="登记"
      form={form}
      name="poolRelationForm"
      initialValues={{ kind: "works_in" }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!person) return;
        await api.post(`/api/pool/${person.id}/relations`, { orgId: v.orgId, kind: v.kind, note: v.note?.trim() || null });
        onSaved();
        return "已登记回避关系";
      }}
    >
      <Form.Item name="orgId" label="单位" rules={[{ required: true, message: "请选择单位" }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="kind" label="关系类型" rules={[{ required: true, message: "请选择关系类型" }]}>
        <Select options={RELATION_KINDS.map((k) => ({ value: k, label: RELATION_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="note" label="说明" rules={[{ max: 200, message: "不能超过 200 个字" }]}>
        <Input placeholder="如：2019—2021年任该村党支部书记" />
      </Form.Item>
    </FormModal>
  );
}
