/** 登记回复: the addressee's answer and its date, recorded once (by the addressee, or the office for it). */
import { DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { letterTitle, type Letter, type LetterDetail } from "./types.ts";

interface Values {
  replyText: string;
  repliedOn: Dayjs;
}

export function LetterReplyModal({
  letter,
  onClose,
  onSaved,
}: {
  letter: Letter | null;
  onClose: () => void;
  onSaved: (saved: LetterDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={letter !== null}
      title={letter ? `登记回复：${letterTitle(letter)} ${letter.subject}` : "登记回复"}
      okText="提交回复"
      form={form}
      name="letterReplyForm"
      width={640}
      destroyOnHidden
      initialValues={{ repliedOn: dayjs(todayInChina()) }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!letter) return;
        const saved = await api.post<LetterDetail>(`/api/letters/${letter.id}/reply`, {
          replyText: v.replyText.trim(),
          repliedOn: isoOf(v.repliedOn),
        });
        onSaved(saved);
        return "已登记回复";
      }}
    >
      <Form.Item
        name="replyText"
        label="回复内容"
        extra="回复只能登记一次，请写明整改落实情况"
        rules={[
          { required: true, whitespace: true, message: "请填写回复内容" },
          { max: 10000, message: "不能超过 10000 个字" },
        ]}
      >
        <Input.TextArea rows={6} />
      </Form.Item>
      <Form.Item name="repliedOn" label="回复日期" rules={[{ required: true, message: "请选择回复日期" }]}>
        <DatePicker
          style={{ width: "100%" }}
          disabledDate={(d) => d.isAfter(dayjs(todayInChina()), "day") || (!!letter && d.isBefore(dayjs(letter.sentOn), "day"))}
        />
      </Form.Item>
    </FormModal>
  );
}
