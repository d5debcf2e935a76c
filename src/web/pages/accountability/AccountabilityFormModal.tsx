/** 登记问责情况: the kind, whom (an organisation and/or a person), the decision, and the rows and letters behind it. */
import { DatePicker, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_KINDS, type AccountabilityKind } from "../../../domain/accountability.ts";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import { useGet } from "../../components/useGet.ts";
import { LedgerPicker } from "../letters/LedgerPicker.tsx";
import type { Letter } from "../letters/types.ts";

interface Values {
  kind: AccountabilityKind;
  orgId?: string;
  personName?: string;
  personPosition?: string;
  decidedOn: Dayjs;
  authority: string;
  description: string;
  rowIds: string[];
  letterIds: string[];
}

export function AccountabilityFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const letters = useGet<{ items: Letter[] }>(open ? "/api/letters" : null);

  return (
    <FormModal<Values>
      open={open}
      title="登记问责情况"
      okText="保存"
      form={form}
      name="accountabilityForm"
      width={720}
      destroyOnHidden
      initialValues={{ kind: "notice", decidedOn: dayjs(todayInChina()), rowIds: [], letterIds: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post("/api/accountability", {
          kind: v.kind,
          orgId: v.orgId ?? null,
          personName: v.personName?.trim() || null,
          personPosition: v.personPosition?.trim() || null,
          decidedOn: isoOf(v.decidedOn),
          authority: v.authority.trim(),
          description: v.description.trim(),
          rowIds: v.rowIds ?? [],
          letterIds: v.letterIds ?? [],
        });
        onSaved();
        return "已登记问责情况";
      }}
    >
      <Form.Item name="kind" label="问责方式" rules={[{ required: true, message: "请选择问责方式" }]}>
        <Select options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: ACCOUNTABILITY_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="orgId" label="被问责单位" extra="问责个人时可选其所在单位">
        <OrgTreeSelect optional />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Form.Item
          name="personName"
          label="被问责人"
          dependencies={["orgId"]}
          rules={[
            { max: 60, message: "不能超过 60 个字" },
            ({ getFieldValue }) => ({
              validator: (_, v?: string) =>
                v?.trim() || getFieldValue("orgId")
                  ? Promise.resolve()
                  : Promise.reject(new Error("请选择被问责单位或填写被问责人")),
            }),
          ]}
          style={{ display: "inline-block", width: "calc(50% - 8px)", marginRight: 16 }}
        >
          <Input placeholder="问责单位时可不填" />
        </Form.Item>
        <Form.Item
          name="personPosition"
          label="职务"
          rules={[{ max: 100, message: "不能超过 100 个字" }]}
          style={{ display: "inline-block", width: "calc(50% - 8px)" }}
        >
          <Input />
        </Form.Item>
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Form.Item
          name="decidedOn"
          label="决定日期"
          rules={[{ required: true, message: "请选择决定日期" }]}
          style={{ display: "inline-block", width: "calc(50% - 8px)", marginRight: 16 }}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="authority"
          label="作出决定的机关"
          rules={[
            { required: true, whitespace: true, message: "请填写作出决定的机关" },
            { max: 100, message: "不能超过 100 个字" },
          ]}
          style={{ display: "inline-block", width: "calc(50% - 8px)" }}
        >
          <Input placeholder="如：县纪委监委、县委组织部" />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="description"
        label="问责事由"
        rules={[
          { required: true, whitespace: true, message: "请填写问责事由" },
          { max: 4000, message: "不能超过 4000 个字" },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="rowIds" label="关联台账条目">
        <LedgerPicker pick="row" />
      </Form.Item>
      <Form.Item name="letterIds" label="关联函件">
        <Select
          mode="multiple"
          allowClear
          showSearch
          optionFilterProp="label"
          loading={letters.loading}
          placeholder="如督办后仍未整改，选择相应督办函"
          options={(letters.data?.items ?? []).map((l) => ({
            value: l.id,
            label: `${l.kindLabel}${l.documentNumber} ${l.addressee}：${l.subject}`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
