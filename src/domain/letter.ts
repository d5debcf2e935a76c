import { z } from "zod";
import { isoDate } from "./calendar.ts";
import { LEDGER_STATUS_LABELS, type LedgerStatus } from "./ledger.ts";

/**
 * Letters (函件) the office sends to push rectification: supervision letters (督办函) and re-assignment letters
 * (再交办函) about unfinished ledger rows, reminder letters (工作提示函) to supervising leaders, recommendation
 * letters (巡察建议书) to a functional department about a common problem. Each is numbered per year and kind
 * (〔2024〕3号), concerns at least one ledger row or feedback problem, and is answered once by its addressee.
 */
export const LETTER_KINDS = ["supervision", "reassignment", "reminder", "recommendation"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  supervision: "督办函",
  reassignment: "再交办函",
  reminder: "工作提示函",
  recommendation: "巡察建议书",
};

export const LETTER_STATUSES = ["awaiting", "replied", "overdue"] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  awaiting: "待回复",
  replied: "已回复",
  overdue: "逾期未回复",
};

/** What a user may do to a letter, computed by the server's policy and sent with each letter. */
export interface LetterAbilities {
  reply: boolean;
}

/** The subject a new letter of each kind starts with; the office edits it. */
export function suggestedSubject(kind: LetterKind, commonProblemTitle: string | null): string {
  switch (kind) {
    case "supervision":
      return "关于督促加快巡察整改进度的函";
    case "reassignment":
      return "关于再次交办巡察整改任务的函";
    case "reminder":
      return "关于切实履行巡察整改督促责任的工作提示";
    case "recommendation":
      return commonProblemTitle ? `关于${commonProblemTitle}问题的巡察建议` : "关于共性问题整改的巡察建议";
  }
}

/** The document number as printed on the letter: 〔2024〕3号. */
export const documentNumber = (year: number, number: number): string => `〔${year}〕${number}号`;

/** The year a letter is numbered in: the year of its sending date. */
export const letterYear = (sentOn: string): number => Number(sentOn.slice(0, 4));

export function letterStatus(l: { repliedOn: string | null; replyDue: string }, today: string): LetterStatus {
  if (l.repliedOn !== null) return "replied";
  return l.replyDue < today ? "overdue" : "awaiting";
}

/**
 * The close-out state of a feedback problem named in a letter, from the states of its ledger rows: closed when all
 * are, awaiting close-out when none is still open, otherwise under rectification; null when it has no rows.
 */
export function problemLedgerStatus(rowStatuses: readonly LedgerStatus[]): LedgerStatus | null {
  if (!rowStatuses.length) return null;
  if (rowStatuses.every((s) => s === "closed")) return "closed";
  if (rowStatuses.every((s) => s !== "open")) return "close_requested";
  return "open";
}

export const ledgerStatusLabel = (s: LedgerStatus | null): string => (s ? LEDGER_STATUS_LABELS[s] : "未登记台账");

export interface LetterKindFigures {
  kind: LetterKind;
  kindLabel: string;
  sent: number;
  replied: number;
  overdue: number;
}

/** Letters sent, replied and overdue, per kind (every kind listed, in the order of LETTER_KINDS). */
export function letterFigures(
  letters: Iterable<{ kind: string; repliedOn: string | null; replyDue: string }>,
  today: string,
): LetterKindFigures[] {
  const by = new Map<string, LetterKindFigures>(
    LETTER_KINDS.map((k) => [k, { kind: k, kindLabel: LETTER_KIND_LABELS[k], sent: 0, replied: 0, overdue: 0 }]),
  );
  for (const l of letters) {
    const f = by.get(l.kind);
    if (!f) continue;
    f.sent++;
    const status = letterStatus(l, today);
    if (status === "replied") f.replied++;
    if (status === "overdue") f.overdue++;
  }
  return [...by.values()];
}

const ids = (what: string) => z.array(z.uuid({ error: `${what}无效` })).max(500, `${what}不超过500个`);

export const letterInputSchema = z
  .object({
    kind: z.enum(LETTER_KINDS, { error: "请选择函件类型" }),
    addressee: z
      .string({ error: "请填写主送单位（人）" })
      .trim()
      .min(1, "请填写主送单位（人）")
      .max(200, "主送单位（人）不超过200字"),
    addresseeOrgId: z.uuid({ error: "主送单位无效" }).nullish(),
    addresseeUserId: z.uuid({ error: "主送账号无效" }).nullish(),
    subject: z.string({ error: "请填写事由" }).trim().min(1, "请填写事由").max(200, "事由不超过200字"),
    body: z.string().trim().max(20000, "正文不超过20000字").nullish(),
    sentOn: isoDate,
    /** Left out: sentOn plus the letterReplyWorkingDays setting, in working days. */
    replyDue: isoDate.nullish(),
    rowIds: ids("台账条目").default([]),
    problemIds: ids("问题").default([]),
    commonProblemId: z.uuid({ error: "共性问题无效" }).nullish(),
  })
  .refine((v) => !v.replyDue || v.replyDue >= v.sentOn, { error: "回复时限不能早于发函日期", path: ["replyDue"] });
export type LetterInput = z.infer<typeof letterInputSchema>;

export const letterReplySchema = z.object({
  replyText: z.string({ error: "请填写回复内容" }).trim().min(1, "请填写回复内容").max(10000, "回复内容不超过10000字"),
  repliedOn: isoDate,
});
export type LetterReply = z.infer<typeof letterReplySchema>;
