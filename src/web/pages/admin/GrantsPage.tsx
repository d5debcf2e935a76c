/** 角色授权 (security administrator): pick an account, see its grants, grant or revoke business roles. */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Empty, Input, Popconfirm, Row, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { ROLE_LABELS, type AdminRole } from "../../../domain/roles.ts";
import { api, withQuery } from "../../api.ts";
import { fmtDateTime } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { GrantFormModal } from "./GrantFormModal.tsx";

interface GrantUser {
  id: string;
  username: string;
  displayName: string;
  adminRole: AdminRole | null;
}
interface GrantItem {
  id: string;
  role: string;
  roleLabel: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: string;
}

export default function GrantsPage() {
  const users = useGet<{ items: GrantUser[] }>("/api/grants/users");
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [granting, setGranting] = useState(false);
  const grants = useGet<{ items: GrantItem[] }>(selected ? withQuery("/api/grants", { userId: selected }) : null);
  const { message } = App.useApp();
  const showError = useApiError();

  const userList = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = users.data?.items ?? [];
    return q ? all.filter((u) => u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)) : all;
  }, [users.data, search]);
  const user = users.data?.items.find((u) => u.id === selected) ?? null;

  const revoke = async (g: GrantItem) => {
    try {
      await api.del(`/api/grants/${g.id}`);
      void message.success(`已撤销“${g.roleLabel}”`);
      grants.reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card
          title="用户"
          extra={
            <Input.Search
              allowClear
              placeholder="搜索用户名或姓名"
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 200 }}
            />
          }
        >
          <Table<GrantUser>
            rowKey="id"
            size="small"
            loading={users.loading}
            dataSource={userList}
            pagination={{ pageSize: 15, size: "small", showTotal: (t) => `共 ${t} 人` }}
            locale={{ emptyText: <Empty description={search ? "没有符合条件的用户" : "暂无用户"} /> }}
            rowSelection={{
              type: "radio",
              selectedRowKeys: selected ? [selected] : [],
              onChange: (keys) => setSelected((keys[0] as string) ?? null),
            }}
            onRow={(u) => ({ onClick: () => setSelected(u.id), style: { cursor: "pointer" } })}
            columns={[
              { title: "用户名", dataIndex: "username" },
              { title: "姓名", dataIndex: "displayName" },
              {
                title: "账号类型",
                dataIndex: "adminRole",
                render: (v: AdminRole | null) => (v ? <Tag color="purple">{ROLE_LABELS[v]}</Tag> : "普通用户"),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={user ? `${user.displayName}（${user.username}）的角色` : "角色"}
          extra={
            user && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)} disabled={user.adminRole !== null}>
                授予角色
              </Button>
            )
          }
        >
          {!user ? (
            <Empty description="请在左侧选择一个用户" />
          ) : (
            <>
              {user.adminRole && (
                <Typography.Paragraph type="secondary">
                  {ROLE_LABELS[user.adminRole]}账号属于“三员”，不能再授予业务角色。
                </Typography.Paragraph>
              )}
              <Table<GrantItem>
                rowKey="id"
                size="middle"
                loading={grants.loading}
                dataSource={grants.data?.items ?? []}
                pagination={false}
                locale={{ emptyText: <Empty description="该用户尚未被授予任何角色" /> }}
                columns={[
                  { title: "角色", dataIndex: "roleLabel", render: (v: string, g) => <Tag color="red">{v || g.role}</Tag> },
                  { title: "范围（单位）", dataIndex: "orgName", render: (v: string | null) => v ?? "全部" },
                  { title: "授予时间", dataIndex: "createdAt", render: (v: string) => fmtDateTime(v) },
                  {
                    title: "操作",
                    key: "actions",
                    width: 90,
                    render: (_, g) => (
                      <Popconfirm
                        title={`撤销“${g.roleLabel}”？`}
                        description="撤销后该用户立即失去此角色的权限。"
                        okText="撤销"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => revoke(g)}
                      >
                        <Button type="link" danger size="small">
                          撤销
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
      {user && (
        <GrantFormModal
          open={granting}
          user={user}
          onClose={() => setGranting(false)}
          onGranted={() => {
            setGranting(false);
            grants.reload();
          }}
        />
      )}
    </Row>
  );
}
