/** 发出函请 and 登记回复: the two forms of a pre-inspection request. */
import { AutoComplete, Col, DatePicker, Form, Input, Row } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { PRE_REQUEST_DEPARTMENTS } from "../../../domain/onsite.ts";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { PreRequest } from "./types.ts";

interface CreateValues {
  department: string;
  subject: string;
  sentOn: Dayjs;
  dueDate: Dayjs;
}

export function PreRequestFormModal({
  open,
  assignmentId,
  onClose,
  onSaved,
}: {
  open: boolean;
  assignmentId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  return (
    <FormModal<CreateValues>
      open={open}
      title="发出巡前函请"
      okText="保存"
      form={form}
      name="preRequestForm"
      width={600}
      initialValues={{ sentOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post(`/api/assignments/${assignmentId}/pre-requests`, {
          department: v.department.trim(),
          subject: v.subject.trim(),
          sentOn: isoOf(v.sentOn),
          dueDate: isoOf(v.dueDate),
        });
        onSaved();
        return `已登记发往${v.department.trim()}的函请`;
      }}
    >
      <Form.Item
        name="department"
        label="函请部门"
        rules={[
          { required: true, whitespace: true, message: "请填写函请部门" },
          { max: 100, message: "不能超过 100 个字" },
        ]}
      >
        <AutoComplete
          options={PRE_REQUEST_DEPARTMENTS.map((d) => ({ value: d }))}
          filterOption={(input, option) => (option?.value ?? "").includes(input)}
          placeholder="选择或填写，如：纪委监委、审计局"
        />
      </Form.Item>
      <Form.Item
        name="subject"
        label="函请事项"
        rules={[
          { required: true, whitespace: true, message: "请填写函请事项" },
          { max: 1000, message: "不能超过 1000 个字" },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：提供被巡察单位近三年审计发现问题及整改情况" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="sentOn" label="发函日期" rules={[{ required: true, message: "请选择发函日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="dueDate"
            label="回复期限"
            dependencies={["sentOn"]}
            rules={[
              { required: true, message: "请选择回复期限" },
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => {
                  const sent = getFieldValue("sentOn") as Dayjs | undefined;
                  return v && sent && v.isBefore(sent, "day")
                    ? Promise.reject(new Error("回复期限不能早于发函日期"))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

interface ReplyValues {
  replyText: string;
  repliedOn: Dayjs;
}

export function PreRequestReplyModal({
  request,
  onClose,
  onSaved,
}: {
  request: PreRequest | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ReplyValues>();
  return (
    <FormModal<ReplyValues>
      open={request !== null}
      title={request ? `登记回复：${request.department}` : "登记回复"}
      okText="保存"
      form={form}
      name="preRequestReplyForm"
      width={600}
      initialValues={{ repliedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!request) return;
        await api.post(`/api/pre-requests/${request.id}/reply`, { replyText: v.replyText.trim(), repliedOn: isoOf(v.repliedOn) });
        onSaved();
        return "已登记回复";
      }}
    >
      {request && (
        <p style={{ color: "rgba(0,0,0,0.45)" }}>
          函请事项：{request.subject}（{request.sentOn} 发函，{request.dueDate} 前回复）
        </p>
      )}
      <Form.Item name="repliedOn" label="回复日期" rules={[{ required: true, message: "请选择回复日期" }]}>
        <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
      </Form.Item>
      <Form.Item
        name="replyText"
        label="回复内容"
        rules={[
          { required: true, whitespace: true, message: "请填写回复内容" },
          { max: 8000, message: "不能超过 8000 个字" },
        ]}
        extra="回复附带的材料可在保存后于函请下方上传。"
      >
        <Input.TextArea rows={5} showCount maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
