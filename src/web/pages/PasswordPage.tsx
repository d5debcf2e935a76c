/** 修改密码: forced after first login or a reset (shown alone), or chosen from the header. */
import { Alert, App, Button, Form, Input, Space, Typography } from "antd";
import { Navigate, useNavigate } from "react-router-dom";
import { passwordProblems } from "../../domain/password.ts";
import { api, ApiError } from "../api.ts";
import { useApiError } from "../components/useApiError.ts";
import { FullPageSpin, useSession, type Me } from "../session.tsx";
import { CenteredCard } from "./LoginPage.tsx";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Errors that belong to one field. */
const WHERE: Record<string, keyof PasswordForm> = {
  invalid_credentials: "currentPassword",
  weak_password: "newPassword",
};

export default function PasswordPage() {
  const { me, loading, setMe, logout } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();

  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace />;
  const forced = me.mustChangePassword;

  const onFinish = async (v: PasswordForm) => {
    try {
      const res = await api.post<{ user: Me }>("/api/auth/password", {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      setMe(res.user);
      void message.success("密码已修改");
      navigate("/", { replace: true });
    } catch (e) {
      const field = e instanceof ApiError && !e.fields.length ? WHERE[e.code] : undefined;
      if (field && e instanceof ApiError) form.setFields([{ name: field, errors: [e.message] }]);
      else showError(e, form);
    }
  };

  return (
    <CenteredCard width={460}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        修改密码
      </Typography.Title>
      {forced && <Alert type="warning" showIcon message="首次登录或密码已重置，请修改密码后继续" style={{ marginBottom: 16 }} />}
      <Alert
        type="info"
        message="密码要求"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>至少 8 位</li>
            <li>包含大写字母、小写字母、数字、符号中的至少三类</li>
            <li>不能包含用户名</li>
          </ul>
        }
        style={{ marginBottom: 16 }}
      />
      <Form<PasswordForm> name="passwordForm" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: "请输入新密码" },
            {
              validator: (_, value: string | undefined) => {
                const problems = value ? passwordProblems(value, me.username) : [];
                return problems.length ? Promise.reject(new Error(problems.join("；"))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          {forced ? <Button onClick={() => void logout()}>退出登录</Button> : <Button onClick={() => navigate(-1)}>返回</Button>}
          <Button type="primary" htmlType="submit">
            确认修改
          </Button>
        </Space>
      </Form>
    </CenteredCard>
  );
}
