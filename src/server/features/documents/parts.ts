/**
 * What every builder is given besides its records — the office's document profile, the kind's effective template,
 * the office's name and today — and the small pieces of wording all kinds share. Pure.
 */
import { chineseDate, chineseDateRange } from "../../../domain/announcement.ts";
import {
  fillParagraphs,
  fillTemplate,
  type DocumentProfile,
  type DocumentTemplate,
  type PlaceholderValues,
} from "../../../domain/documents.ts";
import { ROUND_KIND_LABELS, type RoundKind } from "../../../domain/round.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";

export interface Parts {
  profile: DocumentProfile;
  template: DocumentTemplate;
  /** 巡察机构 (settings). */
  officeName: string;
  /** ISO date: the day the document is made (成文日期 unless the record has its own date). */
  today: string;
}

/** The placeholders every kind fills from the profile and the settings. */
export function commonValues(p: Parts, date: string): PlaceholderValues {
  return {
    发文机关: p.profile.signature,
    巡察机构: p.officeName,
    联系人: p.profile.contactPerson ?? "",
    联系电话: p.profile.contactPhone ?? "",
    联系地址: p.profile.contactAddress ?? "",
    成文日期: chineseDate(date),
  };
}

export const fill = fillTemplate;

/** The template's paragraphs (one per line), filled, as body paragraphs. */
export const paragraphs = (text: string, values: PlaceholderValues): Block[] =>
  fillParagraphs(text, values).map((t) => ({ type: "paragraph", text: t }));

export const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ type: "heading", level, text });
export const para = (text: string, extra: Partial<Extract<Block, { type: "paragraph" }>> = {}): Block => ({
  type: "paragraph",
  text,
  ...extra,
});

/** 附注: 联系人 and 联系电话 from the profile, when the office set them. */
export function contactNotes(profile: DocumentProfile): string[] {
  const parts = [
    profile.contactPerson ? `联系人：${profile.contactPerson}` : null,
    profile.contactPhone ? `联系电话：${profile.contactPhone}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? [parts.join("，")] : [];
}

/** 版记's 印发机关和印发日期, when the profile names the issuer. */
export const printedBy = (profile: DocumentProfile, date: string): OfficialDocument["printedBy"] =>
  profile.printedBy ? { issuer: profile.printedBy, date } : undefined;

/** How the announcement and the feedback name the kind of inspection: a regular one is just 巡察. */
export const inspectionKind = (roundKind: string): string =>
  roundKind === "regular" ? "巡察" : (ROUND_KIND_LABELS[roundKind as RoundKind] ?? "巡察");

/** 2023年9月6日至11月7日; one date when only the entry is known; "" when neither. */
export function period(from: string | null, to: string | null): string {
  if (from && to) return chineseDateRange(from, to);
  if (from) return `${chineseDate(from)}起`;
  return "";
}

export const dateOr = (iso: string | null | undefined, none = ""): string => (iso ? chineseDate(iso) : none);

/** The organisation's party organisation as a recipient: 党委/党组/… names are kept, others get 党组织. */
export function partyOrganisation(orgName: string): string {
  return /(党委|党组|党工委|工委|党总支|党支部|委员会|党组织)$/.test(orgName) ? orgName : `${orgName}党组织`;
}

/** 主送机关 as printed: followed by a full-width colon. */
export const addressed = (name: string): string => (/[：:]$/.test(name.trim()) ? name.trim() : `${name.trim()}：`);

/** 45.5% (one decimal, trailing .0 dropped); "—" when there is no base. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return "—";
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** Keeps the document's optional parts out when they are empty (the renderers treat absent as none). */
export function compact(doc: OfficialDocument): OfficialDocument {
  const out = { ...doc };
  for (const k of ["notes", "attachments"] as const) if (out[k] && out[k].length === 0) delete out[k];
  for (const k of ["authority", "number", "recipient", "cc", "classification", "copyNo"] as const)
    if (out[k] !== undefined && !out[k]) delete out[k];
  for (const k of ["printedBy", "signature", "watermark"] as const) if (out[k] === undefined) delete out[k];
  return out;
}
