/** Ledger commands: each checks the policy on the row's current state inside the transaction, writes, audits. */
import { and, eq, isNull, sql } from "drizzle-orm";
import { DomainError, conflict, forbidden, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  LEDGER_BATCH_ACTION_LABELS,
  type LedgerBatchAction,
  type LedgerBatchFields,
  type LedgerFill,
} from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { diff } from "../../audit/append.ts";
import { evidenceFiles, ledgerNotes, ledgerRows, relapses } from "../../db/schema.ts";
import { abilities, refusal, type LedgerAbilities } from "./policy.ts";
import { loadRows, stateOf } from "./queries.ts";
import type { BatchRequest } from "./schema.ts";

type ActorOrigin = Origin & { actor: Actor };
type LoadedRow = Awaited<ReturnType<typeof loadRows>>[number];

/** Loads rows FOR UPDATE and refuses the whole set if any row may not take the action. */
async function lockAndCheck(s: CommandScope, actor: Actor, ids: string[], action: keyof LedgerAbilities): Promise<LoadedRow[]> {
  await s.tx.execute(
    sql`select id from ledger_rows where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) for update`,
  );
  const rows = await loadRows(s.tx, ids);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) throw notFound(ids.length === 1 ? "台账条目" : `台账条目（${missing.length} 条）`);
  const refused = rows.filter((r) => !abilities(actor, stateOf(r))[action]);
  if (refused.length) {
    if (ids.length === 1) {
      const r = refused[0]!;
      throw forbidden(refusal(actor, stateOf(r), action));
    }
    const list = refused.map((r) => ({
      id: r.id,
      seqLabel: r.seqLabel,
      orgName: r.orgName,
      reason: refusal(actor, stateOf(r), action),
    }));
    throw new DomainError(
      "forbidden",
      `以下 ${list.length} 条无权执行，整批未执行：${list.map((x) => `${x.orgName} 第${x.seqLabel}条（${x.reason}）`).join("；")}`,
      { rows: list },
    );
  }
  return rows;
}

function checkVersion(row: LoadedRow, version: number): void {
  if (row.version !== version) throw conflict("该条目已被他人修改，请刷新后重试");
}

const bump = (s: CommandScope, row: { version: number }) => ({ updatedAt: s.now, version: row.version + 1 });

export async function fillRow(ctx: AppContext, origin: ActorOrigin, id: string, input: LedgerFill): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    const [row] = await lockAndCheck(s, origin.actor, [id], "fill");
    checkVersion(row!, input.version);
    const { version: _v, ...fields } = input;
    const changes = diff(row!, fields);
    if (!Object.keys(changes).length)
      return s.audit({ action: "ledger.update", recordType: "ledger_row", recordIds: [id], changes: {} });
    await s.tx
      .update(ledgerRows)
      .set({ ...fields, ...bump(s, row!) })
      .where(eq(ledgerRows.id, id));
    await s.audit({ action: "ledger.update", recordType: "ledger_row", recordIds: [id], changes });
  });
}

export async function addNote(ctx: AppContext, origin: ActorOrigin, id: string, noteDate: string, text: string): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    await lockAndCheck(s, origin.actor, [id], "addNote");
    const noteId = uuidv7();
    await s.tx.insert(ledgerNotes).values({ id: noteId, ...created(s), rowId: id, noteDate, text });
    await s.audit({ action: "ledger.add_note", recordType: "ledger_row", recordIds: [id, noteId], changes: { noteDate, text } });
  });
}

async function requestOne(s: CommandScope, row: LoadedRow, note: string | null): Promise<void> {
  const [ev] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.rowId, row.id), isNull(evidenceFiles.deletedAt)));
  const problems: string[] = [];
  if (!row.measures?.trim()) problems.push("未填写整改措施");
  if (!ev?.n) problems.push("未上传佐证材料");
  if (problems.length) throw ruleViolation(`第${row.seqLabel}条不能申请销号：${problems.join("，")}`);
  await s.tx
    .update(ledgerRows)
    .set({
      status: "close_requested",
      progress: "done",
      closeRequestedBy: s.actor!.userId,
      closeRequestedAt: s.now,
      returnReason: null,
      ...bump(s, row),
    })
    .where(eq(ledgerRows.id, row.id));
  await s.audit({
    action: "ledger.request_closeout",
    recordType: "ledger_row",
    recordIds: [row.id],
    changes: { status: [row.status, "close_requested"], progress: [row.progress, "done"], ...(note ? { note } : {}) },
  });
}

async function closeOne(s: CommandScope, row: LoadedRow, opinion: string | null): Promise<void> {
  await s.tx
    .update(ledgerRows)
    .set({ status: "closed", closedBy: s.actor!.userId, closedAt: s.now, ...bump(s, row) })
    .where(eq(ledgerRows.id, row.id));
  await s.audit({
    action: "ledger.close",
    recordType: "ledger_row",
    recordIds: [row.id],
    changes: { status: [row.status, "closed"], ...(opinion ? { opinion } : {}) },
  });
}

async function returnOne(s: CommandScope, row: LoadedRow, reason: string): Promise<void> {
  await s.tx
    .update(ledgerRows)
    .set({
      status: "open",
      progress: "in_progress",
      returnReason: reason,
      closeRequestedBy: null,
      closeRequestedAt: null,
      ...bump(s, row),
    })
    .where(eq(ledgerRows.id, row.id));
  await s.audit({
    action: "ledger.return",
    recordType: "ledger_row",
    recordIds: [row.id],
    changes: { status: [row.status, "open"], progress: [row.progress, "in_progress"], reason },
  });
}

export async function requestCloseout(ctx: AppContext, origin: ActorOrigin, id: string, note: string | null): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    const [row] = await lockAndCheck(s, origin.actor, [id], "requestCloseout");
    await requestOne(s, row!, note);
  });
}

export async function closeRow(ctx: AppContext, origin: ActorOrigin, id: string, opinion: string | null): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    const [row] = await lockAndCheck(s, origin.actor, [id], "close");
    await closeOne(s, row!, opinion);
  });
}

export async function returnRow(ctx: AppContext, origin: ActorOrigin, id: string, reason: string): Promise<void> {
  await runCommand(ctx, origin, async (s) => {
    const [row] = await lockAndCheck(s, origin.actor, [id], "return");
    await returnOne(s, row!, reason);
  });
}

export interface RelapseInput {
  reason: string;
  foundWhere: string;
  foundOn: string;
}

/** Reopens a closed row as a relapse inside a command already running (e.g. a revisit's result). */
export async function reopenInScope(s: CommandScope, id: string, input: RelapseInput): Promise<void> {
  if (!s.actor) throw forbidden();
  const [row] = await lockAndCheck(s, s.actor, [id], "reopen");
  const relapseId = uuidv7();
  await s.tx.insert(relapses).values({ id: relapseId, ...created(s), rowId: id, ...input });
  await s.tx
    .update(ledgerRows)
    .set({
      status: "open",
      progress: "in_progress",
      closedBy: null,
      closedAt: null,
      closeRequestedBy: null,
      closeRequestedAt: null,
      relapseCount: row!.relapseCount + 1,
      ...bump(s, row!),
    })
    .where(eq(ledgerRows.id, id));
  await s.audit({
    action: "ledger.reopen",
    recordType: "ledger_row",
    recordIds: [id, relapseId],
    changes: { status: [row!.status, "open"], relapseCount: [row!.relapseCount, row!.relapseCount + 1], ...input },
  });
}

export async function reopenRow(ctx: AppContext, origin: ActorOrigin, id: string, input: RelapseInput): Promise<void> {
  await runCommand(ctx, origin, (s) => reopenInScope(s, id, input));
}

const BATCH_ABILITY: Record<LedgerBatchAction, keyof LedgerAbilities> = {
  request_closeout: "requestCloseout",
  close: "close",
  return: "return",
  set: "fill",
};

/** 批量设置: the same fields on each row, one audit entry per row with what changed. */
async function setOne(s: CommandScope, row: LoadedRow, fields: LedgerBatchFields): Promise<void> {
  const changes = diff(row, fields);
  if (Object.keys(changes).length)
    await s.tx
      .update(ledgerRows)
      .set({ ...fields, ...bump(s, row) })
      .where(eq(ledgerRows.id, row.id));
  await s.audit({ action: "ledger.update", recordType: "ledger_row", recordIds: [row.id], changes });
}

/** A batch is all or nothing: one forbidden row refuses the whole batch, naming it. */
export async function batchAction(ctx: AppContext, origin: ActorOrigin, req: BatchRequest): Promise<{ done: number }> {
  const unique = [...new Set(req.ids)];
  const reason = "reason" in req ? (req.reason ?? null) : null;
  if (req.action === "return" && !reason?.trim()) throw ruleViolation(`${LEDGER_BATCH_ACTION_LABELS.return}须填写理由`);
  return runCommand(ctx, origin, async (s) => {
    const rows = await lockAndCheck(s, origin.actor, unique, BATCH_ABILITY[req.action]);
    for (const row of rows) {
      if (req.action === "set") await setOne(s, row, req.fields);
      else if (req.action === "request_closeout") await requestOne(s, row, reason);
      else if (req.action === "close") await closeOne(s, row, reason);
      else await returnOne(s, row, reason!);
    }
    return { done: rows.length };
  });
}
