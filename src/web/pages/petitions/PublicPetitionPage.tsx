/**
 * The public form (码上巡察) at /p/:token: anyone may send a petition to the team inspecting this organisation,
 * anonymously or with their name, with up to three files; afterwards the receipt code is shown big, to be kept.
 */
import { CopyOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Radio, Result, Skeleton, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { useGet } from "../../components/useGet.ts";
import { PublicLayout } from "./PublicLayout.tsx";

interface Values {
  anonymous: boolean;
  name?: string;
  phone?: string;
  contact?: string;
  content: string;
  files?: UploadFile[];
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.ofd,.txt";
const PHONE = /^[0-9+\-\s()（）]{7,20}$/;

function ReceiptShown({ code }: { code: string }) {
  const { message } = App.useApp();
  return (
    <Card>
      <Result
        status="success"
        title="提交成功"
        subTitle="巡察组已收到您反映的问题。请牢记下面的查询码：凭查询码可以查看办理进度和答复。"
        style={{ padding: "16px 0" }}
      />
      <div style={{ textAlign: "center" }}>
        <Typography.Text type="secondary">查询码</Typography.Text>
        <div
          data-testid="receipt-code"
          style={{
            fontSize: 28,
            fontWeight: 700,
            letterSpacing: 2,
            whiteSpace: "nowrap",
            fontFamily: "monospace",
            margin: "4px 0 12px",
          }}
        >
          {code}
        </div>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard?.writeText(code).then(
              () => message.success("已复制查询码"),
              () => message.info("请手动抄写查询码"),
            )
          }
        >
          复制查询码
        </Button>
      </div>
      <Alert
        style={{ marginTop: 16 }}
        type="warning"
        showIcon
        message="请抄写或截图保存查询码"
        description="查询码只在此处显示一次，丢失后无法找回。查询码只能查看办理状态和答复，不会显示您反映的内容和身份信息。"
      />
      <div style={{ textAlign: "center", marginTop: 16 }}>
        <Link to={`/p/receipt?code=${encodeURIComponent(code)}`}>
          <Button type="primary">查询办理进度</Button>
        </Link>
      </div>
    </Card>
  );
}

export default function PublicPetitionPage() {
  const { token = "" } = useParams();
  const target = useGet<{ orgName: string; roundName: string }>(`/api/public/petition-links/${encodeURIComponent(token)}`, {
    quietWhenEmpty: true,
  });
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch("anonymous", form) ?? true;
  const [receiptCode, setReceiptCode] = useState<string | null>(null);

  const { saving, finish } = useFormSubmit(form, async (v: Values) => {
    const body = new FormData();
    body.append("content", v.content.trim());
    body.append("anonymous", String(v.anonymous));
    if (!v.anonymous) {
      body.append("name", v.name?.trim() ?? "");
      body.append("phone", v.phone?.trim() ?? "");
      if (v.contact?.trim()) body.append("contact", v.contact.trim());
    }
    for (const f of v.files ?? []) if (f.originFileObj) body.append("file", f.originFileObj, f.name);
    const res = await api.post<{ receiptCode: string }>(`/api/public/petitions/${encodeURIComponent(token)}`, body);
    setReceiptCode(res.receiptCode);
    window.scrollTo(0, 0);
  });

  if (target.failed && !target.data) {
    return (
      <PublicLayout>
        <Result status="404" title="二维码已失效" subTitle="该二维码已失效或不存在，请向巡察组索取新的二维码。" />
      </PublicLayout>
    );
  }
  const t = target.data;
  return (
    <PublicLayout subtitle={t ? `${t.roundName} · 巡察${t.orgName}` : undefined}>
      {!t ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : receiptCode ? (
        <ReceiptShown code={receiptCode} />
      ) : (
        <Card title={`向巡察组反映${t.orgName}的问题`}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            巡察组主要受理反映被巡察党组织领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信来电来访，
            重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律等方面的问题。不属于巡察受理范围的，将按规定转有关部门处理。
          </Typography.Paragraph>
          <Form<Values>
            form={form}
            name="publicPetition"
            layout="vertical"
            initialValues={{ anonymous: true, files: [] }}
            onFinish={(v) => void finish(v)}
          >
            <Form.Item name="anonymous" label="反映方式" required>
              <Radio.Group buttonStyle="solid" optionType="button" style={{ width: "100%", display: "flex" }}>
                <Radio.Button value={true} style={{ flex: 1, textAlign: "center" }}>
                  匿名反映
                </Radio.Button>
                <Radio.Button value={false} style={{ flex: 1, textAlign: "center" }}>
                  实名反映
                </Radio.Button>
              </Radio.Group>
            </Form.Item>
            {anonymous ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="匿名反映不会保存您的任何身份信息。巡察组无法与您联系核实，请尽量写清具体人员、事实、时间和地点。"
              />
            ) : (
              <>
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  message="实名反映的身份信息加密保存，仅巡察组组长和巡察办主任可以查看，每次查看均有记录。"
                />
                <Form.Item
                  name="name"
                  label="姓名"
                  rules={[{ required: true, whitespace: true, message: "实名反映请填写姓名" }, { max: 50 }]}
                >
                  <Input autoComplete="name" maxLength={50} />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label="联系电话"
                  rules={[
                    { required: true, whitespace: true, message: "实名反映请填写联系电话" },
                    { pattern: PHONE, message: "请填写有效的联系电话" },
                  ]}
                >
                  <Input type="tel" autoComplete="tel" maxLength={20} />
                </Form.Item>
                <Form.Item name="contact" label="其他联系方式（选填）">
                  <Input placeholder="如通信地址、电子邮箱" maxLength={200} />
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
              <Input.TextArea
                rows={8}
                showCount
                maxLength={5000}
                placeholder="请写明被反映人的姓名、单位、职务，以及具体问题、时间、地点和线索"
              />
            </Form.Item>
            <Form.Item
              name="files"
              label="附件（选填，最多 3 个）"
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, 3)}
              extra="可上传 PDF、图片（JPG、PNG）、Word、Excel、OFD 或文本文件"
            >
              <Upload beforeUpload={() => false} multiple maxCount={3} accept={ACCEPT}>
                <Button icon={<UploadOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
            {/* Disabled rather than "loading": a spinner's leave animation can stick when the answer is very quick. */}
            <Button type="primary" htmlType="submit" block size="large" disabled={saving}>
              {saving ? "正在提交…" : "提交"}
            </Button>
          </Form>
        </Card>
      )}
    </PublicLayout>
  );
}
