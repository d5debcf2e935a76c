/** What pre-inspection requests, on-site records, attachments and backfill figures look like on the wire. */
import { z } from "zod";

export const attachmentSchema = z.object({
  id: z.string(),
  ownerType: z.string(),
  ownerId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  contentHash: z.string(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentSchema>;

export const preRequestSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  department: z.string(),
  subject: z.string(),
  sentOn: z.string(),
  dueDate: z.string(),
  replyText: z.string().nullable(),
  repliedOn: z.string().nullable(),
  /** No reply and the due date has passed. */
  overdue: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  attachments: z.array(attachmentSchema),
  can: z.object({ reply: z.boolean(), addAttachment: z.boolean() }),
});
export type PreRequestView = z.infer<typeof preRequestSchema>;

export const resultsSchema = z.array(z.object({ label: z.string(), count: z.number().int() })).nullable();

export const siteRecordSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  heldOn: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  subject: z.string(),
  content: z.string(),
  results: resultsSchema,
  /** 补录: entered after the assignment's withdrawal date. */
  enteredAfterWithdrawal: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  attachments: z.array(attachmentSchema),
  can: z.object({ update: z.boolean(), addAttachment: z.boolean() }),
});
export type SiteRecordView = z.infer<typeof siteRecordSchema>;

const countSchema = z.object({
  records: z.number().int(),
  backfilled: z.number().int(),
  share: z.number().nullable(),
});

export const backfillSchema = z.object({
  teams: z.array(
    countSchema.extend({
      teamId: z.string(),
      teamName: z.string(),
      siteRecords: countSchema,
      findings: countSchema,
    }),
  ),
  total: countSchema,
});
