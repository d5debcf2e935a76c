/** 确定评估等次: the suggested grade is preselected; choosing another one asks for the reason. */
import { Descriptions, Form, Input, Radio, Typography } from "antd";
import { GRADE_LABELS, GRADES, type Grade } from "../../../domain/evaluation.ts";
import { api } from "../../api.ts";
import { percent } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Evaluation } from "./types.ts";

interface Values {
  grade: Grade;
  reason?: string;
}

export function ConfirmEvaluationModal({
  target,
  onClose,
  onSaved,
}: {
  target: Evaluation | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const grade = Form.useWatch("grade", form);
  const differs = !!target && !!grade && grade !== target.suggestedGrade;
  const m = target?.metrics;

  return (
    <FormModal<Values>
      open={target !== null}
      title={`确定整改评估等次：${target?.orgName ?? ""}`}
      okText="确定"
      form={form}
      name="evaluationForm"
      destroyOnHidden
      initialValues={
        target
          ? { grade: target.evaluation?.grade ?? target.suggestedGrade, reason: target.evaluation?.reason ?? undefined }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await api.post(`/api/assignments/${target.assignmentId}/evaluation`, {
          grade: v.grade,
          reason: v.reason?.trim() || null,
          version: target.evaluation?.version ?? null,
        });
        onSaved();
        return `已确定${target.orgName}的评估等次为“${GRADE_LABELS[v.grade]}”`;
      }}
    >
      {m && target && (
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="整改完成率">{percent(m.completionRate)}</Descriptions.Item>
          <Descriptions.Item label="按时完成率">{percent(m.onTimeRate)}</Descriptions.Item>
          <Descriptions.Item label="佐证材料完备率">{percent(m.evidenceRate)}</Descriptions.Item>
          <Descriptions.Item label="问题反弹">{m.relapses} 次</Descriptions.Item>
          <Descriptions.Item label="建议等次" span={2}>
            <Typography.Text strong>{target.suggestedGradeLabel}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form.Item name="grade" label="评估等次" rules={[{ required: true, message: "请选择评估等次" }]}>
        <Radio.Group optionType="button" options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="理由"
        extra={differs ? "所定等次与建议等次不同，须说明理由" : undefined}
        rules={[
          { required: differs, whitespace: true, message: "所定等次与建议等次不同，请说明理由" },
          { max: 1000, message: "不能超过 1000 个字" },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
