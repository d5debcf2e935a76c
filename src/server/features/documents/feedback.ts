/**
 * 巡察反馈意见: the feedback as the office registered it — aspects 一、二、…, each with its problems （一）（二）…
 * and, where a problem was refined, its rows 1. 2. … — addressed to the organisation's party organisation and
 * signed by the team on the feedback date.
 */
import { chineseOrdinal } from "../../../domain/feedback.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import { planDueDate } from "../../../domain/plan.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { getAnnouncementHead } from "../announcements/queries.ts";
import { assignmentScope, feedbackOf, mayViewFeedback } from "../feedback/queries.ts";
import {
  commonValues,
  compact,
  dateOr,
  fill,
  heading,
  inspectionKind,
  para,
  paragraphs,
  addressed,
  partyOrganisation,
  period,
  printedBy,
  type Parts,
} from "./parts.ts";

export interface InspectionHead {
  orgName: string;
  teamName: string;
  roundName: string;
  roundKind: string;
  entryDate: string | null;
  withdrawalDate: string | null;
  feedbackDate: string | null;
}

export interface FeedbackSource extends InspectionHead {
  aspects: Array<{
    seq: number;
    title: string;
    problems: Array<{ seq: number; text: string; rows: Array<{ seqLabel: string; text: string }> }>;
  }>;
  /** Feedback date + the plan's working days; null without a feedback date. */
  planDueDate: string | null;
  periodMonths: number;
}

/** The placeholders every document about one inspected organisation fills. */
export function inspectionValues(h: InspectionHead, counts: { aspects: number; problems: number; rows: number }) {
  return {
    单位名称: h.orgName,
    巡察组: h.teamName,
    巡察轮次: h.roundName,
    巡察方式: inspectionKind(h.roundKind),
    巡察时间: period(h.entryDate, h.withdrawalDate) || "巡察期间",
    反馈日期: dateOr(h.feedbackDate),
    方面数: String(counts.aspects),
    问题数: String(counts.problems),
    整改任务数: String(counts.rows),
  };
}

export function composeFeedbackOpinion(src: FeedbackSource, parts: Parts): OfficialDocument {
  const date = src.feedbackDate ?? parts.today;
  const problems = src.aspects.flatMap((a) => a.problems);
  const values = {
    ...commonValues(parts, date),
    ...inspectionValues(src, {
      aspects: src.aspects.length,
      problems: problems.length,
      rows: problems.reduce((n, p) => n + p.rows.length, 0),
    }),
    方案报送期限: dateOr(src.planDueDate, "规定时限"),
    集中整改期: `${src.periodMonths}个月`,
  };
  const body: Block[] = [...paragraphs(parts.template.opening, values)];
  src.aspects.forEach((a, i) => {
    body.push(heading(1, `${chineseOrdinal(i + 1)}、${a.title}`));
    a.problems.forEach((p, j) => {
      body.push(heading(2, `（${chineseOrdinal(j + 1)}）${p.text}`));
      // A problem refined into rows numbers them; a single row says it in its own words, unless it repeats the problem.
      if (p.rows.length > 1) p.rows.forEach((r, k) => body.push(para(`${k + 1}.${r.text}`)));
      else if (p.rows.length === 1 && p.rows[0]!.text.trim() !== p.text.trim()) body.push(para(p.rows[0]!.text));
    });
  });
  body.push(...paragraphs(parts.template.closing, values));
  return compact({
    kind: "feedback_opinion",
    orientation: "portrait",
    title: fill(parts.template.title, values),
    recipient: addressed(partyOrganisation(src.orgName)),
    body,
    signature: { issuer: src.teamName, date },
    printedBy: printedBy(parts.profile, date),
  });
}

export async function loadFeedbackSource(ctx: AppContext, actor: Actor, assignmentId: string): Promise<FeedbackSource> {
  const scope = await assignmentScope(ctx.db, assignmentId);
  if (!scope || !mayViewFeedback(actor, scope)) throw notFound("巡察任务");
  const head = await getAnnouncementHead(ctx.db, assignmentId);
  const feedback = await feedbackOf(ctx.db, assignmentId);
  if (!feedback.aspects.length) throw ruleViolation("该巡察任务尚未登记反馈意见，不能生成巡察反馈意见");
  const [settings, calendar] = await Promise.all([ctx.settings(), ctx.calendar()]);
  return {
    ...head,
    aspects: feedback.aspects.map((a) => ({
      seq: a.seq,
      title: a.title,
      problems: a.problems.map((p) => ({
        seq: p.seq,
        text: p.text,
        rows: p.rows.map((r) => ({ seqLabel: r.seqLabel, text: r.text })),
      })),
    })),
    planDueDate: head.feedbackDate ? planDueDate(calendar, head.feedbackDate, settings.planDueWorkingDays) : null,
    periodMonths: settings.concentratedPeriodMonths,
  };
}
