/** What findings look like on the wire. */
import { z } from "zod";
import { attachmentSchema } from "../onsite/schema.ts";

export const findingSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  text: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  subcategory: z.string().nullable(),
  subcategoryLabel: z.string().nullable(),
  characterisation: z.string().nullable(),
  isCommon: z.boolean(),
  isCoreMandate: z.boolean(),
  involvesTopLeader: z.boolean(),
  source: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  suggestion: z.string().nullable(),
  /** 立行立改: fixed during the inspection (with evidence in attachments). */
  immediateFix: z.boolean(),
  fixedOn: z.string().nullable(),
  fixNote: z.string().nullable(),
  /** Evidence (佐证材料) of the finding. */
  attachments: z.array(attachmentSchema),
  problemId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  enteredAfterWithdrawal: z.boolean(),
  can: z.object({ update: z.boolean(), delete: z.boolean(), addEvidence: z.boolean(), fix: z.boolean() }),
});
export type FindingView = z.infer<typeof findingSchema>;

export const sharesSchema = z.object({ coreMandate: z.number().nullable(), common: z.number().nullable() });

const taxonomyNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** Findings (and common problems) using this code: such a category can be deactivated, not deleted. */
  inUse: z.number().int(),
});
export const taxonomySchema = z.object({
  revision: z.string(),
  categories: z.array(taxonomyNodeSchema.extend({ children: z.array(taxonomyNodeSchema) })),
  can: z.object({ update: z.boolean() }),
});
