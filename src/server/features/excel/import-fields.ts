/**
 * The ledger fields an import reads (列对应 targets) and how a column is proposed for each: the header this office
 * used last time first, then the names offices commonly give the column.
 */
import { IMPORT_FIELDS, type ImportField } from "../../../domain/ledger-import.ts";
export { IMPORT_FIELDS, type ImportField } from "../../../domain/ledger-import.ts";

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  id: "台账编号",
  aspect: "问题方面",
  problem: "反馈问题",
  text: "具体问题",
  measures: "整改措施",
  responsibleLeader: "责任领导",
  responsibleDepartment: "责任部门",
  deadline: "整改时限",
  note: "整改进展",
  status: "状态",
};

/** What each field means to the user choosing columns. */
export const IMPORT_FIELD_HINTS: Record<ImportField, string> = {
  id: "系统导出的台账带有此列；有编号的行修改原条目，没有编号的行新增条目",
  aspect: "新增条目的反馈问题归入的方面（可不选）",
  problem: "新增条目按反馈问题归类：与已有反馈问题文字相同的归入该问题，否则新增问题",
  text: "新增条目的问题内容（已有条目不能通过导入修改）",
  measures: "可修改",
  responsibleLeader: "可修改",
  responsibleDepartment: "可修改",
  deadline: "可修改；须为日期，且不早于反馈日期",
  note: "与最近一次进展记录不同时新增一条进展记录",
  status: "仅核对：状态不能通过导入修改，销号请在台账中申请",
};

/** Header names offices use, best first; matched after removing spaces and brackets' contents. */
const SYNONYMS: Record<ImportField, string[]> = {
  id: ["台账编号", "条目编号", "编号id", "id"],
  aspect: ["问题方面", "反馈方面", "问题类别", "方面", "问题类型"],
  problem: ["反馈问题", "巡察反馈问题", "存在问题", "问题清单", "问题"],
  text: ["具体问题", "整改任务", "问题具体表现", "具体表现", "问题表现", "问题描述", "具体问题/整改任务"],
  measures: ["整改措施", "整改举措", "具体措施", "措施"],
  responsibleLeader: ["责任领导", "牵头领导", "分管领导", "责任人"],
  responsibleDepartment: ["责任部门", "责任单位", "牵头部门", "牵头单位", "责任科室"],
  deadline: ["整改时限", "完成时限", "整改期限", "时限"],
  note: ["整改进展", "进展情况", "整改情况", "整改进度", "完成情况"],
  status: ["状态", "销号状态", "整改状态"],
};

/** Header text as compared: no spaces or line breaks, full-width brackets, no bracketed remarks. */
export const normaliseHeader = (s: string): string =>
  s
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/（[^）]*）/g, "")
    .replace(/[:：*＊]/g, "")
    .toLowerCase();

/** How many fields a row of header candidates names (to find the header row among the first rows). */
export function headerScore(cells: string[]): number {
  const found = new Set<ImportField>();
  for (const c of cells) {
    const h = normaliseHeader(c);
    if (!h) continue;
    const f = IMPORT_FIELDS.find((k) => SYNONYMS[k].some((s) => h === s));
    if (f) found.add(f);
  }
  return found.size;
}

export interface SheetColumn {
  /** 1-based column number. */
  index: number;
  letter: string;
  header: string;
}

export type Mapping = Partial<Record<ImportField, number>>;
/** The mapping as remembered per office: field → header text (column positions change between files). */
export type RememberedMapping = Partial<Record<ImportField, string>>;

export function proposeMapping(columns: SheetColumn[], remembered: RememberedMapping | null): Mapping {
  const out: Mapping = {};
  const used = new Set<number>();
  const take = (f: ImportField, c: SheetColumn | undefined) => {
    if (!c || used.has(c.index) || out[f] !== undefined) return;
    out[f] = c.index;
    used.add(c.index);
  };
  const norm = columns.map((c) => ({ c, h: normaliseHeader(c.header) }));
  if (remembered) {
    for (const f of IMPORT_FIELDS) {
      const want = remembered[f];
      if (want) take(f, norm.find((x) => x.h === normaliseHeader(want))?.c);
    }
  }
  // Exact names first for every field, then names that contain a known one (e.g. 整改措施及要求).
  for (const f of IMPORT_FIELDS) for (const s of SYNONYMS[f]) take(f, norm.find((x) => x.h === s && !used.has(x.c.index))?.c);
  for (const f of IMPORT_FIELDS)
    for (const s of SYNONYMS[f].filter((x) => x.length >= 4))
      take(f, norm.find((x) => x.h.includes(s) && !used.has(x.c.index))?.c);
  return out;
}

export function rememberedFrom(mapping: Mapping, columns: SheetColumn[]): RememberedMapping {
  const out: RememberedMapping = {};
  for (const f of IMPORT_FIELDS) {
    const c = columns.find((x) => x.index === mapping[f]);
    if (c) out[f] = c.header;
  }
  return out;
}

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
