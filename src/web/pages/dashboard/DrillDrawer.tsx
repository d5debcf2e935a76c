/**
 * The records one count stands for (GET /api/stats/:figure/records?group=&measure=&…filter), in a drawer titled with
 * what was clicked: "整改完成率（按轮次）· 2024年第一轮 · 已完成 · 14 条". A record with a page of its own links to it.
 */
import { Alert, Drawer, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import type { StatFilter, StatRecords } from "../../../domain/stats.ts";
import { ApiError, api, withQuery } from "../../api.ts";
import { drillTitle, type DrillTarget } from "./drill.ts";
import { filterQuery } from "./filter.ts";

type Item = StatRecords["items"][number];

interface Props {
  target: DrillTarget | null;
  filter: StatFilter;
  filterText: string;
  onClose: () => void;
}

const PAGE_SIZE = 20;

/** The records of a count, one page; a total over every group is asked for as group "*". */
export const recordsUrl = (t: DrillTarget, filter: StatFilter, page: number): string =>
  withQuery(`/api/stats/${t.figure}/records`, {
    group: t.group?.key ?? "*",
    measure: t.measure.key,
    ...filterQuery(filter),
    page,
    pageSize: PAGE_SIZE,
  });

const cellText = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));

export function DrillDrawer({ target, filter, filterText, onClose }: Props) {
  const [paging, setPaging] = useState<{ target: DrillTarget | null; page: number }>({ target: null, page: 1 });
  // Another count opens at its first page.
  const page = paging.target === target ? paging.page : 1;
  const url = target ? recordsUrl(target, filter, page) : null;
  const [loaded, setLoaded] = useState<{
    url: string;
    target: DrillTarget;
    data?: StatRecords;
    error?: string;
  } | null>(null);
  useEffect(() => {
    if (!url || !target) return;
    let live = true;
    api.get<StatRecords>(url).then(
      (data) => live && setLoaded({ url, target, data }),
      (e: unknown) => live && setLoaded({ url, target, error: e instanceof ApiError ? e.message : "明细加载失败，请稍后重试" }),
    );
    return () => {
      live = false;
    };
  }, [url, target]);
  const mine = loaded && loaded.url === url ? loaded : null;
  // While another page loads, the previous page stays (with the table's spinner).
  const data = mine?.data ?? (loaded?.target === target ? loaded?.data : undefined);

  // Cells wrap rather than cut: the problem's text is what the reader came for.
  const columns: ColumnsType<Item> = (data?.columns ?? []).map((c, i) => ({
    title: c.title,
    key: c.key,
    onCell: () => ({ style: { minWidth: i === 0 ? 120 : 72, verticalAlign: "top" } }),
    render: (_: unknown, item: Item) => {
      const text = cellText(item.cells[c.key]);
      // Short values (dates, states, numbers) stay on one line; long text wraps.
      const shown = text.length <= 12 ? <span style={{ whiteSpace: "nowrap" }}>{text}</span> : text;
      // The first column names the record: a link to where it is seen in the app.
      return i === 0 && item.href ? <Link to={item.href}>{shown}</Link> : shown;
    },
  }));

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      width={1100}
      destroyOnHidden
      title={target ? drillTitle(target, data?.total ?? target.count) : ""}
    >
      {target && (
        <>
          {filterText && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              筛选条件：{filterText}
            </Typography.Paragraph>
          )}
          {mine?.error ? (
            <Alert type="error" showIcon message={`明细加载失败：${mine.error}`} />
          ) : (
            <Table<Item>
              rowKey="id"
              size="small"
              loading={!mine}
              columns={columns}
              dataSource={data?.items ?? []}
              locale={{ emptyText: "暂无数据" }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                showTotal: (n) => `共 ${n} 条`,
                onChange: (p) => setPaging({ target, page: p }),
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
