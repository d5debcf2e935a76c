/** HTTP shapes of exports and imports. */
import { z } from "zod";
import { IMPORT_FIELDS } from "./import-fields.ts";
import { IMPORT_JOB_STATUSES as JOB_STATUSES } from "../../../domain/ledger-import.ts";

export const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
export const uploadQuery = z.object({ assignmentId: z.uuid({ error: "请选择巡察任务" }) });

const column = z.number({ error: "列无效" }).int().min(1, "列无效").max(200, "列无效");
export const mappingSchema = z.object(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column.optional()])) as Record<
    (typeof IMPORT_FIELDS)[number],
    z.ZodOptional<typeof column>
  >,
  { error: "列对应无效" },
);
export const dryRunBody = z.object({ mapping: mappingSchema });

const cell = z.union([z.string(), z.number(), z.null()]);
const fieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string() });
export const importErrorSchema = z.object({ sheet: z.string(), row: z.number(), column: z.string(), message: z.string() });
export const dryRunSchema = z.object({
  sheet: z.string(),
  creates: z.array(
    z.object({
      row: z.number(),
      seqLabel: z.string(),
      aspectId: z.string().nullable(),
      aspect: z.string(),
      problemId: z.string().nullable(),
      problem: z.string(),
      text: z.string(),
      measures: z.string().nullable(),
      responsibleLeader: z.string().nullable(),
      responsibleDepartment: z.string().nullable(),
      deadline: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  changes: z.array(
    z.object({
      row: z.number(),
      id: z.string(),
      seqLabel: z.string(),
      text: z.string(),
      version: z.number(),
      fields: z.array(fieldChange),
    }),
  ),
  unchanged: z.number(),
  newAspects: z.number(),
  newProblems: z.number(),
  errors: z.array(importErrorSchema),
});

export const commitResultSchema = z.object({
  created: z.number(),
  changed: z.number(),
  notes: z.number(),
  unchanged: z.number(),
  newAspects: z.number(),
  newProblems: z.number(),
});

export { JOB_STATUSES };

export const jobSchema = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  fileName: z.string(),
  assignmentId: z.string().nullable(),
  assignmentLabel: z.string(),
  feedbackDate: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ index: z.number(), letter: z.string(), header: z.string() })),
  /** The first data rows: the row number, then one value per column. */
  sample: z.array(z.array(cell)),
  fields: z.array(z.object({ field: z.enum(IMPORT_FIELDS), label: z.string(), hint: z.string() })),
  mapping: z.record(z.string(), z.number()),
  dryRun: dryRunSchema.nullable(),
  errors: z.array(importErrorSchema),
  result: commitResultSchema.nullable(),
});

export const jobListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      status: z.enum(JOB_STATUSES),
      assignmentId: z.string().nullable(),
      createdAt: z.string(),
      committedAt: z.string().nullable(),
    }),
  ),
});
