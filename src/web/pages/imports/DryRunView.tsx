/**
 * Step 4, 预检: every row the import would change (each field before → after) or create, and every error by sheet,
 * row and column. With any error the commit is not offered: the file must be corrected and uploaded again.
 */
import { ArrowRightOutlined } from "@ant-design/icons";
import { Alert, Button, Popconfirm, Space, Statistic, Table, Tabs, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { DryRun, ImportError, PlannedChange, PlannedCreate } from "./types.ts";

interface Props {
  dryRun: DryRun;
  assignmentLabel: string;
  committing: boolean;
  onCommit: () => void;
  onBack: () => void;
  onDiscard: () => void;
}

const dash = (v: string | null) => v ?? <Typography.Text type="secondary">（空）</Typography.Text>;

export const errorColumns: ColumnsType<ImportError> = [
  { title: "工作表", dataIndex: "sheet", width: 110 },
  { title: "行号", dataIndex: "row", width: 70, align: "right" },
  { title: "列", dataIndex: "column", width: 170 },
  { title: "原因", dataIndex: "message" },
];

/** One table row per changed field: the row's number and text on its first field. */
interface ChangeLine {
  key: string;
  first: boolean;
  span: number;
  change: PlannedChange;
  field: PlannedChange["fields"][number];
}

const changeColumns: ColumnsType<ChangeLine> = [
  {
    title: "行号",
    width: 64,
    align: "right",
    render: (_, l) => l.change.row,
    onCell: (l) => ({ rowSpan: l.first ? l.span : 0 }),
  },
  {
    title: "台账条目",
    width: 280,
    onCell: (l) => ({ rowSpan: l.first ? l.span : 0 }),
    render: (_, l) => (
      <span>
        <Tag>第{l.change.seqLabel}条</Tag>
        {l.change.text}
      </span>
    ),
  },
  { title: "字段", width: 96, render: (_, l) => l.field.label },
  {
    title: "修改内容",
    render: (_, l) => (
      <Space size={8} wrap>
        {l.field.before === null ? (
          <Typography.Text type="secondary">（原为空）</Typography.Text>
        ) : (
          <Typography.Text delete type="secondary">
            {l.field.before}
          </Typography.Text>
        )}
        <ArrowRightOutlined style={{ color: "#999" }} />
        <Typography.Text mark>{l.field.after}</Typography.Text>
      </Space>
    ),
  },
];

const createColumns: ColumnsType<PlannedCreate> = [
  { title: "行号", dataIndex: "row", width: 64, align: "right" },
  { title: "编号", dataIndex: "seqLabel", width: 70 },
  {
    title: "反馈问题",
    width: 240,
    render: (_, c) => (
      <span>
        {c.problem}
        {!c.problemId && (
          <Tag color="orange" style={{ marginLeft: 6 }}>
            新增问题
          </Tag>
        )}
      </span>
    ),
  },
  { title: "具体问题", dataIndex: "text", width: 240 },
  { title: "整改措施", dataIndex: "measures", render: dash },
  { title: "责任领导", dataIndex: "responsibleLeader", width: 90, render: dash },
  { title: "责任部门", dataIndex: "responsibleDepartment", width: 110, render: dash },
  { title: "整改时限", dataIndex: "deadline", width: 110, render: dash },
];

export function DryRunView({ dryRun, assignmentLabel, committing, onCommit, onBack, onDiscard }: Props) {
  const errors = dryRun.errors;
  const lines: ChangeLine[] = dryRun.changes.flatMap((change) =>
    change.fields.map((field, i) => ({
      key: `${change.id}:${field.field}`,
      first: i === 0,
      span: change.fields.length,
      change,
      field,
    })),
  );
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Space size={40} wrap>
        <Statistic title="修改条目" value={dryRun.changes.length} suffix="条" />
        <Statistic title="新增条目" value={dryRun.creates.length} suffix="条" />
        <Statistic title="内容未变" value={dryRun.unchanged} suffix="条" />
        <Statistic title="错误" value={errors.length} suffix="处" valueStyle={errors.length ? { color: "#cf1322" } : undefined} />
      </Space>
      {errors.length > 0 ? (
        <>
          <Alert
            type="error"
            showIcon
            message={`文件中有 ${errors.length} 处错误，不能导入`}
            description="导入是整个文件一次完成的：请按下表在 Excel 中逐处改正后重新上传；改正前系统不会写入任何内容。"
          />
          <Table<ImportError>
            rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
            size="small"
            columns={errorColumns}
            dataSource={errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处` }}
            aria-label="预检错误"
          />
        </>
      ) : (
        <Alert
          type="success"
          showIcon
          message={`预检通过：将修改 ${dryRun.changes.length} 条、新增 ${dryRun.creates.length} 条台账条目（${assignmentLabel}）`}
          description={
            dryRun.newProblems
              ? `新增条目中有 ${dryRun.newProblems} 个新的反馈问题${dryRun.newAspects ? `（含 ${dryRun.newAspects} 个新的问题方面）` : ""}。`
              : "确认后一次写入；每条修改都记入该条目的操作历史。"
          }
        />
      )}
      <Tabs
        items={[
          {
            key: "changes",
            label: `修改（${dryRun.changes.length}）`,
            children: (
              <Table<ChangeLine>
                rowKey="key"
                size="small"
                bordered
                columns={changeColumns}
                dataSource={lines}
                pagination={{ pageSize: 60, hideOnSinglePage: true }}
                locale={{ emptyText: "没有要修改的条目" }}
                aria-label="将修改的条目"
              />
            ),
          },
          {
            key: "creates",
            label: `新增（${dryRun.creates.length}）`,
            children: (
              <Table<PlannedCreate>
                rowKey="row"
                size="small"
                columns={createColumns}
                dataSource={dryRun.creates}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: "没有新增的条目" }}
                aria-label="将新增的条目"
              />
            ),
          },
        ]}
      />
      <Space>
        {errors.length === 0 && (
          <Popconfirm
            title="确认导入"
            description={`将修改 ${dryRun.changes.length} 条、新增 ${dryRun.creates.length} 条，一次写入台账。`}
            okText="确认导入"
            cancelText="取消"
            onConfirm={onCommit}
            disabled={dryRun.changes.length + dryRun.creates.length === 0}
          >
            <Button type="primary" loading={committing} disabled={dryRun.changes.length + dryRun.creates.length === 0}>
              确认导入
            </Button>
          </Popconfirm>
        )}
        <Button onClick={onBack} disabled={committing}>
          返回列对应
        </Button>
        <Button danger onClick={onDiscard} disabled={committing}>
          放弃导入
        </Button>
      </Space>
    </Space>
  );
}
