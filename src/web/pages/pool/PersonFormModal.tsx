/** 入库 / 修改: a pool person's unit, rank, party status, specialties, status, leader pool and linked account. */
import { Col, Form, Input, Row, Select, Switch } from "antd";
import { useEffect, useState } from "react";
import {
  PARTY_STATUS_LABELS,
  PARTY_STATUSES,
  POOL_RANK_LABELS,
  POOL_RANKS,
  POOL_STATUS_LABELS,
  SPECIALTIES,
} from "../../../domain/pool.ts";
import { api, withQuery } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import type { PoolPerson } from "./types.ts";

interface Values {
  name: string;
  unit: string;
  unitOrgId?: string;
  position?: string;
  rank?: string;
  partyStatus: string;
  specialties: string[];
  status: "reserve" | "formal";
  leaderPool: boolean;
  userId?: string;
  phone?: string;
}

interface Account {
  id: string;
  username: string;
  displayName: string;
}

/** Business accounts to link (searched as typed); the one linked now stays among the options. */
function AccountSelect({ value, onChange, current }: { value?: string; onChange?: (v?: string) => void; current?: Account }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Account[]>([]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api.get<{ items: Account[] }>(withQuery("/api/people", { q: q.trim() })).then(
        (r) => live && setItems(r.items),
        () => live && setItems([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);
  const options = [...(current && !items.some((a) => a.id === current.id) ? [current] : []), ...items];
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder="可不选；关联后，加入巡察组即获得该账号的组内权限"
      options={options.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
    />
  );
}

export function PersonFormModal({
  open,
  person,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The person to change; none to enter a new one. */
  person: PoolPerson | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial: Partial<Values> = person
    ? {
        name: person.name,
        unit: person.unit,
        unitOrgId: person.unitOrgId ?? undefined,
        position: person.position ?? undefined,
        rank: person.rank ?? undefined,
        partyStatus: person.partyStatus,
        specialties: person.specialties,
        status: person.status === "formal" ? "formal" : "reserve",
        leaderPool: person.leaderPool,
        userId: person.userId ?? undefined,
        phone: person.phone ?? undefined,
      }
    : { partyStatus: "full", specialties: [], status: "reserve", leaderPool: false };

  return (
    <FormModal<Values>
      open={open}
      title={person ? `修改：${person.name}` : "人才库入库"}
      okText="保存"
      form={form}
      name="poolPersonForm"
      width={640}
      initialValues={initial}
      destroyOnHidden
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          name: v.name.trim(),
          unit: v.unit.trim(),
          unitOrgId: v.unitOrgId ?? null,
          position: v.position?.trim() || null,
          rank: v.rank ?? null,
          partyStatus: v.partyStatus,
          specialties: v.specialties ?? [],
          status: v.status,
          leaderPool: v.leaderPool,
          userId: v.userId ?? null,
          phone: v.phone?.trim() || null,
        };
        if (person) await api.patch(`/api/pool/${person.id}`, { ...body, version: person.version });
        else await api.post("/api/pool", body);
        onSaved();
        return person ? `已保存 ${body.name} 的修改` : `已将 ${body.name} 纳入人才库`;
      }}
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="unit" label="工作单位" rules={[{ required: true, whitespace: true, message: "请填写工作单位" }]}>
        <Input maxLength={100} placeholder="如：县审计局" />
      </Form.Item>
      <Form.Item name="unitOrgId" label="工作单位（系统中的单位，用于回避）">
        <OrgTreeSelect optional />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="position" label="职务">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="rank" label="职级">
            <Select allowClear options={POOL_RANKS.map((r) => ({ value: r, label: POOL_RANK_LABELS[r] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="partyStatus" label="政治面貌" rules={[{ required: true, message: "请选择政治面貌" }]}>
            <Select options={PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label="人员状态" rules={[{ required: true, message: "请选择人员状态" }]}>
            <Select options={(["reserve", "formal"] as const).map((s) => ({ value: s, label: POOL_STATUS_LABELS[s] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="specialties" label="专长" extra="可选择，也可输入其他专长后回车">
        <Select mode="tags" maxCount={10} options={SPECIALTIES.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="userId" label="关联账号">
        <AccountSelect
          current={
            person?.userId && person.username
              ? { id: person.userId, username: person.username, displayName: person.name }
              : undefined
          }
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leaderPool" label="纳入组长库" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
