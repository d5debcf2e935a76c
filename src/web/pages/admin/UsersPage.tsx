/** 用户管理 (system administrator): accounts, one-time passwords, unlock, deactivate. */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { ROLE_LABELS, type AdminRole } from "../../../domain/roles.ts";
import { api } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { OneTimePasswordModal, type OneTimePasswordInfo } from "../../components/OneTimePassword.tsx";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { useMe } from "../../session.tsx";
import { UserFormModal, type UserFormTarget } from "./UserFormModal.tsx";

export interface UserItem {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  adminRole: AdminRole | null;
  roles: Array<{ role: string; label: string; orgName: string | null }>;
  createdAt: string;
  can?: { edit?: boolean; deactivate?: boolean; activate?: boolean; resetPassword?: boolean; unlock?: boolean };
}

const isLocked = (u: UserItem) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

function StatusBadge({ u }: { u: UserItem }) {
  if (!u.active) return <Badge status="default" text="已停用" />;
  if (isLocked(u)) return <Badge status="error" text="已锁定" />;
  return <Badge status="success" text="正常" />;
}

export default function UsersPage() {
  const me = useMe();
  const { data, loading, reload } = useGet<{ items: UserItem[] }>("/api/users");
  const [search, setSearch] = useState("");
  const [otp, setOtp] = useState<OneTimePasswordInfo | null>(null);
  const [editing, setEditing] = useState<UserFormTarget | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { message } = App.useApp();
  const showError = useApiError();

  const items = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = data?.items ?? [];
    return q ? all.filter((u) => u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)) : all;
  }, [data, search]);

  const act = async (u: UserItem, key: string, run: () => Promise<void>) => {
    setBusy(`${u.id}:${key}`);
    try {
      await run();
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const resetPassword = (u: UserItem) =>
    act(u, "reset", async () => {
      const res = await api.post<{ oneTimePassword: string }>(`/api/users/${u.id}/reset-password`);
      setOtp({ title: "密码已重置", username: u.username, displayName: u.displayName, password: res.oneTimePassword });
    });
  const unlock = (u: UserItem) =>
    act(u, "unlock", async () => {
      await api.post(`/api/users/${u.id}/unlock`);
      void message.success(`已解除 ${u.displayName} 的锁定`);
    });
  const setActive = (u: UserItem, active: boolean) =>
    act(u, "active", async () => {
      await api.patch(`/api/users/${u.id}`, { active });
      void message.success(active ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
    });

  const columns: ColumnsType<UserItem> = [
    { title: "用户名", dataIndex: "username", width: 140, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: "姓名", dataIndex: "displayName", width: 120 },
    { title: "状态", key: "status", width: 90, render: (_, u) => <StatusBadge u={u} /> },
    {
      title: "首次登录须改密",
      dataIndex: "mustChangePassword",
      width: 120,
      render: (v: boolean) => (v ? <Tag color="gold">是</Tag> : <Typography.Text type="secondary">否</Typography.Text>),
    },
    {
      title: "账号类型",
      dataIndex: "adminRole",
      width: 130,
      render: (v: AdminRole | null) => (v ? <Tag color="purple">{ROLE_LABELS[v]}</Tag> : "普通用户"),
    },
    {
      title: "角色",
      key: "roles",
      render: (_, u) => {
        const business = u.roles.filter((r) => r.role !== u.adminRole);
        if (!business.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Space size={[4, 4]} wrap>
            {business.map((r, i) => (
              <Tag key={`${r.role}-${i}`}>{r.orgName ? `${r.label}（${r.orgName}）` : r.label}</Tag>
            ))}
          </Space>
        );
      },
    },
    { title: "最近登录", dataIndex: "lastLoginAt", width: 150, render: (v: string | null) => fmtDateTime(v) },
    {
      title: "操作",
      key: "actions",
      width: 230,
      render: (_, u) => {
        const self = u.id === me.id;
        const can = {
          edit: u.can?.edit ?? true,
          resetPassword: u.can?.resetPassword ?? !self,
          unlock: u.can?.unlock ?? isLocked(u),
          deactivate: u.can?.deactivate ?? (u.active && !self),
          activate: u.can?.activate ?? !u.active,
        };
        return (
          <Space size={0} wrap>
            {can.edit && (
              <Button type="link" size="small" onClick={() => setEditing({ mode: "edit", user: u })}>
                编辑
              </Button>
            )}
            {can.resetPassword && (
              <Popconfirm
                title={`重置 ${u.displayName} 的密码？`}
                description="将生成新的一次性密码，原密码立即失效。"
                onConfirm={() => resetPassword(u)}
              >
                <Button type="link" size="small" loading={busy === `${u.id}:reset`}>
                  重置密码
                </Button>
              </Popconfirm>
            )}
            {can.unlock && (
              <Button type="link" size="small" loading={busy === `${u.id}:unlock`} onClick={() => void unlock(u)}>
                解锁
              </Button>
            )}
            {can.deactivate && (
              <Popconfirm
                title={`停用 ${u.displayName}？`}
                description="停用后该账号不能登录，已登录的会话将失效。"
                onConfirm={() => setActive(u, false)}
              >
                <Button type="link" size="small" danger loading={busy === `${u.id}:active`}>
                  停用
                </Button>
              </Popconfirm>
            )}
            {can.activate && (
              <Button type="link" size="small" loading={busy === `${u.id}:active`} onClick={() => void setActive(u, true)}>
                启用
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title="用户管理"
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder="搜索用户名或姓名"
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: "create" })}>
            新建用户
          </Button>
        </Space>
      }
    >
      <Table<UserItem>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: search ? "没有符合条件的用户" : "暂无用户" }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个账号` }}
        scroll={{ x: 1100 }}
      />
      <UserFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(created) => {
          setEditing(null);
          reload();
          if (created) setOtp({ title: "用户已创建", ...created });
        }}
      />
      <OneTimePasswordModal info={otp} onClose={() => setOtp(null)} />
    </Card>
  );
}
