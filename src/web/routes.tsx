/**
 * Extra screens added beside the core ones (ledger, feedback, figures …). Each entry becomes a route inside the
 * signed-in layout and, unless hideInMenu, a side-menu item and a link on the home page. Example:
 *
 *   const LedgerPage = lazy(() => import("./pages/ledger/LedgerPage.tsx"));
 *   { path: "/ledger", label: "整改台账", icon: <OrderedListOutlined />, element: <LedgerPage />,
 *     visible: (me) => me.can.viewLedger, description: "查看和填报整改台账" }
 */
import { BarChartOutlined, OrderedListOutlined, PushpinOutlined } from "@ant-design/icons";
import { lazy, type ReactNode } from "react";
import type { Me } from "./session.tsx";

const LedgerPage = lazy(() => import("./pages/ledger/LedgerPage.tsx"));
const FiguresPage = lazy(() => import("./pages/figures/FiguresPage.tsx"));
const DirectivesPage = lazy(() => import("./pages/directives/DirectivesPage.tsx"));

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
}

export const extraRoutes: AppRoute[] = [
  {
    path: "/ledger",
    label: "整改台账",
    icon: <OrderedListOutlined />,
    element: <LedgerPage />,
    visible: (me) => me.can.viewLedger,
    description: "填报整改措施、进展和佐证材料，申请和审核销号",
  },
  {
    path: "/figures",
    label: "整改统计",
    icon: <BarChartOutlined />,
    element: <FiguresPage />,
    visible: (me) => me.can.viewFigures,
    description: "按单位、轮次统计整改完成率和逾期情况",
  },
  {
    path: "/directives",
    label: "点人点事",
    icon: <PushpinOutlined />,
    element: <DirectivesPage />,
    visible: (me) => me.can.viewDirectives,
    description: "书记专题会点人点事的登记、办理和办结确认",
  },
];
