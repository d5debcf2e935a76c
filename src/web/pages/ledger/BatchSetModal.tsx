/**
 * 批量设置: the same deadline, responsible leader or department on every selected row. Only fields filled in are
 * sent; the server refuses the batch whole if any row may not be filled, naming it.
 */
import { DatePicker, Form, Input, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { LEDGER_BATCH_ACTION_LABELS, type LedgerBatchFields } from "../../../domain/ledger.ts";
import { api } from "../../api.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { isoOf } from "../../components/format.ts";
import type { LedgerRow } from "./types.ts";

interface Values {
  deadline?: Dayjs | null;
  responsibleLeader?: string;
  responsibleDepartment?: string;
}

interface Props {
  open: boolean;
  selected: LedgerRow[];
  onClose: () => void;
  onDone: () => void;
  onError: (e: unknown) => boolean;
}

export function BatchSetModal({ open, selected, onClose, onDone, onError }: Props) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={open}
      name="ledger-batch-set"
      title={LEDGER_BATCH_ACTION_LABELS.set}
      okText="确定"
      form={form}
      onClose={onClose}
      onError={onError}
      destroyOnHidden
      onSubmit={async (v) => {
        const fields: LedgerBatchFields = {};
        const deadline = isoOf(v.deadline);
        if (deadline) fields.deadline = deadline;
        if (v.responsibleLeader?.trim()) fields.responsibleLeader = v.responsibleLeader.trim();
        if (v.responsibleDepartment?.trim()) fields.responsibleDepartment = v.responsibleDepartment.trim();
        if (!Object.keys(fields).length) throw new Error("请至少填写整改时限、责任领导、责任部门中的一项");
        const res = await api.post<{ done: number }>("/api/ledger/batch", {
          action: "set",
          ids: selected.map((r) => r.id),
          fields,
        });
        onClose();
        onDone();
        return `已设置 ${res.done} 条`;
      }}
    >
      <p>
        为已选择的 {selected.length} 条设置下列内容。
        <Typography.Text type="secondary">留空的项不作修改。</Typography.Text>
      </p>
      <Form.Item name="deadline" label="整改时限">
        <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
      </Form.Item>
      <Form.Item name="responsibleLeader" label="责任领导">
        <Input maxLength={60} placeholder="姓名" />
      </Form.Item>
      <Form.Item name="responsibleDepartment" label="责任部门">
        <Input maxLength={100} placeholder="部门（科室）" />
      </Form.Item>
    </FormModal>
  );
}
