/** A round's teams (巡察组) and their members; the office forms teams and adds or removes members. */
import { PlusOutlined, UserAddOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Table, Tag } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useApiError } from "../../components/useApiError.ts";
import { MemberModal } from "./MemberModal.tsx";
import type { Team, TeamMember } from "./types.ts";

const POSITION_COLORS: Record<string, string> = { leader: "red", deputy_leader: "volcano", member: "default", liaison: "blue" };
const POSITION_ORDER = ["leader", "deputy_leader", "member", "liaison"];

function NewTeamModal({
  open,
  roundId,
  onClose,
  onSaved,
}: {
  open: boolean;
  roundId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<{ name: string }>();

  return (
    <FormModal<{ name: string }>
      open={open}
      title="组建巡察组"
      okText="保存"
      form={form}
      name="teamForm"
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post(`/api/rounds/${roundId}/teams`, { name: v.name.trim() });
        onSaved();
        return `已组建“${v.name.trim()}”`;
      }}
    >
      <Form.Item
        name="name"
        label="巡察组名称"
        rules={[
          { required: true, whitespace: true, message: "请填写巡察组名称" },
          { max: 60, message: "不能超过 60 个字" },
        ]}
      >
        <Input placeholder="如：第一巡察组" />
      </Form.Item>
    </FormModal>
  );
}

export function TeamsPanel({
  roundId,
  teams,
  canManage,
  onChanged,
}: {
  roundId: string;
  teams: Team[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const [newTeam, setNewTeam] = useState(false);
  const [memberFor, setMemberFor] = useState<Team | null>(null);
  const { message } = App.useApp();
  const showError = useApiError();

  const remove = async (team: Team, m: TeamMember) => {
    try {
      await api.del(`/api/teams/${team.id}/members/${m.id}`);
      void message.success(`已将 ${m.displayName} 移出${team.name}`);
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card
      title="巡察组"
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setNewTeam(true)}>
            组建巡察组
          </Button>
        )
      }
    >
      {!teams.length ? (
        <Empty description="尚未组建巡察组" />
      ) : (
        <Row gutter={[16, 16]}>
          {teams.map((team) => (
            <Col key={team.id} xs={24} lg={12} xxl={8}>
              <Card
                size="small"
                type="inner"
                title={team.name}
                extra={
                  canManage && (
                    <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setMemberFor(team)}>
                      添加成员
                    </Button>
                  )
                }
              >
                <Table<TeamMember>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={[...team.members].sort(
                    (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position),
                  )}
                  locale={{ emptyText: "暂无成员" }}
                  columns={[
                    { title: "姓名", dataIndex: "displayName" },
                    { title: "用户名", dataIndex: "username" },
                    {
                      title: "职务",
                      dataIndex: "positionLabel",
                      render: (v: string, m) => <Tag color={POSITION_COLORS[m.position]}>{v}</Tag>,
                    },
                    ...(canManage
                      ? [
                          {
                            title: "操作",
                            key: "remove",
                            width: 64,
                            render: (_: unknown, m: TeamMember) => (
                              <Popconfirm
                                title={`将 ${m.displayName} 移出${team.name}？`}
                                okText="移除"
                                okButtonProps={{ danger: true }}
                                onConfirm={() => remove(team, m)}
                              >
                                <Button type="link" size="small" danger>
                                  移除
                                </Button>
                              </Popconfirm>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <NewTeamModal
        open={newTeam}
        roundId={roundId}
        onClose={() => setNewTeam(false)}
        onSaved={() => (setNewTeam(false), onChanged())}
      />
      <MemberModal team={memberFor} onClose={() => setMemberFor(null)} onSaved={() => (setMemberFor(null), onChanged())} />
    </Card>
  );
}
