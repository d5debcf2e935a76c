/**
 * 问题: the findings of one assignment, their two shares, and entry/edit for the team and the office; each with its
 * evidence, and 立行立改 recorded by the leader, a deputy leader or the office.
 */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { AttachmentList } from "./AttachmentList.tsx";
import { FindingFormModal, type FindingFormTarget } from "./FindingFormModal.tsx";
import { FindingSharesCards } from "./FindingShares.tsx";
import { FixModal } from "./FixModal.tsx";
import type { Finding, FindingShares } from "./types.ts";

const yes = (v: boolean, color = "red") =>
  v ? <Tag color={color}>是</Tag> : <Typography.Text type="secondary">否</Typography.Text>;

export function FindingsTab({
  assignmentId,
  withdrawalDate,
  canAdd,
  onChanged,
}: {
  assignmentId: string;
  withdrawalDate: string | null;
  canAdd: boolean;
  onChanged: () => void;
}) {
  const { data, loading, reload } = useGet<{ items: Finding[]; shares: FindingShares }>(
    `/api/assignments/${assignmentId}/findings`,
  );
  const [target, setTarget] = useState<FindingFormTarget | null>(null);
  // By id, so the dialog shows the evidence as reloaded after an upload.
  const [fixingId, setFixingId] = useState<string | null>(null);
  const fixing = data?.items.find((f) => f.id === fixingId) ?? null;
  const { message } = App.useApp();
  const showError = useApiError();
  const changed = () => {
    reload();
    onChanged();
  };

  const remove = async (f: Finding) => {
    try {
      await api.del(`/api/findings/${f.id}`);
      void message.success("已删除该问题");
      changed();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <FindingSharesCards shares={data?.shares} />
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Typography.Text type="secondary">撤点后登记的问题标注为“补录”。</Typography.Text>
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: "create" })}>
            登记问题
          </Button>
        )}
      </Space>
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个问题` }}
        locale={{ emptyText: canAdd ? "尚未登记问题，点击“登记问题”开始" : "尚未登记问题" }}
        scroll={{ x: 1380 }}
        expandable={{
          expandedRowRender: (f) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              {f.suggestion && (
                <Typography.Text>
                  <Typography.Text strong>整改建议：</Typography.Text>
                  {f.suggestion}
                </Typography.Text>
              )}
              {f.immediateFix && (
                <Typography.Text>
                  <Typography.Text strong>立行立改（{fmtDate(f.fixedOn)}）：</Typography.Text>
                  {f.fixNote}
                </Typography.Text>
              )}
              <AttachmentList
                ownerType="finding"
                ownerId={f.id}
                files={f.attachments}
                canAdd={!!f.can.addEvidence}
                onChanged={reload}
                uploadLabel="上传佐证材料"
                emptyText="暂无佐证材料"
              />
            </Space>
          ),
        }}
        columns={[
          { title: "序号", key: "no", width: 60, render: (_, __, i) => i + 1 },
          {
            title: "问题描述",
            dataIndex: "text",
            width: 320,
            render: (v: string, f) => (
              <>
                {f.enteredAfterWithdrawal && (
                  <Tooltip title={withdrawalDate ? `撤点（${withdrawalDate}）后登记` : "撤点后登记"}>
                    <Tag color="gold">补录</Tag>
                  </Tooltip>
                )}
                {f.immediateFix && (
                  <Tooltip title={`${fmtDate(f.fixedOn)}：${f.fixNote ?? ""}`}>
                    <Tag color="green">立行立改</Tag>
                  </Tooltip>
                )}
                <Typography.Paragraph
                  ellipsis={{ rows: 3, expandable: true, symbol: "展开" }}
                  style={{ display: "inline", marginBottom: 0 }}
                >
                  {v}
                </Typography.Paragraph>
              </>
            ),
          },
          {
            title: "类别",
            dataIndex: "categoryLabel",
            width: 150,
            render: (v: string, f) => (
              <>
                {v}
                {f.subcategoryLabel && (
                  <div>
                    <Typography.Text type="secondary">{f.subcategoryLabel}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: "定性", dataIndex: "characterisation", width: 140, render: (v: string | null) => v || "—" },
          {
            title: "共性/个性",
            dataIndex: "isCommon",
            width: 90,
            render: (v: boolean) => (v ? <Tag color="orange">共性</Tag> : <Tag>个性</Tag>),
          },
          { title: "主责主业", dataIndex: "isCoreMandate", width: 80, render: (v: boolean) => yes(v, "blue") },
          { title: "涉及一把手", dataIndex: "involvesTopLeader", width: 90, render: (v: boolean) => yes(v) },
          { title: "来源", dataIndex: "sourceLabel", width: 100 },
          { title: "佐证", key: "files", width: 60, render: (_, f) => f.attachments.length || "—" },
          { title: "登记时间", dataIndex: "createdAt", width: 140, render: (v: string) => fmtDateTime(v) },
          {
            title: "操作",
            key: "actions",
            width: 170,
            render: (_, f) => (
              <Space size={0}>
                {f.can.fix && (
                  <Button type="link" size="small" onClick={() => setFixingId(f.id)}>
                    立行立改
                  </Button>
                )}
                {f.can.update && (
                  <Button type="link" size="small" onClick={() => setTarget({ mode: "edit", finding: f })}>
                    编辑
                  </Button>
                )}
                {f.can.delete && (
                  <Popconfirm title="删除该问题？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(f)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FixModal
        finding={fixing}
        onClose={() => setFixingId(null)}
        onFilesChanged={reload}
        onSaved={() => {
          setFixingId(null);
          changed();
        }}
      />
      <FindingFormModal
        target={target}
        assignmentId={assignmentId}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          changed();
        }}
      />
    </>
  );
}
