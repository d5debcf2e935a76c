/** The import job as GET /api/imports/:id returns it (src/server/features/excel/schema.ts). */
export type JobStatus = "parsing" | "ready" | "failed" | "committing" | "committed" | "discarded";
export type ImportField =
  | "id"
  | "aspect"
  | "problem"
  | "text"
  | "measures"
  | "responsibleLeader"
  | "responsibleDepartment"
  | "deadline"
  | "note"
  | "status";
export type Mapping = Partial<Record<ImportField, number>>;
export type Cell = string | number | null;

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

export interface PlannedCreate {
  row: number;
  seqLabel: string;
  aspectId: string | null;
  aspect: string;
  problemId: string | null;
  problem: string;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  note: string | null;
}

export interface PlannedChange {
  row: number;
  id: string;
  seqLabel: string;
  text: string;
  fields: FieldChange[];
}

export interface DryRun {
  sheet: string;
  creates: PlannedCreate[];
  changes: PlannedChange[];
  unchanged: number;
  newAspects: number;
  newProblems: number;
  errors: ImportError[];
}

export interface CommitResult {
  created: number;
  changed: number;
  notes: number;
  unchanged: number;
  newAspects: number;
  newProblems: number;
}

export interface Job {
  id: string;
  status: JobStatus;
  fileName: string;
  assignmentId: string | null;
  assignmentLabel: string;
  feedbackDate: string | null;
  total: number;
  processed: number;
  failure: string | null;
  createdAt: string;
  committedAt: string | null;
  sheet: string | null;
  headerRow: number | null;
  columns: Array<{ index: number; letter: string; header: string }>;
  sample: Cell[][];
  fields: Array<{ field: ImportField; label: string; hint: string }>;
  mapping: Mapping;
  dryRun: DryRun | null;
  errors: ImportError[];
  result: CommitResult | null;
}

export interface JobSummary {
  id: string;
  fileName: string;
  status: JobStatus;
  assignmentId: string | null;
  createdAt: string;
  committedAt: string | null;
}

export const STATUS_LABELS: Record<JobStatus, string> = {
  parsing: "解析中",
  ready: "待确认",
  failed: "解析失败",
  committing: "导入中",
  committed: "已导入",
  discarded: "已放弃",
};
