/** Evaluations and revisits as the server sends them (src/server/features/evaluations/schema.ts). */
import type { EvaluationMetrics, Grade, RevisitResult } from "../../../domain/evaluation.ts";

export interface Evaluation {
  assignmentId: string;
  roundId: string;
  roundName: string;
  orgId: string;
  orgName: string;
  feedbackDate: string;
  periodEnd: string;
  periodEnded: boolean;
  metrics: EvaluationMetrics;
  suggestedGrade: Grade;
  suggestedGradeLabel: string;
  evaluation: {
    id: string;
    grade: Grade;
    gradeLabel: string;
    suggestedGrade: Grade;
    reason: string | null;
    evaluatedOn: string;
    evaluatedBy: string | null;
    metrics: EvaluationMetrics;
    version: number;
  } | null;
  can: { confirm: boolean };
}

export interface Revisit {
  id: string;
  roundId: string;
  roundName: string;
  seed: string;
  drawnOn: string;
  orgCount: number;
  orgTotal: number;
  note: string | null;
  drawnBy: string | null;
  itemCount: number;
  results: Record<RevisitResult, number>;
}

export interface RevisitItem {
  id: string;
  revisitId: string;
  assignmentId: string;
  orgId: string;
  orgName: string;
  rowId: string;
  seqLabel: string;
  text: string;
  status: string;
  statusLabel: string;
  relapseCount: number;
  result: RevisitResult;
  resultLabel: string;
  finding: string | null;
  checkedOn: string | null;
  checkedBy: string | null;
  version: number;
  can: { record: boolean };
}
