/**
 * Every route: the two sign-in screens and the public petition pages outside the layout, the rest inside it, each
 * gated by its `visible(me)`.
 */
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link, Route, Routes } from "react-router-dom";
import { allRoutes } from "./coreRoutes.tsx";
import { AppLayout } from "./layout/AppLayout.tsx";
import HomePage from "./pages/HomePage.tsx";
import LoginPage from "./pages/LoginPage.tsx";
import PasswordPage from "./pages/PasswordPage.tsx";
import PublicPetitionPage from "./pages/petitions/PublicPetitionPage.tsx";
import ReceiptPage from "./pages/petitions/ReceiptPage.tsx";
import type { AppRoute } from "./routes.tsx";
import { RequireAuth, useMe } from "./session.tsx";

function Forbidden() {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有访问此页面的权限。如需开通，请联系安全保密管理员。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

function Guard({ route, children }: { route: AppRoute; children: ReactNode }) {
  const me = useMe();
  return route.visible(me) ? <>{children}</> : <Forbidden />;
}

export function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/password" element={<PasswordPage />} />
      {/* The public petition form (码上巡察) and its receipt lookup: no sign-in. */}
      <Route path="/p/receipt" element={<ReceiptPage />} />
      <Route path="/p/:token" element={<PublicPetitionPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {allRoutes().map((r) => (
          <Route key={r.path} path={r.path} element={<Guard route={r}>{r.element}</Guard>} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
