/** 授予角色: a business role, and for the org-scoped roles the organisation it applies to. */
import { Form, Select, TreeSelect, Typography } from "antd";
import { useMemo } from "react";
import { ADMIN_ROLES, GRANTABLE_ROLES, ORG_SCOPED_ROLES, ROLE_LABELS, type GrantableRole } from "../../../domain/roles.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { orgTreeSelectData } from "../../components/orgTree.ts";
import { useGet } from "../../components/useGet.ts";

interface Values {
  role: GrantableRole;
  orgId?: string;
}

const ROLE_OPTIONS = GRANTABLE_ROLES.filter((r) => !(ADMIN_ROLES as readonly string[]).includes(r)).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

const SCOPE_HINT: Partial<Record<GrantableRole, string>> = {
  org_contact: "联络人只能看到并填报本单位的整改台账",
  supervising_leader: "分管（联系）领导可看到所选单位及其下级单位",
  functional_dept: "职能部门可看到所选单位及其下级单位",
};

export function GrantFormModal({
  open,
  user,
  onClose,
  onGranted,
}: {
  open: boolean;
  user: { id: string; displayName: string };
  onClose: () => void;
  onGranted: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form);
  const scoped = role !== undefined && ORG_SCOPED_ROLES.includes(role);
  const orgs = useGet<{ items: Array<{ id: string; name: string; kind: string; path: string }> }>(
    open ? "/api/grants/orgs" : null,
  );
  const tree = useMemo(() => orgTreeSelectData(orgs.data?.items ?? []), [orgs.data]);

  return (
    <FormModal<Values>
      open={open}
      title={`授予角色：${user.displayName}`}
      okText="授予"
      form={form}
      name="grantForm"
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post("/api/grants", { userId: user.id, role: v.role, ...(scoped && v.orgId ? { orgId: v.orgId } : {}) });
        onGranted();
        return `已授予“${ROLE_LABELS[v.role]}”`;
      }}
    >
      <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
        <Select options={ROLE_OPTIONS} placeholder="请选择" onChange={() => form.setFieldValue("orgId", undefined)} />
      </Form.Item>
      {scoped && (
        <Form.Item
          name="orgId"
          label="单位"
          extra={role ? SCOPE_HINT[role] : undefined}
          rules={[{ required: true, message: "该角色须指定单位" }]}
        >
          <TreeSelect
            treeData={tree}
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择单位"
            loading={orgs.loading}
            treeDefaultExpandAll={tree.length < 30}
            notFoundContent={<Typography.Text type="secondary">暂无单位</Typography.Text>}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
