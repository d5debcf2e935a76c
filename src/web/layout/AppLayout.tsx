/** The signed-in shell: collapsible side menu from the user's capabilities, header with who is signed in. */
import { HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Layout, Menu, Space, Tag, Typography, theme } from "antd";
import { Suspense, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { allRoutes } from "../coreRoutes.tsx";
import { FullPageSpin, useMe, useSession } from "../session.tsx";

const COLLAPSE_KEY = "xuncha.sider.collapsed";

/** The menu key for a location: the longest menu path it lies under (task pages belong to 巡察轮次). */
function selectedKey(pathname: string, keys: string[]): string {
  if (pathname.startsWith("/assignments/")) return "/rounds";
  let best = "/";
  for (const k of keys) if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  return best;
}

export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === "1");

  const menuRoutes = allRoutes().filter((r) => !r.hideInMenu && r.visible(me));
  const items = [
    { key: "/", icon: <HomeOutlined />, label: <Link to="/">首页</Link> },
    ...menuRoutes.map((r) => ({ key: r.path, icon: r.icon, label: <Link to={r.path}>{r.label}</Link> })),
  ];
  const roleLabels = [...new Set(me.roles.map((r) => r.label))];
  if (!roleLabels.length && me.teamSeats.length) roleLabels.push("巡察组成员");

  const onCollapse = (c: boolean) => {
    setCollapsed(c);
    localStorage.setItem(COLLAPSE_KEY, c ? "1" : "0");
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={onCollapse} width={208} breakpoint="lg">
        <div
          style={{
            height: 56,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            color: "#fff",
            fontWeight: 600,
            fontSize: collapsed ? 16 : 17,
            letterSpacing: 1,
            whiteSpace: "nowrap",
            overflow: "hidden",
          }}
        >
          {collapsed ? "巡察" : "巡察整改工作系统"}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[
            selectedKey(
              pathname,
              menuRoutes.map((r) => r.path),
            ),
          ]}
          items={items}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: "0 24px",
            display: "flex",
            alignItems: "center",
            justifyContent: "flex-end",
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="small">
            <Space size={4}>
              <UserOutlined />
              <Typography.Text strong>{me.displayName}</Typography.Text>
            </Space>
            <Space size={4} wrap={false}>
              {roleLabels.slice(0, 3).map((l) => (
                <Tag key={l} color="red" bordered={false}>
                  {l}
                </Tag>
              ))}
              {roleLabels.length > 3 && <Tag bordered={false}>等 {roleLabels.length} 个角色</Tag>}
            </Space>
            <Button type="text" icon={<KeyOutlined />} onClick={() => navigate("/password")}>
              修改密码
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24, minWidth: 0 }}>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
