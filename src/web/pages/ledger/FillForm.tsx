/** 填报: what the organisation's contact fills in on an open row. Sends the row's version; a stale one is refused (409). */
import { App, Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import {
  PROGRESS_LABELS,
  PROGRESS_STATES,
  RECTIFICATION_KINDS,
  RECTIFICATION_KIND_LABELS,
  type ProgressState,
  type RectificationKind,
} from "../../../domain/ledger.ts";
import { api, ApiError } from "../../api.ts";
import { keepEnterInDates } from "../../components/dateEnter.ts";
import { dayOf, isoOf } from "../../components/format.ts";
import { useFormSubmit } from "../../components/useFormSubmit.ts";
import type { LedgerRow } from "./types.ts";

interface Values {
  measures?: string;
  responsibleLeader?: string;
  responsibleDepartment?: string;
  deadline?: Dayjs | null;
  kind?: RectificationKind | null;
  progress: ProgressState;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function FillForm({ row, onSaved, onStale }: { row: LedgerRow; onSaved: () => void; onStale: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { saving, finish } = useFormSubmit(
    form,
    async (v: Values) => {
      await api.patch(`/api/ledger/${row.id}`, {
        version: row.version,
        measures: orNull(v.measures),
        responsibleLeader: orNull(v.responsibleLeader),
        responsibleDepartment: orNull(v.responsibleDepartment),
        deadline: isoOf(v.deadline),
        kind: v.kind ?? null,
        progress: v.progress,
      });
      onSaved();
      return "已保存填报内容";
    },
    {
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 409)) return false;
        void message.warning("该条目已被他人修改，已刷新");
        onStale();
        return true;
      },
    },
  );

  const progressOptions = PROGRESS_STATES.map((p) => ({ value: p, label: PROGRESS_LABELS[p] }));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={finish}
      onKeyDown={keepEnterInDates}
      initialValues={{
        measures: row.measures ?? "",
        responsibleLeader: row.responsibleLeader ?? "",
        responsibleDepartment: row.responsibleDepartment ?? "",
        deadline: dayOf(row.deadline),
        kind: row.kind,
        progress: row.progress,
      }}
    >
      <Form.Item name="measures" label="整改措施">
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={4000}
          showCount
          placeholder="针对该问题采取的具体整改措施"
        />
      </Form.Item>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: 16 }}>
        <Form.Item name="responsibleLeader" label="责任领导">
          <Input maxLength={60} placeholder="姓名" />
        </Form.Item>
        <Form.Item name="responsibleDepartment" label="责任部门">
          <Input maxLength={100} placeholder="部门（科室）" />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限">
          <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
        </Form.Item>
        <Form.Item name="kind" label="整改类型">
          <Select
            allowClear
            placeholder="请选择"
            options={RECTIFICATION_KINDS.map((k) => ({ value: k, label: RECTIFICATION_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item name="progress" label="整改进展" extra="整改完成后请上传佐证材料并申请销号">
          <Select options={progressOptions} />
        </Form.Item>
      </div>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存填报
        </Button>
      </Form.Item>
    </Form>
  );
}
