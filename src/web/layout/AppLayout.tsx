/** The signed-in shell: collapsible side menu from the user's capabilities, header with who is signed in. */
import { BellOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography, theme } from "antd";
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { api } from "../api.ts";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { allRoutes } from "../coreRoutes.tsx";
import type { AppRoute } from "../routes.tsx";
import { FullPageSpin, useMe, useSession } from "../session.tsx";

const COLLAPSE_KEY = "xuncha.sider.collapsed";

/** The menu key for a location: the longest menu path it lies under (task pages belong to 巡察轮次). */
function selectedKey(pathname: string, keys: string[]): string {
  if (pathname.startsWith("/assignments/")) return "/rounds";
  let best = "/";
  for (const k of keys) if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  return best;
}

type MenuEntry = { key: string; icon?: ReactNode; label: ReactNode };
type MenuGroup = { type: "group"; key: string; label: string; children: MenuEntry[] };

/** Home, then the entries in order, those with a group gathered under its heading where the group first appears. */
function menuItems(routes: AppRoute[]): Array<MenuEntry | MenuGroup> {
  const items: Array<MenuEntry | MenuGroup> = [{ key: "/", icon: <HomeOutlined />, label: <Link to="/">首页</Link> }];
  const groups = new Map<string, MenuGroup>();
  for (const r of routes) {
    const entry = { key: r.path, icon: r.icon, label: <Link to={r.path}>{r.label}</Link> };
    if (!r.group) {
      items.push(entry);
      continue;
    }
    let g = groups.get(r.group);
    if (!g) {
      g = { type: "group", key: `group:${r.group}`, label: r.group, children: [] };
      groups.set(r.group, g);
      items.push(g);
    }
    g.children.push(entry);
  }
  return items;
}

const UNREAD_CHANGED = "xuncha:unread-changed";
/** The notification centre tells the bell to count again after notices are marked read. */
export const unreadChanged = (): void => void window.dispatchEvent(new Event(UNREAD_CHANGED));

const POLL_MS = 60_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

/**
 * The unread count: on arrival, on every route change, and every minute while the user is at the screen. A poll
 * with no keystroke or click since the last one is skipped, so an unattended screen does not keep the session alive.
 */
function useUnreadCount(pathname: string): number {
  const [unread, setUnread] = useState(0);
  const active = useRef(true);
  const load = useCallback(() => {
    api.get<{ unread: number }>("/api/notifications/unread-count").then(
      (r) => setUnread(r.unread),
      () => undefined, // a badge is not worth an error message; the next poll tries again
    );
  }, []);
  useEffect(() => {
    const mark = () => {
      active.current = true;
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, mark, { passive: true });
    window.addEventListener(UNREAD_CHANGED, load);
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "visible" || !active.current) return;
      active.current = false;
      load();
    }, POLL_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, mark);
      window.removeEventListener(UNREAD_CHANGED, load);
      window.clearInterval(timer);
    };
  }, [load]);
  useEffect(() => load(), [pathname, load]);
  return unread;
}

function NotificationBell({ pathname }: { pathname: string }) {
  const navigate = useNavigate();
  const unread = useUnreadCount(pathname);
  return (
    <Tooltip title={unread ? `提醒中心（${unread} 条未读）` : "提醒中心"}>
      <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]}>
        <Button type="text" icon={<BellOutlined />} aria-label="提醒中心" onClick={() => navigate("/notifications")} />
      </Badge>
    </Tooltip>
  );
}

export function AppLayout() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === "1");

  const menuRoutes = allRoutes().filter((r) => !r.hideInMenu && r.visible(me));
  const items = menuItems(menuRoutes);
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
            {me.can.viewNotifications && <NotificationBell pathname={pathname} />}
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
