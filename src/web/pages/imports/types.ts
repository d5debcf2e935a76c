/** The import job as GET /api/imports/:id returns it (src/server/features/excel/schema.ts). */
import type { ImportDryRun, ImportError, ImportField, ImportJobStatus, ImportMapping } from "../../../domain/ledger-import.ts";

export type { FieldChange, ImportError, ImportField, PlannedChange, PlannedCreate } from "../../../domain/ledger-import.ts";
export type JobStatus = ImportJobStatus;
export type Mapping = ImportMapping;
export type Cell = string | number | null;
/** The dry run as the API sends it (the digest stays on the server). */
export type DryRun = Omit<ImportDryRun, "digest">;

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

export { IMPORT_JOB_STATUS_LABELS as STATUS_LABELS } from "../../../domain/ledger-import.ts";
