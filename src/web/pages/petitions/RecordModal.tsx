/** 登记信访举报: a letter, call, visit or online report the team received, named or anonymous. */
import { Alert, App, Form, Input, Radio, Select } from "antd";
import { PETITION_CHANNEL_LABELS, RECORDED_CHANNELS } from "../../../domain/petition.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Petition } from "./types.ts";

interface Values {
  channel: string;
  anonymous: boolean;
  name?: string;
  phone?: string;
  contact?: string;
  content: string;
}

export function RecordModal({
  assignmentId,
  open,
  onClose,
  onSaved,
}: {
  assignmentId: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch("anonymous", form) ?? true;
  return (
    <FormModal<Values>
      open={open}
      title="登记信访举报"
      okText="登记"
      form={form}
      name="recordPetition"
      destroyOnHidden
      initialValues={{ channel: "letter", anonymous: true }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          channel: v.channel,
          anonymous: v.anonymous,
          content: v.content.trim(),
          ...(v.anonymous ? {} : { name: v.name?.trim(), phone: v.phone?.trim(), contact: v.contact?.trim() || null }),
        };
        const { petition } = await api.post<{ petition: Petition }>(`/api/assignments/${assignmentId}/petitions`, body);
        onSaved();
        modal.success({
          title: "已登记",
          content: `查询码：${petition.receiptCode}。可告知举报人，凭查询码查看办理进度和答复。`,
        });
      }}
    >
      <Form.Item name="channel" label="来源方式" rules={[{ required: true, message: "请选择来源方式" }]}>
        <Select options={RECORDED_CHANNELS.map((c) => ({ value: c, label: PETITION_CHANNEL_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="anonymous" label="举报人">
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: "匿名" },
            { value: false, label: "实名" },
          ]}
        />
      </Form.Item>
      {!anonymous && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="身份信息加密保存，仅巡察组组长和巡察办主任可以查看。"
          />
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: "实名举报请填写姓名" }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[
              { required: true, whitespace: true, message: "实名举报请填写联系电话" },
              { pattern: /^[0-9+\-\s()（）]{7,20}$/, message: "请填写有效的联系电话" },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="contact" label="其他联系方式">
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="content"
        label="反映内容"
        rules={[
          { required: true, whitespace: true, message: "请填写反映内容" },
          { max: 5000, message: "反映内容不超过 5000 字" },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
