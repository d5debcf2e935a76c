/** One campaign: what was asked, the response-progress bar and each target organisation's self-check row. */
import { Button, Descriptions, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { Chart } from "../../components/Chart.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { responseOption } from "./chartOptions.ts";
import type { CampaignDetail, CampaignTarget } from "./types.ts";

const RESPONSE_COLORS: Record<string, string> = {
  not_started: "default",
  in_progress: "processing",
  close_requested: "warning",
  closed: "success",
};

export function CampaignPanel({
  campaignId,
  reloadKey,
  onAddTargets,
}: {
  campaignId: string;
  /** Changes when the campaign changed elsewhere (targets added), so the panel reloads. */
  reloadKey: number;
  onAddTargets: (detail: CampaignDetail) => void;
}) {
  const { data, loading, reload } = useGet<CampaignDetail>(`/api/campaigns/${campaignId}`);
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  const option = useMemo(() => (data ? responseOption(data.campaign.counts, "各单位响应情况（单位数）") : null), [data]);
  if (!data || !option) return <Spin style={{ display: "block", margin: "24px auto" }} />;
  const { campaign: c, targets } = data;
  const done = c.counts.closed;

  return (
    <Spin spinning={loading}>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="类型">
          <Tag color={c.kind === "fix_alike" ? "blue" : "purple"}>{c.kindLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="部署日期">{fmtDate(c.launchedOn)}</Descriptions.Item>
        <Descriptions.Item label="整改时限">{fmtDate(c.dueDate)}</Descriptions.Item>
        <Descriptions.Item label="已销号">
          {done} / {c.counts.total} 个单位
        </Descriptions.Item>
        <Descriptions.Item label="自查整改要求" span={2}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>{c.instructions}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Chart option={option} height={220} />
      <Space style={{ margin: "12px 0", justifyContent: "space-between", width: "100%" }}>
        <Typography.Text strong>部署单位（{targets.length}）</Typography.Text>
        {c.can.addTargets && (
          <Button size="small" onClick={() => onAddTargets(data)}>
            追加单位
          </Button>
        )}
      </Space>
      <Table<CampaignTarget>
        rowKey="id"
        size="small"
        dataSource={targets}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: "单位", dataIndex: "orgName" },
          { title: "类型", dataIndex: "orgKindLabel", width: 110 },
          {
            title: "巡察情况",
            dataIndex: "inspected",
            width: 90,
            render: (v: boolean) => (v ? <Tag color="green">已巡察</Tag> : <Tag color="orange">未巡察</Tag>),
          },
          { title: "条目", dataIndex: "seqLabel", width: 70 },
          { title: "整改进展", dataIndex: "progressLabel", width: 100 },
          {
            title: "响应情况",
            dataIndex: "responseLabel",
            width: 110,
            render: (v: string, t) => <Tag color={RESPONSE_COLORS[t.response]}>{v}</Tag>,
          },
          {
            title: "时限",
            dataIndex: "deadline",
            width: 130,
            render: (v: string | null, t) => (
              <Space size={4}>
                {fmtDate(v)}
                {t.overdue && <Tag color="red">逾期</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Spin>
  );
}
