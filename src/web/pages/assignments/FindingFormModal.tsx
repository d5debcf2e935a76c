/**
 * 登记问题 / 编辑: the finding's text, category and subcategory (the office's taxonomy), characterisation, the three
 * flags, where it came from and the team's suggestion.
 */
import { Col, Form, Input, Row, Select, Switch } from "antd";
import { FINDING_SOURCE_LABELS, FINDING_SOURCES, type FindingSource } from "../../../domain/finding.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Finding } from "./types.ts";
import { useTaxonomy } from "./useTaxonomy.ts";

export type FindingFormTarget = { mode: "create" } | { mode: "edit"; finding: Finding };

interface Values {
  text: string;
  category: string;
  subcategory?: string | null;
  characterisation?: string;
  suggestion?: string;
  isCommon: boolean;
  isCoreMandate: boolean;
  involvesTopLeader: boolean;
  source: FindingSource;
}

const DEFAULTS: Partial<Values> = { isCommon: false, isCoreMandate: false, involvesTopLeader: false };

export function FindingFormModal({
  target,
  assignmentId,
  onClose,
  onSaved,
}: {
  target: FindingFormTarget | null;
  assignmentId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === "edit" ? target.finding : null;
  const taxonomy = useTaxonomy(target !== null);
  const category = Form.useWatch("category", form);
  const subcategories = taxonomy.subcategoryOptions(category, editing?.subcategory);

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? "编辑问题" : "登记问题"}
      okText="保存"
      form={form}
      name="findingForm"
      initialValues={
        editing
          ? {
              text: editing.text,
              category: editing.category,
              subcategory: editing.subcategory,
              characterisation: editing.characterisation ?? undefined,
              suggestion: editing.suggestion ?? undefined,
              isCommon: editing.isCommon,
              isCoreMandate: editing.isCoreMandate,
              involvesTopLeader: editing.involvesTopLeader,
              source: editing.source,
            }
          : DEFAULTS
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          ...v,
          text: v.text.trim(),
          subcategory: v.subcategory ?? null,
          characterisation: v.characterisation?.trim() || null,
          suggestion: v.suggestion?.trim() || null,
        };
        if (editing) {
          await api.patch(`/api/findings/${editing.id}`, { ...body, version: editing.version });
          onSaved();
          return "已保存";
        }
        await api.post(`/api/assignments/${assignmentId}/findings`, body);
        onSaved();
        return "已登记问题";
      }}
      width={640}
    >
      <Form.Item
        name="text"
        label="问题描述"
        rules={[
          { required: true, whitespace: true, message: "请填写问题描述" },
          { max: 2000, message: "不能超过 2000 个字" },
        ]}
      >
        <Input.TextArea rows={4} placeholder="如：落实中央八项规定精神不到位，违规发放津补贴" showCount maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: "请选择问题类别" }]}>
            <Select
              options={taxonomy.categoryOptions(editing?.category)}
              loading={taxonomy.loading}
              placeholder="请选择"
              onChange={() => form.setFieldValue("subcategory", null)}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="subcategory" label="细分类别">
            <Select
              allowClear
              options={subcategories}
              disabled={!category || subcategories.length === 0}
              placeholder={category ? "可不选" : "先选问题类别"}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label="问题来源" rules={[{ required: true, message: "请选择问题来源" }]}>
            <Select options={FINDING_SOURCES.map((s) => ({ value: s, label: FINDING_SOURCE_LABELS[s] }))} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="characterisation" label="定性" rules={[{ max: 200, message: "不能超过 200 个字" }]}>
        <Input placeholder="如：违反中央八项规定精神" />
      </Form.Item>
      <Form.Item name="suggestion" label="整改建议" rules={[{ max: 4000, message: "不能超过 4000 个字" }]}>
        <Input.TextArea rows={2} placeholder="巡察组对该问题的整改建议（写入巡察报告）" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="isCommon" label="共性/个性" valuePropName="checked">
            <Switch checkedChildren="共性" unCheckedChildren="个性" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="isCoreMandate" label="主责主业" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="involvesTopLeader" label="涉及一把手" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
