/** 登录: a centred card; errors (wrong password, locked account) are shown inside the card. */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { api, ApiError } from "../api.ts";
import { useSession, type Me } from "../session.tsx";

export function CenteredCard({ children, width = 400 }: { children: React.ReactNode; width?: number }) {
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(180deg, #b71c1c 0, #b71c1c 240px, #f0f2f5 240px)",
        padding: 16,
      }}
    >
      <Card style={{ width, maxWidth: "100%", boxShadow: "0 8px 24px rgba(0,0,0,0.12)" }}>{children}</Card>
    </div>
  );
}

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { me, loading, setMe } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (!loading && me && !submitting) return <Navigate to={me.mustChangePassword ? "/password" : "/"} replace />;

  const onFinish = async (v: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const res = await api.post<{ user: Me }>("/api/auth/login", v);
      setMe(res.user);
      const target = res.user.mustChangePassword ? "/password" : from && from !== "/login" ? from : "/";
      navigate(target, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : "登录失败");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CenteredCard>
      <Typography.Title level={3} style={{ textAlign: "center", marginTop: 8, marginBottom: 4 }}>
        巡察整改工作系统
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginBottom: 24 }}>
        请使用本人账号登录
      </Typography.Paragraph>
      <Form<LoginForm>
        name="login"
        layout="vertical"
        size="large"
        onFinish={onFinish}
        onValuesChange={() => setError(null)}
        requiredMark={false}
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="用户名" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
