/** The ledger's HTTP shapes: what the web and the OpenAPI document see. */
import { z } from "zod";
import { isoDate } from "../../../domain/calendar.ts";
import {
  LEDGER_STATUSES,
  PROGRESS_STATES,
  RECTIFICATION_KINDS,
  ledgerBatchFieldsSchema,
  type LedgerBatchAction,
} from "../../../domain/ledger.ts";

export const abilitiesSchema = z.object({
  view: z.boolean(),
  fill: z.boolean(),
  addNote: z.boolean(),
  addEvidence: z.boolean(),
  requestCloseout: z.boolean(),
  close: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
});

export const ledgerRowSchema = z.object({
  id: z.string(),
  seqLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Null for a fix-alike campaign's self-check row. */
  assignmentId: z.string().nullable(),
  roundId: z.string(),
  problemId: z.string().nullable(),
  campaignId: z.string().nullable(),
  problemText: z.string(),
  aspectTitle: z.string(),
  text: z.string(),
  measures: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  responsibleDepartment: z.string().nullable(),
  deadline: z.string().nullable(),
  kind: z.enum(RECTIFICATION_KINDS).nullable(),
  kindLabel: z.string().nullable(),
  progress: z.enum(PROGRESS_STATES),
  progressLabel: z.string(),
  status: z.enum(LEDGER_STATUSES),
  statusLabel: z.string(),
  overdue: z.boolean(),
  returnReason: z.string().nullable(),
  relapseCount: z.number(),
  evidenceCount: z.number(),
  closeRequestedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  can: abilitiesSchema,
});

export const ledgerListQuery = z.object({
  orgId: z.uuid({ error: "单位无效" }).optional(),
  assignmentId: z.uuid({ error: "巡察任务无效" }).optional(),
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  status: z.enum(LEDGER_STATUSES, { error: "销号状态无效" }).optional(),
  progress: z.enum(PROGRESS_STATES, { error: "整改进展无效" }).optional(),
  overdue: z
    .enum(["true", "false"], { error: "应为 true 或 false" })
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ledgerDetailSchema = z.object({
  row: ledgerRowSchema.extend({ roundName: z.string() }),
  notes: z.array(z.object({ id: z.string(), noteDate: z.string(), text: z.string(), author: z.string(), createdAt: z.string() })),
  evidence: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      contentHash: z.string(),
      uploadedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  relapses: z.array(
    z.object({ id: z.string(), reason: z.string(), foundWhere: z.string(), foundOn: z.string(), createdAt: z.string() }),
  ),
  history: z.array(
    z.object({ at: z.string(), actorName: z.string(), action: z.string(), actionLabel: z.string(), changes: z.unknown() }),
  ),
});

export const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });
export const noteBody = z.object({ noteDate: isoDate, text: z.string().trim().min(1, "请填写进展情况").max(4000) });
export const reasonBody = z.object({ reason: z.string().trim().min(1, "请填写退回理由").max(1000) });
export const optionalNoteBody = z.object({ note: z.string().trim().max(1000).nullish() }).default({});
export const opinionBody = z.object({ opinion: z.string().trim().max(1000).nullish() }).default({});
export const relapseBody = z.object({
  reason: z.string().trim().min(1, "请填写反弹情况").max(1000),
  foundWhere: z.string().trim().min(1, "请填写在何处再次发现（如：回头看、第N轮巡察）").max(200),
  foundOn: isoDate,
});
const batchIds = z
  .array(z.uuid({ error: "编号无效" }))
  .min(1, "请至少选择一条")
  .max(500, "一次最多 500 条");
export const batchBody = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.enum(["request_closeout", "close", "return"] satisfies LedgerBatchAction[]),
      ids: batchIds,
      reason: z.string().trim().max(1000).nullish(),
    }),
    z.object({ action: z.literal("set"), ids: batchIds, fields: ledgerBatchFieldsSchema }),
  ],
  { error: "批量操作无效" },
);
export type BatchRequest = z.infer<typeof batchBody>;
export const okSchema = z.object({ ok: z.literal(true) });

/** The three views need a scope: one assignment or one organisation (the list's other filters apply too). */
export const ledgerViewsQuery = ledgerListQuery
  .omit({ page: true, pageSize: true })
  .refine((q) => q.assignmentId || q.orgId, { error: "请先选择巡察任务或单位" });

export const ledgerViewsSchema = z.object({
  total: z.number(),
  truncated: z.boolean(),
  problems: z.array(
    z.object({
      problemId: z.string(),
      aspectTitle: z.string(),
      problemSeq: z.number(),
      problemText: z.string(),
      orgName: z.string(),
      rows: z.array(ledgerRowSchema),
    }),
  ),
  tasks: z.array(z.object({ measure: z.string(), rows: z.array(ledgerRowSchema) })),
  responsibilities: z.array(
    z.object({
      leader: z.string().nullable(),
      department: z.string().nullable(),
      rows: z.array(ledgerRowSchema),
      counts: z.object({ total: z.number(), closed: z.number(), overdue: z.number() }),
    }),
  ),
});
