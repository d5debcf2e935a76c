/**
 * The progress announcement (整改进展情况公告): an organisation's report of its rectification after one
 * inspection, in the shape of the seed documents, with every number computed from the records — feedback
 * aspects → problems → ledger rows, their close-out status and reported progress.
 *
 * How the seeds count, and so how the announcement counts:
 * - 汨罗 (000_…) counts refined rows: "提级巡察反馈细化的23个问题，已完成整改23个" (4 aspects, 13 problems, 23 rows).
 * - 机关工委 (002_…) counts problems, one row each: "巡察反馈的25个具体问题，已完成的整改事项有8个，已取得明显成效的17个".
 * - 衡阳 (003_…) counts problems: "巡察反馈…的问题已全部完成整改" (14 problems).
 * The announcement always gives the problem counts, and the row counts as well when feedback refined the
 * problems into more rows than problems (as 汨罗's did).
 *
 * The rules (one for rows, its aggregate for problems):
 * - A row is 已完成整改 only when closed out on checked evidence (docs/decisions/0003).
 * - A row not closed is 取得明显成效 when it reports significant progress, or reports done while its close-out
 *   waits for the office: finished by the organisation's own account, yet never "done" before the evidence is checked.
 *   (The ledger figures count such a row as ongoing; the announcement, written in the seeds' words, does not
 *   call a row reported finished "持续推进".) Otherwise the row is 持续推进.
 * - A problem is 已完成整改 when all its rows are closed; 取得明显成效 when not all are closed but every row reports
 *   significant progress or done (closed rows report done); 持续推进 otherwise. A problem without rows is 持续推进.
 *   A problem of one row therefore counts as its row does, which is how 机关工委 reads 8 + 17 = 25 either way.
 *
 * The public version masks personal names known from the records (see `nameMasker`); the internal version
 * (党内版) shows them.
 */
import { z } from "zod";
import { chineseDate } from "./calendar.ts";
import type { LedgerStatus, ProgressState } from "./ledger.ts";

export const ANNOUNCEMENT_VERSIONS = ["internal", "public"] as const;
export type AnnouncementVersion = (typeof ANNOUNCEMENT_VERSIONS)[number];
export const ANNOUNCEMENT_VERSION_LABELS: Record<AnnouncementVersion, string> = {
  internal: "党内版",
  public: "公开版（隐去姓名）",
};

// ---- counting ------------------------------------------------------------------------------------

export const OUTCOMES = ["done", "significant_progress", "ongoing"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  done: "已完成整改",
  significant_progress: "取得明显成效",
  ongoing: "持续推进",
};

export interface RowProgress {
  status: LedgerStatus;
  progress: ProgressState;
}

const reportsAdvanced = (r: RowProgress) => r.progress === "significant_progress" || r.progress === "done";

export function rowOutcome(r: RowProgress): Outcome {
  if (r.status === "closed") return "done";
  return reportsAdvanced(r) ? "significant_progress" : "ongoing";
}

export function problemOutcome(rows: readonly RowProgress[]): Outcome {
  if (rows.length === 0) return "ongoing";
  if (rows.every((r) => r.status === "closed")) return "done";
  return rows.every((r) => r.status === "closed" || reportsAdvanced(r)) ? "significant_progress" : "ongoing";
}

export interface AnnouncementFigures {
  aspects: number;
  problems: number;
  rows: number;
  problemsDone: number;
  problemsSignificant: number;
  problemsOngoing: number;
  rowsDone: number;
  rowsSignificant: number;
  rowsOngoing: number;
}

export function announcementFigures(aspects: ReadonlyArray<{ problems: ReadonlyArray<{ rows: readonly RowProgress[] }> }>) {
  const f: AnnouncementFigures = {
    aspects: aspects.length,
    problems: 0,
    rows: 0,
    problemsDone: 0,
    problemsSignificant: 0,
    problemsOngoing: 0,
    rowsDone: 0,
    rowsSignificant: 0,
    rowsOngoing: 0,
  };
  const bump = { done: "Done", significant_progress: "Significant", ongoing: "Ongoing" } as const;
  for (const a of aspects) {
    for (const p of a.problems) {
      f.problems++;
      f[`problems${bump[problemOutcome(p.rows)]}`]++;
      for (const r of p.rows) {
        f.rows++;
        f[`rows${bump[rowOutcome(r)]}`]++;
      }
    }
  }
  return f;
}

/** "13个问题中，已完成整改8个，取得明显成效5个" — the non-zero parts in the seeds' words; "已全部完成整改" when all are done. */
export function countPhrase(total: number, done: number, significant: number, ongoing: number, unit: string): string {
  if (total > 0 && done === total) return `已全部完成整改`;
  const parts = [
    [done, OUTCOME_LABELS.done],
    [significant, OUTCOME_LABELS.significant_progress],
    [ongoing, OUTCOME_LABELS.ongoing],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${label}${n}${unit}`)
    .join("，");
}

// ---- dates ---------------------------------------------------------------------------------------

const ymd = (iso: string) => iso.split("-").map(Number) as [number, number, number];

export { chineseDate };

/** 2023-09-06, 2023-11-07 → 2023年9月6日至11月7日 (the year once when both fall in it). */
export function chineseDateRange(from: string, to: string): string {
  const [y1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  return `${chineseDate(from)}至${y1 === y2 ? `${m2}月${d2}日` : chineseDate(to)}`;
}

// ---- names ---------------------------------------------------------------------------------------

/** Two-character surnames: 欧阳修文 → 欧阳某, not 欧某. */
export const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "钟离",
  "独孤",
  "南宫",
  "西门",
  "百里",
  "呼延",
  "端木",
  "澹台",
  "万俟",
  "申屠",
  "太史",
  "闻人",
  "公冶",
  "濮阳",
  "淳于",
  "单于",
  "第五",
] as const;

/**
 * The records' name fields also hold titles and bodies ("工委分管领导", "县委书记", "巡察办工作人员甲"):
 * such a value is not a person and is never masked. A person's name is 2–4 Chinese characters (or a
 * minority name joined by "·") containing none of these words of office.
 */
const OFFICE_WORDS = [
  "书记",
  "领导",
  "主任",
  "部长",
  "局长",
  "县长",
  "市长",
  "区长",
  "乡长",
  "镇长",
  "组长",
  "处长",
  "科长",
  "股长",
  "所长",
  "院长",
  "校长",
  "厂长",
  "经理",
  "主席",
  "委员",
  "秘书",
  "同志",
  "干部",
  "班子",
  "分管",
  "负责",
  "成员",
  "人员",
  "联络",
  "单位",
  "部门",
  "工委",
  "纪委",
  "党委",
  "党组",
  "支部",
  "政府",
  "办公",
  "巡察",
];

const HAN = "\\p{Script=Han}";
const PLAIN_NAME = new RegExp(`^${HAN}{2,4}$`, "u");
const MINORITY_NAME = new RegExp(`^${HAN}{1,8}·${HAN}{1,8}$`, "u");

export function looksLikePersonalName(s: string): boolean {
  const name = s.trim();
  if (!PLAIN_NAME.test(name) && !MINORITY_NAME.test(name)) return false;
  return !OFFICE_WORDS.some((w) => name.includes(w));
}

/** 张三 → 张某; 欧阳修文 → 欧阳某; 阿依古丽·买买提 → 阿某. */
export function maskName(name: string): string {
  const n = name.trim();
  if (n.includes("·")) return `${[...n][0]}某`;
  const compound = n.length >= 3 ? COMPOUND_SURNAMES.find((s) => n.startsWith(s)) : undefined;
  return `${compound ?? [...n][0]}某`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A function that replaces, in any text, every personal name of `names` by its masked form. Values that are
 * not personal names (titles, bodies) are left alone. Longer names are tried first, so 欧阳修文 is masked
 * whole even when 欧阳修 is a name too; masked text is never masked again.
 */
export function nameMasker(names: Iterable<string>): (text: string) => string {
  const list = [...new Set([...names].map((n) => n.trim()).filter(looksLikePersonalName))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  const pattern = new RegExp(list.map(escapeRegExp).join("|"), "gu");
  return (text) => text.replace(pattern, (m) => maskName(m));
}

export const maskNames = (text: string, names: Iterable<string>): string => nameMasker(names)(text);

// ---- the document --------------------------------------------------------------------------------

export interface AnnouncementSection {
  /** Empty for the opening and the closing paragraphs, which have no heading. */
  heading: string;
  /** 1: 一、…; 2: （一）…; 0: no heading. */
  level: 0 | 1 | 2;
  paragraphs: string[];
}

/** What the organisation writes beside the computed figures. */
export interface AnnouncementDetails {
  id: string | null;
  issuer: string | null;
  nextSteps: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  contactPostcode: string | null;
  contactEmail: string | null;
  contactHours: string | null;
  /** null until first saved. */
  version: number | null;
  updatedAt: string | null;
}

export const DETAIL_FIELDS = [
  "issuer",
  "nextSteps",
  "contactPhone",
  "contactAddress",
  "contactPostcode",
  "contactEmail",
  "contactHours",
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export const DETAIL_FIELD_LABELS: Record<DetailField, string> = {
  issuer: "发布单位",
  nextSteps: "下一步工作安排",
  contactPhone: "联系电话",
  contactAddress: "通信地址",
  contactPostcode: "邮政编码",
  contactEmail: "电子邮箱",
  contactHours: "接待时间",
};

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 个字`).nullish();

/** PUT …/announcement-details: a field left out stays as it is; null or "" clears it. */
export const announcementDetailsInputSchema = z.object({
  issuer: text(100, DETAIL_FIELD_LABELS.issuer),
  nextSteps: text(8000, DETAIL_FIELD_LABELS.nextSteps),
  contactPhone: text(60, DETAIL_FIELD_LABELS.contactPhone),
  contactAddress: text(200, DETAIL_FIELD_LABELS.contactAddress),
  contactPostcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, "邮政编码应为 6 位数字")
    .nullish(),
  contactEmail: z
    .string()
    .trim()
    .max(100, "电子邮箱不超过 100 个字")
    .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, "电子邮箱格式不正确")
    .nullish(),
  contactHours: text(100, DETAIL_FIELD_LABELS.contactHours),
  /** The version read; required once the details exist (someone else may have changed them). */
  version: z.number({ error: "版本号无效" }).int({ error: "版本号无效" }).min(1, "版本号无效").optional(),
});
export type AnnouncementDetailsInput = z.infer<typeof announcementDetailsInputSchema>;

/** What the preview answers; the web renders it as a document. */
export interface AnnouncementView {
  assignmentId: string;
  version: AnnouncementVersion;
  versionLabel: string;
  title: string;
  sections: AnnouncementSection[];
  signature: { issuer: string; date: string };
  figures: AnnouncementFigures;
  details: AnnouncementDetails;
  /** The day the figures are computed for (today, in China). */
  asOf: string;
  /** The whole document as plain text. */
  text: string;
  can: { editDetails: boolean };
}
