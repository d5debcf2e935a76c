/** What a term's coverage figures and the uninspected list look like on the wire. */
import { z } from "zod";

const projectionSchema = z.object({
  elapsedYears: z.number(),
  termYears: z.number(),
  perYear: z.number(),
  projected: z.number().int(),
  requiredPerYear: z.number().int().nullable(),
  ended: z.boolean(),
});

export const coverageSchema = z.object({
  term: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
  today: z.string(),
  scopes: z.array(
    z.object({
      orgKind: z.string(),
      label: z.string(),
      rootOrgId: z.string().nullable(),
      rootOrgName: z.string().nullable(),
    }),
  ),
  kinds: z.array(
    z.object({
      orgKind: z.string(),
      label: z.string(),
      inScope: z.number().int(),
      inspected: z.number().int(),
      rate: z.number().nullable(),
      projection: projectionSchema.nullable(),
      warning: z.string().nullable(),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      orgKind: z.string(),
      label: z.string(),
      planned: z.number().int().nullable(),
      actual: z.number().int(),
    }),
  ),
  warnings: z.array(z.string()),
  can: z.object({ plan: z.boolean() }),
});
export type CoverageView = z.infer<typeof coverageSchema>;

export const uninspectedSchema = z.object({
  items: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      orgKind: z.string(),
      orgKindLabel: z.string(),
      riskClass: z.string().nullable(),
      riskClassLabel: z.string().nullable(),
      lastInspectedOn: z.string().nullable(),
      yearsSince: z.number().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UninspectedView = z.infer<typeof uninspectedSchema>;

export const inspectionDefaultsSchema = z.object({
  onSiteWorkingDays: z.number().int(),
  teamSize: z.number().int().nullable(),
  riskClass: z.string().nullable(),
});
