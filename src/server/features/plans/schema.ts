/** What rectification plans look like on the wire. */
import { z } from "zod";
import { planEntrySchema } from "../../../domain/plan.ts";

export const planCanSchema = z.object({
  create: z.boolean(),
  edit: z.boolean(),
  submit: z.boolean(),
  addOpinion: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
});

/** One line of the plans list: a plan, or an assignment with feedback and no plan yet (status not_started). */
export const planListItemSchema = z.object({
  /** null while not started. */
  id: z.string().nullable(),
  assignmentId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  feedbackDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  currentVersion: z.number().int(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number().int().nullable(),
  can: planCanSchema,
});
export type PlanListItem = z.infer<typeof planListItemSchema>;

export const planVersionSchema = z.object({
  no: z.number().int(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  entryCount: z.number().int(),
  decision: z.string().nullable(),
  decisionLabel: z.string(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type PlanVersionView = z.infer<typeof planVersionSchema>;

export const planOpinionViewSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  authorRole: z.string(),
  authorRoleLabel: z.string(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type PlanOpinionView = z.infer<typeof planOpinionViewSchema>;

export const planDetailSchema = z.object({
  plan: planListItemSchema.extend({
    id: z.string(),
    version: z.number().int(),
    summary: z.string().nullable(),
    entries: z.array(planEntrySchema),
  }),
  versions: z.array(planVersionSchema),
  opinions: z.array(planOpinionViewSchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

const entryFieldsSchema = z.object({
  measures: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  responsibleDepartment: z.string().nullable(),
  deadline: z.string().nullable(),
});

export const planComparisonSchema = z.object({
  from: z.object({ key: z.string(), label: z.string() }),
  to: z.object({ key: z.string(), label: z.string() }),
  summary: z.object({ from: z.string().nullable(), to: z.string().nullable(), changed: z.boolean() }),
  entries: z.array(
    z.object({
      rowId: z.string(),
      seqLabel: z.string(),
      problemText: z.string(),
      rowText: z.string(),
      before: entryFieldsSchema,
      after: entryFieldsSchema,
      changes: z.array(
        z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
      ),
    }),
  ),
  changedEntries: z.number().int(),
  added: z.array(planEntrySchema),
  removed: z.array(planEntrySchema),
});
