/** Letters as the server sends them (src/server/features/letters/schema.ts). */
import type { LetterAbilities, LetterKind, LetterStatus } from "../../../domain/letter.ts";

export interface Letter {
  id: string;
  kind: LetterKind;
  kindLabel: string;
  year: number;
  number: number;
  documentNumber: string;
  addressee: string;
  addresseeOrgId: string | null;
  addresseeOrgName: string | null;
  addresseeUserId: string | null;
  subject: string;
  body: string | null;
  sentOn: string;
  replyDue: string;
  replyText: string | null;
  repliedOn: string | null;
  repliedByName: string | null;
  status: LetterStatus;
  statusLabel: string;
  commonProblemId: string | null;
  commonProblemTitle: string | null;
  itemCount: number;
  createdAt: string;
  can: LetterAbilities;
}

export interface LetterItem {
  id: string;
  type: "row" | "problem";
  rowId: string | null;
  problemId: string | null;
  orgId: string | null;
  orgName: string;
  seqLabel: string;
  text: string;
  status: string | null;
  statusLabel: string;
}

export interface LetterDetail {
  letter: Letter;
  items: LetterItem[];
}

export interface LetterFigures {
  total: { sent: number; replied: number; overdue: number };
  byKind: Array<{ kind: LetterKind; kindLabel: string; sent: number; replied: number; overdue: number }>;
}

export interface LetterDraft {
  kind: LetterKind;
  addressee: string | null;
  addresseeOrgId: string | null;
  subject: string | null;
  sentOn: string;
  replyDue: string;
  commonProblemId: string | null;
  commonProblemTitle: string | null;
  rows: LetterItem[];
  problems: LetterItem[];
}

/** What the create form starts from: the kind, and the rows or common problem a link named. */
export interface LetterRequest {
  kind: LetterKind;
  rowIds: string[];
  commonProblemId: string | null;
}

export const STATUS_COLORS: Record<LetterStatus, string> = { awaiting: "processing", replied: "success", overdue: "error" };

/** “督办函 〔2024〕3号” */
export const letterTitle = (l: Pick<Letter, "kindLabel" | "documentNumber">): string => `${l.kindLabel} ${l.documentNumber}`;

/** “县自然资源局 第1.1条：…” for a row, “县自然资源局 问题3：…” for a problem. */
export const itemLabel = (i: Pick<LetterItem, "type" | "orgName" | "seqLabel" | "text">): string =>
  `${i.orgName} ${i.type === "row" ? `第${i.seqLabel}条` : `问题${i.seqLabel}`}：${i.text}`;
