/** Sending letters (office) and recording their replies (addressee, or the office on its behalf). */
import { and, eq, inArray, isNull, max, or, type SQL } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { LETTER_KIND_LABELS, letterYear, type LetterInput, type LetterReply } from "../../../domain/letter.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { ledgerRows, letterItems, letters, orgs, users } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { defaultReplyDue } from "./draft.ts";
import { replyRefusal, replyStateReason, sendLettersRefusal } from "./policy.ts";
import {
  commonProblemProblemIds,
  getCommonProblem,
  getLetter,
  problemItems,
  rowItems,
  rowName,
  stateOfLetter,
} from "./queries.ts";

const NUMBER_CLASH = "编号冲突，请重试";

const isUniqueViolation = (e: unknown): boolean => {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x.code === "23505") return true;
  }
  return false;
};

/**
 * Sends a letter, numbered 1 + the highest number of its kind in the year it is sent. Two letters sent at the same
 * moment can take the same number: the unique index refuses the second, which is tried once more, then refused.
 */
export async function createLetter(ctx: AppContext, origin: Origin, input: LetterInput): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(ctx, origin, (s) => sendLetter(s, input));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      if (attempt >= 2) throw conflict(NUMBER_CLASH);
    }
  }
}

async function assertAddressee(tx: Db, input: LetterInput): Promise<void> {
  if (input.addresseeOrgId) {
    const [org] = await tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.id, input.addresseeOrgId), isNull(orgs.deletedAt)));
    if (!org) throw notFound("主送单位");
  }
  if (input.addresseeUserId) {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.addresseeUserId), isNull(users.deletedAt), eq(users.active, true)));
    if (!u) throw notFound("主送账号");
  }
}

const names = (items: Array<{ orgName: string; seqLabel: string }>) => items.map(rowName).join("、");
const problemNames = (items: Array<{ orgName: string; seqLabel: string }>) =>
  items.map((p) => `${p.orgName}问题${p.seqLabel}`).join("、");

/** Rows and problems already named in a live supervision letter. */
async function superviseds(tx: Db, rowIds: string[], problemIds: string[]) {
  const about: SQL[] = [];
  if (rowIds.length) about.push(inArray(letterItems.rowId, rowIds));
  if (problemIds.length) about.push(inArray(letterItems.problemId, problemIds));
  if (!about.length) return { rows: new Set<string>(), problems: new Set<string>() };
  const found = await tx
    .select({ rowId: letterItems.rowId, problemId: letterItems.problemId })
    .from(letterItems)
    .innerJoin(letters, eq(letters.id, letterItems.letterId))
    .where(and(eq(letters.kind, "supervision"), isNull(letters.deletedAt), isNull(letterItems.deletedAt), or(...about)));
  return {
    rows: new Set(found.flatMap((f) => (f.rowId ? [f.rowId] : []))),
    problems: new Set(found.flatMap((f) => (f.problemId ? [f.problemId] : []))),
  };
}

async function sendLetter(s: CommandScope, input: LetterInput): Promise<string> {
  allow(sendLettersRefusal(actorIn(s)));
  await assertAddressee(s.tx, input);
  const cp = input.commonProblemId ? await getCommonProblem(s.tx, input.commonProblemId) : null;

  const rowIds = [...new Set(input.rowIds)];
  let problemIds = [...new Set(input.problemIds)];
  // A letter about a common problem concerns, unless told otherwise, the problems its findings were fed back as.
  if (cp && !rowIds.length && !problemIds.length) problemIds = await commonProblemProblemIds(s.tx, cp.id);
  if (!rowIds.length && !problemIds.length) throw ruleViolation("函件至少应涉及一个台账条目或反馈问题");

  const rows = await rowItems(s.tx, rowIds);
  const problems = await problemItems(s.tx, problemIds);
  if (rows.length !== rowIds.length) throw notFound("所选台账条目");
  if (problems.length !== problemIds.length) throw notFound("所选反馈问题");

  const label = LETTER_KIND_LABELS[input.kind];
  if (input.kind === "supervision" || input.kind === "reassignment") {
    const closedRows = rows.filter((r) => r.status === "closed");
    if (closedRows.length) throw ruleViolation(`以下台账条目已销号，不能制发${label}：${names(closedRows)}`);
    const closedProblems = problems.filter((p) => p.status === "closed");
    if (closedProblems.length) throw ruleViolation(`以下问题已全部销号，不能制发${label}：${problemNames(closedProblems)}`);
  }
  if (input.kind === "reassignment") {
    // A row counts as supervised when a supervision letter named it or its feedback problem.
    const problemsOfRows = rows.flatMap((r) => (r.problemId ? [r.problemId] : []));
    const done = await superviseds(s.tx, rowIds, [...problemIds, ...problemsOfRows]);
    const rowsWithout = rows.filter((r) => !done.rows.has(r.rowId!) && !(r.problemId && done.problems.has(r.problemId)));
    if (rowsWithout.length) throw ruleViolation(`以下台账条目尚未制发督办函，不能制发再交办函：${names(rowsWithout)}`);
    const problemsWithout = await unsupervisedProblems(s.tx, problems, done);
    if (problemsWithout.length) throw ruleViolation(`以下问题尚未制发督办函，不能制发再交办函：${problemNames(problemsWithout)}`);
  }

  const year = letterYear(input.sentOn);
  const [last] = await s.tx
    .select({ n: max(letters.number) })
    .from(letters)
    .where(and(eq(letters.kind, input.kind), eq(letters.year, year), isNull(letters.deletedAt)));
  const number = (last?.n ?? 0) + 1;
  const replyDue = input.replyDue ?? (await defaultReplyDue(s.ctx, input.sentOn));

  const id = uuidv7();
  const values = {
    kind: input.kind,
    year,
    number,
    addressee: input.addressee,
    addresseeOrgId: input.addresseeOrgId ?? null,
    addresseeUserId: input.addresseeUserId ?? null,
    subject: input.subject,
    body: input.body || null,
    sentOn: input.sentOn,
    replyDue,
    commonProblemId: cp?.id ?? null,
  };
  await s.tx.insert(letters).values({ id, ...created(s), ...values });
  const items = [
    ...rowIds.map((rowId) => ({ rowId, problemId: null })),
    ...problemIds.map((problemId) => ({ rowId: null, problemId })),
  ];
  await s.tx.insert(letterItems).values(items.map((i) => ({ id: uuidv7(), ...created(s), letterId: id, ...i })));
  await s.audit({
    action: "letter.create",
    recordType: "letter",
    // The rows' histories show the letters sent about them.
    recordIds: [id, ...rowIds, ...problemIds],
    changes: { ...values, rowIds, problemIds },
  });
  return id;
}

/** Problems no supervision letter named, neither directly nor through one of their rows. */
async function unsupervisedProblems(
  tx: Db,
  problems: Array<{ problemId: string | null; orgName: string; seqLabel: string }>,
  done: { rows: Set<string>; problems: Set<string> },
) {
  const open = problems.filter((p) => !done.problems.has(p.problemId!));
  if (!open.length) return [];
  const rowsOf = await tx
    .select({ id: ledgerRows.id, problemId: ledgerRows.problemId })
    .from(ledgerRows)
    .where(
      and(
        inArray(
          ledgerRows.problemId,
          open.map((p) => p.problemId!),
        ),
        isNull(ledgerRows.deletedAt),
      ),
    );
  const viaRows = await superviseds(
    tx,
    rowsOf.map((r) => r.id),
    [],
  );
  const covered = new Set(rowsOf.filter((r) => viaRows.rows.has(r.id)).map((r) => r.problemId));
  return open.filter((p) => !covered.has(p.problemId));
}

export function replyLetter(ctx: AppContext, origin: Origin, id: string, body: LetterReply): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const j = await getLetter(s.tx, id);
    const state = stateOfLetter(j);
    allow(replyRefusal(actorIn(s), state));
    const already = replyStateReason(state);
    if (already) throw ruleViolation(already);
    if (body.repliedOn < j.letter.sentOn)
      throw ruleViolation(`回复日期（${body.repliedOn}）不能早于发函日期（${j.letter.sentOn}）`);
    if (body.repliedOn > todayIn(ctx)) throw ruleViolation("回复日期不能晚于今天");
    const done = await s.tx
      .update(letters)
      .set({
        replyText: body.replyText,
        repliedOn: body.repliedOn,
        repliedBy: actorIn(s).userId,
        updatedAt: s.now,
        version: j.letter.version + 1,
      })
      .where(and(eq(letters.id, id), isNull(letters.repliedOn), isNull(letters.deletedAt)))
      .returning({ id: letters.id });
    if (!done.length) throw ruleViolation("该函件已回复，不能重复回复");
    const items = await s.tx
      .select({ rowId: letterItems.rowId })
      .from(letterItems)
      .where(and(eq(letterItems.letterId, id), isNull(letterItems.deletedAt)));
    await s.audit({
      action: "letter.reply",
      recordType: "letter",
      recordIds: [id, ...items.flatMap((i) => (i.rowId ? [i.rowId] : []))],
      changes: { repliedOn: body.repliedOn, replyText: body.replyText },
    });
  });
}
