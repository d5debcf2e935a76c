/**
 * Official documents the office produces from the records (公文), their kinds and the template each kind's fixed
 * wording lives in. A template's text may name placeholders, {{单位名称}}: each kind lists the ones it fills, and a
 * template naming any other is refused with that name.
 */
import { z } from "zod";

export const DOCUMENT_KINDS = [
  "feedback_opinion",
  "rectification_plan",
  "ledger",
  "supervision_letter",
  "reassignment_letter",
  "reminder_letter",
  "recommendation_letter",
  "announcement",
  "round_summary",
  "statistics_report",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  feedback_opinion: "巡察反馈意见",
  rectification_plan: "整改方案",
  ledger: "整改台账",
  supervision_letter: "督办函",
  reassignment_letter: "再交办函",
  reminder_letter: "工作提示函",
  recommendation_letter: "巡察建议书",
  announcement: "整改进展情况公告",
  round_summary: "巡察工作总结报告",
  statistics_report: "巡察整改统计报告",
};

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = { docx: "Word", pdf: "PDF" };

export const isDocumentKind = (k: string): k is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(k);
export const isDocumentFormat = (f: string): f is DocumentFormat => (DOCUMENT_FORMATS as readonly string[]).includes(f);

/** The record a kind is generated from (the :id of its export route). */
export const DOCUMENT_SOURCE: Record<DocumentKind, "assignment" | "plan" | "letter" | "round" | "filter"> = {
  feedback_opinion: "assignment",
  rectification_plan: "plan",
  ledger: "assignment",
  supervision_letter: "letter",
  reassignment_letter: "letter",
  reminder_letter: "letter",
  recommendation_letter: "letter",
  announcement: "assignment",
  round_summary: "round",
  statistics_report: "filter",
};

/** The letter kind (src/domain/letter.ts) each letter document is made from. */
export const LETTER_DOCUMENT_KINDS = {
  supervision_letter: "supervision",
  reassignment_letter: "reassignment",
  reminder_letter: "reminder",
  recommendation_letter: "recommendation",
} as const satisfies Partial<Record<DocumentKind, string>>;

/**
 * Confidential exports carry a watermark naming who exported them and when. Everything the office writes for use
 * inside the party and the state organs is confidential: feedback opinions, plans, ledgers, letters, the internal
 * (党内) announcement, the round summary (it counts leads) and the statistics (unpublished figures). Only the public
 * announcement, written to be posted, is not; it carries no personal names either.
 */
export function isConfidentialExport(kind: DocumentKind, version: "internal" | "public" | null): boolean {
  return !(kind === "announcement" && version === "public");
}

// ---- placeholders --------------------------------------------------------------------------------

/** Every placeholder the system knows, with what it is filled with (shown beside the template editor). */
export const PLACEHOLDERS = {
  发文机关: "发文机关署名（发文机关信息）",
  巡察机构: "巡察机构名称（系统设置）",
  联系人: "联系人（发文机关信息）",
  联系电话: "联系电话（发文机关信息）",
  联系地址: "通信地址（发文机关信息）",
  成文日期: "成文日期",
  单位名称: "被巡察单位（或主送单位）名称",
  巡察组: "巡察组名称",
  巡察轮次: "巡察轮次名称",
  巡察方式: "巡察方式，如“常规巡察”“提级巡察”",
  巡察时间: "进驻至撤点日期，如“2023年9月6日至11月7日”",
  反馈日期: "反馈意见日期",
  方面数: "反馈意见的方面数",
  问题数: "反馈问题数",
  整改任务数: "细化的整改任务（台账条目）数",
  已销号数: "已销号的整改任务数",
  方案报送期限: "整改方案报送期限（反馈日期起算的工作日）",
  集中整改期: "集中整改期长度，如“2个月”",
  方案状态: "整改方案的审核状态",
  方案说明: "整改方案说明（被巡察单位填写）",
  截至日期: "统计截至日期（导出当天）",
  发布单位: "公告的发布单位",
  公布方式: "党内版为“通报如下”，公开版为“予以公布”",
  联系方式: "公告所列的联系电话、通信地址、邮政编码、电子邮箱",
  主送单位: "函件的主送单位（人）",
  函件编号: "发文字号，如“县巡督〔2024〕3号”",
  事由: "函件事由",
  发函日期: "发函日期",
  回复期限: "回复期限",
  条目数: "函件涉及的台账条目或问题数",
  共性问题: "巡察建议书所涉的共性问题",
  届次: "届次名称",
  巡察组数: "本轮巡察组数",
  被巡察单位数: "本轮被巡察党组织数",
  发现问题数: "本轮发现问题数",
  问题线索数: "本轮发现问题线索数",
  统计范围: "统计的届次、轮次、单位和时间范围",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const COMMON: Placeholder[] = ["发文机关", "巡察机构", "联系人", "联系电话", "联系地址", "成文日期"];
const INSPECTION: Placeholder[] = [
  "单位名称",
  "巡察组",
  "巡察轮次",
  "巡察方式",
  "巡察时间",
  "反馈日期",
  "方面数",
  "问题数",
  "整改任务数",
];
const LETTER: Placeholder[] = ["单位名称", "主送单位", "函件编号", "事由", "发函日期", "回复期限", "条目数"];

/** The placeholders each kind fills, in the order the editor lists them. */
export const KIND_PLACEHOLDERS: Record<DocumentKind, readonly Placeholder[]> = {
  feedback_opinion: [...INSPECTION, "方案报送期限", "集中整改期", ...COMMON],
  rectification_plan: [...INSPECTION, "方案报送期限", "方案状态", "方案说明", ...COMMON],
  ledger: [...INSPECTION, "已销号数", "截至日期", ...COMMON],
  supervision_letter: [...LETTER, ...COMMON],
  reassignment_letter: [...LETTER, ...COMMON],
  reminder_letter: [...LETTER, ...COMMON],
  recommendation_letter: [...LETTER, "共性问题", ...COMMON],
  announcement: [...INSPECTION, "发布单位", "公布方式", "截至日期", "联系方式", ...COMMON],
  round_summary: [
    "巡察轮次",
    "届次",
    "巡察方式",
    "巡察时间",
    "巡察组数",
    "被巡察单位数",
    "发现问题数",
    "问题线索数",
    "截至日期",
    ...COMMON,
  ],
  statistics_report: ["统计范围", "截至日期", ...COMMON],
};

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** Replaces each {{名称}} by its value; a placeholder with no value becomes empty text. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (_, name: string) => values[name.trim() as Placeholder] ?? "");
}

/** A template's text split into its paragraphs (one per line), filled, empty ones left out. */
export function fillParagraphs(text: string, values: PlaceholderValues): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => fillTemplate(line, values).trim())
    .filter(Boolean);
}

// ---- templates -----------------------------------------------------------------------------------

export interface TemplateText {
  title: string;
  opening: string;
  closing: string;
}

export interface DocumentTemplate extends TemplateText {
  /** 发文字号的机关代字 ("县巡督"); null for kinds that carry no number. */
  numberPrefix: string | null;
}

export const TEMPLATE_FIELDS = ["title", "opening", "closing"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export const TEMPLATE_FIELD_LABELS: Record<TemplateField | "numberPrefix", string> = {
  title: "标题",
  opening: "开头",
  closing: "结尾",
  numberPrefix: "发文字号代字",
};

/** Kinds whose documents carry a document number (发文字号): the letters, numbered per year and kind. */
export const NUMBERED_KINDS: readonly DocumentKind[] = [
  "supervision_letter",
  "reassignment_letter",
  "reminder_letter",
  "recommendation_letter",
];
export const isNumbered = (k: DocumentKind): boolean => NUMBERED_KINDS.includes(k);

const lines = (...ls: string[]) => ls.join("\n");

/** The wording each kind starts with, in the words of the seed documents; the office edits it on /documents. */
export const DEFAULT_TEMPLATES: Record<DocumentKind, DocumentTemplate> = {
  feedback_opinion: {
    numberPrefix: null,
    title: "{{巡察组}}关于巡察{{单位名称}}党组织的反馈意见",
    opening: lines(
      "根据{{巡察轮次}}工作安排，{{巡察时间}}，{{巡察组}}对{{单位名称}}党组织开展了{{巡察方式}}。巡察组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，聚焦“四个落实”，通过听取汇报、个别谈话、受理信访、调阅资料、明察暗访等方式，深入了解情况，发现了一些问题。经巡察工作领导小组审议，现将巡察发现的{{方面数}}个方面{{问题数}}个问题反馈如下。",
    ),
    closing: lines(
      "{{单位名称}}党组织要切实履行巡察整改主体责任，主要负责同志要履行第一责任人责任，对巡察反馈问题照单全收、逐条整改，建立问题清单、任务清单、责任清单，做到件件有着落、事事有回音。",
      "请于{{方案报送期限}}前将整改方案报送{{巡察机构}}；集中整改期（{{集中整改期}}）结束后，及时报送整改进展情况报告，并按规定在党内和社会公开整改情况。",
    ),
  },
  rectification_plan: {
    numberPrefix: null,
    title: "{{单位名称}}关于落实{{巡察组}}巡察反馈意见的整改方案",
    opening: lines(
      "{{反馈日期}}，{{巡察组}}向{{单位名称}}反馈了巡察意见，共指出{{方面数}}个方面{{问题数}}个问题，细化为{{整改任务数}}条整改任务。为切实抓好巡察反馈问题整改落实，坚持问题导向，逐条明确整改措施、责任领导、责任部门和整改时限，制定本方案。",
      "{{方案说明}}",
    ),
    closing: lines(
      "各责任领导、责任部门要严格按照整改时限抓好落实，完成一项、销号一项，并及时将整改佐证材料报送{{巡察机构}}审核。",
    ),
  },
  ledger: {
    numberPrefix: null,
    title: "{{单位名称}}巡察反馈问题整改台账",
    opening: lines(
      "{{巡察轮次}}　{{巡察组}}　反馈日期：{{反馈日期}}",
      "整改任务{{整改任务数}}条，截至{{截至日期}}已销号{{已销号数}}条",
    ),
    closing: "",
  },
  supervision_letter: {
    numberPrefix: "县巡督",
    title: "{{事由}}",
    opening: lines(
      "根据巡察整改监督工作有关要求，经对你单位巡察整改落实情况跟踪督促，以下{{条目数}}项整改事项尚未按期完成整改。现予督办，具体事项如下：",
    ),
    closing: lines(
      "请你单位切实扛起巡察整改主体责任，对照所列事项逐条研究、限期整改，于{{回复期限}}前将整改落实情况及佐证材料书面报送{{巡察机构}}。逾期未完成或整改不到位的，将按照有关规定严肃追责问责。",
      "特此函告。",
    ),
  },
  reassignment_letter: {
    numberPrefix: "县巡交",
    title: "{{事由}}",
    opening: lines("经督办，以下{{条目数}}项巡察整改事项仍未完成整改。根据巡察整改监督工作有关要求，现将有关事项再次交办如下："),
    closing: lines(
      "请你单位主要负责同志亲自研究部署，于{{回复期限}}前将整改落实情况书面报送{{巡察机构}}。再次逾期未完成整改的，将依规依纪追究相关人员责任。",
      "特此函告。",
    ),
  },
  reminder_letter: {
    numberPrefix: "县巡提",
    title: "{{事由}}",
    opening: lines(
      "根据巡察整改监督工作有关要求，现就以下{{条目数}}项巡察整改事项作出工作提示。请切实履行巡察整改督促责任，推动整改落实落地：",
    ),
    closing: lines("请于{{回复期限}}前将督促整改情况反馈{{巡察机构}}。"),
  },
  recommendation_letter: {
    numberPrefix: "县巡建",
    title: "{{事由}}",
    opening: lines(
      "巡察发现，{{共性问题}}问题在多个被巡察党组织中不同程度存在，涉及以下{{条目数}}个反馈问题。为推动同类问题系统整改、以改促治，现提出巡察建议如下：",
    ),
    closing: lines(
      "请你单位结合职能职责，举一反三，研究制定针对性措施，推动相关领域同类问题系统整治，并于{{回复期限}}前将落实情况书面反馈{{巡察机构}}。",
    ),
  },
  announcement: {
    numberPrefix: null,
    title: "{{发布单位}}关于巡察整改进展情况的通报",
    opening: lines(
      "根据{{巡察轮次}}工作安排，{{巡察时间}}，{{巡察组}}对{{单位名称}}开展了{{巡察方式}}。{{反馈日期}}，{{巡察组}}向{{单位名称}}反馈了巡察意见，共指出{{方面数}}个方面{{问题数}}个问题。按照巡察工作有关要求，现将巡察整改进展情况{{公布方式}}。",
    ),
    closing: lines("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。{{联系方式}}"),
  },
  round_summary: {
    numberPrefix: null,
    title: "关于{{巡察轮次}}工作情况的总结报告",
    opening: lines(
      "根据{{届次}}巡察工作规划和年度工作安排，{{巡察时间}}，{{巡察机构}}组织{{巡察组数}}个巡察组，对{{被巡察单位数}}个党组织开展了{{巡察方式}}，共发现问题{{发现问题数}}个、问题线索{{问题线索数}}条。现将本轮巡察工作情况总结如下。",
    ),
    closing: lines(
      "下一步，{{巡察机构}}将坚持发现问题、推动整改、促进治理一体贯通，督促被巡察党组织扛牢整改主体责任，持续跟踪问效，做好巡察“后半篇文章”。",
    ),
  },
  statistics_report: {
    numberPrefix: null,
    title: "巡察整改统计报告",
    opening: lines("统计范围：{{统计范围}}。统计截至{{截至日期}}，各项数字均由系统中的巡察和整改记录计算得出。"),
    closing: "",
  },
};

export interface TemplateProblem {
  field: TemplateField;
  /** The offending text: the unknown placeholder as written ("{{单位名车}}"), or the text around a stray brace. */
  text: string;
  message: string;
}

/** "{{单位名称}}、{{巡察组}}…" */
export const placeholderList = (kind: DocumentKind): string => KIND_PLACEHOLDERS[kind].map((p) => `{{${p}}}`).join("、");

/**
 * What is wrong with a template's text for its kind: unknown placeholders (each named, with the ones that may be
 * used) and braces that do not pair up into {{名称}}. Empty when the template may be saved.
 */
export function templateProblems(kind: DocumentKind, t: TemplateText): TemplateProblem[] {
  const known = new Set<string>(KIND_PLACEHOLDERS[kind]);
  const problems: TemplateProblem[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const text = t[field];
    const seen = new Set<string>();
    for (const m of text.matchAll(TOKEN)) {
      const name = m[1]!.trim();
      if (known.has(name) || seen.has(name)) continue;
      seen.add(name);
      problems.push({
        field,
        text: m[0],
        message: `模板中有未知的占位符“${m[0]}”，可用的占位符：${placeholderList(kind)}`,
      });
    }
    // What is left once every {{…}} is taken out must hold no brace at all.
    const rest = text.replace(TOKEN, (s) => "\u0000".repeat(s.length));
    const stray = rest.search(/[{}]/);
    if (stray >= 0) {
      const around = text.slice(Math.max(0, stray - 8), stray + 9);
      problems.push({
        field,
        text: around,
        message: `${TEMPLATE_FIELD_LABELS[field]}中的花括号不成对（“${around}”附近），占位符应写作{{名称}}`,
      });
    }
  }
  return problems;
}

// ---- input ---------------------------------------------------------------------------------------

const version = z.number({ error: "版本号无效" }).int({ error: "版本号无效" }).min(1, "版本号无效");
const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}无效` })
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** PUT /api/document-templates/:kind — `version` is the saved template's, absent while the kind uses the default. */
export const templateInputSchema = z.object({
  title: z.string({ error: "请填写标题" }).trim().min(1, "请填写标题").max(200, "标题不超过 200 个字"),
  opening: z.string({ error: "开头无效" }).trim().max(8000, "开头不超过 8000 个字").default(""),
  closing: z.string({ error: "结尾无效" }).trim().max(8000, "结尾不超过 8000 个字").default(""),
  numberPrefix: z
    .string({ error: "发文字号代字无效" })
    .trim()
    .max(20, "发文字号代字不超过 20 个字")
    .regex(/^[^\s{}〔〕[\]]*$/u, "发文字号代字不能含空格、括号或花括号")
    .nullish()
    .transform((v) => (v ? v : null)),
  version: version.optional(),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

/** PUT /api/document-profile — `version` is the saved profile's, absent before the first save. */
export const profileInputSchema = z.object({
  authority: z.string({ error: "请填写发文机关标志" }).trim().min(1, "请填写发文机关标志").max(60, "发文机关标志不超过 60 个字"),
  signature: z.string({ error: "请填写发文机关署名" }).trim().min(1, "请填写发文机关署名").max(60, "发文机关署名不超过 60 个字"),
  contactPerson: optionalText(30, "联系人"),
  contactPhone: optionalText(40, "联系电话"),
  contactAddress: optionalText(200, "通信地址"),
  printedBy: optionalText(60, "印发机关"),
  version: version.optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export interface DocumentProfile {
  authority: string;
  signature: string;
  contactPerson: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  printedBy: string | null;
}

/**
 * The profile before the office saves one: its name from the settings as authority mark and signature; no contacts
 * and no colophon (版记) until the office names its 印发机关.
 */
export const defaultProfile = (officeName: string): DocumentProfile => ({
  authority: officeName,
  signature: officeName,
  contactPerson: null,
  contactPhone: null,
  contactAddress: null,
  printedBy: null,
});
