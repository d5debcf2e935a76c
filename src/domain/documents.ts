/**
 * Official documents the office produces from the records (公文), their kinds and the template each kind's fixed
 * wording lives in. A template's text may name placeholders, {{单位名称}}: each kind lists the ones it fills, and a
 * template naming any other is refused with that name.
 */

export const DOCUMENT_KINDS = [
  "feedback_opinion",
  "rectification_plan",
  "ledger",
  "supervision_letter",
  "reassignment_letter",
  "reminder_letter",
  "recommendation_letter",
  "announcement",
  "round_summary",
  "statistics_report",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  feedback_opinion: "巡察反馈意见",
  rectification_plan: "整改方案",
  ledger: "整改台账",
  supervision_letter: "督办函",
  reassignment_letter: "再交办函",
  reminder_letter: "工作提示函",
  recommendation_letter: "巡察建议书",
  announcement: "整改进展情况公告",
  round_summary: "巡察工作总结报告",
  statistics_report: "巡察整改统计报告",
};

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
