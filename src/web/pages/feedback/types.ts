/** Feedback (反馈意见) on the wire: GET /api/assignments/:id/feedback, and the findings it groups. */
import type { LedgerStatus, ProgressState } from "../../../domain/ledger.ts";

export interface FeedbackRowView {
  id: string;
  seqLabel: string;
  text: string;
  status: LedgerStatus;
  statusLabel: string;
  progress: ProgressState;
  progressLabel: string;
}

export interface FeedbackProblemView {
  id: string;
  seq: number;
  text: string;
  findings: Array<{ id: string; text: string }>;
  rows: FeedbackRowView[];
}

export interface FeedbackAspectView {
  id: string;
  seq: number;
  ordinal: string;
  title: string;
  problems: FeedbackProblemView[];
}

export interface FeedbackView {
  feedbackDate: string | null;
  aspects: FeedbackAspectView[];
  totals: { aspects: number; problems: number; rows: number };
}

export interface FindingOption {
  id: string;
  text: string;
  categoryLabel: string;
  problemId: string | null;
}

/** The registration form's values (the POST body, with a DatePicker value for the date). */
export interface FeedbackFormValues {
  feedbackDate: import("dayjs").Dayjs;
  aspects: Array<{
    title?: string;
    problems?: Array<{ text?: string; findingIds?: string[]; rows?: Array<{ text?: string }> }>;
  }>;
}

export const totalsLine = (t: { aspects: number; problems: number; rows: number }) =>
  `共反馈 ${t.aspects} 个方面 ${t.problems} 个问题，细化为 ${t.rows} 条整改任务`;
