/**
 * The footer bar under the ledger table: batch 申请销号 / 销号 / 退回 for the selected rows. Each button shows only
 * when at least one selected row allows it; 批量设置 (deadline, responsible people) only when every selected row may
 * be filled. The server runs the batch whole or refuses it whole, naming the rows.
 */
import { App, Button, Form, Input, Space, Typography, theme } from "antd";
import { useState } from "react";
import { LEDGER_BATCH_ACTION_LABELS, type LedgerBatchAction } from "../../../domain/ledger.ts";
import { api, ApiError } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { BatchSetModal } from "./BatchSetModal.tsx";
import type { LedgerAbilities, LedgerRow } from "./types.ts";

type WorkflowAction = Exclude<LedgerBatchAction, "set">;

const ABILITY: Record<WorkflowAction, keyof LedgerAbilities> = {
  request_closeout: "requestCloseout",
  close: "close",
  return: "return",
};

const TEXT_LABEL: Record<WorkflowAction, string> = {
  request_closeout: "申请说明（可选）",
  close: "审核意见（可选）",
  return: "退回理由",
};

interface Props {
  selected: LedgerRow[];
  onClear: () => void;
  onDone: () => void;
}

export function BatchBar({ selected, onClear, onDone }: Props) {
  const { token } = theme.useToken();
  const { modal } = App.useApp();
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const [setting, setSetting] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();

  const actions = (Object.keys(ABILITY) as WorkflowAction[]).filter((a) => selected.some((r) => r.can[ABILITY[a]]));
  const canSet = selected.length > 0 && selected.every((r) => r.can.fill);
  if (!selected.length || (!actions.length && !canSet)) return null;

  // A refused batch names every row that blocked it: too long for a toast.
  const refusedAs = (title: string) => (e: unknown) => {
    if (!(e instanceof ApiError && !e.handled && (e.status === 403 || e.status === 422))) return false;
    modal.error({ title: `${title}未执行`, content: e.message, width: 560, okText: "知道了" });
    return true;
  };
  const refused = (e: unknown) => !!action && refusedAs(`批量${LEDGER_BATCH_ACTION_LABELS[action]}`)(e);

  const open = (a: WorkflowAction) => {
    form.resetFields();
    setAction(a);
  };
  const allowedCount = (a: WorkflowAction) => selected.filter((r) => r.can[ABILITY[a]]).length;

  return (
    <div
      style={{
        position: "sticky",
        bottom: 0,
        zIndex: 5,
        marginTop: 12,
        padding: "10px 16px",
        background: token.colorBgContainer,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        boxShadow: "0 -4px 12px rgba(0,0,0,0.06)",
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
      }}
    >
      <Space>
        <Typography.Text>
          已选择 <Typography.Text strong>{selected.length}</Typography.Text> 条
        </Typography.Text>
        <Button type="link" size="small" onClick={onClear}>
          取消选择
        </Button>
      </Space>
      <Space>
        {canSet && <Button onClick={() => setSetting(true)}>{LEDGER_BATCH_ACTION_LABELS.set}</Button>}
        {actions.includes("request_closeout") && (
          <Button type="primary" onClick={() => open("request_closeout")}>
            批量申请销号
          </Button>
        )}
        {actions.includes("close") && (
          <Button type="primary" onClick={() => open("close")}>
            批量销号
          </Button>
        )}
        {actions.includes("return") && (
          <Button danger onClick={() => open("return")}>
            批量退回
          </Button>
        )}
      </Space>
      <FormModal<{ reason?: string }>
        open={action !== null}
        title={action ? `批量${LEDGER_BATCH_ACTION_LABELS[action]}` : ""}
        okText="确定"
        danger={action === "return"}
        form={form}
        onClose={() => setAction(null)}
        onSubmit={async ({ reason }) => {
          if (!action) return;
          const res = await api.post<{ done: number }>("/api/ledger/batch", {
            action,
            ids: selected.map((r) => r.id),
            reason: reason?.trim() || null,
          });
          setAction(null);
          onDone();
          return `已${LEDGER_BATCH_ACTION_LABELS[action]} ${res.done} 条`;
        }}
        onError={refused}
        destroyOnHidden
      >
        {action && (
          <>
            <p>
              对已选择的 {selected.length} 条执行“{LEDGER_BATCH_ACTION_LABELS[action]}”。
              {allowedCount(action) < selected.length && (
                <Typography.Text type="warning">
                  其中 {selected.length - allowedCount(action)} 条不能执行此操作，提交后整批将被拒绝，请先取消选择这些条目。
                </Typography.Text>
              )}
            </p>
            <Form.Item
              name="reason"
              label={TEXT_LABEL[action]}
              rules={action === "return" ? [{ required: true, whitespace: true, message: "请填写退回理由" }] : []}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
      </FormModal>
      <BatchSetModal
        open={setting}
        selected={selected}
        onClose={() => setSetting(false)}
        onDone={onDone}
        onError={refusedAs(LEDGER_BATCH_ACTION_LABELS.set)}
      />
    </div>
  );
}
