/**
 * Extra screens added beside the core ones (ledger, feedback, figures …). Each entry becomes a route inside the
 * signed-in layout and, unless hideInMenu, a side-menu item and a link on the home page. Example:
 *
 *   const LedgerPage = lazy(() => import("./pages/ledger/LedgerPage.tsx"));
 *   { path: "/ledger", label: "整改台账", icon: <OrderedListOutlined />, element: <LedgerPage />,
 *     visible: (me) => me.can.viewLedger, description: "查看和填报整改台账" }
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  ClusterOutlined,
  CommentOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  PieChartOutlined,
  SecurityScanOutlined,
  TeamOutlined,
  FileDoneOutlined,
  MailOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PushpinOutlined,
  ScheduleOutlined,
  DashboardOutlined,
  FileWordOutlined,
  ImportOutlined,
} from "@ant-design/icons";
import { lazy, type ReactNode } from "react";
import type { Me } from "./session.tsx";

const LedgerPage = lazy(() => import("./pages/ledger/LedgerPage.tsx"));
const FiguresPage = lazy(() => import("./pages/figures/FiguresPage.tsx"));
const DirectivesPage = lazy(() => import("./pages/directives/DirectivesPage.tsx"));
const PlansPage = lazy(() => import("./pages/plans/PlansPage.tsx"));
const PlanPage = lazy(() => import("./pages/plans/PlanPage.tsx"));
const NotificationsPage = lazy(() => import("./pages/notifications/NotificationsPage.tsx"));
const PeriodsPage = lazy(() => import("./pages/periods/PeriodsPage.tsx"));
const EvaluationsPage = lazy(() => import("./pages/evaluations/EvaluationsPage.tsx"));
const LettersPage = lazy(() => import("./pages/letters/LettersPage.tsx"));
const AccountabilityPage = lazy(() => import("./pages/accountability/AccountabilityPage.tsx"));
const CommonProblemsPage = lazy(() => import("./pages/common/CommonProblemsPage.tsx"));
const AnnouncementPage = lazy(() => import("./pages/announcements/AnnouncementPage.tsx"));
const CoveragePage = lazy(() => import("./pages/coverage/CoveragePage.tsx"));
const PoolPage = lazy(() => import("./pages/pool/PoolPage.tsx"));
const LeadsPage = lazy(() => import("./pages/leads/LeadsPage.tsx"));
const ReportsPage = lazy(() => import("./pages/reports/ReportsPage.tsx"));
const PetitionsPage = lazy(() => import("./pages/petitions/PetitionsPage.tsx"));
const ConsultationsPage = lazy(() => import("./pages/leads/ConsultationsPage.tsx"));
const TaxonomyPage = lazy(() => import("./pages/onsite/TaxonomyPage.tsx"));
const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage.tsx"));
const DocumentsPage = lazy(() => import("./pages/documents/DocumentsPage.tsx"));
const ImportPage = lazy(() => import("./pages/imports/ImportPage.tsx"));

export interface AppRoute {
  /** react-router path, e.g. "/ledger" or "/ledger/:id". */
  path: string;
  label: string;
  icon?: ReactNode;
  element: ReactNode;
  visible: (me: Me) => boolean;
  /** Detail pages: routed, but not in the menu or on the home page. */
  hideInMenu?: boolean;
  /** One line on the home page under the link. */
  description?: string;
  /** The side menu's heading this entry sits under (entries without one stand alone). */
  group?: string;
}

export const MENU_GROUPS = { work: "巡察工作", rectify: "整改落实", review: "评估与公开" } as const;

export const extraRoutes: AppRoute[] = [
  {
    path: "/coverage",
    group: MENU_GROUPS.work,
    label: "全覆盖",
    icon: <PieChartOutlined />,
    element: <CoveragePage />,
    visible: (me) => me.can.viewCoverage,
    description: "届内巡察全覆盖范围、覆盖率、未巡察单位和进度预测",
  },
  {
    path: "/pool",
    group: MENU_GROUPS.work,
    label: "人才库",
    icon: <IdcardOutlined />,
    element: <PoolPage />,
    visible: (me) => me.can.viewPool,
    description: "巡察人才库、组长库、培训和回避关系",
  },
  {
    path: "/petitions",
    group: MENU_GROUPS.work,
    label: "信访举报",
    icon: <CommentOutlined />,
    element: <PetitionsPage />,
    visible: (me) => me.can.viewRounds,
    description: "来信、来电、来访、网上和码上巡察的信访举报及其办理",
  },
  {
    path: "/leads",
    group: MENU_GROUPS.work,
    label: "问题线索",
    icon: <SecurityScanOutlined />,
    element: <LeadsPage />,
    visible: (me) => me.can.viewLeads,
    description: "问题线索的移交和纪委监委处置情况（涉密）",
  },
  {
    path: "/taxonomy",
    group: MENU_GROUPS.work,
    label: "问题分类",
    icon: <ApartmentOutlined />,
    element: <TaxonomyPage />,
    visible: (me) => me.can.viewFindings,
    description: "问题分类（两级）：新增、改名、排序、停用",
  },
  {
    path: "/consultations",
    group: MENU_GROUPS.work,
    label: "办组会商",
    icon: <TeamOutlined />,
    element: <ConsultationsPage />,
    visible: (me) => me.can.manageRounds || me.teamSeats.length > 0,
    description: "办组会商记录及对问题线索、问题的意见",
  },
  {
    path: "/reports",
    group: MENU_GROUPS.work,
    label: "报告与听取",
    icon: <FileSearchOutlined />,
    element: <ReportsPage />,
    visible: (me) => me.can.viewReports,
    description: "巡察报告、材料报送、会商和听取汇报的时限",
  },
  {
    path: "/ledger",
    group: MENU_GROUPS.rectify,
    label: "整改台账",
    icon: <OrderedListOutlined />,
    element: <LedgerPage />,
    visible: (me) => me.can.viewLedger,
    description: "填报整改措施、进展和佐证材料，申请和审核销号",
  },
  {
    path: "/figures",
    group: MENU_GROUPS.review,
    label: "整改统计",
    icon: <BarChartOutlined />,
    element: <FiguresPage />,
    visible: (me) => me.can.viewFigures,
    description: "按单位、轮次统计整改完成率和逾期情况",
  },
  {
    path: "/directives",
    group: MENU_GROUPS.rectify,
    label: "点人点事",
    icon: <PushpinOutlined />,
    element: <DirectivesPage />,
    visible: (me) => me.can.viewDirectives,
    description: "书记专题会点人点事的登记、办理和办结确认",
  },
  {
    path: "/plans",
    group: MENU_GROUPS.rectify,
    label: "整改方案",
    icon: <FileDoneOutlined />,
    element: <PlansPage />,
    visible: (me) => me.can.viewPlans,
    description: "编制、报送和审核整改方案，比较各版本",
  },
  {
    path: "/plans/:id",
    label: "整改方案",
    element: <PlanPage />,
    visible: (me) => me.can.viewPlans,
    hideInMenu: true,
  },
  {
    path: "/periods",
    group: MENU_GROUPS.rectify,
    label: "集中整改期",
    icon: <ScheduleOutlined />,
    element: <PeriodsPage />,
    visible: (me) => me.can.viewPeriods,
    description: "整改专题民主生活会、进展报告和双公开，列出未按时完成的单位",
  },
  {
    path: "/letters",
    group: MENU_GROUPS.rectify,
    label: "督办函件",
    icon: <MailOutlined />,
    element: <LettersPage />,
    visible: (me) => me.can.viewLetters,
    description: "督办函、再交办函、工作提示函和巡察建议书的制发与回复",
  },
  {
    path: "/common-problems",
    group: MENU_GROUPS.rectify,
    label: "共性问题",
    icon: <ClusterOutlined />,
    element: <CommonProblemsPage />,
    visible: (me) => me.can.viewCommonProblems,
    description: "共性问题清单、相似问题推荐和同类同改",
  },
  {
    path: "/evaluations",
    group: MENU_GROUPS.review,
    label: "评估与回头看",
    icon: <AuditOutlined />,
    element: <EvaluationsPage />,
    visible: (me) => me.can.viewEvaluations,
    description: "整改评估等次和回头看抽查",
  },
  {
    path: "/accountability",
    group: MENU_GROUPS.review,
    label: "问责与制度",
    icon: <AlertOutlined />,
    element: <AccountabilityPage />,
    visible: (me) => me.can.viewAccountability,
    description: "问责情况和制度建设成果",
  },
  {
    path: "/announcements",
    group: MENU_GROUPS.review,
    label: "整改公告",
    icon: <NotificationOutlined />,
    element: <AnnouncementPage />,
    visible: (me) => me.can.viewAnnouncements,
    description: "按记录生成整改进展情况公告（党内版和公开版）",
  },
  {
    path: "/dashboard",
    group: MENU_GROUPS.review,
    label: "统计分析",
    icon: <DashboardOutlined />,
    element: <DashboardPage />,
    visible: (me) => me.can.viewStats,
    description: "全覆盖、整改完成率、逾期、线索和趋势图表，可下钻到明细",
  },
  {
    path: "/documents",
    group: MENU_GROUPS.review,
    label: "公文模板",
    icon: <FileWordOutlined />,
    element: <DocumentsPage />,
    visible: (me) => me.can.manageDocuments,
    description: "发文机关、发文字号和各类公文的固定文字",
  },
  {
    path: "/imports",
    group: MENU_GROUPS.rectify,
    label: "台账导入",
    icon: <ImportOutlined />,
    element: <ImportPage />,
    visible: (me) => me.can.importLedger,
    description: "导入已有的 Excel 整改台账：列对应、预检、一次性确认",
  },
  {
    path: "/notifications",
    label: "提醒中心",
    icon: <BellOutlined />,
    element: <NotificationsPage />,
    visible: (me) => me.can.viewNotifications,
    description: "整改时限三色预警和其他提醒",
  },
];
