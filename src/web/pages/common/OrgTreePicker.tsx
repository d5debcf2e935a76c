/** An organisation tree with check boxes, for a campaign's targets: every organisation, inspected or not. */
import { Button, Input, Space, Switch, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo, useState, type Key } from "react";
import { buildOrgTree, filterOrgTree, type OrgNode } from "../../components/orgTree.ts";
import type { OrgOption } from "./types.ts";

interface Props {
  options: OrgOption[];
  /** Organisations already targeted: shown, not selectable. */
  taken?: ReadonlySet<string>;
  value?: string[];
  onChange?: (ids: string[]) => void;
}

export function OrgTreePicker({ options, taken, value = [], onChange }: Props) {
  const [search, setSearch] = useState("");
  const [cascade, setCascade] = useState(true);
  const selectable = useMemo(() => options.filter((o) => !taken?.has(o.id)), [options, taken]);

  const tree = useMemo(() => {
    const all = buildOrgTree(options);
    const q = search.trim();
    const shown = q ? filterOrgTree(all, (o) => o.name.includes(q)) : all;
    const conv = (n: OrgNode<OrgOption>): DataNode => ({
      key: n.id,
      disableCheckbox: taken?.has(n.id),
      title: (
        <Space size={4}>
          {n.name}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.kindLabel}
          </Typography.Text>
          {!n.inspected && <Tag color="orange">未巡察</Tag>}
          {taken?.has(n.id) && <Tag>已部署</Tag>}
        </Space>
      ),
      children: n.children?.map(conv),
    });
    return shown.map(conv);
  }, [options, search, taken]);

  const set = (ids: string[]) => onChange?.(ids.filter((id) => !taken?.has(id)));
  // A partial pick is shown as picked: without cascading, a parent's check does not spread to its children.
  const pick = (orgs: OrgOption[]) => {
    setCascade(false);
    set(orgs.map((o) => o.id));
  };
  const inspectedCount = value.filter((id) => options.find((o) => o.id === id)?.inspected).length;

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Input.Search allowClear placeholder="搜索单位" style={{ width: 200 }} onChange={(e) => setSearch(e.target.value)} />
        <Button size="small" onClick={() => set(selectable.map((o) => o.id))}>
          全选
        </Button>
        <Button size="small" onClick={() => pick(selectable.filter((o) => !o.inspected))}>
          仅未巡察单位
        </Button>
        <Button size="small" onClick={() => pick(selectable.filter((o) => o.inspected))}>
          仅已巡察单位
        </Button>
        <Button size="small" onClick={() => set([])}>
          清空
        </Button>
        <Space size={4}>
          <Switch size="small" checked={cascade} onChange={setCascade} />
          <Typography.Text>勾选时包含下级</Typography.Text>
        </Space>
      </Space>
      <div style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: 8 }}>
        {/* Remounted when the options arrive or the search changes, so that everything shown is expanded. */}
        <Tree
          key={`${options.length}:${search}`}
          checkable
          selectable={false}
          checkStrictly={!cascade}
          defaultExpandAll
          height={320}
          treeData={tree}
          checkedKeys={value}
          onCheck={(checked) => {
            const keys: Key[] = Array.isArray(checked) ? checked : checked.checked;
            set(keys.map(String));
          }}
        />
      </div>
      <Typography.Text type="secondary">
        已选 {value.length} 个单位（已巡察 {inspectedCount} 个，未巡察 {value.length - inspectedCount} 个）
      </Typography.Text>
    </Space>
  );
}
