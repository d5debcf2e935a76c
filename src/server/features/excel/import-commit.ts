/**
 * 确认导入: one transaction. The dry run is done again on the ledger as it stands inside the transaction; any error
 * refuses the whole file (nothing is written), and a plan that differs from the one the user saw (someone changed
 * the ledger meanwhile) is refused too. Then changed rows are updated (each with its own ledger audit entry),
 * new aspects, problems and rows are registered under the assignment, progress notes added, the column mapping
 * remembered for the office, and one import entry lists every row touched.
 */
import { eq, sql } from "drizzle-orm";
import { DomainError, conflict } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import type { Actor } from "../../../domain/roles.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import {
  assignments,
  feedbackAspects,
  feedbackProblems,
  importJobs,
  importMappings,
  ledgerNotes,
  ledgerRows,
} from "../../db/schema.ts";
import {
  DEFAULT_ASPECT,
  norm,
  planImport,
  type DryRun,
  type ImportState,
  type PlannedChange,
  type PlannedCreate,
} from "./import-check.ts";
import { rememberedFrom } from "./import-fields.ts";
import { importAssignment, loadImportState } from "./import-state.ts";
import { IMPORT_KIND, idsInFile, loadParsedJob, type CommitResult, type JobPlan } from "./imports.ts";
import { assertMayImport } from "./policy.ts";

const BATCH = 500;

export async function commitImport(ctx: AppContext, origin: Origin & { actor: Actor }, id: string): Promise<CommitResult> {
  assertMayImport(origin.actor);
  const office = (await ctx.settings()).officeName;
  return runCommand(ctx, origin, async (s) => {
    const job = await loadParsedJob(s.tx, origin.actor, id, true);
    const seen = job.plan.dryRun;
    const mapping = (job.mapping ?? {}) as Parameters<typeof planImport>[1];
    if (!seen) throw conflict("请先预检，再确认导入");
    // Imports into one assignment, and feedback registration, take turns.
    await s.tx.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, job.assignmentId)).for("update");
    const a = await importAssignment(s.tx, job.assignmentId);
    if (!a?.feedbackDate) throw conflict("巡察任务不存在或尚未登记反馈意见");
    const state = await loadImportState(
      s.tx,
      { id: a.id, orgName: a.orgName, feedbackDate: a.feedbackDate },
      idsInFile(job.parsed, mapping),
    );
    const plan = planImport(job.parsed, mapping, state);
    if (plan.errors.length) {
      throw new DomainError("import_rejected", `文件中有 ${plan.errors.length} 处错误，整个文件未导入；请改正后重新上传`, {
        errors: plan.errors.slice(0, 1000),
      });
    }
    if (plan.digest !== seen.digest) throw conflict("预检之后台账已有变化，请重新预检后再确认导入");

    const today = todayIn(ctx);
    let notes = 0;
    for (const c of plan.changes) notes += await applyChange(s, c, today);
    const createdIds = await applyCreates(s, plan, { id: a.id, orgId: a.orgId }, state, today);
    notes += plan.creates.filter((c) => c.note).length;

    await s.tx
      .insert(importMappings)
      .values({
        id: uuidv7(),
        ...created(s),
        kind: IMPORT_KIND,
        office,
        mapping: rememberedFrom(mapping, job.parsed.columns),
        updatedBy: s.actor?.userId ?? null,
      })
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.office],
        set: {
          mapping: rememberedFrom(mapping, job.parsed.columns),
          updatedAt: s.now,
          updatedBy: s.actor?.userId ?? null,
          version: sql`${importMappings.version} + 1`,
        },
      });

    const result: CommitResult = {
      created: plan.creates.length,
      changed: plan.changes.length,
      notes,
      unchanged: plan.unchanged,
      newAspects: plan.newAspects,
      newProblems: plan.newProblems,
    };
    // The file and the parsed rows are no longer needed; what was applied stays.
    const kept: JobPlan = { dryRun: plan, result };
    await s.tx
      .update(importJobs)
      .set({
        status: "committed",
        committedAt: s.now,
        content: null,
        plan: kept,
        errors: [],
        updatedAt: s.now,
        version: job.version + 1,
      })
      .where(eq(importJobs.id, id));
    await s.audit({
      action: "import.commit",
      recordType: "import_job",
      recordIds: [id, a.id, ...createdIds, ...plan.changes.map((c) => c.id)],
      changes: { fileName: job.fileName, sheet: plan.sheet, assignment: `${a.orgName}（${a.roundName}）`, ...result },
    });
    return result;
  });
}

/** One changed row: its fields (one ledger audit entry with before → after) and a new progress note. */
async function applyChange(s: CommandScope, c: PlannedChange, today: string): Promise<number> {
  const fields = c.fields.filter((f) => f.field !== "note");
  if (fields.length) {
    await s.tx
      .update(ledgerRows)
      .set({ ...Object.fromEntries(fields.map((f) => [f.field, f.after])), updatedAt: s.now, version: c.version + 1 })
      .where(eq(ledgerRows.id, c.id));
    await s.audit({
      action: "ledger.update",
      recordType: "ledger_row",
      recordIds: [c.id],
      changes: { ...Object.fromEntries(fields.map((f) => [f.field, [f.before, f.after]])), source: "Excel 导入" },
    });
  }
  const note = c.fields.find((f) => f.field === "note");
  if (!note) return 0;
  const noteId = uuidv7();
  await s.tx.insert(ledgerNotes).values({ id: noteId, ...created(s), rowId: c.id, noteDate: today, text: note.after });
  await s.audit({
    action: "ledger.add_note",
    recordType: "ledger_row",
    recordIds: [c.id, noteId],
    changes: { noteDate: today, text: note.after, source: "Excel 导入" },
  });
  return 1;
}

/** New rows under the assignment: new aspects and problems first (numbered after the existing), then the rows. */
async function applyCreates(
  s: CommandScope,
  plan: DryRun,
  a: { id: string; orgId: string },
  state: ImportState,
  today: string,
): Promise<string[]> {
  if (!plan.creates.length) return [];
  // Numbered after the live aspects and problems, as the dry run numbered them.
  let aspectSeq = Math.max(0, ...state.aspects.map((x) => x.seq));
  let problemSeq = Math.max(0, ...state.problems.map((x) => x.seq));
  const aspectIds = new Map(state.aspects.map((x) => [norm(x.title), x.id]));
  const problemIds = new Map<string, string>();
  const newAspects: Array<typeof feedbackAspects.$inferInsert> = [];
  const newProblems: Array<typeof feedbackProblems.$inferInsert> = [];
  const rows: Array<typeof ledgerRows.$inferInsert> = [];
  const notes: Array<typeof ledgerNotes.$inferInsert> = [];
  const aspectOf = (c: PlannedCreate): string => {
    if (c.aspectId) return c.aspectId;
    const title = c.aspect || DEFAULT_ASPECT;
    let id = aspectIds.get(norm(title));
    if (!id) {
      id = uuidv7();
      aspectIds.set(norm(title), id);
      newAspects.push({ id, ...created(s), assignmentId: a.id, seq: ++aspectSeq, title });
    }
    return id;
  };
  let seq = state.maxRowSeq;
  for (const c of plan.creates) {
    let problemId = c.problemId ?? problemIds.get(norm(c.problem));
    if (!problemId) {
      problemId = uuidv7();
      problemIds.set(norm(c.problem), problemId);
      newProblems.push({
        id: problemId,
        ...created(s),
        assignmentId: a.id,
        aspectId: aspectOf(c),
        seq: ++problemSeq,
        text: c.problem,
      });
    }
    const id = uuidv7();
    rows.push({
      id,
      ...created(s),
      orgId: a.orgId,
      assignmentId: a.id,
      problemId,
      seq: ++seq,
      seqLabel: c.seqLabel,
      text: c.text,
      measures: c.measures,
      responsibleLeader: c.responsibleLeader,
      responsibleDepartment: c.responsibleDepartment,
      deadline: c.deadline,
    });
    if (c.note) notes.push({ id: uuidv7(), ...created(s), rowId: id, noteDate: today, text: c.note });
  }
  if (newAspects.length) await s.tx.insert(feedbackAspects).values(newAspects);
  for (let i = 0; i < newProblems.length; i += BATCH) await s.tx.insert(feedbackProblems).values(newProblems.slice(i, i + BATCH));
  for (let i = 0; i < rows.length; i += BATCH) await s.tx.insert(ledgerRows).values(rows.slice(i, i + BATCH));
  for (let i = 0; i < notes.length; i += BATCH) await s.tx.insert(ledgerNotes).values(notes.slice(i, i + BATCH));
  return rows.map((r) => r.id);
}
