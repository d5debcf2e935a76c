/** A figure as a table (groups × measures, the totals beneath): for names and exact numbers; every count drills down. */
import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { StatGroup, StatMeasure, StatResult } from "../../../domain/stats.ts";
import { groupTarget, totalTarget, type DrillTarget } from "./drill.ts";
import { measureText } from "./format.ts";

interface Props {
  result: StatResult;
  /** The measures shown, in order (default: all). */
  measures?: string[];
  /** The group column's title (default 分组). */
  groupTitle?: string;
  onDrill: (t: DrillTarget) => void;
  pageSize?: number;
}

/** A count that opens its records; zero and empty stay plain. */
export function CountLink({
  value,
  measure,
  target,
  onDrill,
}: {
  value: number | null | undefined;
  measure: StatMeasure;
  target: DrillTarget | undefined;
  onDrill: (t: DrillTarget) => void;
}) {
  const text = measureText(measure, value);
  if (!target || !value) return <span data-measure={measure.key}>{text}</span>;
  return (
    <Typography.Link
      data-measure={measure.key}
      title={`查看${measure.label}明细`}
      onClick={(e) => {
        // Inside a clickable card, the link's own count is the one meant.
        e.stopPropagation();
        onDrill(target);
      }}
    >
      {text}
    </Typography.Link>
  );
}

export function StatTable({ result, measures, groupTitle = "分组", onDrill, pageSize = 10 }: Props) {
  const shown = measures
    ? measures.map((k) => result.measures.find((m) => m.key === k)).filter((m): m is StatMeasure => Boolean(m))
    : result.measures;
  const columns: ColumnsType<StatGroup> = [
    { title: groupTitle, dataIndex: "label", key: "label", width: 200, ellipsis: { showTitle: true }, fixed: "left" },
    ...shown.map((m) => ({
      title: m.label,
      key: m.key,
      align: "right" as const,
      width: 100,
      render: (_: unknown, g: StatGroup) => (
        <CountLink value={g.values[m.key]} measure={m} target={groupTarget(result, g, m.key)} onDrill={onDrill} />
      ),
    })),
  ];
  return (
    <Table<StatGroup>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={result.groups}
      pagination={{ pageSize, hideOnSinglePage: true, showSizeChanger: false, size: "small" }}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: "暂无数据" }}
      summary={() =>
        result.groups.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            {shown.map((m, i) => (
              <Table.Summary.Cell index={i + 1} key={m.key} align="right">
                <CountLink value={result.totals[m.key]} measure={m} target={totalTarget(result, m.key)} onDrill={onDrill} />
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
