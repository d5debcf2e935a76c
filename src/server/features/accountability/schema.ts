/** What accountability actions and rules made look like on the wire. */
import { z } from "zod";
import { ACCOUNTABILITY_KINDS, ACCOUNTABILITY_TARGETS, RULE_KINDS } from "../../../domain/accountability.ts";

export const accountabilitySchema = z.object({
  id: z.string(),
  kind: z.enum(ACCOUNTABILITY_KINDS),
  kindLabel: z.string(),
  target: z.enum(ACCOUNTABILITY_TARGETS),
  targetLabel: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  personName: z.string().nullable(),
  personPosition: z.string().nullable(),
  decidedOn: z.string(),
  authority: z.string().nullable(),
  description: z.string(),
  rows: z.array(z.object({ id: z.string(), orgName: z.string(), seqLabel: z.string(), text: z.string() })),
  letters: z.array(z.object({ id: z.string(), documentNumber: z.string(), kindLabel: z.string(), subject: z.string() })),
  createdAt: z.string(),
});
export type AccountabilityView = z.infer<typeof accountabilitySchema>;

export const accountabilityFiguresSchema = z.object({
  total: z.number().int(),
  persons: z.number().int(),
  organisations: z.number().int(),
  byKind: z.array(
    z.object({
      kind: z.enum(ACCOUNTABILITY_KINDS),
      kindLabel: z.string(),
      total: z.number().int(),
      persons: z.number().int(),
      organisations: z.number().int(),
    }),
  ),
});

export const ruleFindingSchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryLabel: z.string(),
  /** Null while the finding has not been fed back to the organisation. */
  problemId: z.string().nullable(),
});
export type RuleFindingView = z.infer<typeof ruleFindingSchema>;

export const ruleSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(RULE_KINDS),
  kindLabel: z.string(),
  adoptedOn: z.string(),
  description: z.string().nullable(),
  findings: z.array(ruleFindingSchema),
  createdAt: z.string(),
});
export type RuleView = z.infer<typeof ruleSchema>;

export const ruleFiguresSchema = z.object({
  total: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(RULE_KINDS), kindLabel: z.string(), count: z.number().int() })),
  byOrg: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      total: z.number().int(),
      new: z.number().int(),
      revised: z.number().int(),
    }),
  ),
});
