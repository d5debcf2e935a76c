/** What reports, their indicators and the deadlines look like on the wire. */
import { z } from "zod";

const findingRef = z.object({ id: z.string(), text: z.string() });

export const indicatorsSchema = z.object({
  total: z.number().int(),
  coreMandate: z.object({
    count: z.number().int(),
    share: z.number().nullable(),
    aimPct: z.number(),
    met: z.boolean().nullable(),
  }),
  common: z.object({
    count: z.number().int(),
    share: z.number().nullable(),
    warnPct: z.number(),
    overWarning: z.boolean().nullable(),
  }),
  withoutSuggestion: z.object({ count: z.number().int(), items: z.array(findingRef) }),
  involvingTopLeader: z.object({ count: z.number().int(), items: z.array(findingRef) }),
});

export const milestoneSchema = z.object({
  due: z.string(),
  doneOn: z.string().nullable(),
  state: z.string(),
  days: z.number().int().nullable(),
  label: z.string(),
});

const deadlinesSchema = z.object({
  materials: milestoneSchema,
  consultation: milestoneSchema,
  hearing: milestoneSchema,
  late: z.boolean(),
  maxDelayDays: z.number().int().nullable(),
});

const abilitiesSchema = z.object({
  view: z.boolean(),
  save: z.boolean(),
  submit: z.boolean(),
  recordHearing: z.boolean(),
});

export const reportFindingSchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryLabel: z.string(),
  characterisation: z.string().nullable(),
  isCommon: z.boolean(),
  isCoreMandate: z.boolean(),
  involvesTopLeader: z.boolean(),
  suggestion: z.string().nullable(),
  /** Fed back to the organisation: its suggestion can no longer change. */
  fedBack: z.boolean(),
});

export const reportViewSchema = z.object({
  assignment: z.object({
    id: z.string(),
    roundId: z.string(),
    roundName: z.string(),
    teamName: z.string(),
    orgName: z.string(),
    withdrawalDate: z.string().nullable(),
    hearingDate: z.string().nullable(),
  }),
  report: z.object({
    id: z.string().nullable(),
    overall: z.string().nullable(),
    portrait: z.record(z.string(), z.string()),
    status: z.string(),
    statusLabel: z.string(),
    submittedOn: z.string().nullable(),
    /** 0 while nothing has been saved. */
    version: z.number().int(),
  }),
  findings: z.array(reportFindingSchema),
  indicators: indicatorsSchema,
  /** Null while the assignment has no withdrawal date. */
  deadlines: deadlinesSchema.nullable(),
  can: abilitiesSchema,
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const deadlineItemSchema = deadlinesSchema.extend({
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  teamName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  withdrawalDate: z.string(),
  reportStatus: z.string().nullable(),
  reportStatusLabel: z.string(),
  can: abilitiesSchema,
});
export type DeadlineItem = z.infer<typeof deadlineItemSchema>;
