/** 抽取回头看样本: an optional seed (to draw a known sample again) and a note. */
import { Form, Input } from "antd";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Revisit } from "./types.ts";

interface Values {
  seed?: string;
  note?: string;
}

export function RevisitDrawModal({
  roundId,
  open,
  onClose,
  onDrawn,
}: {
  roundId: string | undefined;
  open: boolean;
  onClose: () => void;
  onDrawn: (revisit: Revisit) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={open}
      title="抽取回头看样本"
      okText="抽取"
      form={form}
      name="revisitDrawForm"
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        if (!roundId) return;
        const res = await api.post<{ revisit: Revisit }>(`/api/rounds/${roundId}/revisits`, {
          seed: v.seed?.trim() || null,
          note: v.note?.trim() || null,
        });
        onDrawn(res.revisit);
        return `已抽取 ${res.revisit.orgCount} 个单位、${res.revisit.itemCount} 条问题，抽样种子：${res.revisit.seed}`;
      }}
    >
      <Form.Item
        name="seed"
        label="抽样种子"
        extra="可不填，由系统生成并记录。相同的种子对相同的台账总是抽出相同的样本，可据此复核抽样。"
        rules={[{ max: 64, message: "不能超过 64 个字符" }]}
      >
        <Input placeholder="如：2024年第二轮回头看" />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 1000, message: "不能超过 1000 个字" }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
