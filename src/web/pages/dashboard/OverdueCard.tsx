/** 逾期未完成整改: the organisations with rows open past their deadline, most first; each count lists its rows. */
import { Alert, Button, Card, Table, Typography } from "antd";
import type { StatGroup } from "../../../domain/stats.ts";
import { groupTarget, type DrillTarget } from "./drill.ts";
import { CountLink } from "./StatTable.tsx";
import type { StatState } from "./useStat.ts";

export function OverdueCard({ stat, onDrill }: { stat: StatState; onDrill: (t: DrillTarget) => void }) {
  const r = stat.data;
  const overdue = r?.measures.find((m) => m.key === "overdue");
  const groups = [...(r?.groups ?? [])]
    .filter((g) => (g.values.overdue ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.values.overdue ?? 0) - (a.values.overdue ?? 0) || (b.values.maxDaysOverdue ?? 0) - (a.values.maxDaysOverdue ?? 0),
    );
  return (
    <Card size="small" title={r?.title ?? "逾期未完成整改"} data-testid="stat-overdue" style={{ height: "100%" }}>
      {stat.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`逾期情况加载失败：${stat.error}`}
          action={
            <Button size="small" onClick={stat.reload}>
              重试
            </Button>
          }
        />
      )}
      <Table<StatGroup>
        rowKey="key"
        size="small"
        loading={stat.loading}
        dataSource={groups}
        locale={{ emptyText: "暂无数据" }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, size: "small" }}
        columns={[
          { title: "单位", dataIndex: "label", ellipsis: true },
          {
            title: "逾期条数",
            key: "overdue",
            width: 96,
            align: "right",
            render: (_, g) =>
              r && overdue ? (
                <CountLink value={g.values.overdue} measure={overdue} target={groupTarget(r, g, "overdue")} onDrill={onDrill} />
              ) : null,
          },
          {
            title: "最长逾期",
            key: "maxDaysOverdue",
            width: 96,
            align: "right",
            render: (_, g) => {
              const d = g.values.maxDaysOverdue;
              return d === null || d === undefined ? (
                "—"
              ) : (
                <Typography.Text type={d > 30 ? "danger" : "warning"} data-measure="maxDaysOverdue">
                  {d} 天
                </Typography.Text>
              );
            },
          },
        ]}
      />
      {r && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          截至 {r.asOf}：未销号且已超过整改时限的条目，按逾期条数排列。
        </Typography.Text>
      )}
    </Card>
  );
}
