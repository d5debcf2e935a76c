/** What petitions, their public form address and the receipt look like on the wire. A sender's identity is never here. */
import { z } from "zod";

export const petitionSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  roundName: z.string(),
  teamName: z.string(),
  orgName: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  /** Grouped for reading out to a sender who calls, e.g. "ABCD-EFGH-JKLM". */
  receiptCode: z.string(),
  anonymous: z.boolean(),
  content: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  handlingNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  findingId: z.string().nullable(),
  leadId: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  receivedAt: z.string(),
  attachmentCount: z.number().int(),
  version: z.number().int(),
  can: z.object({ handle: z.boolean(), viewIdentity: z.boolean(), addAttachment: z.boolean() }),
});
export type PetitionView = z.infer<typeof petitionSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const historySchema = z.object({
  at: z.string(),
  actorName: z.string(),
  actionLabel: z.string(),
  detail: z.string(),
});
export type HistoryItem = z.infer<typeof historySchema>;

export const petitionDetailSchema = z.object({
  petition: petitionSchema,
  attachments: z.array(attachmentSchema),
  history: z.array(historySchema),
});

export const identitySchema = z.object({
  identity: z.object({ name: z.string(), phone: z.string(), contact: z.string().nullable() }),
  notice: z.string(),
});

export const linkSchema = z.object({
  link: z
    .object({
      token: z.string(),
      /** The public form's path, /p/<token>. */
      path: z.string(),
      /** The full address as this server is reached, printed in the QR code. */
      url: z.string(),
      /** PNG of the QR code as a data URL. */
      qrDataUrl: z.string(),
      orgName: z.string(),
      roundName: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  /** Whether the reader may make or replace it. */
  canManage: z.boolean(),
});

export const publicLinkSchema = z.object({ orgName: z.string(), roundName: z.string() });

export const receiptSchema = z.object({
  statusLabel: z.string(),
  /** The day it was received (China), not the time. */
  receivedAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
