/** The 反馈意见 tab of an assignment: the registered feedback, or (for the office, once) the registration form. */
import { Empty, Spin } from "antd";
import { useGet } from "../../components/useGet.ts";
import { FeedbackDocument } from "./FeedbackDocument.tsx";
import { FeedbackForm } from "./FeedbackForm.tsx";
import type { FeedbackView } from "./types.ts";

export interface FeedbackTabProps {
  assignmentId: string;
  canRegister: boolean;
  onChanged: () => void;
}

export function FeedbackTab({ assignmentId, canRegister, onChanged }: FeedbackTabProps) {
  const { data, failed, reload } = useGet<FeedbackView>(`/api/assignments/${assignmentId}/feedback`);
  if (!data)
    return failed ? <Empty description="无法加载反馈意见" /> : <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (data.totals.aspects > 0) return <FeedbackDocument assignmentId={assignmentId} feedback={data} />;
  if (!canRegister) return <Empty description="反馈意见尚未登记" />;
  return (
    <FeedbackForm
      assignmentId={assignmentId}
      onDone={() => {
        reload();
        onChanged();
      }}
    />
  );
}

export default FeedbackTab;
