/** What findings look like on the wire. */
import { z } from "zod";

export const findingSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  text: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  characterisation: z.string().nullable(),
  isCommon: z.boolean(),
  isCoreMandate: z.boolean(),
  involvesTopLeader: z.boolean(),
  source: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  problemId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  enteredAfterWithdrawal: z.boolean(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type FindingView = z.infer<typeof findingSchema>;

export const sharesSchema = z.object({ coreMandate: z.number().nullable(), common: z.number().nullable() });
