/**
 * The Excel ledger import (台账导入) as server and web both see it: the fields a column can map to, the job's
 * states, and the dry run (预检) — rows to change and create, and the errors with sheet, row and column.
 */

/** The ledger fields an import reads (列对应 targets). */
export const IMPORT_FIELDS = [
  "id",
  "aspect",
  "problem",
  "text",
  "measures",
  "responsibleLeader",
  "responsibleDepartment",
  "deadline",
  "note",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Target field → the column's index in the sheet (0-based). */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** The fields an import may change on an existing row. */
export const CHANGEABLE = ["measures", "responsibleLeader", "responsibleDepartment", "deadline", "note"] as const;
export type ChangeableField = (typeof CHANGEABLE)[number];

export const IMPORT_JOB_STATUSES = ["parsing", "ready", "failed", "committing", "committed", "discarded"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const IMPORT_JOB_STATUS_LABELS: Record<ImportJobStatus, string> = {
  parsing: "解析中",
  ready: "待确认",
  failed: "解析失败",
  committing: "导入中",
  committed: "已导入",
  discarded: "已放弃",
};

export interface FieldChange {
  field: ChangeableField;
  label: string;
  before: string | null;
  after: string;
}

export interface PlannedChange {
  row: number;
  id: string;
  seqLabel: string;
  text: string;
  /** The row's version at the dry run: the commit refuses a row changed since. */
  version: number;
  fields: FieldChange[];
}

export interface PlannedCreate {
  row: number;
  seqLabel: string;
  /** Existing aspect / problem ids, or null when the import creates them. */
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

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface ImportDryRun {
  sheet: string;
  creates: PlannedCreate[];
  changes: PlannedChange[];
  unchanged: number;
  newAspects: number;
  newProblems: number;
  errors: ImportError[];
  /** A digest of the plan: the commit applies exactly what the user saw. */
  digest: string;
}
