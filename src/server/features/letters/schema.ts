/** What letters look like on the wire. */
import { z } from "zod";
import { LETTER_KINDS, LETTER_STATUSES } from "../../../domain/letter.ts";

export const letterSchema = z.object({
  id: z.string(),
  kind: z.enum(LETTER_KINDS),
  kindLabel: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** 〔2024〕3号 */
  documentNumber: z.string(),
  addressee: z.string(),
  addresseeOrgId: z.string().nullable(),
  addresseeOrgName: z.string().nullable(),
  addresseeUserId: z.string().nullable(),
  subject: z.string(),
  body: z.string().nullable(),
  sentOn: z.string(),
  replyDue: z.string(),
  replyText: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedByName: z.string().nullable(),
  status: z.enum(LETTER_STATUSES),
  statusLabel: z.string(),
  commonProblemId: z.string().nullable(),
  commonProblemTitle: z.string().nullable(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  can: z.object({ reply: z.boolean() }),
});
export type LetterView = z.infer<typeof letterSchema>;

export const letterItemSchema = z.object({
  id: z.string(),
  /** row: a ledger row; problem: a feedback problem (with all its rows). */
  type: z.enum(["row", "problem"]),
  rowId: z.string().nullable(),
  problemId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string(),
  seqLabel: z.string(),
  text: z.string(),
  status: z.string().nullable(),
  statusLabel: z.string(),
});
export type LetterItemView = z.infer<typeof letterItemSchema>;

export const letterDetailSchema = z.object({ letter: letterSchema, items: z.array(letterItemSchema) });

export const letterFiguresSchema = z.object({
  total: z.object({ sent: z.number().int(), replied: z.number().int(), overdue: z.number().int() }),
  byKind: z.array(
    z.object({
      kind: z.enum(LETTER_KINDS),
      kindLabel: z.string(),
      sent: z.number().int(),
      replied: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});

/** A pre-filled letter for the create form (from a warning's rows or a common problem). */
export const letterDraftSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  addressee: z.string().nullable(),
  addresseeOrgId: z.string().nullable(),
  subject: z.string().nullable(),
  sentOn: z.string(),
  replyDue: z.string(),
  commonProblemId: z.string().nullable(),
  commonProblemTitle: z.string().nullable(),
  rows: z.array(letterItemSchema),
  problems: z.array(letterItemSchema),
});
export type LetterDraft = z.infer<typeof letterDraftSchema>;
