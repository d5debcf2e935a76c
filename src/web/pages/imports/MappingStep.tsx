/** Step 3: which column holds which ledger field (proposed by the server; the user adjusts), with the first rows. */
import { Button, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import type { Cell, ImportField, Job, Mapping } from "./types.ts";

interface Props {
  job: Job;
  busy: boolean;
  onDryRun: (mapping: Mapping) => void;
  onDiscard: () => void;
}

const shown = (v: Cell) => (v === null ? "" : String(v));

export function MappingStep({ job, busy, onDryRun, onDiscard }: Props) {
  const [mapping, setMapping] = useState<Mapping>(job.mapping);
  const used = new Map<number, ImportField>();
  for (const [f, c] of Object.entries(mapping)) if (c !== undefined) used.set(c, f as ImportField);
  const columnOptions = job.columns.map((c) => ({ value: c.index, label: `${c.letter} 列：${c.header}` }));

  const fieldColumns: ColumnsType<Job["fields"][number]> = [
    { title: "台账字段", dataIndex: "label", width: 120, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: "文件中的列",
      width: 300,
      render: (_: unknown, f) => (
        <Select
          allowClear
          aria-label={`${f.label}对应的列`}
          placeholder="不导入"
          style={{ width: 280 }}
          value={mapping[f.field]}
          options={columnOptions.map((o) => ({ ...o, disabled: used.has(o.value) && used.get(o.value) !== f.field }))}
          onChange={(v?: number) => setMapping((m) => ({ ...m, [f.field]: v ?? undefined }))}
        />
      ),
    },
    { title: "说明", dataIndex: "hint", render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
  ];

  const unused = job.columns.filter((c) => !used.has(c.index));
  const sampleColumns: ColumnsType<Cell[]> = [
    { title: "行号", width: 64, render: (_: unknown, r) => r[0] },
    ...job.columns.map((c, i) => ({
      title: `${c.letter} ${c.header}`,
      width: 160,
      ellipsis: true,
      render: (_: unknown, r: Cell[]) => shown(r[i + 1] ?? null),
    })),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        已读取工作表“{job.sheet}”，表头在第 {job.headerRow} 行，共 {job.total} 行数据。系统已按列名（和本办上次导入时的列对应）
        自动对应，请核对。
      </Typography.Paragraph>
      <Table rowKey="field" size="small" pagination={false} columns={fieldColumns} dataSource={job.fields} aria-label="列对应" />
      {unused.length > 0 && (
        <Typography.Text type="secondary">
          不导入的列：{unused.map((c) => `${c.letter}（${c.header}）`).join("、")}
        </Typography.Text>
      )}
      <div>
        <Typography.Text strong>文件前几行</Typography.Text>
        <Table<Cell[]>
          rowKey={(r) => String(r[0])}
          size="small"
          pagination={false}
          scroll={{ x: 64 + job.columns.length * 160 }}
          columns={sampleColumns}
          dataSource={job.sample}
          style={{ marginTop: 8 }}
        />
      </div>
      <Space>
        <Button type="primary" loading={busy} onClick={() => onDryRun(mapping)}>
          预检
        </Button>
        <Button onClick={onDiscard} disabled={busy}>
          放弃导入
        </Button>
      </Space>
    </Space>
  );
}
