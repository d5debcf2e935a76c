/**
 * 整改台账: the ledger rows the user may see, filtered (state kept in the URL), with batch actions and a detail drawer.
 * With one assignment or organisation chosen, the same rows also show as 问题清单 / 任务清单 / 责任清单 (?view=).
 */
import { Card, Segmented, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { LEDGER_STATUSES, PROGRESS_STATES, type LedgerStatus, type ProgressState } from "../../../domain/ledger.ts";
import { withQuery } from "../../api.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useGet } from "../../components/useGet.ts";
import { DeadlineText, ProgressTag, StatusBadge } from "./badges.tsx";
import { BatchBar } from "./BatchBar.tsx";
import { LedgerDrawer } from "./LedgerDrawer.tsx";
import { LedgerFilterBar } from "./LedgerFilterBar.tsx";
import { LedgerViews, type LedgerViewKind } from "./LedgerViews.tsx";
import type { LedgerFilters, LedgerPageData, LedgerRow } from "./types.ts";

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
const isUuid = (v: string | null): string | undefined => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
const posInt = (v: string | null, fallback: number): number => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : fallback);

const VIEWS: readonly LedgerViewKind[] = ["problems", "tasks", "responsibilities"];
const VIEW_OPTIONS = [
  { value: "list", label: "台账列表" },
  { value: "problems", label: "问题清单" },
  { value: "tasks", label: "任务清单" },
  { value: "responsibilities", label: "责任清单" },
];
/** The views group one assignment's or one organisation's rows: they need one of the two chosen. */
const scoped = (f: LedgerFilters) => !!(f.assignmentId || f.orgId);

function filtersOf(p: URLSearchParams): LedgerFilters {
  return {
    orgId: isUuid(p.get("orgId")),
    roundId: isUuid(p.get("roundId")),
    assignmentId: isUuid(p.get("assignmentId")),
    status: oneOf<LedgerStatus>(LEDGER_STATUSES, p.get("status")),
    progress: oneOf<ProgressState>(PROGRESS_STATES, p.get("progress")),
    overdue: p.get("overdue") === "true" || undefined,
    q: p.get("q")?.trim() || undefined,
  };
}

const clip = (v: string | null, lines = 2) =>
  v ? (
    <Typography.Paragraph ellipsis={{ rows: lines, tooltip: v }} style={{ marginBottom: 0 }}>
      {v}
    </Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">未填写</Typography.Text>
  );

const columns: ColumnsType<LedgerRow> = [
  { title: "序号", dataIndex: "seqLabel", width: 60, fixed: "left" },
  { title: "单位", dataIndex: "orgName", width: 130, render: (v: string) => clip(v) },
  {
    title: "问题",
    dataIndex: "text",
    width: 260,
    render: (v: string, r) => (
      <Tooltip title={`${r.aspectTitle} › ${r.problemText}`} placement="topLeft">
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          {v}
        </Typography.Paragraph>
      </Tooltip>
    ),
  },
  { title: "整改措施", dataIndex: "measures", width: 220, render: (v: string | null) => clip(v) },
  { title: "责任领导", dataIndex: "responsibleLeader", width: 90, render: (v: string | null) => v || "—" },
  { title: "责任部门", dataIndex: "responsibleDepartment", width: 110, render: (v: string | null) => v || "—" },
  {
    title: "整改时限",
    dataIndex: "deadline",
    width: 145,
    render: (v: string | null, r) => <DeadlineText deadline={v} overdue={r.overdue} />,
  },
  { title: "类型", dataIndex: "kindLabel", width: 84, render: (v: string | null) => v || "—" },
  // Where a row stands stays in sight when the table scrolls sideways.
  {
    title: "进展",
    dataIndex: "progressLabel",
    width: 116,
    fixed: "right",
    render: (v: string, r) => <ProgressTag progress={r.progress} label={v} />,
  },
  {
    title: "状态",
    dataIndex: "statusLabel",
    width: 86,
    fixed: "right",
    render: (v: string, r) => <StatusBadge status={r.status} label={v} />,
  },
  { title: "佐证", dataIndex: "evidenceCount", width: 56, align: "right", fixed: "right" },
  {
    title: "反弹",
    dataIndex: "relapseCount",
    width: 56,
    align: "right",
    fixed: "right",
    render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
  },
];

export default function LedgerPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const page = posInt(params.get("page"), 1);
  const pageSize = Math.min(posInt(params.get("pageSize"), 20), 200);
  const view = scoped(filters) ? oneOf<LedgerViewKind>(VIEWS, params.get("view")) : undefined;
  const [viewTick, setViewTick] = useState(0);
  const { data, loading, reload } = useGet<LedgerPageData>(
    view ? null : withQuery("/api/ledger", { ...filters, page, pageSize }),
  );
  const [selected, setSelected] = useState<LedgerRow[]>([]);
  // ?open=<rowId> (from the feedback tab) opens that row's drawer on arrival.
  const [openId, setOpenId] = useState<string | null>(() => isUuid(params.get("open")) ?? null);
  // Selected rows from this page take their fresh abilities after a reload.
  const current = selected.map((s) => data?.items.find((i) => i.id === s.id) ?? s);

  const apply = (next: LedgerFilters, nextPage = 1, nextSize = pageSize, nextView = view) => {
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== "") q[k] = String(v);
    if (nextView && scoped(next)) q.view = nextView;
    if (nextPage > 1) q.page = String(nextPage);
    if (nextSize !== 20) q.pageSize = String(nextSize);
    setParams(q);
  };
  const closeDrawer = () => {
    setOpenId(null);
    if (params.has("open")) apply(filters, page, pageSize);
  };
  const changeFilters = (next: LedgerFilters) => {
    setSelected([]);
    apply(next);
  };

  return (
    <Card
      title="整改台账"
      styles={{ body: { paddingBottom: 0 } }}
      extra={<ExportButton title="整改台账" href={withQuery("/api/ledger/export.xlsx", { ...filters })} />}
    >
      <div style={{ marginBottom: 16 }}>
        <LedgerFilterBar value={filters} onChange={changeFilters} />
      </div>
      {scoped(filters) && (
        <Segmented
          style={{ marginBottom: 16 }}
          value={view ?? "list"}
          options={VIEW_OPTIONS}
          onChange={(v) => {
            setSelected([]);
            apply(filters, 1, pageSize, v === "list" ? undefined : (v as LedgerViewKind));
          }}
        />
      )}
      {view ? (
        <LedgerViews key={viewTick} kind={view} filters={filters} onOpen={setOpenId} />
      ) : (
        <>
          <Table<LedgerRow>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1460 }}
            rowSelection={{
              preserveSelectedRowKeys: true,
              selectedRowKeys: selected.map((r) => r.id),
              onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
            }}
            onRow={(r) => ({
              onClick: (e) => {
                if ((e.target as HTMLElement).closest(".ant-table-selection-column")) return;
                setOpenId(r.id);
              },
              style: { cursor: "pointer" },
            })}
            locale={{
              emptyText: Object.values(filters).some(Boolean) ? "没有符合条件的台账条目" : "暂无台账条目（登记反馈意见后生成）",
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, s) => apply(filters, s !== pageSize ? 1 : p, s),
            }}
          />
          <BatchBar
            selected={current}
            onClear={() => setSelected([])}
            onDone={() => {
              setSelected([]);
              reload();
            }}
          />
          <div style={{ height: 16 }} />
        </>
      )}
      <LedgerDrawer rowId={openId} onClose={closeDrawer} onChanged={view ? () => setViewTick((n) => n + 1) : reload} />
    </Card>
  );
}
