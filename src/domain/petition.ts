/**
 * Petitions (信访举报): letters, calls, visits, online reports and the public QR form (码上巡察). The sender may stay
 * anonymous; a named sender's identity is kept encrypted and shown only to those who must see it. The public form
 * gives a receipt code (查询码) that shows the handling state and the reply, nothing else.
 */
import { z } from "zod";
import { LEAD_CLASSES } from "./lead.ts";

export const PETITION_CHANNELS = ["letter", "call", "visit", "online", "qr"] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, string> = {
  letter: "来信",
  call: "来电",
  visit: "来访",
  online: "网上举报",
  qr: "码上巡察",
};
/** The team records these by hand; "qr" comes only through the public form. */
export const RECORDED_CHANNELS = ["letter", "call", "visit", "online"] as const satisfies readonly PetitionChannel[];

export const PETITION_STATUSES = ["received", "handling", "handled", "transferred", "to_finding", "to_lead"] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  received: "已收到",
  handling: "办理中",
  handled: "已办结",
  transferred: "已转办",
  to_finding: "已转为问题",
  to_lead: "已转为问题线索",
};
/**
 * What the sender reads with the receipt code. Leads are confidential, so a petition that became one only says it
 * was dealt with as the rules require.
 */
export const PETITION_PUBLIC_STATUS_LABELS: Record<PetitionStatus, string> = {
  received: "已收到，等待办理",
  handling: "正在办理",
  handled: "已办结",
  transferred: "已转有关部门办理",
  to_finding: "已采纳，纳入巡察发现的问题",
  to_lead: "已按规定办理",
};

/** Once a petition became a finding or a lead it stays so; only the note and the reply may still change. */
const FINAL: readonly PetitionStatus[] = ["to_finding", "to_lead"];

/** Why a petition may not move from one state to another, or null when it may. */
export function handleStateReason(from: PetitionStatus, to: PetitionStatus): string | null {
  if (to === "received") return "不能把信访举报改回“已收到”";
  if (FINAL.includes(from) && to !== from) return `该信访举报${PETITION_STATUS_LABELS[from]}，不能再改为其他办理结果`;
  return null;
}

// ---- receipt codes -------------------------------------------------------------------------------

/** 32 characters without look-alikes (no I, O, 0, 1): 12 of them carry 60 random bits. */
export const RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const RECEIPT_LENGTH = 12;

/** A receipt code from random bytes (one byte per character; 256 is a multiple of 32, so no bias). */
export function receiptCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_LENGTH) throw new Error("not enough random bytes for a receipt code");
  let code = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[bytes[i]! % 32];
  return code;
}

/** "ABCDEFGHJKLM" → "ABCD-EFGH-JKLM", as the sender sees and types it. */
export const formatReceiptCode = (code: string): string => code.match(/.{1,4}/g)?.join("-") ?? code;

/** What the sender typed → the stored form, or null when it cannot be a receipt code. */
export function normalizeReceiptCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== RECEIPT_LENGTH) return null;
  return [...code].every((c) => RECEIPT_ALPHABET.includes(c)) ? code : null;
}

// ---- the sender's identity -----------------------------------------------------------------------

export interface PetitionIdentity {
  name: string;
  phone: string;
  /** Another way to reach the sender (address, e-mail …). */
  contact: string | null;
}

const PHONE = /^[0-9+\-\s()（）]{7,20}$/;

const identityFields = {
  name: z.string({ error: "请填写姓名" }).trim().max(50, "姓名不超过50字").optional(),
  phone: z.string({ error: "请填写联系电话" }).trim().max(20, "联系电话不超过20位").optional(),
  contact: z.string().trim().max(200, "其他联系方式不超过200字").nullish(),
};

/** A named sender must give a name and a phone number; an anonymous one gives none of them (they are dropped). */
function requireIdentity(
  v: { anonymous: boolean; name?: string | undefined; phone?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (v.anonymous) return;
  if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "实名举报请填写姓名" });
  if (!v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "实名举报请填写联系电话" });
  else if (!PHONE.test(v.phone)) ctx.addIssue({ code: "custom", path: ["phone"], message: "请填写有效的联系电话" });
}

const content = z.string({ error: "请填写举报内容" }).trim().min(1, "请填写举报内容").max(5000, "举报内容不超过5000字");

/** The public form's fields (multipart text fields, so anonymous arrives as "true" / "false"). */
export const publicPetitionSchema = z
  .object({
    content,
    anonymous: z.enum(["true", "false"], { error: "请选择匿名或实名" }).transform((v) => v === "true"),
    ...identityFields,
  })
  .superRefine(requireIdentity);
export type PublicPetitionInput = z.infer<typeof publicPetitionSchema>;

/** A petition the team records by hand (letter, call, visit, online). */
export const recordPetitionSchema = z
  .object({
    channel: z.enum(RECORDED_CHANNELS, { error: "请选择来源方式" }),
    content,
    anonymous: z.boolean({ error: "请选择匿名或实名" }),
    ...identityFields,
  })
  .superRefine(requireIdentity);
export type RecordPetitionInput = z.infer<typeof recordPetitionSchema>;

/** The identity kept (encrypted) for a named sender; null for an anonymous one, whatever else was typed. */
export function identityOf(input: {
  anonymous: boolean;
  name?: string | undefined;
  phone?: string | undefined;
  contact?: string | null | undefined;
}): PetitionIdentity | null {
  if (input.anonymous) return null;
  return { name: input.name ?? "", phone: input.phone ?? "", contact: input.contact?.trim() || null };
}

// ---- handling ------------------------------------------------------------------------------------

/** A taxonomy code (src/domain/taxonomy.ts); the server checks it against the office's current tree. */
const taxonomyCode = (message: string) => z.string({ error: message }).regex(/^[a-z0-9_.]{1,80}$/, message);

const note = (label: string, max = 2000) => z.string().trim().max(max, `${label}不超过${max}字`).nullish();

export const handlePetitionSchema = z
  .object({
    status: z.enum(PETITION_STATUSES, { error: "请选择办理结果" }),
    handlingNote: note("办理情况"),
    transferredTo: note("转办单位", 200),
    reply: note("答复内容"),
    finding: z
      .object({
        text: z.string({ error: "请填写问题描述" }).trim().min(1, "请填写问题描述").max(4000, "问题描述不超过4000字"),
        category: taxonomyCode("请选择问题类别"),
        subcategory: taxonomyCode("细分类别无效").nullish(),
      })
      .nullish(),
    lead: z
      .object({
        leadClass: z.enum(LEAD_CLASSES, { error: "请选择线索类别" }),
        summary: z.string({ error: "请填写线索摘要" }).trim().min(1, "请填写线索摘要").max(4000, "线索摘要不超过4000字"),
      })
      .nullish(),
    version: z.number({ error: "缺少版本号" }).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.status === "transferred" && !v.transferredTo)
      ctx.addIssue({ code: "custom", path: ["transferredTo"], message: "请填写转办单位" });
  });
export type HandlePetitionInput = z.infer<typeof handlePetitionSchema>;

/**
 * Why this handling cannot be done to a petition in this state, or null. Turning a petition into a finding or a
 * lead needs what to record; a petition that already is one only takes a note or a reply.
 */
export function handleInputReason(from: PetitionStatus, input: HandlePetitionInput): string | null {
  const state = handleStateReason(from, input.status);
  if (state) return state;
  if (input.status === "to_finding" && from !== "to_finding" && !input.finding) return "转为问题时请填写问题描述和类别";
  if (input.status === "to_lead" && from !== "to_lead" && !input.lead) return "转为问题线索时请填写线索类别和摘要";
  return null;
}

/** What a user may do to a petition, computed by the server's policy and sent with each record. */
export interface PetitionAbilities {
  handle: boolean;
  viewIdentity: boolean;
  addAttachment: boolean;
}
