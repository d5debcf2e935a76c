/** 报告办理情况 / 退回: one text, sent with the directive's version. */
import { Form, Input } from "antd";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Directive } from "./types.ts";

export type TextAction = "report" | "return";

const TEXTS: Record<TextAction, { title: string; label: string; field: "report" | "reason"; done: string }> = {
  report: { title: "报告办理情况", label: "办理情况及佐证", field: "report", done: "已报告办结，等待巡察办确认" },
  return: { title: "退回办结报告", label: "退回理由", field: "reason", done: "已退回" },
};

export function DirectiveActionModal({
  target,
  onClose,
  onSaved,
}: {
  target: { action: TextAction; directive: Directive } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const t = TEXTS[target?.action ?? "report"];
  return (
    <FormModal<{ text: string }>
      open={target !== null}
      title={`${t.title}：${target?.directive.target ?? ""}`}
      okText={target?.action === "return" ? "退回" : "提交"}
      danger={target?.action === "return"}
      form={form}
      name="directiveActionForm"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await api.post(`/api/directives/${target.directive.id}/${target.action}`, {
          [t.field]: v.text.trim(),
          version: target.directive.version,
        });
        onSaved();
        return t.done;
      }}
    >
      <Form.Item
        name="text"
        label={t.label}
        rules={[
          { required: true, whitespace: true, message: `请填写${t.label}` },
          { max: 4000, message: "不能超过 4000 个字" },
        ]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
