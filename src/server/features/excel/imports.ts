/**
 * Import jobs (导入): the upload is stored and parsed in the background (the request returns at once; the page
 * polls processed ÷ total), the column mapping is proposed, a dry run lists what would change, and the commit
 * (import-commit.ts) applies all of it or nothing. A job is its uploader's.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { DomainError, conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { importJobs, importMappings } from "../../db/schema.ts";
import { planImport, type DryRun, type ImportError } from "./import-check.ts";
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_HINTS,
  IMPORT_FIELD_LABELS,
  proposeMapping,
  type Mapping,
  type RememberedMapping,
} from "./import-fields.ts";
import { readLedgerSheet, type ParsedSheet } from "./import-read.ts";
import { importAssignment, loadImportState } from "./import-state.ts";
import { assertMayImport, ownsJob } from "./policy.ts";
import type { ImportJobStatus } from "../../../domain/ledger-import.ts";

type ActorOrigin = Origin & { actor: Actor };
export const IMPORT_KIND = "ledger";
export type JobStatus = ImportJobStatus;

/** What import_jobs.plan holds: the parsed sheet until the commit, then the dry run applied and the result. */
export interface JobPlan {
  parsed?: ParsedSheet;
  dryRun?: DryRun;
  result?: CommitResult;
}

export interface CommitResult {
  created: number;
  changed: number;
  notes: number;
  unchanged: number;
  newAspects: number;
  newProblems: number;
}

/** The remembered mapping of this office (settings' office name), or null the first time. */
export async function rememberedMapping(ctx: AppContext, db: Db = ctx.db): Promise<RememberedMapping | null> {
  const office = (await ctx.settings()).officeName;
  const [m] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.kind, IMPORT_KIND), eq(importMappings.office, office)));
  return (m?.mapping as RememberedMapping | undefined) ?? null;
}

export async function uploadImport(
  ctx: AppContext,
  origin: ActorOrigin,
  assignmentId: string,
  file: { fileName: string; content: Buffer },
): Promise<{ id: string }> {
  assertMayImport(origin.actor);
  const a = await importAssignment(ctx.db, assignmentId);
  if (!a) throw notFound("巡察任务");
  if (!a.feedbackDate) {
    throw ruleViolation(`${a.orgName}（${a.roundName}）尚未登记反馈意见：请先登记反馈意见，再导入整改台账`);
  }
  const id = uuidv7();
  await runCommand(ctx, origin, async (s) => {
    await s.tx.insert(importJobs).values({
      id,
      ...created(s),
      kind: IMPORT_KIND,
      assignmentId,
      fileName: file.fileName,
      content: file.content.toString("base64"),
      status: "parsing",
    });
    await s.audit({
      action: "import.upload",
      recordType: "import_job",
      recordIds: [id, assignmentId],
      changes: { fileName: file.fileName, size: file.content.length, assignment: `${a.orgName}（${a.roundName}）` },
    });
  });
  startParse(ctx, id);
  return { id };
}

const parsing = new Set<string>();

/**
 * Parses a job's file in the background. Progress and the parsed sheet are the job's own bookkeeping (no record
 * of the ledger changes), written as they come; the upload and the commit are the audited events.
 */
export function startParse(ctx: AppContext, id: string): void {
  if (parsing.has(id)) return;
  parsing.add(id);
  setImmediate(() => {
    parseJob(ctx, id)
      .catch((e: unknown) => console.error(`[import ${id}] parse failed:`, e))
      .finally(() => parsing.delete(id));
  });
}

async function parseJob(ctx: AppContext, id: string): Promise<void> {
  const [job] = await ctx.db
    .select({ content: importJobs.content, status: importJobs.status })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  if (!job || job.status !== "parsing" || !job.content) return;
  const stillParsing = and(eq(importJobs.id, id), eq(importJobs.status, "parsing"));
  try {
    const parsed = await readLedgerSheet(Buffer.from(job.content, "base64"), async (processed, total) => {
      await ctx.db.update(importJobs).set({ processed, total, updatedAt: ctx.now() }).where(stillParsing);
    });
    const mapping = proposeMapping(parsed.columns, await rememberedMapping(ctx));
    const plan: JobPlan = { parsed };
    await ctx.db
      .update(importJobs)
      .set({
        status: "ready",
        plan,
        mapping,
        total: parsed.rows.length,
        processed: parsed.rows.length,
        updatedAt: ctx.now(),
      })
      .where(stillParsing);
  } catch (e) {
    const failure = e instanceof DomainError ? e.message : "文件解析失败：请确认是有效的 .xlsx 文件";
    if (!(e instanceof DomainError)) console.error(`[import ${id}] parse failed:`, e);
    await ctx.db.update(importJobs).set({ status: "failed", failure, updatedAt: ctx.now() }).where(stillParsing);
  }
}

/** The job's row without the stored file and the parsed rows (polled while parsing: kept light). */
async function jobHead(db: Db, id: string) {
  const [job] = await db
    .select({
      id: importJobs.id,
      kind: importJobs.kind,
      assignmentId: importJobs.assignmentId,
      fileName: importJobs.fileName,
      status: importJobs.status,
      total: importJobs.total,
      processed: importJobs.processed,
      mapping: importJobs.mapping,
      errors: importJobs.errors,
      failure: importJobs.failure,
      createdBy: importJobs.createdBy,
      createdAt: importJobs.createdAt,
      committedAt: importJobs.committedAt,
      sheet: sql<string | null>`${importJobs.plan}->'parsed'->>'sheet'`,
      headerRow: sql<number | null>`(${importJobs.plan}->'parsed'->>'headerRow')::int`,
      columns: sql<ParsedSheet["columns"] | null>`${importJobs.plan}->'parsed'->'columns'`,
      sample: sql<ParsedSheet["rows"] | null>`jsonb_path_query_array(${importJobs.plan}, '$.parsed.rows[0 to 4]')`,
      dryRun: sql<DryRun | null>`${importJobs.plan}->'dryRun'`,
      result: sql<CommitResult | null>`${importJobs.plan}->'result'`,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return job ?? null;
}

/** jsonb read back through a raw SQL expression arrives as text on one of the two drivers. */
const json = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export async function jobView(ctx: AppContext, actor: Actor, id: string) {
  assertMayImport(actor);
  const job = await jobHead(ctx.db, id);
  if (!job || !ownsJob(actor, job)) throw notFound("导入任务");
  // A job left parsing by a restart resumes when it is looked at.
  if (job.status === "parsing") startParse(ctx, id);
  const a = job.assignmentId ? await importAssignment(ctx.db, job.assignmentId) : null;
  const dryRun = json(job.dryRun);
  return {
    id: job.id,
    status: job.status as JobStatus,
    fileName: job.fileName,
    assignmentId: job.assignmentId,
    assignmentLabel: a ? `${a.orgName}（${a.roundName}）` : "",
    feedbackDate: a?.feedbackDate ?? null,
    total: job.total,
    processed: job.processed,
    failure: job.failure,
    createdAt: job.createdAt.toISOString(),
    committedAt: job.committedAt?.toISOString() ?? null,
    sheet: job.sheet,
    headerRow: job.headerRow,
    columns: json(job.columns) ?? [],
    sample: json(job.sample) ?? [],
    fields: IMPORT_FIELDS.map((f) => ({ field: f, label: IMPORT_FIELD_LABELS[f], hint: IMPORT_FIELD_HINTS[f] })),
    mapping: (job.mapping as Mapping | null) ?? {},
    dryRun: dryRun ? { ...dryRun, digest: undefined } : null,
    errors: (job.errors as ImportError[] | null) ?? [],
    result: json(job.result),
  };
}
export type JobView = Awaited<ReturnType<typeof jobView>>;

/** The uploader's recent jobs, newest first (to come back to one left unfinished). */
export async function listJobs(ctx: AppContext, actor: Actor) {
  assertMayImport(actor);
  const rows = await ctx.db
    .select({
      id: importJobs.id,
      fileName: importJobs.fileName,
      status: importJobs.status,
      assignmentId: importJobs.assignmentId,
      createdAt: importJobs.createdAt,
      committedAt: importJobs.committedAt,
    })
    .from(importJobs)
    .where(and(eq(importJobs.createdBy, actor.userId), eq(importJobs.kind, IMPORT_KIND)))
    .orderBy(desc(importJobs.createdAt))
    .limit(20);
  return rows.map((r) => ({
    ...r,
    status: r.status as JobStatus,
    createdAt: r.createdAt.toISOString(),
    committedAt: r.committedAt?.toISOString() ?? null,
  }));
}

/** The job with its parsed sheet, for the dry run and the commit; refused unless parsed and still open. */
export async function loadParsedJob(db: Db, actor: Actor, id: string, lock = false) {
  const q = db
    .select({
      id: importJobs.id,
      assignmentId: importJobs.assignmentId,
      fileName: importJobs.fileName,
      status: importJobs.status,
      createdBy: importJobs.createdBy,
      version: importJobs.version,
      mapping: importJobs.mapping,
      plan: importJobs.plan,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  const [job] = lock ? await q.for("update") : await q;
  if (!job || !ownsJob(actor, job)) throw notFound("导入任务");
  if (job.status === "parsing") throw conflict("文件还在解析中，请稍候");
  if (job.status === "failed") throw ruleViolation("该文件解析失败，请重新上传");
  if (job.status === "committed") throw conflict("该文件已确认导入");
  if (job.status === "discarded") throw conflict("该导入已放弃");
  const plan = (job.plan ?? {}) as JobPlan;
  if (!plan.parsed || !job.assignmentId) throw conflict("该导入没有可用的解析结果，请重新上传");
  return { ...job, assignmentId: job.assignmentId, plan, parsed: plan.parsed };
}

/** Checks a mapping against the sheet's columns: known fields, existing columns, one field per column. */
export function checkMapping(mapping: Mapping, parsed: ParsedSheet): void {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const [f, col] of Object.entries(mapping) as Array<[keyof typeof IMPORT_FIELD_LABELS, number | undefined]>) {
    if (col === undefined) continue;
    const c = parsed.columns.find((x) => x.index === col);
    if (!c) problems.push(`“${IMPORT_FIELD_LABELS[f]}”对应的列不存在`);
    else if (seen.has(col)) problems.push(`“${c.header}”列同时对应了“${seen.get(col)}”和“${IMPORT_FIELD_LABELS[f]}”`);
    else seen.set(col, IMPORT_FIELD_LABELS[f]);
  }
  if (mapping.id === undefined && mapping.problem === undefined && mapping.text === undefined) {
    problems.push("请至少为“台账编号”或“反馈问题”“具体问题”选择对应的列");
  }
  if (problems.length) throw new DomainError("validation_failed", `列对应有误：${problems.join("；")}`);
}

/** 预检: checks every row against the ledger as it stands; keeps the result and the mapping on the job. */
export async function dryRunImport(ctx: AppContext, actor: Actor, id: string, mapping: Mapping): Promise<DryRun> {
  assertMayImport(actor);
  const job = await loadParsedJob(ctx.db, actor, id);
  checkMapping(mapping, job.parsed);
  const a = await importAssignment(ctx.db, job.assignmentId);
  if (!a?.feedbackDate) throw notFound("巡察任务");
  const ids = idsInFile(job.parsed, mapping);
  const state = await loadImportState(ctx.db, { id: a.id, orgName: a.orgName, feedbackDate: a.feedbackDate }, ids);
  const dryRun = planImport(job.parsed, mapping, state);
  // A dry run changes no record: its result is kept on the job so that the commit can prove it applies it.
  const plan: JobPlan = { ...job.plan, dryRun };
  await ctx.db
    .update(importJobs)
    .set({ mapping, plan, errors: dryRun.errors, updatedAt: ctx.now(), version: job.version + 1 })
    .where(eq(importJobs.id, id));
  return dryRun;
}

export function idsInFile(parsed: ParsedSheet, mapping: Mapping): string[] {
  const at = parsed.columns.findIndex((c) => c.index === mapping.id);
  if (at < 0) return [];
  return parsed.rows
    .map((r) => r[at + 1])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .map((v) => v.trim());
}

export async function discardImport(ctx: AppContext, origin: ActorOrigin, id: string): Promise<void> {
  assertMayImport(origin.actor);
  await runCommand(ctx, origin, async (s) => {
    const [job] = await s.tx
      .select({
        id: importJobs.id,
        status: importJobs.status,
        createdBy: importJobs.createdBy,
        fileName: importJobs.fileName,
        version: importJobs.version,
      })
      .from(importJobs)
      .where(eq(importJobs.id, id))
      .for("update");
    if (!job || !ownsJob(origin.actor, job)) throw notFound("导入任务");
    if (job.status === "committed") throw conflict("该文件已确认导入，不能放弃");
    if (job.status === "discarded") throw conflict("该导入已放弃");
    await s.tx
      .update(importJobs)
      .set({ status: "discarded", content: null, plan: null, updatedAt: s.now, version: job.version + 1 })
      .where(eq(importJobs.id, id));
    await s.audit({
      action: "import.discard",
      recordType: "import_job",
      recordIds: [id],
      changes: { fileName: job.fileName, status: [job.status, "discarded"] },
    });
  });
}
