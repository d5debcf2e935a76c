/** 登记问题 / 编辑: the finding's text, category, characterisation, the three flags and where it came from. */
import { Col, Form, Input, Row, Select, Switch } from "antd";
import {
  FINDING_CATEGORIES,
  FINDING_CATEGORY_LABELS,
  FINDING_SOURCE_LABELS,
  FINDING_SOURCES,
  type FindingCategory,
  type FindingSource,
} from "../../../domain/finding.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Finding } from "./types.ts";

export type FindingFormTarget = { mode: "create" } | { mode: "edit"; finding: Finding };

interface Values {
  text: string;
  category: FindingCategory;
  characterisation?: string;
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
              characterisation: editing.characterisation ?? undefined,
              isCommon: editing.isCommon,
              isCoreMandate: editing.isCoreMandate,
              involvesTopLeader: editing.involvesTopLeader,
              source: editing.source,
            }
          : DEFAULTS
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = { ...v, text: v.text.trim(), characterisation: v.characterisation?.trim() || null };
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
        <Col span={12}>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: "请选择问题类别" }]}>
            <Select
              options={FINDING_CATEGORIES.map((c) => ({ value: c, label: FINDING_CATEGORY_LABELS[c] }))}
              placeholder="请选择"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="source" label="问题来源" rules={[{ required: true, message: "请选择问题来源" }]}>
            <Select options={FINDING_SOURCES.map((s) => ({ value: s, label: FINDING_SOURCE_LABELS[s] }))} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="characterisation" label="定性" rules={[{ max: 200, message: "不能超过 200 个字" }]}>
        <Input placeholder="如：违反中央八项规定精神" />
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
