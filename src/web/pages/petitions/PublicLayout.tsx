/** The frame of the public pages (码上巡察): no menu, no sign-in, one narrow column that fits a phone. */
import { Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export function PublicLayout({
  subtitle,
  receiptLink = true,
  children,
}: {
  subtitle?: ReactNode;
  /** A link to the receipt lookup at the bottom (not on the lookup itself). */
  receiptLink?: boolean;
  children: ReactNode;
}) {
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <header style={{ background: "#b71c1c", color: "#fff", padding: "20px 16px 16px", textAlign: "center" }}>
        <Typography.Title level={2} style={{ color: "#fff", margin: 0, letterSpacing: 4 }}>
          码上巡察
        </Typography.Title>
        {subtitle && <div style={{ marginTop: 6, fontSize: 15, opacity: 0.95 }}>{subtitle}</div>}
      </header>
      <main style={{ maxWidth: 600, margin: "0 auto", padding: 16 }}>{children}</main>
      {receiptLink && (
        <footer style={{ textAlign: "center", fontSize: 13, padding: "8px 16px 24px" }}>
          <Link to="/p/receipt">凭查询码查询办理进度</Link>
        </footer>
      )}
    </div>
  );
}
