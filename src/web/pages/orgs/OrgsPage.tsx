/** 单位管理: the organisation tree, with search, edit, risk class and Excel import. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Input, Popconfirm, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type Key } from "react";
import { api } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { buildOrgTree, filterOrgTree, type OrgNode } from "../../components/orgTree.ts";
import { RiskTag } from "../../components/RiskTag.tsx";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { OrgDrawer } from "./OrgDrawer.tsx";
import { OrgFormModal, type OrgFormTarget } from "./OrgFormModal.tsx";
import { OrgImport } from "./OrgImport.tsx";
import { RiskClassModal } from "./RiskClassModal.tsx";
import type { OrgItem } from "./types.ts";

/** The tree as the table shows it, top-down (for the export). */
const flatTree = (nodes: Array<OrgNode<OrgItem>>): OrgItem[] =>
  nodes.flatMap(({ children, ...o }) => [o as OrgItem, ...flatTree(children ?? [])]);

export default function OrgsPage() {
  const me = useMe();
  const { data, loading, reload } = useGet<{ items: OrgItem[] }>("/api/orgs");
  const [search, setSearch] = useState("");
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const [riskOrg, setRiskOrg] = useState<OrgItem | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const { message } = App.useApp();
  const showError = useApiError();

  const items = useMemo(() => data?.items ?? [], [data]);
  const tree = useMemo(() => {
    const all = buildOrgTree(items);
    const q = search.trim().toLowerCase();
    if (!q) return all;
    return filterOrgTree(all, (o) =>
      [o.name, o.code, o.supervisingLeader, o.partySecretary].some((v) => v?.toLowerCase().includes(q)),
    );
  }, [items, search]);
  const nameOf = useMemo(() => new Map(items.map((o) => [o.id, o.name])), [items]);
  // By default the top two levels are open; while searching everything that matches is open.
  const defaultExpanded = useMemo(() => {
    if (search.trim()) return items.map((o) => o.id);
    return tree.flatMap((n) => [n.id, ...(n.children ?? []).map((c) => c.id)]);
  }, [items, tree, search]);

  const remove = async (o: OrgItem) => {
    try {
      await api.del(`/api/orgs/${o.id}`);
      void message.success(`已删除“${o.name}”`);
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<OrgNode<OrgItem>> = [
    {
      title: "单位名称",
      dataIndex: "name",
      render: (v: string, o) => (
        <Typography.Link onClick={() => setDetailId(o.id)} strong={!o.parentId}>
          {v}
        </Typography.Link>
      ),
    },
    { title: "类型", dataIndex: "kindLabel", width: 130 },
    { title: "分管（联系）领导", dataIndex: "supervisingLeader", width: 140, render: (v: string | null) => v || "—" },
    { title: "党组织书记", dataIndex: "partySecretary", width: 120, render: (v: string | null) => v || "—" },
    {
      title: "村（社区）类别",
      dataIndex: "riskClass",
      width: 130,
      render: (v: string | null, o) => (v ? <RiskTag value={v} label={o.riskClassLabel} /> : "—"),
    },
    {
      title: "操作",
      key: "actions",
      width: 200,
      render: (_, o) => (
        <Space size={0}>
          {o.can.update && (
            <Button type="link" size="small" onClick={() => setForm({ mode: "edit", org: o })}>
              编辑
            </Button>
          )}
          {o.kind === "village" && o.can.setRiskClass && (
            <Button type="link" size="small" onClick={() => setRiskOrg(o)}>
              调整类别
            </Button>
          )}
          {o.can.delete && (
            <Popconfirm
              title={`删除“${o.name}”？`}
              description="删除后不再出现在单位名录中；有下级单位或巡察任务的单位不能删除。"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(o)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="单位管理"
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="搜索单位名称、编码、领导、书记"
            onChange={(e) => {
              setSearch(e.target.value);
              setExpanded(null);
            }}
            style={{ width: 260 }}
          />
          <ExportButton<OrgItem>
            title="被巡察单位"
            rows={flatTree(tree)}
            columns={[
              { title: "单位名称", key: "name" },
              { title: "单位代码", key: "code" },
              { title: "单位类型", key: "kindLabel" },
              { title: "上级单位", text: (o) => (o.parentId ? (nameOf.get(o.parentId) ?? null) : null) },
              { title: "分管（联系）领导", key: "supervisingLeader" },
              { title: "党组织书记", key: "partySecretary" },
              { title: "村（社区）类别", key: "riskClassLabel" },
            ]}
          />
          {me.can.manageOrgs && <OrgImport onImported={reload} />}
          {me.can.manageOrgs && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: "create" })}>
              新增单位
            </Button>
          )}
        </Space>
      }
    >
      <Table<OrgNode<OrgItem>>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{ expandedRowKeys: expanded ?? defaultExpanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
        locale={{ emptyText: search ? "没有符合条件的单位" : "暂无单位，请新增或从 Excel 导入" }}
        scroll={{ x: 900 }}
        footer={() => `共 ${items.length} 个单位`}
      />
      <OrgFormModal target={form} orgs={items} onClose={() => setForm(null)} onSaved={() => (setForm(null), reload())} />
      <RiskClassModal org={riskOrg} onClose={() => setRiskOrg(null)} onSaved={() => (setRiskOrg(null), reload())} />
      <OrgDrawer orgId={detailId} onClose={() => setDetailId(null)} />
    </Card>
  );
}
