/** 设置全覆盖范围: the organisation kinds the term must inspect, each optionally under one root organisation. */
import { Checkbox, Form, Space, Typography } from "antd";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "../../../domain/org.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import type { Coverage } from "./types.ts";

interface Values {
  kinds: OrgKind[];
  roots: Partial<Record<OrgKind, string | undefined>>;
}

export function ScopeModal({
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
  const kinds = Form.useWatch("kinds", form) ?? [];
  const initialValues: Values = {
    kinds: coverage.scopes.map((s) => s.orgKind as OrgKind),
    roots: Object.fromEntries(coverage.scopes.map((s) => [s.orgKind, s.rootOrgId ?? undefined])),
  };
  return (
    <FormModal<Values>
      open={open}
      title={`全覆盖范围：${coverage.term.name}`}
      okText="保存"
      form={form}
      name="coverageScopeForm"
      initialValues={initialValues}
      width={640}
      onClose={onClose}
      onSubmit={async (v) => {
        const picked = ORG_KINDS.filter((k) => v.kinds.includes(k));
        await api.put<Coverage>(`/api/terms/${coverage.term.id}/coverage-scope`, {
          scopes: picked.map((k) => ({ orgKind: k, rootOrgId: v.roots?.[k] ?? null })),
        });
        onSaved();
        return "已保存全覆盖范围";
      }}
    >
      <Form.Item name="kinds" label="纳入全覆盖的单位类型">
        <Checkbox.Group options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        可为每类单位限定所属上级单位（如只统计某镇所属村），不选则为全县该类单位。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: "100%" }}>
        {ORG_KINDS.filter((k) => kinds.includes(k)).map((k) => (
          <Form.Item key={k} name={["roots", k]} label={`${ORG_KIND_LABELS[k]}：所属上级单位`} style={{ marginBottom: 8 }}>
            <OrgTreeSelect optional placeholder="不限（全部）" />
          </Form.Item>
        ))}
      </Space>
    </FormModal>
  );
}
