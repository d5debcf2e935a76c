/**
 * An organisation picker over the whole tree (it loads /api/orgs itself). Inside a Form.Item, which passes value and
 * onChange; `onPick` also hands over the organisation chosen (e.g. to fill in its name elsewhere).
 */
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { orgTreeSelectData, type FlatOrg } from "./orgTree.ts";
import { useGet } from "./useGet.ts";

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPick?: (org: FlatOrg | undefined) => void;
  /** Optional field: a clear button and "可不选". */
  optional?: boolean;
  placeholder?: string;
}

export function OrgTreeSelect({ value, onChange, onPick, optional, placeholder }: Props) {
  const orgs = useGet<{ items: FlatOrg[] }>("/api/orgs");
  const items = orgs.data?.items;
  const tree = useMemo(() => orgTreeSelectData(items ?? []), [items]);
  return (
    <TreeSelect
      value={value}
      treeData={tree}
      allowClear={optional}
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder ?? (optional ? "可不选" : "请选择")}
      loading={orgs.loading}
      treeDefaultExpandAll={(items?.length ?? 0) < 40}
      notFoundContent="暂无单位"
      popupMatchSelectWidth={false}
      onChange={(id?: string) => {
        onChange?.(id);
        onPick?.(items?.find((o) => o.id === id));
      }}
    />
  );
}
