/** The ledger list's filters: 单位, 轮次, 销号状态, 整改进展, 只看逾期, keyword (lists shown only when the user may read them). */
import { Input, Select, Space, Switch, Tag, TreeSelect, Typography } from "antd";
import { useMemo } from "react";
import { LEDGER_STATUSES, LEDGER_STATUS_LABELS, PROGRESS_LABELS, PROGRESS_STATES } from "../../../domain/ledger.ts";
import { orgTreeSelectData, type FlatOrg } from "../../components/orgTree.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import type { LedgerFilters } from "./types.ts";

interface Props {
  value: LedgerFilters;
  onChange: (next: LedgerFilters) => void;
}

export function LedgerFilterBar({ value, onChange }: Props) {
  const me = useMe();
  // Org contacts may not list orgs or rounds: the filters are then left out rather than refused.
  const orgs = useGet<{ items: FlatOrg[] }>(me.can.viewOrgs ? "/api/orgs" : null);
  const rounds = useGet<{ items: Array<{ id: string; name: string }> }>(me.can.viewRounds ? "/api/rounds" : null);
  const orgTree = useMemo(() => orgTreeSelectData(orgs.data?.items ?? []), [orgs.data]);
  const set = (patch: Partial<LedgerFilters>) => onChange({ ...value, ...patch });

  return (
    <Space wrap size={[12, 8]}>
      {me.can.viewOrgs && (
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="单位"
          style={{ width: 220 }}
          loading={orgs.loading}
          treeData={orgTree}
          treeDefaultExpandAll
          popupMatchSelectWidth={320}
          value={value.orgId}
          onChange={(v?: string) => set({ orgId: v || undefined })}
        />
      )}
      {me.can.viewRounds && (
        <Select
          allowClear
          placeholder="巡察轮次"
          style={{ width: 200 }}
          loading={rounds.loading}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={value.roundId}
          onChange={(v?: string) => set({ roundId: v || undefined })}
        />
      )}
      <Select
        allowClear
        placeholder="销号状态"
        style={{ width: 120 }}
        options={LEDGER_STATUSES.map((s) => ({ value: s, label: LEDGER_STATUS_LABELS[s] }))}
        value={value.status}
        onChange={(v) => set({ status: v || undefined })}
      />
      <Select
        allowClear
        placeholder="整改进展"
        style={{ width: 140 }}
        options={PROGRESS_STATES.map((s) => ({ value: s, label: PROGRESS_LABELS[s] }))}
        value={value.progress}
        onChange={(v) => set({ progress: v || undefined })}
      />
      <Space size={6}>
        <Switch size="small" checked={!!value.overdue} onChange={(v) => set({ overdue: v || undefined })} />
        <Typography.Text>只看逾期</Typography.Text>
      </Space>
      <Input.Search
        allowClear
        placeholder="搜索问题、措施、责任人、部门"
        style={{ width: 260 }}
        defaultValue={value.q}
        key={value.q ?? ""}
        onSearch={(q) => set({ q: q.trim() || undefined })}
      />
      {value.orgId && !me.can.viewOrgs && (
        <Tag closable color="blue" onClose={() => set({ orgId: undefined })}>
          仅显示该单位的台账
        </Tag>
      )}
      {value.assignmentId && (
        <Tag closable color="blue" onClose={() => set({ assignmentId: undefined })}>
          仅显示该巡察任务的台账
        </Tag>
      )}
    </Space>
  );
}
