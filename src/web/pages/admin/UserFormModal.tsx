/** 新建用户 / 编辑 (name only). A new account gets a one-time password, handed back to the caller to show once. */
import { Form, Input, Select } from "antd";
import { ROLE_LABELS } from "../../../domain/roles.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { UserItem } from "./UsersPage.tsx";

export type UserFormTarget = { mode: "create" } | { mode: "edit"; user: UserItem };

interface Values {
  username: string;
  displayName: string;
  adminRole: "" | "security_admin" | "audit_admin";
}

const ACCOUNT_KINDS = [
  { value: "", label: "普通用户" },
  { value: "security_admin", label: ROLE_LABELS.security_admin },
  { value: "audit_admin", label: ROLE_LABELS.audit_admin },
];

export function UserFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UserFormTarget | null;
  onClose: () => void;
  onSaved: (created: { username: string; displayName: string; password: string } | null) => void;
}) {
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === "edit" ? target.user : null;

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? `编辑用户：${editing.username}` : "新建用户"}
      okText={editing ? "保存" : "创建"}
      form={form}
      name="userForm"
      initialValues={{ adminRole: "", displayName: editing?.displayName }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (editing) {
          await api.patch(`/api/users/${editing.id}`, { displayName: v.displayName.trim() });
          onSaved(null);
          return "已保存";
        }
        const body = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          ...(v.adminRole ? { adminRole: v.adminRole } : {}),
        };
        const res = await api.post<{ user: { username: string; displayName: string }; oneTimePassword: string }>(
          "/api/users",
          body,
        );
        onSaved({
          username: res.user?.username ?? body.username,
          displayName: res.user?.displayName ?? body.displayName,
          password: res.oneTimePassword,
        });
      }}
    >
      {!editing && (
        <Form.Item
          name="username"
          label="用户名"
          extra="登录用，创建后不能修改；可用字母、数字、下划线"
          rules={[
            { required: true, whitespace: true, message: "请填写用户名" },
            { max: 64, message: "用户名不能超过 64 个字符" },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: "请填写姓名" },
          { max: 40, message: "姓名不能超过 40 个字符" },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      {!editing && (
        <Form.Item name="adminRole" label="账号类型" extra="业务角色（巡察办、联络人等）由安全保密管理员授予">
          <Select options={ACCOUNT_KINDS} />
        </Form.Item>
      )}
    </FormModal>
  );
}
