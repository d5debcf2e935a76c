/** 审核通过 (comment optional) / 退回 (comment required): the office's decision on the version under review. */
import { Form, Input } from "antd";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { PlanDetail } from "./types.ts";

export type Decision = "approve" | "return";

const TEXTS: Record<Decision, { title: string; ok: string; label: string; done: string }> = {
  approve: {
    title: "审核通过整改方案",
    ok: "审核通过",
    label: "审核意见（可选）",
    done: "已审核通过，整改措施、责任领导、责任部门和完成时限已写入整改中的台账条目",
  },
  return: { title: "退回整改方案", ok: "退回", label: "退回意见", done: "已退回，等待单位修改后重新报送" },
};

export function DecisionModal({
  plan,
  decision,
  onClose,
  onSaved,
}: {
  plan: PlanDetail["plan"];
  decision: Decision | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{ comment?: string }>();
  const t = TEXTS[decision ?? "approve"];
  return (
    <FormModal<{ comment?: string }>
      open={decision !== null}
      title={`${t.title}（第${plan.currentVersion}版）`}
      okText={t.ok}
      danger={decision === "return"}
      form={form}
      name="planDecisionForm"
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        if (!decision) return;
        await api.post(`/api/plans/${plan.id}/${decision}`, { comment: v.comment?.trim() || null, version: plan.version });
        onSaved();
        return t.done;
      }}
    >
      <Form.Item
        name="comment"
        label={t.label}
        rules={[
          ...(decision === "return" ? [{ required: true, whitespace: true, message: "请填写退回意见" }] : []),
          { max: 2000, message: "不能超过 2000 个字" },
        ]}
      >
        <Input.TextArea rows={4} placeholder={decision === "return" ? "需要修改的内容和要求" : undefined} />
      </Form.Item>
    </FormModal>
  );
}
