/**
 * A pre-filled letter for the create form: the rows a warning named, or the problems of a common problem, with the
 * addressee, subject and reply date they suggest. Nothing is written; the office edits and sends it.
 */
import { and, inArray, isNull } from "drizzle-orm";
import { suggestedSubject, type LetterKind } from "../../../domain/letter.ts";
import type { AppContext } from "../../context.ts";
import { orgs } from "../../db/schema.ts";
import { commonProblemProblemIds, getCommonProblem, problemItems, rowItems } from "./queries.ts";
import type { LetterDraft } from "./schema.ts";

export async function defaultReplyDue(ctx: AppContext, sentOn: string): Promise<string> {
  const [cal, settings] = await Promise.all([ctx.calendar(), ctx.settings()]);
  return cal.addWorkingDays(sentOn, settings.letterReplyWorkingDays);
}

export async function letterDraft(
  ctx: AppContext,
  today: string,
  q: { kind: LetterKind; rowIds: string[]; commonProblemId?: string | undefined },
): Promise<LetterDraft> {
  const cp = q.commonProblemId ? await getCommonProblem(ctx.db, q.commonProblemId) : null;
  const rows = await rowItems(ctx.db, [...new Set(q.rowIds)]);
  const problems = cp ? await problemItems(ctx.db, await commonProblemProblemIds(ctx.db, cp.id)) : [];

  let addressee: string | null = null;
  let addresseeOrgId: string | null = null;
  const orgIds = [...new Set(rows.map((r) => r.orgId!))];
  if (cp?.department) {
    addressee = cp.department;
  } else if (orgIds.length === 1) {
    const [org] = await ctx.db
      .select({ id: orgs.id, name: orgs.name, supervisingLeader: orgs.supervisingLeader })
      .from(orgs)
      .where(and(inArray(orgs.id, orgIds), isNull(orgs.deletedAt)));
    if (org) {
      addresseeOrgId = org.id;
      // A reminder goes to the organisation's supervising leader; the others to the organisation itself.
      addressee = q.kind === "reminder" ? org.supervisingLeader : org.name;
    }
  }
  const sentOn = today;
  return {
    kind: q.kind,
    addressee,
    addresseeOrgId,
    subject: suggestedSubject(q.kind, cp?.title ?? null),
    sentOn,
    replyDue: await defaultReplyDue(ctx, sentOn),
    commonProblemId: cp?.id ?? null,
    commonProblemTitle: cp?.title ?? null,
    rows: rows.map((r) => ({ id: r.rowId!, ...r })),
    problems: problems.map((p) => ({ id: p.problemId!, ...p })),
  };
}
