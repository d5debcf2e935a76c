/** 添加成员: search business accounts by name, choose the position (组长/副组长/成员/联络员). */
import { Form, Select, Spin } from "antd";
import { useEffect, useState } from "react";
import { TEAM_POSITION_LABELS, TEAM_POSITIONS, type TeamPosition } from "../../../domain/roles.ts";
import { api, withQuery } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Team } from "./types.ts";

interface Person {
  id: string;
  username: string;
  displayName: string;
}
interface Values {
  userId: string;
  position: TeamPosition;
}

/** People matching what is typed, fetched a moment after typing stops. */
function usePeople(q: string, enabled: boolean): { people: Person[]; loading: boolean } {
  const [state, setState] = useState<{ key: string | null; people: Person[] }>({ key: null, people: [] });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const t = setTimeout(() => {
      api.get<{ items: Person[] }>(withQuery("/api/people", { q: q.trim() })).then(
        (r) => live && setState({ key: q, people: r.items }),
        () => live && setState({ key: q, people: [] }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, enabled]);
  return { people: state.people, loading: enabled && state.key !== q };
}

export function MemberModal({ team, onClose, onSaved }: { team: Team | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState("");
  const { people, loading } = usePeople(q, team !== null);
  const taken = new Set(team?.members.map((m) => m.userId) ?? []);

  return (
    <FormModal<Values>
      open={team !== null}
      title={`添加成员：${team?.name ?? ""}`}
      okText="添加"
      form={form}
      name="memberForm"
      initialValues={{ position: "member" }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!team) return;
        await api.post(`/api/teams/${team.id}/members`, { userId: v.userId, position: v.position });
        const who = people.find((p) => p.id === v.userId)?.displayName ?? "成员";
        onSaved();
        return `已将 ${who} 加入${team.name}（${TEAM_POSITION_LABELS[v.position]}）`;
      }}
    >
      <Form.Item name="userId" label="人员" rules={[{ required: true, message: "请选择人员" }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          placeholder="输入姓名或用户名搜索"
          notFoundContent={loading ? <Spin size="small" /> : "没有找到匹配的人员"}
          options={people.map((p) => ({
            value: p.id,
            label: `${p.displayName}（${p.username}）${taken.has(p.id) ? " — 已在本组" : ""}`,
            disabled: taken.has(p.id),
          }))}
        />
      </Form.Item>
      <Form.Item name="position" label="职务" rules={[{ required: true, message: "请选择职务" }]}>
        <Select options={TEAM_POSITIONS.map((p) => ({ value: p, label: TEAM_POSITION_LABELS[p] }))} />
      </Form.Item>
    </FormModal>
  );
}
