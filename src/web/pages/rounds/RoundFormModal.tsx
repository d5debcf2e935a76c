/** 新建轮次: a round within a term; a special round names its theme. */
import { DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router-dom";
import { ROUND_KIND_LABELS, ROUND_KINDS, type RoundKind } from "../../../domain/round.ts";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Term } from "./types.ts";

interface Values {
  termId: string;
  name: string;
  kind: RoundKind;
  theme?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function RoundFormModal({
  open,
  terms,
  defaultTermId,
  onClose,
  onSaved,
}: {
  open: boolean;
  terms: Term[];
  defaultTermId: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const navigate = useNavigate();

  return (
    <FormModal<Values>
      open={open}
      title="新建轮次"
      okText="保存"
      form={form}
      name="roundForm"
      initialValues={{ termId: defaultTermId, kind: "regular" }}
      onClose={onClose}
      onSubmit={async (v) => {
        const res = await api.post<{ round?: { id: string }; id?: string }>("/api/rounds", {
          termId: v.termId,
          name: v.name.trim(),
          kind: v.kind,
          theme: v.theme?.trim() || undefined,
          startDate: isoOf(v.range?.[0]),
          endDate: isoOf(v.range?.[1]),
        });
        onSaved();
        const id = res?.round?.id ?? res?.id;
        if (id) navigate(`/rounds/${id}`);
        return `已新建“${v.name.trim()}”，请组建巡察组并安排巡察任务`;
      }}
    >
      <Form.Item name="termId" label="届次" rules={[{ required: true, message: "请选择届次" }]}>
        <Select options={terms.map((t) => ({ value: t.id, label: t.name }))} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        name="name"
        label="轮次名称"
        rules={[
          { required: true, whitespace: true, message: "请填写轮次名称" },
          { max: 60, message: "不能超过 60 个字" },
        ]}
      >
        <Input placeholder="如：十四届县委第七轮巡察" />
      </Form.Item>
      <Form.Item name="kind" label="巡察类型" rules={[{ required: true, message: "请选择巡察类型" }]}>
        <Select options={ROUND_KINDS.map((k) => ({ value: k, label: ROUND_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item
        name="theme"
        label="巡察主题"
        rules={[
          { required: kind === "special", whitespace: true, message: "专项巡察请填写主题" },
          { max: 100, message: "不能超过 100 个字" },
        ]}
      >
        <Input placeholder={kind === "special" ? "如：政法领域、涉粮" : "选填"} />
      </Form.Item>
      <Form.Item name="range" label="起止日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}
