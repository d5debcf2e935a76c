/** What leads, their figures and consultations look like on the wire. */
import { z } from "zod";

export const leadPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  rank: z.string(),
  rankLabel: z.string(),
});

export const leadSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** The assignment's dates: the transfer form computes "during the inspection" from the withdrawal date. */
  entryDate: z.string().nullable(),
  withdrawalDate: z.string().nullable(),
  leadClass: z.string(),
  leadClassLabel: z.string(),
  summary: z.string(),
  responsiblePerson: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  people: z.array(leadPersonSchema),
  preReview: z.string().nullable(),
  transferredOn: z.string().nullable(),
  receivingOffice: z.string().nullable(),
  /** null while not transferred. */
  duringInspection: z.boolean().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  preliminaryOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
  concludedForm: z.string().nullable(),
  concludedFormLabel: z.string().nullable(),
  handlingNote: z.string().nullable(),
  /** Handling is due this many months after transfer. */
  dueOn: z.string().nullable(),
  handledOn: z.string().nullable(),
  overdue: z.boolean(),
  handledLate: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), review: z.boolean(), transfer: z.boolean(), handle: z.boolean() }),
});
export type LeadView = z.infer<typeof leadSchema>;

const rate = z.number().nullable();

export const leadFiguresSchema = z.object({
  total: z.number().int(),
  transferred: z.number().int(),
  filed: z.number().int(),
  filingRate: rate,
  duringInspection: z.number().int(),
  named: z.number().int(),
  namingRate: rate,
  unitOnly: z.number().int(),
  overdue: z.number().int(),
  byClass: z.array(
    z.object({
      leadClass: z.string(),
      label: z.string(),
      total: z.number().int(),
      transferred: z.number().int(),
      filed: z.number().int(),
      filingRate: rate,
    }),
  ),
  byStatus: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int() })),
  peopleByRank: z.array(z.object({ rank: z.string(), label: z.string(), count: z.number().int() })),
  people: z.number().int(),
  /** The setting the due dates were computed with. */
  handlingMonths: z.number().int(),
});

export const consultationDecisionSchema = z.object({
  id: z.string(),
  leadId: z.string().nullable(),
  leadSummary: z.string().nullable(),
  leadClassLabel: z.string().nullable(),
  findingId: z.string().nullable(),
  findingText: z.string().nullable(),
  decision: z.string(),
});

export const consultationSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  heldOn: z.string(),
  attendees: z.string().nullable(),
  summary: z.string(),
  decisions: z.array(consultationDecisionSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ConsultationView = z.infer<typeof consultationSchema>;
