/** 巡察记录: interviews, appraisals, surveys, spot checks and document reviews of the assignment; 补录 marked. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { SITE_RECORD_KIND_LABELS, SITE_RECORD_KINDS, type SiteRecordKind } from "../../../domain/onsite.ts";
import { withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { AttachmentList } from "./AttachmentList.tsx";
import { SiteRecordFormModal, type SiteRecordTarget } from "./SiteRecordFormModal.tsx";
import type { SiteRecord } from "./types.ts";

type Filter = SiteRecordKind | "all";
const FILTERS = [
  { value: "all" as Filter, label: "全部" },
  ...SITE_RECORD_KINDS.map((k) => ({ value: k as Filter, label: SITE_RECORD_KIND_LABELS[k] })),
];

const resultsText = (r: SiteRecord) => r.results?.map((x) => `${x.label} ${x.count}`).join("，");

export function SiteRecordsTab({ assignmentId, withdrawalDate }: { assignmentId: string; withdrawalDate: string | null }) {
  const [filter, setFilter] = useState<Filter>("all");
  const { data, loading, failed, reload } = useGet<{ items: SiteRecord[]; backfilled: number; can: { create: boolean } }>(
    withQuery(`/api/assignments/${assignmentId}/site-records`, { kind: filter === "all" ? undefined : filter }),
  );
  const [target, setTarget] = useState<SiteRecordTarget | null>(null);

  if (failed && !data) return <Empty description="无法加载巡察记录" />;

  return (
    <>
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }} wrap>
        <Segmented<Filter> options={FILTERS} value={filter} onChange={setFilter} />
        <Space>
          <Typography.Text type="secondary">
            撤点后登记的标注为“补录”{data && data.backfilled > 0 ? `（其中补录 ${data.backfilled} 条）` : ""}。
          </Typography.Text>
          {data?.can.create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: "create", kind: filter === "all" ? undefined : filter })}
            >
              登记记录
            </Button>
          )}
        </Space>
      </Space>
      <Table<SiteRecord>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: "暂无巡察记录" }}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r.content}</Typography.Paragraph>
              {r.results && (
                <Space wrap>
                  {r.results.map((x) => (
                    <Tag key={x.label}>
                      {x.label}：{x.count} 人
                    </Tag>
                  ))}
                </Space>
              )}
              <AttachmentList
                ownerType="site_record"
                ownerId={r.id}
                files={r.attachments}
                canAdd={r.can.addAttachment}
                onChanged={reload}
              />
            </Space>
          ),
        }}
        columns={[
          { title: "类型", dataIndex: "kindLabel", width: 100 },
          { title: "日期", dataIndex: "heldOn", width: 110 },
          {
            title: "对象或事项",
            dataIndex: "subject",
            width: 220,
            render: (v: string, r) => (
              <>
                {r.enteredAfterWithdrawal && (
                  <Tooltip title={`撤点（${withdrawalDate ?? "—"}）后登记于 ${fmtDateTime(r.createdAt)}`}>
                    <Tag color="gold">补录</Tag>
                  </Tooltip>
                )}
                {v}
              </>
            ),
          },
          {
            title: "内容",
            dataIndex: "content",
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          { title: "结果", key: "results", width: 180, render: (_, r) => resultsText(r) || "—" },
          { title: "记录人", dataIndex: "authorName", width: 90, render: (v: string | null) => v ?? "—" },
          { title: "登记时间", dataIndex: "createdAt", width: 140, render: (v: string) => fmtDateTime(v) },
          { title: "附件", key: "files", width: 60, render: (_, r) => r.attachments.length || "—" },
          {
            title: "操作",
            key: "actions",
            width: 80,
            render: (_, r) =>
              r.can.update && (
                <Button type="link" size="small" onClick={() => setTarget({ mode: "edit", record: r })}>
                  修改
                </Button>
              ),
          },
        ]}
      />
      <SiteRecordFormModal
        target={target}
        assignmentId={assignmentId}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </>
  );
}
