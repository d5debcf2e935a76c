/** 发文机关信息: the red authority mark, the signature, the contact person and phone, the address, the colophon's issuer. */
import { SaveOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Form, Input, Row, Spin, Typography } from "antd";
import { useEffect } from "react";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import { useGet } from "../../components/useGet.ts";
import type { ProfileView } from "./types.ts";

interface Values {
  authority: string;
  signature: string;
  contactPerson?: string;
  contactPhone?: string;
  contactAddress?: string;
  printedBy?: string;
}

const max = (n: number) => ({ max: n, message: `不超过 ${n} 个字` });

export function ProfileCard({ onSaved }: { onSaved: () => void }) {
  const { data, reload } = useGet<ProfileView>("/api/document-profile");
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      authority: data.authority,
      signature: data.signature,
      contactPerson: data.contactPerson ?? undefined,
      contactPhone: data.contactPhone ?? undefined,
      contactAddress: data.contactAddress ?? undefined,
      printedBy: data.printedBy ?? undefined,
    });
  }, [data, form]);

  const { saving, finish } = useFormSubmit(form, async (v) => {
    const trim = (s: string | undefined) => s?.trim() || null;
    await api.put<ProfileView>("/api/document-profile", {
      authority: v.authority.trim(),
      signature: v.signature.trim(),
      contactPerson: trim(v.contactPerson),
      contactPhone: trim(v.contactPhone),
      contactAddress: trim(v.contactAddress),
      printedBy: trim(v.printedBy),
      version: data?.version ?? undefined,
    });
    reload();
    onSaved();
    return "发文机关信息已保存";
  });

  return (
    <Card
      title="发文机关信息"
      extra={data?.updatedAt && <Typography.Text type="secondary">{fmtDateTime(data.updatedAt)} 修改</Typography.Text>}
    >
      {!data ? (
        <Spin />
      ) : (
        <>
          {data.isDefault && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="尚未设置发文机关信息：公文暂以系统设置中的巡察机构名称作为发文机关标志和署名。"
            />
          )}
          <Form<Values> form={form} name="documentProfile" layout="vertical" onFinish={finish}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="authority"
                  label="发文机关标志"
                  extra="版头红色大字，如“中共××县委巡察工作领导小组办公室”"
                  rules={[{ required: true, whitespace: true, message: "请填写发文机关标志" }, max(60)]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="signature"
                  label="发文机关署名"
                  extra="正文之后、成文日期之上的署名"
                  rules={[{ required: true, whitespace: true, message: "请填写发文机关署名" }, max(60)]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="contactPerson" label="联系人" rules={[max(30)]}>
                  <Input allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="contactPhone" label="联系电话" rules={[max(40)]}>
                  <Input allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="contactAddress" label="通信地址" rules={[max(200)]}>
                  <Input allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="printedBy" label="印发机关" extra="版记中的印发机关；不填则不印版记" rules={[max(60)]}>
                  <Input allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} style={{ display: "flex", alignItems: "center" }}>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
                  保存发文机关信息
                </Button>
              </Col>
            </Row>
          </Form>
        </>
      )}
    </Card>
  );
}
