/** 进展记录: dated notes on how the rectification goes, newest first, with a form for the row's contact. */
import { Button, DatePicker, Empty, Form, Input, Timeline, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { keepEnterInDates } from "../../components/dateEnter.ts";
import { fmtDate, fmtDateTime, isoOf } from "../../components/format.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import type { LedgerNote } from "./types.ts";

export function NotesPanel({
  rowId,
  notes,
  canAdd,
  onChanged,
}: {
  rowId: string;
  notes: LedgerNote[];
  canAdd: boolean;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<{ noteDate: Dayjs; text: string }>();
  const { saving, finish } = useFormSubmit(form, async (v) => {
    await api.post(`/api/ledger/${rowId}/notes`, { noteDate: isoOf(v.noteDate), text: v.text.trim() });
    form.resetFields();
    onChanged();
    return "已添加进展记录";
  });

  return (
    <>
      {canAdd && (
        <Form
          form={form}
          layout="vertical"
          onFinish={finish}
          onKeyDown={keepEnterInDates}
          initialValues={{ noteDate: dayjs() }}
          style={{ marginBottom: 16 }}
        >
          <div style={{ display: "grid", gridTemplateColumns: "180px 1fr", columnGap: 12 }}>
            <Form.Item name="noteDate" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="text" label="进展情况" rules={[{ required: true, whitespace: true, message: "请填写进展情况" }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder="本阶段做了什么、取得什么效果" />
            </Form.Item>
          </div>
          <Button htmlType="submit" loading={saving}>
            添加进展记录
          </Button>
        </Form>
      )}
      {notes.length ? (
        <Timeline
          items={notes.map((n) => ({
            key: n.id,
            children: (
              <>
                <Typography.Text strong>{fmtDate(n.noteDate)}</Typography.Text>
                <div style={{ whiteSpace: "pre-wrap", margin: "4px 0" }}>{n.text}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.author || "—"} 记录于 {fmtDateTime(n.createdAt)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无进展记录" />
      )}
    </>
  );
}
