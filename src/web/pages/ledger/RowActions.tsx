/** The drawer's footer: 申请销号 / 销号 / 退回 / 问题反弹, each only when the row allows it, each through a small form. */
import { Button, DatePicker, Form, Input, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { LedgerRow } from "./types.ts";

type Action = "request" | "close" | "return" | "reopen";

const TITLES: Record<Action, string> = { request: "申请销号", close: "审核销号", return: "退回销号申请", reopen: "问题反弹" };
const DONE: Record<Action, string> = {
  request: "已申请销号",
  close: "已销号",
  return: "已退回",
  reopen: "已登记问题反弹，条目重新打开",
};

interface Values {
  text?: string;
  foundWhere?: string;
  foundOn?: Dayjs;
}

function bodyOf(action: Action, v: Values) {
  const text = v.text?.trim() || null;
  if (action === "request") return { url: "request-closeout", body: { note: text } };
  if (action === "close") return { url: "close", body: { opinion: text } };
  if (action === "return") return { url: "return", body: { reason: text } };
  return { url: "reopen", body: { reason: text, foundWhere: v.foundWhere?.trim(), foundOn: isoOf(v.foundOn) } };
}

export const hasRowActions = (row: LedgerRow) => row.can.requestCloseout || row.can.close || row.can.return || row.can.reopen;

export function RowActions({ row, onDone }: { row: LedgerRow; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<Values>();

  const { can } = row;
  if (!hasRowActions(row)) return null;

  return (
    <Space style={{ display: "flex", justifyContent: "flex-end" }}>
      {can.return && (
        <Button danger onClick={() => setAction("return")}>
          退回
        </Button>
      )}
      {can.close && (
        <Button type="primary" onClick={() => setAction("close")}>
          销号
        </Button>
      )}
      {can.requestCloseout && (
        <Button type="primary" onClick={() => setAction("request")}>
          申请销号
        </Button>
      )}
      {can.reopen && (
        <Button danger onClick={() => setAction("reopen")}>
          问题反弹
        </Button>
      )}
      <FormModal<Values>
        open={action !== null}
        title={action ? `${TITLES[action]}：第${row.seqLabel}条` : ""}
        okText="确定"
        danger={action === "return" || action === "reopen"}
        form={form}
        initialValues={{ foundOn: dayjs() }}
        onClose={() => setAction(null)}
        onSubmit={async (v) => {
          if (!action) return;
          const { url, body } = bodyOf(action, v);
          await api.post(`/api/ledger/${row.id}/${url}`, body);
          setAction(null);
          onDone();
          return DONE[action];
        }}
        destroyOnHidden
      >
        {action === "request" && (
          <>
            <p>申请销号前须已填写整改措施并上传佐证材料；申请后整改进展记为“已完成”，等待巡察办审核。</p>
            <Form.Item name="text" label="申请说明（可选）">
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
        {action === "close" && (
          <Form.Item name="text" label="审核意见（可选）">
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：佐证材料齐全，同意销号" />
          </Form.Item>
        )}
        {action === "return" && (
          <Form.Item name="text" label="退回理由" rules={[{ required: true, whitespace: true, message: "请填写退回理由" }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="说明需要补充或改正的内容" />
          </Form.Item>
        )}
        {action === "reopen" && (
          <>
            <Form.Item name="text" label="反弹情况" rules={[{ required: true, whitespace: true, message: "请填写反弹情况" }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item
              name="foundWhere"
              label="发现途径"
              rules={[{ required: true, whitespace: true, message: "请填写在何处再次发现" }]}
            >
              <Input maxLength={200} placeholder="如：回头看、第N轮巡察" />
            </Form.Item>
            <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: "请选择发现日期" }]}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Space>
  );
}
