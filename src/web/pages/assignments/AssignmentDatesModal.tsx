/** 修改日期: entry, withdrawal and feedback dates of one assignment (feedback date is fixed once feedback is registered). */
import { Alert, DatePicker, Form } from "antd";
import type { Dayjs } from "dayjs";
import { assignmentDateProblems } from "../../../domain/round.ts";
import { api } from "../../api.ts";
import { dayOf, isoOf } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { AssignmentSummary } from "../rounds/types.ts";

interface Values {
  entryDate: Dayjs | null;
  withdrawalDate: Dayjs | null;
  feedbackDate: Dayjs | null;
}

export function AssignmentDatesModal({
  assignment,
  open,
  onClose,
  onSaved,
}: {
  assignment: AssignmentSummary;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();

  return (
    <FormModal<Values>
      open={open}
      title={`修改日期：${assignment.orgName}`}
      okText="保存"
      form={form}
      name="assignmentDatesForm"
      initialValues={{
        entryDate: dayOf(assignment.entryDate),
        withdrawalDate: dayOf(assignment.withdrawalDate),
        feedbackDate: dayOf(assignment.feedbackDate),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const dates = {
          entryDate: isoOf(v.entryDate) ?? null,
          withdrawalDate: isoOf(v.withdrawalDate) ?? null,
          feedbackDate: isoOf(v.feedbackDate) ?? null,
        };
        const problems = assignmentDateProblems(dates);
        if (problems.length) throw new Error(problems.join("；"));
        const { feedbackDate, ...rest } = dates;
        await api.patch(`/api/assignments/${assignment.id}`, {
          ...rest,
          ...(assignment.feedbackRegistered ? {} : { feedbackDate }),
          version: assignment.version,
        });
        onSaved();
        return "日期已保存";
      }}
    >
      <Form.Item name="entryDate" label="进驻日期">
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="withdrawalDate" label="撤点日期">
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="feedbackDate"
        label="反馈日期"
        extra={assignment.feedbackRegistered ? "已登记反馈意见，反馈日期不能修改" : "整改方案报送截止日期按反馈日期起算"}
      >
        <DatePicker style={{ width: "100%" }} disabled={assignment.feedbackRegistered} />
      </Form.Item>
      <Alert type="info" showIcon message="日期须按 进驻 ≤ 撤点 ≤ 反馈 的顺序" />
    </FormModal>
  );
}
