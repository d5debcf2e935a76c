/** The core screens: business (orgs, rounds) and the three administrators'. Pages load on demand. */
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { lazy } from "react";
import { extraRoutes, MENU_GROUPS, type AppRoute } from "./routes.tsx";

const OrgsPage = lazy(() => import("./pages/orgs/OrgsPage.tsx"));
const RoundsPage = lazy(() => import("./pages/rounds/RoundsPage.tsx"));
const RoundPage = lazy(() => import("./pages/rounds/RoundPage.tsx"));
const AssignmentPage = lazy(() => import("./pages/assignments/AssignmentPage.tsx"));
const UsersPage = lazy(() => import("./pages/admin/UsersPage.tsx"));
const SettingsPage = lazy(() => import("./pages/admin/SettingsPage.tsx"));
const CalendarPage = lazy(() => import("./pages/admin/CalendarPage.tsx"));
const GrantsPage = lazy(() => import("./pages/admin/GrantsPage.tsx"));
const AuditPage = lazy(() => import("./pages/admin/AuditPage.tsx"));

/** Business screens, listed before the extra routes. */
export const businessRoutes: AppRoute[] = [
  {
    path: "/orgs",
    group: MENU_GROUPS.work,
    label: "单位管理",
    icon: <ApartmentOutlined />,
    element: <OrgsPage />,
    visible: (me) => me.can.viewOrgs,
    description: "被巡察党组织（单位）名录、村（社区）类别及调整记录",
  },
  {
    path: "/rounds",
    group: MENU_GROUPS.work,
    label: "巡察轮次",
    icon: <FlagOutlined />,
    element: <RoundsPage />,
    visible: (me) => me.can.viewRounds,
    description: "届次、巡察轮次、巡察组和巡察任务",
  },
  { path: "/rounds/:id", label: "巡察轮次详情", element: <RoundPage />, visible: (me) => me.can.viewRounds, hideInMenu: true },
  {
    path: "/assignments/:id",
    label: "巡察任务",
    element: <AssignmentPage />,
    visible: (me) => me.can.viewRounds || me.can.viewFindings,
    hideInMenu: true,
  },
];

/** The three administrators' screens, listed after everything else. */
export const adminRoutes: AppRoute[] = [
  {
    path: "/admin/users",
    label: "用户管理",
    icon: <TeamOutlined />,
    element: <UsersPage />,
    visible: (me) => me.can.manageUsers,
    description: "新建账号、重置密码、解锁、停用",
  },
  {
    path: "/admin/settings",
    label: "系统设置",
    icon: <SettingOutlined />,
    element: <SettingsPage />,
    visible: (me) => me.can.manageSettings,
    description: "会话、登录锁定、整改时限等参数",
  },
  {
    path: "/admin/calendar",
    label: "工作日历",
    icon: <CalendarOutlined />,
    element: <CalendarPage />,
    visible: (me) => me.can.manageSettings,
    description: "法定节假日和调休上班安排，用于计算工作日",
  },
  {
    path: "/admin/grants",
    label: "角色授权",
    icon: <SafetyCertificateOutlined />,
    element: <GrantsPage />,
    visible: (me) => me.can.manageGrants,
    description: "为用户授予或撤销业务角色",
  },
  {
    path: "/admin/audit",
    label: "审计日志",
    icon: <AuditOutlined />,
    element: <AuditPage />,
    visible: (me) => me.can.readAudit,
    description: "查询、导出审计日志并校验其完整性",
  },
];

/** Core business screens, then the extra ones, then the administrators': the menu keeps this order. */
export const allRoutes = (): AppRoute[] => [...businessRoutes, ...extraRoutes, ...adminRoutes];
