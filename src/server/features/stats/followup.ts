/**
 * Follow-up figures: the secretary's directives (点人点事) by meeting, letters by kind, and rules made (制度建设)
 * by organisation — each counted as its own feature counts it.
 */
import { isNull, sql, type SQL } from "drizzle-orm";
import { RULE_KIND_LABELS, type RuleKind } from "../../../domain/accountability.ts";
import {
  DIRECTIVE_KIND_LABELS,
  DIRECTIVE_STATUS_LABELS,
  type DirectiveKind,
  type DirectiveStatus,
} from "../../../domain/directive.ts";
import {
  documentNumber,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_STATUS_LABELS,
  letterStatus,
  type LetterKind,
} from "../../../domain/letter.ts";
import {
  assignments,
  directives,
  feedbackProblems,
  findings,
  ledgerRows,
  letterItems,
  letters,
  orgs,
  rounds,
  ruleFindings,
  rulesMade,
  secretaryMeetings,
} from "../../db/schema.ts";
import { visibleOrgRecords } from "../accountability/policy.ts";
import { visibleLetters } from "../letters/policy.ts";
import { whereOf, type FigureDef, type RecordSpec, type Row } from "./engine.ts";
import { inPeriod, inSubtree, inTermDates, inTermRound, text, type StatContext } from "./filter.ts";
import { compareZh, isUuid, oneOf, ratio } from "./model.ts";

// ——— directives ———

/**
 * Directives by the secretary's meeting that gave them: done (closed by the office) ÷ all. The period and the
 * term are on the meeting's date; a round takes the directives about organisations inspected in it.
 */
export function directivesFigure(c: StatContext): FigureDef {
  const open = sql`${directives.status} <> 'closed'`;
  const inRound = c.round
    ? sql`${directives.orgId} in (select ${assignments.orgId} from ${assignments}
        where ${assignments.roundId} = ${c.round.id} and ${assignments.deletedAt} is null)`
    : undefined;
  return {
    measures: [
      { key: "total", label: "点人点事", kind: "count" },
      { key: "done", label: "已办结", kind: "count" },
      { key: "notDone", label: "未办结", kind: "count" },
      { key: "overdue", label: "逾期未办结", kind: "count" },
      { key: "doneRate", label: "办结率", kind: "rate" },
    ],
    parts: [
      {
        from: sql`${directives}
          join ${secretaryMeetings} on ${secretaryMeetings.id} = ${directives.meetingId}
          left join ${orgs} on ${orgs.id} = ${directives.orgId}`,
        where: whereOf(
          isNull(directives.deletedAt),
          isNull(secretaryMeetings.deletedAt),
          inPeriod(c, secretaryMeetings.heldOn),
          inTermDates(c, secretaryMeetings.heldOn),
          inRound,
          inSubtree(c, orgs.path),
        ),
        key: sql`${directives.meetingId}`,
        match: (g) => sql`${directives.meetingId} = ${g}`,
        label: sql`${secretaryMeetings.heldOn}::text || ' ' || ${secretaryMeetings.title}`,
        order: sql`${secretaryMeetings.heldOn}`,
        counts: {
          total: sql`true`,
          done: sql`${directives.status} = 'closed'`,
          notDone: open,
          overdue: sql`(${open} and ${directives.dueDate} is not null and ${directives.dueDate} < ${c.today}::date)`,
        },
        records: {
          columns: [
            { key: "meeting", title: "书记专题会" },
            { key: "kind", title: "类型" },
            { key: "target", title: "点名对象" },
            { key: "org", title: "单位" },
            { key: "action", title: "办理要求" },
            { key: "owner", title: "办理人" },
            { key: "dueDate", title: "办理期限" },
            { key: "status", title: "办理状态" },
          ],
          select: {
            id: sql`${directives.id}::text`,
            meeting: sql`${secretaryMeetings.title}`,
            kind: sql`${directives.kind}`,
            target: sql`${directives.target}`,
            org: sql`${orgs.name}`,
            action: sql`${directives.action}`,
            owner: sql`${directives.owner}`,
            dueDate: sql`${directives.dueDate}::text`,
            status: sql`${directives.status}`,
          },
          order: sql`${secretaryMeetings.heldOn}, ${directives.createdAt}, ${directives.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: "/directives",
            cells: {
              meeting: text(r.meeting),
              kind: DIRECTIVE_KIND_LABELS[r.kind as DirectiveKind] ?? text(r.kind),
              target: text(r.target),
              org: text(r.org),
              action: text(r.action),
              owner: text(r.owner),
              dueDate: text(r.dueDate),
              status: DIRECTIVE_STATUS_LABELS[r.status as DirectiveStatus] ?? text(r.status),
            },
          }),
        },
      },
    ],
    rates: { doneRate: (own) => ratio(own.done, own.total) },
    validGroup: isUuid,
  };
}

// ——— letters ———

/** A letter concerns a term or round through the ledger rows and feedback problems it names. */
function lettersOfRound(c: StatContext): SQL | undefined {
  if (!c.term && !c.round) return undefined;
  return sql`exists (select 1 from ${letterItems}
    left join ${ledgerRows} on ${ledgerRows.id} = ${letterItems.rowId}
    left join ${feedbackProblems} on ${feedbackProblems.id} = ${letterItems.problemId}
    join ${assignments} on ${assignments.id} = coalesce(${ledgerRows.assignmentId}, ${feedbackProblems.assignmentId})
    join ${rounds} on ${rounds.id} = ${assignments.roundId}
    where ${letterItems.letterId} = ${letters.id} and ${letterItems.deletedAt} is null
      and ${whereOf(inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }))})`;
}

export const lettersFrom = sql`${letters} left join ${orgs} on ${orgs.id} = ${letters.addresseeOrgId}`;

/** Live letters the actor may see (letters/policy), addressed within the organisation subtree, of the term or round. */
export const lettersScope = (c: StatContext): SQL =>
  whereOf(
    isNull(letters.deletedAt),
    visibleLetters(c.actor, {
      addresseeOrgId: letters.addresseeOrgId,
      addresseeOrgPath: orgs.path,
      addresseeUserId: letters.addresseeUserId,
    }),
    inSubtree(c, orgs.path),
    lettersOfRound(c),
  );

export const letterRecords = (today: string): RecordSpec => ({
  columns: [
    { key: "number", title: "文号" },
    { key: "kind", title: "函件类型" },
    { key: "addressee", title: "主送" },
    { key: "subject", title: "事由" },
    { key: "sentOn", title: "发出日期" },
    { key: "replyDue", title: "回复期限" },
    { key: "repliedOn", title: "回复日期" },
    { key: "status", title: "状态" },
  ],
  select: {
    id: sql`${letters.id}::text`,
    kind: sql`${letters.kind}`,
    year: sql`${letters.year}`,
    number: sql`${letters.number}`,
    addressee: sql`${letters.addressee}`,
    subject: sql`${letters.subject}`,
    sentOn: sql`${letters.sentOn}::text`,
    replyDue: sql`${letters.replyDue}::text`,
    repliedOn: sql`${letters.repliedOn}::text`,
  },
  order: sql`${letters.sentOn}, ${letters.kind}, ${letters.number}, ${letters.id}`,
  present: (r: Row) => ({
    id: String(r.id),
    href: `/letters?letter=${String(r.id)}`,
    cells: {
      number: documentNumber(Number(r.year), Number(r.number)),
      kind: LETTER_KIND_LABELS[r.kind as LetterKind] ?? text(r.kind),
      addressee: text(r.addressee),
      subject: text(r.subject),
      sentOn: text(r.sentOn),
      replyDue: text(r.replyDue),
      repliedOn: text(r.repliedOn),
      status: LETTER_STATUS_LABELS[letterStatus({ repliedOn: text(r.repliedOn), replyDue: String(r.replyDue) }, today)],
    },
  }),
});

/**
 * Letters by kind: sent, answered, reply overdue (not answered, reply due before today), as the letters feature
 * counts them, over the letters the actor may see. Period: the sending date; organisation: the addressee's.
 */
export function lettersFigure(c: StatContext): FigureDef {
  return {
    measures: [
      { key: "sent", label: "发出", kind: "count" },
      { key: "answered", label: "已回复", kind: "count" },
      { key: "overdue", label: "逾期未回复", kind: "count" },
      { key: "answerRate", label: "回复率", kind: "rate" },
    ],
    parts: [
      {
        from: lettersFrom,
        where: whereOf(lettersScope(c), inPeriod(c, letters.sentOn)),
        key: sql`${letters.kind}`,
        match: (g) => sql`${letters.kind} = ${g}`,
        counts: {
          sent: sql`true`,
          answered: sql`${letters.repliedOn} is not null`,
          overdue: sql`(${letters.repliedOn} is null and ${letters.replyDue} < ${c.today}::date)`,
        },
        records: letterRecords(c.today),
      },
    ],
    fixedGroups: LETTER_KINDS.map((k) => ({ key: k, label: LETTER_KIND_LABELS[k] })),
    label: (k) => LETTER_KIND_LABELS[k as LetterKind] ?? k,
    rates: { answerRate: (own) => ratio(own.answered, own.sent) },
    validGroup: oneOf(LETTER_KINDS),
  };
}

// ——— rules made ———

/** A rule belongs to a term or round through the findings it was made for. */
function rulesOfRound(c: StatContext): SQL | undefined {
  if (!c.term && !c.round) return undefined;
  return sql`exists (select 1 from ${ruleFindings}
    join ${findings} on ${findings.id} = ${ruleFindings.findingId}
    join ${assignments} on ${assignments.id} = ${findings.assignmentId}
    join ${rounds} on ${rounds.id} = ${assignments.roundId}
    where ${ruleFindings.ruleId} = ${rulesMade.id} and ${ruleFindings.deletedAt} is null
      and ${whereOf(inTermRound(c, { termId: rounds.termId, roundId: assignments.roundId }))})`;
}

/** Rules made (new or revised) by organisation; period: the adoption date. */
export function rulesFigure(c: StatContext): FigureDef {
  return {
    measures: [
      { key: "rules", label: "建立完善制度", kind: "count" },
      { key: "newRules", label: "新建", kind: "count" },
      { key: "revisedRules", label: "修订", kind: "count" },
    ],
    parts: [
      {
        from: sql`${rulesMade} join ${orgs} on ${orgs.id} = ${rulesMade.orgId}`,
        where: whereOf(
          isNull(rulesMade.deletedAt),
          visibleOrgRecords(c.actor, { orgId: rulesMade.orgId, orgPath: orgs.path }),
          inPeriod(c, rulesMade.adoptedOn),
          inSubtree(c, orgs.path),
          rulesOfRound(c),
        ),
        key: sql`${rulesMade.orgId}`,
        match: (g) => sql`${rulesMade.orgId} = ${g}`,
        label: sql`${orgs.name}`,
        counts: {
          rules: sql`true`,
          newRules: sql`${rulesMade.kind} = 'new'`,
          revisedRules: sql`${rulesMade.kind} = 'revised'`,
        },
        records: {
          columns: [
            { key: "org", title: "单位" },
            { key: "title", title: "制度名称" },
            { key: "kind", title: "新建或修订" },
            { key: "adoptedOn", title: "出台日期" },
          ],
          select: {
            id: sql`${rulesMade.id}::text`,
            org: sql`${orgs.name}`,
            title: sql`${rulesMade.title}`,
            kind: sql`${rulesMade.kind}`,
            adoptedOn: sql`${rulesMade.adoptedOn}::text`,
          },
          order: sql`${orgs.name}, ${rulesMade.adoptedOn}, ${rulesMade.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: "/accountability?tab=rules",
            cells: {
              org: text(r.org),
              title: text(r.title),
              kind: RULE_KIND_LABELS[r.kind as RuleKind] ?? text(r.kind),
              adoptedOn: text(r.adoptedOn),
            },
          }),
        },
      },
    ],
    validGroup: isUuid,
    sort: (a, b) => (b.values.rules ?? 0) - (a.values.rules ?? 0) || compareZh(a.label, b.label),
  };
}
