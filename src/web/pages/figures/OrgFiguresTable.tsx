/** The figures by organisation as a table, each row linking to that organisation's ledger. */
import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { withQuery } from "../../api.ts";
import { percent } from "../../components/format.ts";
import type { OrgFigures } from "./types.ts";

export function OrgFiguresTable({ items, roundId }: { items: OrgFigures[]; roundId?: string }) {
  const columns: ColumnsType<OrgFigures> = [
    { title: "单位", dataIndex: "orgName", fixed: "left", width: 200 },
    {
      title: "台账总数",
      key: "total",
      align: "right",
      width: 90,
      render: (_, r) => r.figures.total,
      sorter: (a, b) => a.figures.total - b.figures.total,
    },
    { title: "已销号", key: "done", align: "right", width: 80, render: (_, r) => r.figures.done },
    { title: "待销号", key: "asked", align: "right", width: 80, render: (_, r) => r.figures.byStatus.close_requested },
    { title: "取得明显成效", key: "sig", align: "right", width: 110, render: (_, r) => r.figures.significantProgress },
    { title: "其他未完成", key: "ongoing", align: "right", width: 100, render: (_, r) => r.figures.ongoing },
    {
      title: "逾期",
      key: "overdue",
      align: "right",
      width: 70,
      render: (_, r) => (r.figures.overdue ? <Typography.Text type="danger">{r.figures.overdue}</Typography.Text> : 0),
      sorter: (a, b) => a.figures.overdue - b.figures.overdue,
    },
    {
      title: "完成率",
      key: "doneRate",
      align: "right",
      width: 90,
      render: (_, r) => percent(r.figures.doneRate),
      sorter: (a, b) => (a.figures.doneRate ?? -1) - (b.figures.doneRate ?? -1),
    },
    {
      title: "完成及明显成效率",
      key: "dosRate",
      align: "right",
      width: 140,
      render: (_, r) => percent(r.figures.doneOrSignificantRate),
      sorter: (a, b) => (a.figures.doneOrSignificantRate ?? -1) - (b.figures.doneOrSignificantRate ?? -1),
    },
    {
      title: "操作",
      key: "link",
      width: 100,
      render: (_, r) => <Link to={withQuery("/ledger", { orgId: r.orgId, roundId })}>查看台账</Link>,
    },
  ];
  return (
    <Table<OrgFigures>
      rowKey="orgId"
      size="middle"
      columns={columns}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个单位` } : false}
      scroll={{ x: 1060 }}
      locale={{ emptyText: "暂无数据" }}
    />
  );
}
