/** A common problem in detail: its findings by organisation, its campaigns with their responses, and the actions. */
import { DeleteOutlined, MailOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Collapse, Descriptions, Drawer, Empty, List, Popconfirm, Result, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../../api.ts";
import { fmtDate } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { CampaignPanel } from "./CampaignPanel.tsx";
import type { CampaignDetail, CommonProblem, CommonProblemDetail, FindingRef } from "./types.ts";

interface Props {
  problemId: string | null;
  /** Bumped when a campaign changed (launched, targets added): the drawer and its panels reload. */
  reloadKey: number;
  onClose: () => void;
  onChanged: () => void;
  onEdit: (p: CommonProblem) => void;
  onLaunch: (p: CommonProblem) => void;
  onAddTargets: (d: CampaignDetail) => void;
}

function byOrg(findings: FindingRef[]) {
  const groups = new Map<string, { orgName: string; items: FindingRef[] }>();
  for (const f of findings) {
    const g = groups.get(f.orgId) ?? { orgName: f.orgName, items: [] };
    g.items.push(f);
    groups.set(f.orgId, g);
  }
  return [...groups.entries()];
}

export function ProblemDrawer({ problemId, reloadKey, onClose, onChanged, onEdit, onLaunch, onAddTargets }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const { data, loading, failed, reload } = useGet<CommonProblemDetail>(problemId ? `/api/common-problems/${problemId}` : null, {
    quietWhenEmpty: true,
  });
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  const detail = data && data.problem.id === problemId ? data : undefined;
  const orgs = useMemo(() => byOrg(detail?.findings ?? []), [detail]);

  const remove = async (f: FindingRef) => {
    try {
      await api.del(`/api/common-problems/${problemId}/findings/${f.id}`);
      void message.success(`已移出：${f.orgName}的问题`);
      reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  let body;
  if (!detail) {
    body = failed ? (
      <Result status="warning" title="无法加载该共性问题" />
    ) : (
      <Spin style={{ display: "block", margin: "80px auto" }} />
    );
  } else {
    const { problem: p } = detail;
    body = (
      <Spin spinning={loading}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="问题类别">{p.categoryLabel ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="涉及职能部门">{p.department ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="涉及单位">{p.orgCount} 个</Descriptions.Item>
          <Descriptions.Item label="归入问题">{p.findingCount} 条</Descriptions.Item>
          <Descriptions.Item label="说明" span={2}>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
              {p.description ?? "—"}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          各单位的问题
        </Typography.Title>
        {orgs.map(([orgId, g]) => (
          <List<FindingRef>
            key={orgId}
            size="small"
            header={<Typography.Text strong>{g.orgName}</Typography.Text>}
            dataSource={g.items}
            style={{ marginBottom: 8 }}
            renderItem={(f) => (
              <List.Item
                actions={
                  p.can.update
                    ? [
                        <Popconfirm key="remove" title="将该问题移出共性问题？" okText="移出" onConfirm={() => remove(f)}>
                          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                            移出
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text>{f.text}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.roundName} · {f.categoryLabel}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ))}
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          同类同改部署
        </Typography.Title>
        {detail.campaigns.length === 0 ? (
          <Empty description="尚未部署同类同改或未巡先改" />
        ) : (
          <Collapse
            defaultActiveKey={[detail.campaigns[0]!.id]}
            items={detail.campaigns.map((c) => ({
              key: c.id,
              label: (
                <Space wrap>
                  <Tag color={c.kind === "fix_alike" ? "blue" : "purple"}>{c.kindLabel}</Tag>
                  {c.title}
                  <Typography.Text type="secondary">
                    {fmtDate(c.launchedOn)} 部署 · 已销号 {c.counts.closed}/{c.counts.total}
                    {c.counts.overdue > 0 ? ` · 逾期 ${c.counts.overdue}` : ""}
                  </Typography.Text>
                </Space>
              ),
              children: <CampaignPanel campaignId={c.id} reloadKey={reloadKey} onAddTargets={onAddTargets} />,
            }))}
          />
        )}
      </Spin>
    );
  }

  const p = detail?.problem;
  return (
    <Drawer
      open={problemId !== null}
      onClose={onClose}
      width={920}
      title={p ? p.title : "共性问题"}
      extra={
        p &&
        p.can.update && (
          <Space>
            <Button onClick={() => onEdit(p)}>修改</Button>
            <Button icon={<MailOutlined />} onClick={() => navigate(`/letters?new=recommendation&commonProblemId=${p.id}`)}>
              发巡察建议书
            </Button>
            {p.can.launchCampaign && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => onLaunch(p)}>
                部署同类同改
              </Button>
            )}
          </Space>
        )
      }
    >
      {body}
    </Drawer>
  );
}
