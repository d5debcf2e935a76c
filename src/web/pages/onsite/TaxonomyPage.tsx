/**
 * 问题分类: the two-level finding taxonomy. The office edits it as one tree — add, rename, reorder, deactivate, and
 * delete what no finding uses — and saves it at once; others read it. Codes never change (findings keep them).
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, List, Space, Switch, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import type { TaxonomyNode, TaxonomyTree } from "../assignments/types.ts";

interface DraftNode {
  /** Stable while editing: the code, or a temporary key for an added one. */
  key: string;
  code: string | null;
  name: string;
  active: boolean;
  inUse: number;
}
interface DraftCategory extends DraftNode {
  children: DraftNode[];
}

let added = 0;
const newNode = (name: string): DraftNode => ({ key: `new-${++added}`, code: null, name, active: true, inUse: 0 });
const toDraft = (n: TaxonomyNode): DraftNode => ({ key: n.code, code: n.code, name: n.name, active: n.active, inUse: n.inUse });
const draftOf = (t: TaxonomyTree): DraftCategory[] =>
  t.categories.map((c) => ({ ...toDraft(c), children: c.children.map(toDraft) }));
const bodyOf = (d: DraftCategory[]) =>
  d.map((c) => ({
    code: c.code,
    name: c.name.trim(),
    active: c.active,
    children: c.children.map((s) => ({ code: s.code, name: s.name.trim(), active: s.active })),
  }));

function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** One line of the editor: name, active switch, order buttons, delete (refused while in use). */
function NodeLine({
  node,
  editable,
  first,
  last,
  usedBelow = 0,
  onChange,
  onMove,
  onRemove,
}: {
  node: DraftNode;
  editable: boolean;
  first: boolean;
  last: boolean;
  usedBelow?: number;
  onChange: (patch: Partial<DraftNode>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const used = node.inUse + usedBelow;
  return (
    <Space wrap style={{ width: "100%" }}>
      {editable ? (
        <Input
          value={node.name}
          maxLength={50}
          status={node.name.trim() ? undefined : "error"}
          placeholder="请填写分类名称"
          onChange={(e) => onChange({ name: e.target.value })}
          style={{ width: 280 }}
          aria-label="分类名称"
        />
      ) : (
        <Typography.Text delete={!node.active}>{node.name}</Typography.Text>
      )}
      {editable ? (
        <Switch
          checked={node.active}
          checkedChildren="启用"
          unCheckedChildren="停用"
          onChange={(active) => onChange({ active })}
        />
      ) : (
        !node.active && <Tag>已停用</Tag>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {node.code ? `代码 ${node.code}` : "新增"}
        {used > 0 && ` · ${used} 处使用`}
      </Typography.Text>
      {editable && (
        <>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove(-1)} aria-label="上移" />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(1)} aria-label="下移" />
          <Tooltip title={used > 0 ? "已被问题使用，不能删除，只能停用" : undefined}>
            <Button size="small" danger icon={<DeleteOutlined />} disabled={used > 0} onClick={onRemove} aria-label="删除" />
          </Tooltip>
        </>
      )}
    </Space>
  );
}

export default function TaxonomyPage() {
  const { data, loading, failed } = useGet<TaxonomyTree>("/api/finding-categories");
  /** The tree as last read or saved: what the draft is compared with and whose revision a save names. */
  const [base, setBase] = useState<TaxonomyTree | null>(null);
  const [draft, setDraft] = useState<DraftCategory[] | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useApiError();

  useEffect(() => {
    if (!data) return;
    setBase(data);
    setDraft(draftOf(data));
  }, [data]);

  if (!base || !draft) {
    return <Card loading={loading && !failed}>{failed && <Empty description="无法加载问题分类" />}</Card>;
  }
  const editable = base.can.update;
  const dirty = JSON.stringify(bodyOf(draft)) !== JSON.stringify(bodyOf(draftOf(base)));
  const blank = draft.some((c) => !c.name.trim() || c.children.some((s) => !s.name.trim()));

  const setCategory = (i: number, patch: Partial<DraftCategory>) =>
    setDraft(draft.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const setChildren = (i: number, children: DraftNode[]) => setCategory(i, { children });

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.put<TaxonomyTree>("/api/finding-categories", {
        revision: base.revision,
        categories: bodyOf(draft),
      });
      setBase(saved);
      setDraft(draftOf(saved));
      void message.success("已保存问题分类");
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title="问题分类"
        extra={
          editable && (
            <Space>
              <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => setDraft(draftOf(base))}>
                撤销修改
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty || blank}
                loading={saving}
                onClick={() => void save()}
              >
                保存
              </Button>
            </Space>
          )
        }
      >
        <Alert
          type="info"
          showIcon
          message="问题分为两级：问题类别和细分类别。已被问题使用的分类不能删除，只能停用；停用后登记问题时不再可选，已有问题保留原分类。"
        />
      </Card>
      {draft.map((c, i) => (
        <Card
          key={c.key}
          size="small"
          title={
            <NodeLine
              node={c}
              editable={editable}
              first={i === 0}
              last={i === draft.length - 1}
              usedBelow={c.children.reduce((n, s) => n + s.inUse, 0)}
              onChange={(patch) => setCategory(i, patch)}
              onMove={(by) => setDraft(move(draft, i, by))}
              onRemove={() => setDraft(draft.filter((_, k) => k !== i))}
            />
          }
          extra={
            editable && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setChildren(i, [...c.children, newNode("新细分类别")])}>
                添加细分类别
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={c.children}
            locale={{ emptyText: "暂无细分类别" }}
            renderItem={(s, j) => (
              <List.Item key={s.key} style={{ paddingLeft: 24 }}>
                <NodeLine
                  node={s}
                  editable={editable}
                  first={j === 0}
                  last={j === c.children.length - 1}
                  onChange={(patch) =>
                    setChildren(
                      i,
                      c.children.map((x, k) => (k === j ? { ...x, ...patch } : x)),
                    )
                  }
                  onMove={(by) => setChildren(i, move(c.children, j, by))}
                  onRemove={() =>
                    setChildren(
                      i,
                      c.children.filter((_, k) => k !== j),
                    )
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
      {editable && (
        <Button
          block
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setDraft([...draft, { ...newNode("新问题类别"), children: [] }])}
        >
          添加问题类别
        </Button>
      )}
    </Space>
  );
}
