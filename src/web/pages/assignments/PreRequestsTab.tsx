/** 巡前函请: the requests sent to departments before the inspection, their replies and files; overdue ones marked. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { AttachmentList } from "./AttachmentList.tsx";
import { PreRequestFormModal, PreRequestReplyModal } from "./PreRequestModals.tsx";
import type { PreRequest } from "./types.ts";

function ReplyState({ r }: { r: PreRequest }) {
  if (r.repliedOn) return <Tag color="green">已回复</Tag>;
  if (r.overdue) return <Tag color="red">逾期未复</Tag>;
  return <Tag color="blue">待回复</Tag>;
}

export function PreRequestsTab({ assignmentId }: { assignmentId: string }) {
  const { data, loading, failed, reload } = useGet<{ items: PreRequest[]; can: { create: boolean } }>(
    `/api/assignments/${assignmentId}/pre-requests`,
  );
  const [creating, setCreating] = useState(false);
  const [replying, setReplying] = useState<PreRequest | null>(null);
  const items = data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;

  if (failed && !data) return <Empty description="无法加载巡前函请" />;

  return (
    <>
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Typography.Text type="secondary">
          共 {items.length} 件，已回复 {items.filter((r) => r.repliedOn).length} 件
          {overdue > 0 && <Typography.Text type="danger">，逾期未复 {overdue} 件</Typography.Text>}
        </Typography.Text>
        {data?.can.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发出函请
          </Button>
        )}
      </Space>
      <Table<PreRequest>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: "尚未登记巡前函请" }}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              {r.replyText ? (
                <div>
                  <Typography.Text strong>回复（{fmtDate(r.repliedOn)}）：</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r.replyText}</Typography.Paragraph>
                </div>
              ) : (
                <Typography.Text type="secondary">尚未回复</Typography.Text>
              )}
              <AttachmentList
                ownerType="pre_request"
                ownerId={r.id}
                files={r.attachments}
                canAdd={r.can.addAttachment}
                onChanged={reload}
              />
            </Space>
          ),
        }}
        columns={[
          { title: "函请部门", dataIndex: "department", width: 140 },
          {
            title: "函请事项",
            dataIndex: "subject",
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          { title: "发函日期", dataIndex: "sentOn", width: 110 },
          {
            title: "回复期限",
            dataIndex: "dueDate",
            width: 110,
            render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: "状态", key: "state", width: 100, render: (_, r) => <ReplyState r={r} /> },
          { title: "回复日期", dataIndex: "repliedOn", width: 110, render: (v: string | null) => fmtDate(v) },
          { title: "附件", key: "files", width: 70, render: (_, r) => r.attachments.length || "—" },
          {
            title: "操作",
            key: "actions",
            width: 100,
            render: (_, r) =>
              r.can.reply && (
                <Button type="link" size="small" onClick={() => setReplying(r)}>
                  登记回复
                </Button>
              ),
          },
        ]}
      />
      <PreRequestFormModal
        open={creating}
        assignmentId={assignmentId}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <PreRequestReplyModal
        request={replying}
        onClose={() => setReplying(null)}
        onSaved={() => {
          setReplying(null);
          reload();
        }}
      />
    </>
  );
}
