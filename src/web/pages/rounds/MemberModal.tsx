/**
 * 添加成员: a talent-pool person (with the suggestions for this team, filtered by specialty) or an account alone,
 * and the position. The server judges the pool rules (party membership, recusal, leader pool); a refusal stays
 * on screen in the dialog, with its reason.
 */
import { Alert, Button, Empty, Form, Input, List, Radio, Select, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { SPECIALTIES } from "../../../domain/pool.ts";
import { TEAM_POSITION_LABELS, TEAM_POSITIONS, type TeamPosition } from "../../../domain/roles.ts";
import { api, ApiError, withQuery } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useGet } from "../../components/useGet.ts";
import type { PoolPerson, Suggestion } from "../pool/types.ts";
import type { Team } from "./types.ts";

interface Account {
  id: string;
  username: string;
  displayName: string;
}
interface Values {
  source: "pool" | "account";
  poolPersonId?: string;
  userId?: string;
  position: TeamPosition;
  specialistReason?: string;
  overrideReason?: string;
}

/** Accounts matching what is typed, fetched a moment after typing stops. */
function useAccounts(q: string, enabled: boolean): { accounts: Account[]; loading: boolean } {
  const [state, setState] = useState<{ key: string | null; accounts: Account[] }>({ key: null, accounts: [] });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const t = setTimeout(() => {
      api.get<{ items: Account[] }>(withQuery("/api/people", { q: q.trim() })).then(
        (r) => live && setState({ key: q, accounts: r.items }),
        () => live && setState({ key: q, accounts: [] }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, enabled]);
  return { accounts: state.accounts, loading: enabled && state.key !== q };
}

const personLabel = (p: PoolPerson) =>
  `${p.name}（${p.unit}）${p.specialties.length ? ` · ${p.specialties.join("、")}` : ""}${p.leaderPool ? " · 组长库" : ""}`;

function Suggestions({ teamId, onPick }: { teamId: string; onPick: (p: PoolPerson) => void }) {
  const [specialty, setSpecialty] = useState<string | null>(null);
  const { data, loading } = useGet<{ items: Suggestion[] }>(withQuery(`/api/teams/${teamId}/suggestions`, { specialty }));
  return (
    <div style={{ marginBottom: 16 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>推荐人选</Typography.Text>
        <Typography.Text type="secondary">正式人员，已排除回避和本轮已在组人员</Typography.Text>
        <Select
          allowClear
          size="small"
          placeholder="按专长筛选"
          aria-label="按专长筛选"
          style={{ width: 140 }}
          value={specialty}
          onChange={(v?: string) => setSpecialty(v ?? null)}
          options={SPECIALTIES.map((s) => ({ value: s, label: s }))}
        />
      </Space>
      <List<Suggestion>
        size="small"
        bordered
        loading={loading}
        dataSource={(data?.items ?? []).slice(0, 6)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可推荐的人选" /> }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button key="pick" type="link" size="small" onClick={() => onPick(s.person)}>
                选用
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {s.person.name}
                  <Typography.Text type="secondary">{s.person.unit}</Typography.Text>
                  {s.specialtyMatch && <Tag color="green">专长匹配</Tag>}
                  {s.person.leaderPool && <Tag color="gold">组长库</Tag>}
                </Space>
              }
              description={s.reason}
            />
          </List.Item>
        )}
      />
    </div>
  );
}

export function MemberModal({ team, onClose, onSaved }: { team: Team | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const source = Form.useWatch("source", form) ?? "pool";
  const poolPersonId = Form.useWatch("poolPersonId", form);
  const position = Form.useWatch("position", form);
  const open = team !== null;
  const { accounts, loading } = useAccounts(q, open && source === "account");
  const pool = useGet<{ items: PoolPerson[] }>(open ? "/api/pool" : null);
  const people = useMemo(() => pool.data?.items ?? [], [pool.data]);
  const chosen = people.find((p) => p.id === poolPersonId);
  const takenPeople = new Set(team?.members.map((m) => m.poolPersonId) ?? []);
  const takenAccounts = new Set(team?.members.map((m) => m.userId) ?? []);

  useEffect(() => {
    if (open) setRefusal(null);
  }, [open]);

  return (
    <FormModal<Values>
      open={open}
      title={`添加成员：${team?.name ?? ""}`}
      okText="添加"
      form={form}
      name="memberForm"
      width={720}
      initialValues={{ source: "pool", position: "member" }}
      onClose={onClose}
      onError={(e) => {
        // A rule's refusal stays in the dialog, with its reason, while the office decides what to change.
        if (e instanceof ApiError && (e.code === "rule_violation" || e.code === "conflict")) {
          setRefusal(e.message);
          return true;
        }
        return false;
      }}
      onSubmit={async (v) => {
        if (!team) return;
        setRefusal(null);
        const body =
          v.source === "pool"
            ? {
                poolPersonId: v.poolPersonId,
                position: v.position,
                specialistReason: v.specialistReason?.trim() || null,
                overrideReason: v.overrideReason?.trim() || null,
              }
            : { userId: v.userId, position: v.position };
        const { member } = await api.post<{ member: { displayName: string } }>(`/api/teams/${team.id}/members`, body);
        onSaved();
        return `已将 ${member.displayName} 加入${team.name}（${TEAM_POSITION_LABELS[v.position]}）`;
      }}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          message="不能加入该巡察组"
          description={refusal}
          style={{ marginBottom: 16 }}
          data-testid="member-refusal"
        />
      )}
      <Form.Item name="source" label="人员来源">
        <Radio.Group
          optionType="button"
          onChange={() => setRefusal(null)}
          options={[
            { value: "pool", label: "从人才库选配" },
            { value: "account", label: "系统账号（不计入人才库人数）" },
          ]}
        />
      </Form.Item>
      {source === "pool" ? (
        <>
          {team && (
            <Suggestions
              teamId={team.id}
              onPick={(p) => {
                form.setFieldValue("poolPersonId", p.id);
                setRefusal(null);
              }}
            />
          )}
          <Form.Item name="poolPersonId" label="人才库人员" rules={[{ required: true, message: "请选择人才库人员" }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="输入姓名、单位或专长搜索"
              loading={pool.loading}
              notFoundContent={pool.loading ? <Spin size="small" /> : "人才库中没有匹配的人员"}
              onChange={() => setRefusal(null)}
              options={people.map((p) => ({
                value: p.id,
                label: `${personLabel(p)}${takenPeople.has(p.id) ? " — 已在本组" : ""}`,
                disabled: takenPeople.has(p.id),
              }))}
            />
          </Form.Item>
          {chosen && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              {chosen.partyStatusLabel}
              {chosen.rankLabel ? ` · ${chosen.rankLabel}` : ""} · {chosen.statusLabel} · 已参加 {chosen.roundsServed} 轮巡察
            </Typography.Paragraph>
          )}
          {chosen && chosen.partyStatus === "none" && (
            <Form.Item
              name="specialistReason"
              label="专业人才理由"
              extra="非中共党员只有作为急需的专业人才并填写理由才能加入巡察组"
              rules={[{ max: 500, message: "不能超过 500 个字" }]}
            >
              <Input.TextArea rows={2} placeholder="如：工程项目审查急需" />
            </Form.Item>
          )}
          {chosen && position === "leader" && !chosen.leaderPool && (
            <Form.Item
              name="overrideReason"
              label="破格选配理由"
              extra="组长应从组长库选配；不在组长库的，须由巡察办填写理由"
              rules={[{ max: 500, message: "不能超过 500 个字" }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
        </>
      ) : (
        <Form.Item name="userId" label="账号" rules={[{ required: true, message: "请选择账号" }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder="输入姓名或用户名搜索"
            notFoundContent={loading ? <Spin size="small" /> : "没有找到匹配的人员"}
            options={accounts.map((p) => ({
              value: p.id,
              label: `${p.displayName}（${p.username}）${takenAccounts.has(p.id) ? " — 已在本组" : ""}`,
              disabled: takenAccounts.has(p.id),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="position" label="职务" rules={[{ required: true, message: "请选择职务" }]}>
        <Select
          onChange={() => setRefusal(null)}
          options={TEAM_POSITIONS.map((p) => ({ value: p, label: TEAM_POSITION_LABELS[p] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
