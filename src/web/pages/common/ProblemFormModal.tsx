/** 新建共性问题 (from a proposal: its findings pre-selected) and 修改共性问题. */
import { Checkbox, Form, Input, Select, Space, Tag, Typography } from "antd";
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABELS, type FindingCategory } from "../../../domain/finding.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { CandidateGroup, CommonProblem, CommonProblemDetail } from "./types.ts";

export type ProblemFormTarget = { mode: "create"; group: CandidateGroup } | { mode: "edit"; problem: CommonProblem };

interface Values {
  title: string;
  description?: string;
  category?: FindingCategory | null;
  department?: string;
  findingIds?: string[];
}

const categories = FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY_LABELS[c] }));

export function ProblemFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: ProblemFormTarget | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial: Values | undefined =
    target?.mode === "create"
      ? {
          title: target.group.suggestedTitle,
          category: (target.group.suggestedCategory as FindingCategory | null) ?? undefined,
          findingIds: target.group.findings.map((f) => f.id),
        }
      : target?.mode === "edit"
        ? {
            title: target.problem.title,
            description: target.problem.description ?? undefined,
            category: (target.problem.category as FindingCategory | null) ?? undefined,
            department: target.problem.department ?? undefined,
          }
        : undefined;

  return (
    <FormModal<Values>
      open={target !== null}
      title={target?.mode === "edit" ? "修改共性问题" : "新建共性问题"}
      okText="保存"
      form={form}
      name="commonProblemForm"
      width={720}
      initialValues={initial}
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = {
          title: v.title.trim(),
          description: v.description?.trim() || null,
          category: v.category ?? null,
          department: v.department?.trim() || null,
        };
        let saved: CommonProblemDetail;
        if (target?.mode === "edit") {
          saved = await api.put<CommonProblemDetail>(`/api/common-problems/${target.problem.id}`, {
            ...fields,
            version: target.problem.version,
          });
        } else {
          saved = await api.post<CommonProblemDetail>("/api/common-problems", { ...fields, findingIds: v.findingIds ?? [] });
        }
        onSaved(saved.problem.id);
        return target?.mode === "edit" ? "已保存" : `已列入共性问题清单：${fields.title}`;
      }}
    >
      <Form.Item
        name="title"
        label="共性问题"
        rules={[
          { required: true, whitespace: true, message: "请填写标题" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="category" label="问题类别" style={{ flex: 1 }}>
          <Select allowClear options={categories} placeholder="可不选" />
        </Form.Item>
        <Form.Item
          name="department"
          label="涉及职能部门"
          style={{ flex: 1, marginLeft: 12 }}
          rules={[{ max: 100, message: "不能超过 100 个字" }]}
        >
          <Input placeholder="如：县委组织部（发巡察建议书时使用）" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="description" label="说明" rules={[{ max: 4000, message: "不能超过 4000 个字" }]}>
        <Input.TextArea rows={3} placeholder="问题的共同表现、成因和整改方向" />
      </Form.Item>
      {target?.mode === "create" && (
        <Form.Item
          name="findingIds"
          label="归入的问题（须来自至少两个单位）"
          rules={[{ required: true, type: "array", min: 2, message: "请至少选择两个单位的两条问题" }]}
        >
          <Checkbox.Group style={{ display: "block" }}>
            {target.group.findings.map((f) => (
              <div key={f.id} style={{ marginBottom: 6 }}>
                <Checkbox value={f.id}>
                  <Tag color="blue">{f.orgName}</Tag>
                  <Typography.Text type="secondary">{f.roundName}</Typography.Text> {f.text}
                </Checkbox>
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
    </FormModal>
  );
}
