/** What evaluations and revisits look like on the wire. */
import { z } from "zod";
import { GRADES, REVISIT_RESULTS } from "../../../domain/evaluation.ts";

export const metricsSchema = z.object({
  rows: z.number().int(),
  closed: z.number().int(),
  completionRate: z.number().nullable(),
  withDeadline: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  closedWithEvidence: z.number().int(),
  evidenceRate: z.number().nullable(),
  relapses: z.number().int(),
  directives: z.number().int(),
  directivesDone: z.number().int(),
  directivesRate: z.number().nullable(),
});

const grade = z.enum(GRADES);

export const evaluationSchema = z.object({
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  feedbackDate: z.string(),
  periodEnd: z.string(),
  periodEnded: z.boolean(),
  metrics: metricsSchema,
  suggestedGrade: grade,
  suggestedGradeLabel: z.string(),
  /** The office's confirmed evaluation, with the metrics and suggestion as they were when it was confirmed. */
  evaluation: z
    .object({
      id: z.string(),
      grade,
      gradeLabel: z.string(),
      suggestedGrade: grade,
      reason: z.string().nullable(),
      evaluatedOn: z.string(),
      evaluatedBy: z.string().nullable(),
      metrics: metricsSchema,
      version: z.number().int(),
    })
    .nullable(),
  can: z.object({ confirm: z.boolean() }),
});
export type EvaluationView = z.infer<typeof evaluationSchema>;

export const revisitSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  seed: z.string(),
  drawnOn: z.string(),
  /** Organisations (assignments) drawn, of those in the round with ledger rows. */
  orgCount: z.number().int(),
  orgTotal: z.number().int(),
  note: z.string().nullable(),
  drawnBy: z.string().nullable(),
  itemCount: z.number().int(),
  results: z.record(z.enum(REVISIT_RESULTS), z.number().int()),
});
export type RevisitView = z.infer<typeof revisitSchema>;

export const revisitItemSchema = z.object({
  id: z.string(),
  revisitId: z.string(),
  assignmentId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  rowId: z.string(),
  seqLabel: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  relapseCount: z.number().int(),
  result: z.enum(REVISIT_RESULTS),
  resultLabel: z.string(),
  finding: z.string().nullable(),
  checkedOn: z.string().nullable(),
  checkedBy: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ record: z.boolean() }),
});
export type RevisitItemView = z.infer<typeof revisitItemSchema>;

export const revisitDetailSchema = z.object({ revisit: revisitSchema, items: z.array(revisitItemSchema) });

export const redrawCheckSchema = z.object({
  matches: z.boolean(),
  seed: z.string(),
  /** What the seed draws from today's records. */
  orgCount: z.number().int(),
  rowCount: z.number().int(),
});
