import { z } from "zod";
import { addMonths, isoDate } from "./calendar.ts";

/**
 * Leads (问题线索): clues of possible violations by named people that a team finds and hands to the discipline
 * commission. Confidential: only the office head, the leader of the assignment's team and the commission see them.
 * The team leader registers a lead (class, people involved with rank, the responsible person — or the unit when no
 * person can be named), the office head may note a pre-transfer review, the lead is transferred on a date to the
 * receiving office, and the commission records its handling:
 * pending → preliminary check → case filed | no case | concluded by one of the four forms, each with its date.
 * Handling is due a set number of months after transfer.
 */
export const LEAD_CLASSES = ["priority", "attention", "reference"] as const;
export type LeadClass = (typeof LEAD_CLASSES)[number];
export const LEAD_CLASS_LABELS: Record<LeadClass, string> = {
  priority: "进一步了解关注类",
  attention: "了解关注类",
  reference: "参考类",
};

export const LEAD_STATUSES = ["pending", "preliminary_check", "case_filed", "no_case", "concluded"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  pending: "待处置",
  preliminary_check: "初步核实",
  case_filed: "已立案",
  no_case: "不予立案",
  concluded: "予以了结",
};

/** The states that end the commission's handling. */
export const FINAL_LEAD_STATUSES: readonly LeadStatus[] = ["case_filed", "no_case", "concluded"];
export const isFinalLeadStatus = (s: string): boolean => (FINAL_LEAD_STATUSES as readonly string[]).includes(s);

/** Where the commission may take a lead from each state. */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  pending: ["preliminary_check"],
  preliminary_check: ["case_filed", "no_case", "concluded"],
  case_filed: [],
  no_case: [],
  concluded: [],
};
export const HANDLING_STATUSES = ["preliminary_check", "case_filed", "no_case", "concluded"] as const;
export type HandlingStatus = (typeof HANDLING_STATUSES)[number];

/** The four forms of supervision and discipline (监督执纪“四种形态”) by which a lead is concluded without a case. */
export const CONCLUDED_FORMS = ["first", "second", "third", "fourth"] as const;
export type ConcludedForm = (typeof CONCLUDED_FORMS)[number];
export const CONCLUDED_FORM_LABELS: Record<ConcludedForm, string> = {
  first: "第一种形态",
  second: "第二种形态",
  third: "第三种形态",
  fourth: "第四种形态",
};
export const CONCLUDED_FORM_HINTS: Record<ConcludedForm, string> = {
  first: "批评教育、谈话提醒、责令检查、诫勉等",
  second: "党纪轻处分、组织调整",
  third: "党纪重处分、重大职务调整",
  fourth: "严重违纪涉嫌违法立案审查",
};

/** Ranks of the people a lead involves (as the seeds count them: 处级, 科级, 科员及以下). */
export const LEAD_PERSON_RANKS = ["county", "section", "staff"] as const;
export type LeadPersonRank = (typeof LEAD_PERSON_RANKS)[number];
export const LEAD_PERSON_RANK_LABELS: Record<LeadPersonRank, string> = {
  county: "处级",
  section: "科级",
  staff: "科员及以下",
};

export const DEFAULT_RECEIVING_OFFICE = "县纪委监委";

/** What a user may do to a lead, computed by the server's policy and sent with each lead. */
export interface LeadAbilities {
  /** Edit class, summary, people, responsible person or unit (the team leader, before transfer). */
  update: boolean;
  /** Write the pre-transfer review note (the office head, before transfer). */
  review: boolean;
  transfer: boolean;
  /** Record the next step of the handling (the commission, after transfer). */
  handle: boolean;
}

/** The state the rules look at. */
export interface LeadDates {
  status: string;
  transferredOn: string | null;
  preliminaryOn: string | null;
  filedOn: string | null;
  concludedOn: string | null;
}

/** The date handling is due: `months` after transfer; null while not transferred. */
export const leadDueOn = (transferredOn: string | null, months: number): string | null =>
  transferredOn ? addMonths(transferredOn, months) : null;

/** The date the handling ended (filing, or the decision not to file, or the conclusion); null while open. */
export function leadHandledOn(l: LeadDates): string | null {
  if (l.status === "case_filed") return l.filedOn;
  if (l.status === "no_case" || l.status === "concluded") return l.concludedOn;
  return null;
}

/** Transferred, not yet filed / not filed / concluded, and past its due date. */
export function isLeadOverdue(l: LeadDates, today: string, months: number): boolean {
  const due = leadDueOn(l.transferredOn, months);
  return due !== null && !isFinalLeadStatus(l.status) && due < today;
}

/** Handled, but after its due date. */
export function isLeadHandledLate(l: LeadDates, months: number): boolean {
  const due = leadDueOn(l.transferredOn, months);
  const done = leadHandledOn(l);
  return due !== null && done !== null && done > due;
}

/** Transferred during the inspection: before the assignment's withdrawal date (or while it has none). */
export const transferredDuringInspection = (transferredOn: string, withdrawalDate: string | null): boolean =>
  withdrawalDate === null || transferredOn < withdrawalDate;

const blank = (v: string | null | undefined): boolean => !v || !v.trim();

/** A lead must name a responsible person (明确到人) or, when no person can be named, the unit. */
export function responsibleProblem(l: { responsiblePerson?: string | null; responsibleUnit?: string | null }): string | null {
  return blank(l.responsiblePerson) && blank(l.responsibleUnit) ? "请明确责任人；无法明确到人的，请填写责任单位" : null;
}

/** Why a transfer on this date is refused, or null. */
export function transferProblem(
  l: LeadDates & { responsiblePerson: string | null; responsibleUnit: string | null },
  transferredOn: string,
  entryDate: string | null,
  today: string,
): string | null {
  if (l.transferredOn) return `该问题线索已于${l.transferredOn}移交`;
  const who = responsibleProblem(l);
  if (who) return `移交前${who}`;
  if (transferredOn > today) return "移交日期不能晚于今天";
  if (entryDate && transferredOn < entryDate) return `移交日期不能早于进驻日期（${entryDate}）`;
  return null;
}

export interface HandlingStep {
  status: HandlingStatus;
  handledOn: string;
  concludedForm?: ConcludedForm | null;
}

/** The date the step before this one happened: handling dates may not go back in time. */
const previousDate = (l: LeadDates): { date: string | null; what: string } =>
  l.status === "preliminary_check"
    ? { date: l.preliminaryOn, what: "初步核实日期" }
    : { date: l.transferredOn, what: "移交日期" };

/** Why the commission may not record this step now, or null. */
export function handlingProblem(l: LeadDates, step: HandlingStep, today: string): string | null {
  if (!l.transferredOn) return "该问题线索尚未移交纪委监委，不能登记处置情况";
  const from = l.status as LeadStatus;
  if (isFinalLeadStatus(from)) return `该问题线索的处置已结束（${LEAD_STATUS_LABELS[from]}）`;
  const allowed = LEAD_TRANSITIONS[from] ?? [];
  if (!allowed.includes(step.status)) {
    const names = allowed.map((s) => LEAD_STATUS_LABELS[s]).join("、");
    return `该问题线索目前为“${LEAD_STATUS_LABELS[from] ?? from}”，下一步只能登记${names}`;
  }
  if (step.status === "concluded" && !step.concludedForm) return "予以了结须选择运用的“四种形态”";
  if (step.status !== "concluded" && step.concludedForm) return "只有予以了结时才能选择“四种形态”";
  const prev = previousDate(l);
  if (prev.date && step.handledOn < prev.date) return `处置日期不能早于${prev.what}（${prev.date}）`;
  if (step.handledOn > today) return "处置日期不能晚于今天";
  return null;
}

/** The columns one handling step writes. */
export function handlingChanges(step: HandlingStep): {
  status: HandlingStatus;
  preliminaryOn?: string;
  filedOn?: string;
  concludedOn?: string;
  concludedForm?: ConcludedForm | null;
} {
  switch (step.status) {
    case "preliminary_check":
      return { status: step.status, preliminaryOn: step.handledOn };
    case "case_filed":
      return { status: step.status, filedOn: step.handledOn };
    case "no_case":
      return { status: step.status, concludedOn: step.handledOn };
    case "concluded":
      return { status: step.status, concludedOn: step.handledOn, concludedForm: step.concludedForm ?? null };
  }
}

// ——— figures ———

export interface LeadClassFigures {
  leadClass: LeadClass;
  label: string;
  total: number;
  transferred: number;
  /** Case filed (立案). */
  filed: number;
  /** filed ÷ transferred; null when none was transferred. Rounded only in display. */
  filingRate: number | null;
}

export interface LeadFigures {
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
  /** Transferred during the inspection (边巡边移). */
  duringInspection: number;
  /** Leads naming a responsible person (明确到人). */
  named: number;
  /** named ÷ total; null when there are none. */
  namingRate: number | null;
  /** Leads naming only a unit. */
  unitOnly: number;
  overdue: number;
  byClass: LeadClassFigures[];
  byStatus: Array<{ status: LeadStatus; label: string; count: number }>;
  peopleByRank: Array<{ rank: LeadPersonRank; label: string; count: number }>;
  people: number;
}

export interface FigureLead extends LeadDates {
  leadClass: string;
  responsiblePerson: string | null;
  responsibleUnit: string | null;
  duringInspection: boolean;
}

const rate = (part: number, whole: number): number | null => (whole ? part / whole : null);

/** Every class and status is listed, in the order of their enums. */
export function leadFigures(
  items: readonly FigureLead[],
  people: ReadonlyArray<{ rank: string }>,
  today: string,
  months: number,
): LeadFigures {
  const byClass = new Map<string, { total: number; transferred: number; filed: number }>(
    LEAD_CLASSES.map((c) => [c, { total: 0, transferred: 0, filed: 0 }]),
  );
  const byStatus = new Map<string, number>(LEAD_STATUSES.map((s) => [s, 0]));
  let named = 0;
  let unitOnly = 0;
  let overdue = 0;
  let duringInspection = 0;
  for (const l of items) {
    const c = byClass.get(l.leadClass);
    const transferred = l.transferredOn !== null;
    if (c) {
      c.total++;
      if (transferred) c.transferred++;
      if (l.status === "case_filed") c.filed++;
    }
    byStatus.set(l.status, (byStatus.get(l.status) ?? 0) + 1);
    if (!blank(l.responsiblePerson)) named++;
    else if (!blank(l.responsibleUnit)) unitOnly++;
    if (transferred && l.duringInspection) duringInspection++;
    if (isLeadOverdue(l, today, months)) overdue++;
  }
  const classes = LEAD_CLASSES.map((leadClass) => {
    const c = byClass.get(leadClass)!;
    return { leadClass, label: LEAD_CLASS_LABELS[leadClass], ...c, filingRate: rate(c.filed, c.transferred) };
  });
  const transferred = items.filter((l) => l.transferredOn !== null).length;
  const filed = items.filter((l) => l.status === "case_filed").length;
  const ranks = new Map<string, number>(LEAD_PERSON_RANKS.map((r) => [r, 0]));
  for (const p of people) if (ranks.has(p.rank)) ranks.set(p.rank, ranks.get(p.rank)! + 1);
  return {
    total: items.length,
    transferred,
    filed,
    filingRate: rate(filed, transferred),
    duringInspection,
    named,
    namingRate: rate(named, items.length),
    unitOnly,
    overdue,
    byClass: classes,
    byStatus: LEAD_STATUSES.map((status) => ({ status, label: LEAD_STATUS_LABELS[status], count: byStatus.get(status)! })),
    peopleByRank: LEAD_PERSON_RANKS.map((rank) => ({ rank, label: LEAD_PERSON_RANK_LABELS[rank], count: ranks.get(rank)! })),
    people: people.length,
  };
}

// ——— input ———

const version = z.number({ error: "缺少版本号" }).int().min(1);
const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不超过${max}字`)
    .nullish();

export const leadPersonInputSchema = z.object({
  /** Set for a person already on the lead (kept), absent for a new one. */
  id: z.uuid({ error: "涉及人员编号无效" }).optional(),
  name: z.string({ error: "请填写涉及人员姓名" }).trim().min(1, "请填写涉及人员姓名").max(50, "姓名不超过50字"),
  position: optionalText(100, "职务"),
  rank: z.enum(LEAD_PERSON_RANKS, { error: "请选择涉及人员职级（处级、科级、科员及以下）" }),
});
export type LeadPersonInput = z.infer<typeof leadPersonInputSchema>;

const leadContent = {
  leadClass: z.enum(LEAD_CLASSES, { error: "请选择线索类别" }),
  summary: z.string({ error: "请填写线索内容" }).trim().min(1, "请填写线索内容").max(4000, "线索内容不超过4000字"),
  responsiblePerson: optionalText(100, "责任人"),
  responsibleUnit: optionalText(200, "责任单位"),
  people: z.array(leadPersonInputSchema, { error: "涉及人员格式不正确" }).max(100, "涉及人员不超过100人"),
};

export const leadInputSchema = z.object({ ...leadContent, people: leadContent.people.default([]) });
export type LeadInput = z.infer<typeof leadInputSchema>;

/** A change: only the fields sent; the team leader edits the content, the office head the review note. */
export const leadUpdateSchema = z.object({
  version,
  leadClass: leadContent.leadClass.optional(),
  summary: leadContent.summary.optional(),
  responsiblePerson: leadContent.responsiblePerson,
  responsibleUnit: leadContent.responsibleUnit,
  people: leadContent.people.optional(),
  preReview: optionalText(2000, "移交前审核意见"),
});
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

export const leadTransferSchema = z.object({
  version,
  transferredOn: isoDate,
  receivingOffice: optionalText(100, "接收单位"),
  /** Left out: computed from the assignment's withdrawal date. */
  duringInspection: z.boolean({ error: "是否边巡边移应为是或否" }).nullish(),
});
export type LeadTransfer = z.infer<typeof leadTransferSchema>;

export const leadHandleSchema = z.object({
  version,
  status: z.enum(HANDLING_STATUSES, { error: "请选择处置情况" }),
  handledOn: isoDate,
  concludedForm: z.enum(CONCLUDED_FORMS, { error: "请选择运用的“四种形态”" }).nullish(),
  note: optionalText(2000, "处置说明"),
});
export type LeadHandle = z.infer<typeof leadHandleSchema>;

// ——— consultations (办组会商) ———

export const consultationDecisionInputSchema = z
  .object({
    leadId: z.uuid({ error: "问题线索无效" }).nullish(),
    findingId: z.uuid({ error: "问题无效" }).nullish(),
    decision: z.string({ error: "请填写会商意见" }).trim().min(1, "请填写会商意见").max(2000, "会商意见不超过2000字"),
  })
  .refine((d) => Boolean(d.leadId) !== Boolean(d.findingId), {
    error: "每条会商意见须针对一条问题线索或一个问题",
    path: ["leadId"],
  });
export type ConsultationDecisionInput = z.infer<typeof consultationDecisionInputSchema>;

export const consultationInputSchema = z.object({
  heldOn: isoDate,
  attendees: optionalText(1000, "参会人员"),
  summary: z.string({ error: "请填写会商情况" }).trim().min(1, "请填写会商情况").max(4000, "会商情况不超过4000字"),
  decisions: z
    .array(consultationDecisionInputSchema, { error: "会商意见格式不正确" })
    .max(200, "会商意见不超过200条")
    .default([]),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;
