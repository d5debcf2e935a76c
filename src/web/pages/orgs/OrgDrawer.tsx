/** An organisation's details and its village-class history (newest first). */
import { Descriptions, Drawer, Empty, Spin, Timeline, Typography } from "antd";
import { fmtDate, fmtDateTime } from "../../components/format.ts";
import { RiskTag } from "../../components/RiskTag.tsx";
import { useGet } from "../../components/useGet.ts";
import type { OrgItem, RiskHistoryItem } from "./types.ts";

export function OrgDrawer({ orgId, onClose }: { orgId: string | null; onClose: () => void }) {
  const { data, loading } = useGet<{ org: OrgItem; riskHistory: RiskHistoryItem[] }>(orgId ? `/api/orgs/${orgId}` : null);
  const org = data?.org.id === orgId ? data.org : undefined;
  const history = org
    ? [...(data?.riskHistory ?? [])].sort(
        (a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.localeCompare(a.createdAt),
      )
    : [];

  return (
    <Drawer open={orgId !== null} onClose={onClose} title={org?.name ?? "单位详情"} width={520}>
      {!org ? (
        loading ? (
          <Spin />
        ) : (
          <Empty description="未找到该单位" />
        )
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="单位名称">{org.name}</Descriptions.Item>
            <Descriptions.Item label="单位编码">{org.code || "—"}</Descriptions.Item>
            <Descriptions.Item label="单位类型">{org.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="分管（联系）领导">{org.supervisingLeader || "—"}</Descriptions.Item>
            <Descriptions.Item label="党组织书记">{org.partySecretary || "—"}</Descriptions.Item>
            {org.kind === "village" && (
              <Descriptions.Item label="村（社区）类别">
                {org.riskClass ? <RiskTag value={org.riskClass} label={org.riskClassLabel} /> : "未设置"}
              </Descriptions.Item>
            )}
          </Descriptions>
          {org.kind === "village" && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                类别调整记录
              </Typography.Title>
              {history.length ? (
                <Timeline
                  items={history.map((h, i) => ({
                    color: h.riskClass === "focus" ? "red" : h.riskClass === "watch" ? "orange" : "gray",
                    children: (
                      <>
                        <div>
                          {fmtDate(h.effectiveFrom)} 起 <RiskTag value={h.riskClass} label={h.label} />
                          {i === 0 && <Typography.Text type="secondary">（现行）</Typography.Text>}
                        </div>
                        {h.reason && <div>{h.reason}</div>}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          登记于 {fmtDateTime(h.createdAt)}
                        </Typography.Text>
                      </>
                    ),
                  }))}
                />
              ) : (
                <Empty description="暂无类别调整记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
