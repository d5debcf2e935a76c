/** 审核意见: opinions of the office, the commission and the organisation department on each submitted version. */
import { Button, Empty, Form, Input, List, Space, Tag, Typography } from "antd";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import type { PlanDetail } from "./types.ts";

const ROLE_COLORS: Record<string, string> = { office: "blue", commission: "red", org_dept: "purple" };

export function OpinionsPanel({ detail, onChanged }: { detail: PlanDetail; onChanged: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const { saving, finish } = useFormSubmit(form, async (v: { text: string }) => {
    await api.post(`/api/plans/${detail.plan.id}/opinions`, { text: v.text.trim() });
    form.resetFields();
    onChanged();
    return "已提交意见";
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {detail.opinions.length ? (
        <List
          dataSource={detail.opinions}
          renderItem={(o) => (
            <List.Item key={o.id}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={ROLE_COLORS[o.authorRole]}>{o.authorRoleLabel}</Tag>
                    <Typography.Text strong>{o.authorName}</Typography.Text>
                    <Tag bordered={false}>第{o.versionNo}版</Tag>
                    <Typography.Text type="secondary">{fmtDateTime(o.createdAt)}</Typography.Text>
                  </Space>
                }
                description={
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{o.text}</Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="暂无审核意见" />
      )}
      {detail.plan.can.addOpinion && (
        <Form form={form} name="planOpinionForm" layout="vertical" onFinish={finish}>
          <Form.Item
            name="text"
            label={`对第${detail.plan.currentVersion}版提出意见`}
            rules={[
              { required: true, whitespace: true, message: "请填写意见" },
              { max: 4000, message: "不能超过 4000 个字" },
            ]}
          >
            <Input.TextArea rows={3} placeholder="对整改措施、责任分工、完成时限等的意见" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              提交意见
            </Button>
          </Form.Item>
        </Form>
      )}
    </Space>
  );
}
