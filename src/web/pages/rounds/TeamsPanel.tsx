/**
 * A round's teams (巡察组) and their members; the office forms teams and adds or removes members. Each team shows
 * its temporary party branch's secretary (the leader) and the talent-pool rules' warnings (e.g. team size).
 */
import { PlusOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Space, Table, Tag, Tooltip, Typography } from "antd";
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
            <Col key={team.id} xs={24} xxl={12}>
              <Card
                size="small"
                type="inner"
                title={
                  <Space size={8} wrap>
                    {team.name}
                    <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 13 }}>
                      临时党支部书记：{team.branchSecretary ?? "未配备"}
                    </Typography.Text>
                    <Tag>人才库人员 {team.poolMemberCount} 人</Tag>
                  </Space>
                }
                extra={
                  canManage && (
                    <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setMemberFor(team)}>
                      添加成员
                    </Button>
                  )
                }
              >
                {team.warnings.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 8 }}
                    message={team.warnings.length === 1 ? team.warnings[0] : "组队提示"}
                    description={
                      team.warnings.length > 1 ? (
                        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                          {team.warnings.map((w) => (
                            <li key={w}>{w}</li>
                          ))}
                        </ul>
                      ) : undefined
                    }
                  />
                )}
                <Table<TeamMember>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={[...team.members].sort(
                    (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position),
                  )}
                  locale={{ emptyText: "暂无成员" }}
                  columns={[
                    {
                      title: "姓名",
                      dataIndex: "displayName",
                      render: (v: string, m) => (
                        <Space size={4} wrap>
                          {v}
                          {m.poolPersonId === null && <Tag>账号</Tag>}
                          {m.poolStatus === "removed" && <Tag color="red">已清退</Tag>}
                        </Space>
                      ),
                    },
                    { title: "单位 / 账号", key: "unit", render: (_: unknown, m) => m.unit ?? m.username ?? "—" },
                    {
                      title: "职务",
                      dataIndex: "positionLabel",
                      render: (v: string, m) => <Tag color={POSITION_COLORS[m.position]}>{v}</Tag>,
                    },
                    {
                      title: "说明",
                      key: "notes",
                      render: (_: unknown, m) => (
                        <Space size={4} wrap>
                          {m.partyStatusLabel && <Typography.Text type="secondary">{m.partyStatusLabel}</Typography.Text>}
                          {m.specialistReason && (
                            <Tooltip title={m.specialistReason}>
                              <Tag color="purple">专业人才</Tag>
                            </Tooltip>
                          )}
                          {m.overrideReason && (
                            <Tooltip title={m.overrideReason}>
                              <Tag color="orange">破格选配</Tag>
                            </Tooltip>
                          )}
                        </Space>
                      ),
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
