/** 新增巡察任务: a team inspects an organisation; withdrawal defaults by working days on the server. */
import { Alert, DatePicker, Form, Select, type FormRule } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../api.ts";
import { isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { OrgTreeSelect } from "../../components/OrgTreeSelect.tsx";
import type { Team } from "./types.ts";

interface Values {
  teamId: string;
  orgId: string;
  entryDate?: Dayjs | null;
  withdrawalDate?: Dayjs | null;
  feedbackDate?: Dayjs | null;
}

/** A date field's rule: not before the date in `other` (either may be empty). */
const notBefore =
  (other: keyof Values, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, value: Dayjs | null | undefined) => {
      const earlier = getFieldValue(other) as Dayjs | null | undefined;
      return value && earlier && value.isBefore(earlier, "day") ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });

export function AssignmentFormModal({
  open,
  roundId,
  teams,
  onClose,
  onSaved,
}: {
  open: boolean;
  roundId: string;
  teams: Team[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();

  return (
    <FormModal<Values>
      open={open}
      title="新增巡察任务"
      okText="保存"
      form={form}
      name="assignmentForm"
      initialValues={teams.length === 1 ? { teamId: teams[0]!.id } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post(`/api/rounds/${roundId}/assignments`, {
          teamId: v.teamId,
          orgId: v.orgId,
          entryDate: isoOf(v.entryDate),
          withdrawalDate: isoOf(v.withdrawalDate),
          feedbackDate: isoOf(v.feedbackDate),
        });
        onSaved();
        return "已新增巡察任务";
      }}
      width={560}
    >
      <Form.Item name="teamId" label="巡察组" rules={[{ required: true, message: "请选择巡察组" }]}>
        <Select options={teams.map((t) => ({ value: t.id, label: t.name }))} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="orgId" label="被巡察单位" rules={[{ required: true, message: "请选择被巡察单位" }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="entryDate" label="进驻日期">
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="withdrawalDate"
        label="撤点日期"
        dependencies={["entryDate"]}
        rules={[notBefore("entryDate", "撤点日期不能早于进驻日期")]}
      >
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        message="撤点日期留空时按工作日自动计算：村（社区）7个工作日，其他40个工作日"
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="feedbackDate"
        label="反馈日期"
        dependencies={["withdrawalDate"]}
        rules={[notBefore("withdrawalDate", "反馈日期不能早于撤点日期")]}
      >
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}
