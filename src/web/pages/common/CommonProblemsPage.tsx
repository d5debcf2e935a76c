/**
 * 共性问题: the common-problem list (problems seen in several organisations, with their fix-alike campaigns) and,
 * for the office, proposals of similar findings to list. Each problem opens in a drawer.
 */
import { Card, Space, Statistic, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { fmtDate } from "../../components/format.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { CampaignFormModal, type CampaignFormTarget } from "./CampaignFormModal.tsx";
import { CandidatesTab } from "./CandidatesTab.tsx";
import { ProblemDrawer } from "./ProblemDrawer.tsx";
import { ProblemFormModal, type ProblemFormTarget } from "./ProblemFormModal.tsx";
import type { CommonProblem } from "./types.ts";

export default function CommonProblemsPage() {
  const me = useMe();
  const office = me.can.manageRounds;
  const list = useGet<{ items: CommonProblem[] }>("/api/common-problems");
  const [tab, setTab] = useState("list");
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<ProblemFormTarget | null>(null);
  const [campaignForm, setCampaignForm] = useState<CampaignFormTarget | null>(null);
  // Bumped after each change, so the drawer, its campaign panels and the proposals reload.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    list.reload();
  };

  const items = list.data?.items ?? [];
  const orgTotal = items.reduce((s, p) => s + p.orgCount, 0);
  const campaignTotal = items.reduce((s, p) => s + p.campaignCount, 0);

  const listTab = (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Space size="large" wrap>
          <Statistic title="共性问题" value={items.length} suffix="个" valueStyle={{ fontSize: 18 }} />
          <Statistic title="涉及单位（人次）" value={orgTotal} valueStyle={{ fontSize: 18 }} />
          <Statistic title="同类同改部署" value={campaignTotal} suffix="次" valueStyle={{ fontSize: 18 }} />
        </Space>
        <div style={{ float: "right" }}>
          <ExportButton<CommonProblem>
            title="共性问题清单"
            rows={items}
            columns={[
              { title: "共性问题", key: "title" },
              { title: "说明", key: "description" },
              { title: "类别", key: "categoryLabel" },
              { title: "涉及职能部门", key: "department" },
              { title: "涉及单位（个）", key: "orgCount" },
              { title: "问题（条）", key: "findingCount" },
              { title: "同类同改（次）", key: "campaignCount" },
              { title: "列入日期", text: (p) => fmtDate(p.createdAt) },
            ]}
          />
        </div>
      </Card>
      <Table<CommonProblem>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: office ? "暂无共性问题，可在“相似问题推荐”中采纳" : "暂无共性问题" }}
        onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: "共性问题",
            dataIndex: "title",
            render: (v: string) => <Typography.Link>{v}</Typography.Link>,
          },
          {
            title: "类别",
            dataIndex: "categoryLabel",
            width: 140,
            render: (v: string | null) => (v ? <Tag>{v}</Tag> : "—"),
          },
          { title: "涉及职能部门", dataIndex: "department", width: 160, render: (v: string | null) => v ?? "—" },
          { title: "涉及单位", dataIndex: "orgCount", width: 100, align: "right", render: (v: number) => `${v} 个` },
          { title: "问题", dataIndex: "findingCount", width: 90, align: "right", render: (v: number) => `${v} 条` },
          {
            title: "同类同改",
            dataIndex: "campaignCount",
            width: 100,
            align: "right",
            render: (v: number) => (v ? `${v} 次` : <Typography.Text type="secondary">未部署</Typography.Text>),
          },
          { title: "列入日期", dataIndex: "createdAt", width: 120, render: (v: string) => fmtDate(v) },
        ]}
      />
    </Space>
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "list", label: "共性问题清单", children: listTab },
          ...(office
            ? [
                {
                  key: "candidates",
                  label: "相似问题推荐",
                  children: <CandidatesTab reloadKey={changes} onAccept={(group) => setForm({ mode: "create", group })} />,
                },
              ]
            : []),
        ]}
      />
      <ProblemDrawer
        problemId={openId}
        reloadKey={changes}
        onClose={() => setOpenId(null)}
        onChanged={changed}
        onEdit={(problem) => setForm({ mode: "edit", problem })}
        onLaunch={(problem) => setCampaignForm({ mode: "launch", problem })}
        onAddTargets={(d) => setCampaignForm({ mode: "add", campaign: d.campaign, takenOrgIds: d.targets.map((t) => t.orgId) })}
      />
      <ProblemFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(id) => {
          const created = form?.mode === "create";
          setForm(null);
          changed();
          if (created) {
            setTab("list");
            setOpenId(id);
          }
        }}
      />
      <CampaignFormModal
        target={campaignForm}
        onClose={() => setCampaignForm(null)}
        onSaved={() => {
          setCampaignForm(null);
          changed();
        }}
      />
    </>
  );
}
