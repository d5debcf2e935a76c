/** 新增单位 / 编辑: name, kind, parent (tree), leaders; a village's class is set here only when it has none yet. */
import { Alert, Form, Input, Select, TreeSelect } from "antd";
import { useMemo } from "react";
import {
  ORG_KIND_LABELS,
  ORG_KINDS,
  RISK_CLASS_LABELS,
  RISK_CLASSES,
  type OrgKind,
  type RiskClass,
} from "../../../domain/org.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { orgTreeSelectData } from "../../components/orgTree.ts";
import type { OrgItem } from "./types.ts";

export type OrgFormTarget = { mode: "create"; parentId?: string } | { mode: "edit"; org: OrgItem };

interface Values {
  name: string;
  code?: string;
  kind: OrgKind;
  parentId?: string | null;
  supervisingLeader?: string;
  partySecretary?: string;
  riskClass?: RiskClass | null;
}

const KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
const RISK_OPTIONS = RISK_CLASSES.map((r) => ({ value: r, label: RISK_CLASS_LABELS[r] }));
const blankToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

export function OrgFormModal({
  target,
  orgs,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  orgs: OrgItem[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const editing = target?.mode === "edit" ? target.org : null;
  const tree = useMemo(() => orgTreeSelectData(orgs, editing), [orgs, editing]);
  // A village that already has a class changes it through 调整类别, so the change is dated and kept in history.
  const classLocked = editing !== null && editing.riskClass !== null;

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? `编辑单位：${editing.name}` : "新增单位"}
      okText="保存"
      form={form}
      name="orgForm"
      initialValues={
        editing
          ? {
              name: editing.name,
              code: editing.code ?? undefined,
              kind: editing.kind,
              parentId: editing.parentId,
              supervisingLeader: editing.supervisingLeader ?? undefined,
              partySecretary: editing.partySecretary ?? undefined,
              riskClass: editing.riskClass,
            }
          : { riskClass: "normal", parentId: target?.mode === "create" ? target.parentId : undefined }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          name: v.name.trim(),
          code: blankToNull(v.code),
          kind: v.kind,
          parentId: v.parentId ?? null,
          supervisingLeader: blankToNull(v.supervisingLeader),
          partySecretary: blankToNull(v.partySecretary),
          ...(v.kind === "village" && !classLocked ? { riskClass: v.riskClass ?? "normal" } : {}),
          ...(v.kind !== "village" ? { riskClass: null } : {}),
        };
        if (editing) {
          await api.patch(`/api/orgs/${editing.id}`, { ...body, version: editing.version });
          onSaved();
          return "已保存";
        }
        await api.post("/api/orgs", body);
        onSaved();
        return `已新增“${body.name}”`;
      }}
      width={560}
    >
      <Form.Item
        name="name"
        label="单位名称"
        rules={[
          { required: true, whitespace: true, message: "请填写单位名称" },
          { max: 100, message: "单位名称不能超过 100 个字" },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: "请选择单位类型" }]}>
        <Select options={KIND_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="parentId" label="上级单位" extra="不选则为顶层单位">
        <TreeSelect
          treeData={tree}
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="（顶层单位）"
          treeDefaultExpandAll={orgs.length < 40}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="code" label="单位编码" rules={[{ max: 40, message: "编码不能超过 40 个字符" }]}>
        <Input placeholder="选填" />
      </Form.Item>
      <Form.Item name="supervisingLeader" label="分管（联系）县级领导" rules={[{ max: 40, message: "不能超过 40 个字" }]}>
        <Input placeholder="选填" />
      </Form.Item>
      <Form.Item name="partySecretary" label="党组织书记" rules={[{ max: 40, message: "不能超过 40 个字" }]}>
        <Input placeholder="选填" />
      </Form.Item>
      {kind === "village" &&
        (classLocked ? (
          <Alert
            type="info"
            showIcon
            message={`当前类别：${editing?.riskClassLabel ?? ""}。如需调整，请使用“调整类别”，以便记录生效日期和理由。`}
          />
        ) : (
          <Form.Item name="riskClass" label="村（社区）类别" rules={[{ required: true, message: "请选择村（社区）类别" }]}>
            <Select options={RISK_OPTIONS} />
          </Form.Item>
        ))}
    </FormModal>
  );
}
