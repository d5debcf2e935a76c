/** 首页: who you are and where you can go. No figures here: they live on their own screens. */
import { RightOutlined } from "@ant-design/icons";
import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { allRoutes } from "../coreRoutes.tsx";
import { useMe } from "../session.tsx";

export default function HomePage() {
  const me = useMe();
  const links = allRoutes().filter((r) => !r.hideInMenu && r.visible(me));
  const roles = [...new Set(me.roles.map((r) => r.label))];
  const seats = [...new Set(me.teamSeats.map((s) => `巡察组${s.label}`))];

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          您好，{me.displayName}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">当前身份：</Typography.Text>
          {roles.length || seats.length ? (
            [...roles, ...seats].map((l) => (
              <Tag key={l} color="red">
                {l}
              </Tag>
            ))
          ) : (
            <Typography.Text type="secondary">尚未授予角色</Typography.Text>
          )}
        </Space>
      </Card>
      <Card title="您可以">
        {links.length ? (
          <List
            dataSource={links}
            renderItem={(r) => (
              <List.Item actions={[<RightOutlined key="go" />]}>
                <List.Item.Meta
                  avatar={<span style={{ fontSize: 20, color: "#b71c1c" }}>{r.icon}</span>}
                  title={<Link to={r.path}>{r.label}</Link>}
                  description={r.description}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty description="您的账号尚未被授予任何角色，请联系安全保密管理员授权" />
        )}
      </Card>
    </Space>
  );
}
