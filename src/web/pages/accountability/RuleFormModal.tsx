/** 登记制度建设成果: the organisation, the rule (new or revised), when adopted, and the findings that led to it. */
import { DatePicker, Form, Input, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { RULE_KIND_LABELS, RULE_KINDS, type RuleKind } from "../../../domain/accountability.ts";
import { api, withQuery } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import { useGet } from "../../components/useGet.ts";
import type { RuleFinding } from "./types.ts";

interface Values {
  orgId: string;
  title: string;
  kind: RuleKind;
  adoptedOn: Dayjs;
  description?: string;
  findingIds: string[];
}

export function RuleFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch("orgId", form);
  const found = useGet<{ items: RuleFinding[] }>(open && orgId ? withQuery("/api/rules/findings", { orgId }) : null);

  return (
    <FormModal<Values>
      open={open}
      title="登记制度建设成果"
      okText="保存"
      form={form}
      name="ruleForm"
      width={720}
      destroyOnHidden
      initialValues={{ kind: "new", adoptedOn: dayjs(todayInChina()), findingIds: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post("/api/rules", {
          orgId: v.orgId,
          title: v.title.trim(),
          kind: v.kind,
          adoptedOn: isoOf(v.adoptedOn),
          description: v.description?.trim() || null,
          findingIds: v.findingIds,
        });
        onSaved();
        return `已登记“${v.title.trim()}”`;
      }}
    >
      <Form.Item name="orgId" label="单位" rules={[{ required: true, message: "请选择单位" }]}>
        <OrgTreeSelect onPick={() => form.setFieldValue("findingIds", [])} />
      </Form.Item>
      <Form.Item
        name="title"
        label="制度名称"
        rules={[
          { required: true, whitespace: true, message: "请填写制度名称" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Form.Item
          name="kind"
          label="类型"
          rules={[{ required: true, message: "请选择新建或修订" }]}
          style={{ display: "inline-block", width: "calc(50% - 8px)", marginRight: 16 }}
        >
          <Radio.Group optionType="button" options={RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="adoptedOn"
          label="出台日期"
          rules={[{ required: true, message: "请选择出台日期" }]}
          style={{ display: "inline-block", width: "calc(50% - 8px)" }}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="findingIds"
        label="促成制度的问题"
        rules={[{ required: true, type: "array", min: 1, message: "请至少关联一个促成该制度的问题" }]}
      >
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          disabled={!orgId}
          loading={found.loading}
          placeholder={orgId ? "选择该单位被巡察发现的问题" : "请先选择单位"}
          notFoundContent="该单位暂无巡察发现的问题"
          options={(found.data?.items ?? []).map((f) => ({
            value: f.id,
            label: `【${f.categoryLabel}】${f.text}${f.problemId ? "" : "（未反馈）"}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="description" label="制度说明" rules={[{ max: 4000, message: "不能超过 4000 个字" }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
