/** 年度计划: how many organisations of each kind in scope the term means to inspect in each of its years. */
import { Form, InputNumber, Table, Typography } from "antd";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Coverage } from "./types.ts";

type Values = { plan: Record<string, Record<string, number | null | undefined>> };

export function PlanModal({
  open,
  coverage,
  onClose,
  onSaved,
}: {
  open: boolean;
  coverage: Coverage;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const from = Number(coverage.term.startDate.slice(0, 4));
  const to = Number(coverage.term.endDate.slice(0, 4));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const kinds = coverage.scopes;
  const initialValues: Values = { plan: {} };
  for (const r of coverage.years) {
    if (r.planned === null) continue;
    (initialValues.plan[String(r.year)] ??= {})[r.orgKind] = r.planned;
  }
  const inScope = new Map(coverage.kinds.map((k) => [k.orgKind, k.inScope]));

  return (
    <FormModal<Values>
      open={open}
      title={`年度计划：${coverage.term.name}`}
      okText="保存"
      form={form}
      name="coveragePlanForm"
      initialValues={initialValues}
      width={Math.min(920, 240 + kinds.length * 170)}
      onClose={onClose}
      onSubmit={async (v) => {
        const rows = years.flatMap((year) =>
          kinds.flatMap((k) => {
            const planned = v.plan?.[String(year)]?.[k.orgKind];
            return planned === null || planned === undefined ? [] : [{ year, orgKind: k.orgKind, planned }];
          }),
        );
        await api.put<Coverage>(`/api/terms/${coverage.term.id}/coverage-plan`, { years: rows });
        onSaved();
        return "已保存年度计划";
      }}
    >
      <Typography.Paragraph type="secondary">填写各年度计划巡察的单位数，留空表示未作计划。</Typography.Paragraph>
      <Table<{ year: number }>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={years.map((year) => ({ year }))}
        columns={[
          { title: "年度", dataIndex: "year", width: 90, render: (y: number) => `${y}年` },
          ...kinds.map((k) => ({
            title: `${k.label}（范围内 ${inScope.get(k.orgKind) ?? 0} 个）`,
            key: k.orgKind,
            render: (_: unknown, r: { year: number }) => (
              <Form.Item
                name={["plan", String(r.year), k.orgKind]}
                style={{ marginBottom: 0 }}
                rules={[{ type: "integer", min: 0, message: "应为不小于 0 的整数" }]}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  placeholder="未定"
                  style={{ width: "100%" }}
                  aria-label={`${r.year}年${k.label}计划数`}
                />
              </Form.Item>
            ),
          })),
        ]}
      />
    </FormModal>
  );
}
