/** 登记巡察记录 / 修改: kind, date, who or what, the content, and for appraisals and surveys the count per answer. */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  APPRAISAL_LABELS,
  RESULT_KINDS,
  SITE_RECORD_KIND_LABELS,
  SITE_RECORD_KINDS,
  type SiteRecordKind,
} from "../../../domain/onsite.ts";
import { api } from "../../api.ts";
import { dayOf, isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { SiteRecord } from "./types.ts";

export type SiteRecordTarget = { mode: "create"; kind?: SiteRecordKind } | { mode: "edit"; record: SiteRecord };

interface Values {
  kind: SiteRecordKind;
  heldOn: Dayjs;
  subject: string;
  content: string;
  results?: Array<{ label?: string; count?: number | null }>;
}

const SUBJECT_HINT: Record<SiteRecordKind, string> = {
  interview: "谈话对象，如：局党组书记",
  appraisal: "测评对象和范围，如：领导班子（干部职工42人）",
  survey: "问卷名称和范围，如：作风建设问卷（群众100人）",
  spot_check: "检查地点或事项，如：乡镇食堂",
  document_review: "调阅的资料，如：2023年会计凭证",
};

export function SiteRecordFormModal({
  target,
  assignmentId,
  onClose,
  onSaved,
}: {
  target: SiteRecordTarget | null;
  assignmentId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const withResults = kind !== undefined && RESULT_KINDS.includes(kind);
  const editing = target?.mode === "edit" ? target.record : null;

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? "修改巡察记录" : "登记巡察记录"}
      okText="保存"
      form={form}
      name="siteRecordForm"
      width={680}
      initialValues={
        editing
          ? {
              kind: editing.kind,
              heldOn: dayOf(editing.heldOn) ?? undefined,
              subject: editing.subject,
              content: editing.content,
              results: editing.results ?? [],
            }
          : { kind: target?.mode === "create" ? (target.kind ?? "interview") : "interview", heldOn: dayjs(), results: [] }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const results =
          RESULT_KINDS.includes(v.kind) && v.results?.length
            ? v.results.map((r) => ({ label: (r.label ?? "").trim(), count: r.count ?? 0 }))
            : null;
        const body = { kind: v.kind, heldOn: isoOf(v.heldOn), subject: v.subject.trim(), content: v.content.trim(), results };
        if (editing) {
          await api.patch(`/api/site-records/${editing.id}`, { ...body, version: editing.version });
          onSaved();
          return "已保存";
        }
        await api.post(`/api/assignments/${assignmentId}/site-records`, body);
        onSaved();
        return "已登记巡察记录";
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label="记录类型" rules={[{ required: true, message: "请选择记录类型" }]}>
            <Select options={SITE_RECORD_KINDS.map((k) => ({ value: k, label: SITE_RECORD_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="subject"
        label="对象或事项"
        rules={[
          { required: true, whitespace: true, message: "请填写对象或事项" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input placeholder={SUBJECT_HINT[kind ?? "interview"]} />
      </Form.Item>
      <Form.Item
        name="content"
        label="记录内容"
        rules={[
          { required: true, whitespace: true, message: "请填写记录内容" },
          { max: 20000, message: "不能超过 20000 个字" },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={20000} />
      </Form.Item>
      {withResults && (
        <Form.List name="results">
          {(fields, { add, remove }) => (
            <>
              <Typography.Text strong>{kind === "survey" ? "问卷结果" : "测评结果"}（选项 → 人数）</Typography.Text>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: "flex", marginTop: 8 }}>
                  <Form.Item
                    style={{ marginBottom: 0 }}
                    name={[field.name, "label"]}
                    rules={[
                      { required: true, whitespace: true, message: "请填写选项" },
                      { max: 40, message: "不能超过 40 个字" },
                    ]}
                  >
                    <Input placeholder="选项，如：好" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item
                    style={{ marginBottom: 0 }}
                    name={[field.name, "count"]}
                    rules={[{ required: true, message: "请填写人数" }]}
                  >
                    <InputNumber min={0} precision={0} placeholder="人数" style={{ width: 120 }} addonAfter="人" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除该项" />
                </Space>
              ))}
              <Space style={{ marginTop: 8 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ label: "", count: 0 })}>
                  添加选项
                </Button>
                {fields.length === 0 && (
                  <Button onClick={() => APPRAISAL_LABELS.forEach((label) => add({ label, count: 0 }))}>
                    填入“好、较好、一般、差”
                  </Button>
                )}
              </Space>
            </>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
