/** 登记点人点事: a person or a matter named at the meeting, the action wanted, the owner and the due date. */
import { DatePicker, Form, Input, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { DIRECTIVE_KIND_LABELS, DIRECTIVE_KINDS, type DirectiveKind } from "../../../domain/directive.ts";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import { useGet } from "../../components/useGet.ts";
import type { Meeting } from "./types.ts";

interface Values {
  meetingId: string;
  kind: DirectiveKind;
  target: string;
  orgId?: string;
  action: string;
  owner: string;
  ownerUserId?: string;
  dueDate?: Dayjs | null;
}

interface Person {
  id: string;
  username: string;
  displayName: string;
}

export function DirectiveFormModal({
  open,
  meetings,
  meetingId,
  onClose,
  onSaved,
}: {
  open: boolean;
  meetings: Meeting[];
  meetingId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const people = useGet<{ items: Person[] }>(open ? "/api/people" : null);
  const kinds = DIRECTIVE_KINDS.map((k) => ({ value: k, label: DIRECTIVE_KIND_LABELS[k] }));

  return (
    <FormModal<Values>
      open={open}
      title="登记点人点事"
      okText="保存"
      form={form}
      name="directiveForm"
      width={640}
      initialValues={{ meetingId: meetingId ?? undefined, kind: "matter" }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post("/api/directives", {
          meetingId: v.meetingId,
          kind: v.kind,
          target: v.target.trim(),
          orgId: v.orgId ?? null,
          action: v.action.trim(),
          owner: v.owner.trim(),
          ownerUserId: v.ownerUserId ?? null,
          dueDate: isoOf(v.dueDate) ?? null,
        });
        onSaved();
        return `已登记“${v.target.trim()}”`;
      }}
    >
      <Form.Item name="meetingId" label="书记专题会" rules={[{ required: true, message: "请选择书记专题会" }]}>
        <Select options={meetings.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}` }))} />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: "请选择点人或点事" }]}>
        <Radio.Group options={kinds} optionType="button" />
      </Form.Item>
      <Form.Item
        name="target"
        label="所点的人或事"
        rules={[
          { required: true, whitespace: true, message: "请填写所点的人或事" },
          { max: 500, message: "不能超过 500 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="orgId" label="涉及单位">
        <OrgTreeSelect optional />
      </Form.Item>
      <Form.Item
        name="action"
        label="办理要求"
        rules={[
          { required: true, whitespace: true, message: "请填写办理要求" },
          { max: 4000, message: "不能超过 4000 个字" },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="owner"
        label="责任单位或责任人"
        rules={[
          { required: true, whitespace: true, message: "请填写责任单位或责任人" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="ownerUserId" label="办理账号" extra="该账号可在系统中报告办理情况">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={people.loading}
          placeholder="可不选"
          options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))}
        />
      </Form.Item>
      <Form.Item name="dueDate" label="办结时限">
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}
