/**
 * 督办函 / 再交办函 / 工作提示函 / 巡察建议书: one letter as sent — the red header with the number (the template's
 * 机关代字 + the letter's own 〔year〕n号), the subject as title, the addressee, the template's opening, the letter's
 * own text, the rows or problems it covers, the closing with the reply deadline, the signature on the sending
 * date, and the contact person and phone in the notes.
 */
import { chineseDate } from "../../../domain/announcement.ts";
import { LETTER_DOCUMENT_KINDS, type DocumentKind } from "../../../domain/documents.ts";
import { notFound } from "../../../domain/errors.ts";
import { documentNumber } from "../../../domain/letter.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { viewLetterRefusal } from "../letters/policy.ts";
import { getLetter, itemsOf, seesARowOf, stateOfLetter } from "../letters/queries.ts";
import { allow } from "../rounds/policy.ts";
import { addressed, commonValues, compact, contactNotes, fill, para, paragraphs, printedBy, type Parts } from "./parts.ts";

export type LetterDocumentKind = keyof typeof LETTER_DOCUMENT_KINDS;

export interface LetterSource {
  kind: LetterDocumentKind;
  year: number;
  number: number;
  addressee: string;
  addresseeOrgName: string | null;
  subject: string;
  body: string | null;
  sentOn: string;
  replyDue: string;
  commonProblemTitle: string | null;
  items: Array<{ type: "row" | "problem"; orgName: string; seqLabel: string; text: string; statusLabel: string }>;
}

/** 县巡督〔2024〕3号: the template's prefix, then the letter's year and number. */
export const letterNumber = (prefix: string | null, year: number, number: number): string =>
  `${prefix ?? ""}${documentNumber(year, number)}`;

const itemName = (i: LetterSource["items"][number]) => (i.type === "row" ? `第${i.seqLabel}条` : `问题${i.seqLabel}`);

/** The rows or problems a letter covers; the unit column only when they belong to more than one organisation. */
function itemsTable(items: LetterSource["items"]): Block {
  const several = new Set(items.map((i) => i.orgName)).size > 1;
  return {
    type: "table",
    columns: [
      { title: "序号", width: 7, align: "center" },
      ...(several ? [{ title: "单位", width: 20, align: "center" as const }] : []),
      { title: "整改事项", width: several ? 55 : 75 },
      { title: "整改状态", width: 18, align: "center" },
    ],
    rows: items.map((i, n) => [String(n + 1), ...(several ? [i.orgName] : []), `${itemName(i)}\u3000${i.text}`, i.statusLabel]),
  };
}

export function composeLetter(src: LetterSource, parts: Parts): OfficialDocument {
  const number = letterNumber(parts.template.numberPrefix, src.year, src.number);
  const values = {
    ...commonValues(parts, src.sentOn),
    单位名称: src.addresseeOrgName ?? src.addressee,
    主送单位: src.addressee,
    函件编号: number,
    事由: src.subject,
    发函日期: chineseDate(src.sentOn),
    回复期限: chineseDate(src.replyDue),
    条目数: String(src.items.length),
    共性问题: src.commonProblemTitle ?? "有关共性",
  };
  // The letter's own text; a salutation line repeating the addressee is left to the recipient line.
  const salutation = addressed(src.addressee);
  const ownText: Block[] = (src.body ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && addressed(l) !== salutation)
    .map((t) => para(t));
  const body: Block[] = [
    ...paragraphs(parts.template.opening, values),
    itemsTable(src.items),
    ...ownText,
    ...paragraphs(parts.template.closing, values),
  ];
  return compact({
    kind: src.kind,
    orientation: "portrait",
    authority: parts.profile.authority,
    number,
    title: fill(parts.template.title, values),
    recipient: addressed(src.addressee),
    body,
    signature: { issuer: parts.profile.signature, date: src.sentOn },
    notes: contactNotes(parts.profile),
    printedBy: printedBy(parts.profile, src.sentOn),
  });
}

/** The letter, if the actor may see it (the letters' own rule) and it is of the kind asked for. */
export async function loadLetterSource(
  ctx: AppContext,
  actor: Actor,
  kind: DocumentKind,
  letterId: string,
): Promise<LetterSource> {
  const letterKind = LETTER_DOCUMENT_KINDS[kind as LetterDocumentKind];
  const j = await getLetter(ctx.db, letterId);
  if (j.letter.kind !== letterKind) throw notFound("函件");
  const state = stateOfLetter(j);
  const seesARow = viewLetterRefusal(actor, state, false) !== null && (await seesARowOf(ctx.db, actor, letterId));
  allow(viewLetterRefusal(actor, state, seesARow));
  const items = await itemsOf(ctx.db, letterId);
  const l = j.letter;
  return {
    kind: kind as LetterDocumentKind,
    year: l.year,
    number: l.number,
    addressee: l.addressee,
    addresseeOrgName: j.addresseeOrgName,
    subject: l.subject,
    body: l.body,
    sentOn: l.sentOn,
    replyDue: l.replyDue,
    commonProblemTitle: j.commonProblemTitle,
    items: items.map((i) => ({
      type: i.type,
      orgName: i.orgName,
      seqLabel: i.seqLabel,
      text: i.text,
      statusLabel: i.statusLabel,
    })),
  };
}
