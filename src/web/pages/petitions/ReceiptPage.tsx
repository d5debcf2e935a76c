/** /p/receipt: the sender types the receipt code and sees the handling state and the reply — nothing else. */
import { Button, Card, Descriptions, Empty, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { normalizeReceiptCode } from "../../../domain/petition.ts";
import { api } from "../../api.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { PublicLayout } from "./PublicLayout.tsx";

interface Receipt {
  statusLabel: string;
  receivedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export default function ReceiptPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const [found, setFound] = useState<{ code: string; receipt: Receipt } | null>(null);
  const { saving, finish } = useFormSubmit(form, async ({ code }: { code: string }) => {
    setFound(null);
    const receipt = await api.get<Receipt>(`/api/public/petitions/receipt/${encodeURIComponent(code.trim())}`);
    setFound({ code: code.trim().toUpperCase(), receipt });
  });

  return (
    <PublicLayout subtitle="办理进度查询" receiptLink={false}>
      <Card>
        <Form
          form={form}
          name="receiptLookup"
          layout="vertical"
          initialValues={{ code: params.get("code") ?? "" }}
          onFinish={(v) => void finish(v)}
        >
          <Form.Item
            name="code"
            label="查询码"
            rules={[
              { required: true, whitespace: true, message: "请输入查询码" },
              {
                validator: (_, v: string | undefined) =>
                  !v || normalizeReceiptCode(v) ? Promise.resolve() : Promise.reject(new Error("查询码为 12 位字母和数字")),
              },
            ]}
          >
            <Input
              size="large"
              placeholder="例如 ABCD-EFGH-JKLM"
              autoComplete="off"
              style={{ fontFamily: "monospace", letterSpacing: 2 }}
            />
          </Form.Item>
          {/* Disabled rather than "loading": a spinner's leave animation can stick when the answer is very quick. */}
          <Button type="primary" htmlType="submit" block size="large" disabled={saving}>
            {saving ? "正在查询…" : "查询"}
          </Button>
        </Form>
      </Card>
      {found && (
        <Card style={{ marginTop: 16 }} title={`查询码 ${found.code}`}>
          <Descriptions column={1} size="middle" bordered styles={{ label: { width: 96, whiteSpace: "nowrap" } }}>
            <Descriptions.Item label="办理状态">
              <Tag color="red" style={{ fontSize: 14, padding: "2px 8px" }}>
                {found.receipt.statusLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="收到日期">{found.receipt.receivedAt}</Descriptions.Item>
            <Descriptions.Item label="答复">
              {found.receipt.reply ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{found.receipt.reply}</Typography.Paragraph>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无答复" style={{ margin: 0 }} />
              )}
            </Descriptions.Item>
            {found.receipt.repliedAt && <Descriptions.Item label="答复日期">{found.receipt.repliedAt}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </PublicLayout>
  );
}
