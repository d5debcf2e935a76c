/**
 * 预检 (dry run): from the parsed sheet, the column mapping and the assignment's ledger as it stands, every row the
 * import would create or change (with each field's before → after) and every error (工作表, 行号, 列, 原因).
 * Pure: the same inputs give the same plan, and its digest lets the commit prove it applies what the user saw.
 */
import { createHash } from "node:crypto";
import { LEDGER_STATUS_LABELS, type LedgerStatus } from "../../../domain/ledger.ts";
import { IMPORT_FIELD_LABELS, type ImportField, type Mapping, type SheetColumn } from "./import-fields.ts";
import type { CellValue, ParsedSheet } from "./import-read.ts";
import { excelDate } from "./workbook.ts";
import {
  CHANGEABLE,
  type ChangeableField,
  type FieldChange,
  type ImportDryRun as DryRun,
  type ImportError,
  type PlannedChange,
  type PlannedCreate,
} from "../../../domain/ledger-import.ts";

/** The assignment's ledger as the check needs it. */
export interface ImportState {
  assignment: { id: string; orgName: string; feedbackDate: string };
  rows: Map<string, StateRow>;
  problems: Array<{ id: string; seq: number; text: string; aspectId: string; rowCount: number }>;
  aspects: Array<{ id: string; seq: number; title: string }>;
  maxRowSeq: number;
  /** Ids in the file that are rows of another assignment (or a campaign): where they belong. */
  foreign: Map<string, string>;
}

export interface StateRow {
  id: string;
  seqLabel: string;
  text: string;
  problemText: string;
  aspectTitle: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  status: LedgerStatus;
  version: number;
  latestNote: string | null;
}

export { CHANGEABLE } from "../../../domain/ledger-import.ts";
export type {
  ChangeableField,
  FieldChange,
  ImportDryRun as DryRun,
  ImportError,
  PlannedChange,
  PlannedCreate,
} from "../../../domain/ledger-import.ts";

/** Where a new problem goes when the file names no aspect. */
export const DEFAULT_ASPECT = "其他问题";
const LIMITS: Partial<Record<ImportField, number>> = {
  measures: 4000,
  responsibleLeader: 60,
  responsibleDepartment: 100,
  note: 4000,
  text: 4000,
  problem: 4000,
  aspect: 200,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text as compared: line endings unified, outer blanks dropped; empty is null. */
export const cleanText = (v: CellValue): string | null => {
  if (v === null) return null;
  const s = String(v).replace(/\r\n?/g, "\n").trim();
  return s || null;
};
/** For comparing wording: all runs of blanks and line breaks count as one space. */
const same = (a: string | null, b: string | null) =>
  (a ?? "").replace(/\s+/g, " ").trim() === (b ?? "").replace(/\s+/g, " ").trim();

/** A deadline cell as an ISO date: real date cells and the usual ways of typing a date; null if it is none. */
export function parseDate(v: CellValue): string | null {
  if (typeof v !== "string") return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return excelDate(iso) ? iso : null;
}

export function planImport(parsed: ParsedSheet, mapping: Mapping, state: ImportState): DryRun {
  const errors: ImportError[] = [];
  const creates: PlannedCreate[] = [];
  const changes: PlannedChange[] = [];
  let unchanged = 0;
  const position = new Map(parsed.columns.map((c, i) => [c.index, i]));
  const columnOf = (f: ImportField): SheetColumn | undefined => parsed.columns.find((c) => c.index === mapping[f]);
  const where = (f: ImportField) => {
    const c = columnOf(f);
    return c ? `${c.letter}（${c.header}）` : IMPORT_FIELD_LABELS[f];
  };
  const seenIds = new Map<string, number>();

  // New problems and aspects are keyed by their wording, so rows naming the same new problem share it.
  const problemByText = new Map(state.problems.map((p) => [norm(p.text), p]));
  const aspectByTitle = new Map(state.aspects.map((a) => [norm(a.title), a]));
  const newAspects = new Map<string, { title: string }>();
  const newProblems = new Map<string, { text: string; aspect: string; aspectId: string | null; seq: number; rows: number }>();
  const addedRows = new Map<string, number>();
  let problemSeq = Math.max(0, ...state.problems.map((p) => p.seq));

  for (const [rowNo, ...cells] of parsed.rows) {
    const rowErrors: ImportError[] = [];
    const fail = (f: ImportField, message: string) =>
      rowErrors.push({ sheet: parsed.sheet, row: rowNo, column: where(f), message });
    const get = (f: ImportField): CellValue => {
      const i = mapping[f] === undefined ? undefined : position.get(mapping[f]!);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const textOf = (f: ImportField): string | null => {
      const v = cleanText(get(f));
      const max = LIMITS[f];
      if (v && max && v.length > max) {
        fail(f, `${IMPORT_FIELD_LABELS[f]}不能超过 ${max} 字（现为 ${v.length} 字）`);
        return null;
      }
      return v;
    };
    const deadlineOf = (): string | null => {
      const raw = get("deadline");
      if (raw === null) return null;
      const d = parseDate(raw);
      if (!d) {
        const hint = typeof raw === "number" ? `（单元格是数字 ${raw}，请设为日期格式）` : "";
        fail("deadline", `整改时限“${raw}”不是有效日期${hint}，请填写如 2024-03-31 的日期`);
        return null;
      }
      return d;
    };
    const checkDeadline = (d: string | null) => {
      if (d && d < state.assignment.feedbackDate) fail("deadline", `整改时限 ${d} 早于反馈日期 ${state.assignment.feedbackDate}`);
    };
    const statusText = cleanText(get("status"));
    const id = cleanText(get("id"));

    if (id) {
      const prev = seenIds.get(id.toLowerCase());
      const row = UUID.test(id) ? state.rows.get(id.toLowerCase()) : undefined;
      if (!UUID.test(id)) fail("id", `台账编号“${id}”无效：应为系统导出的台账中的编号；新增条目请将此格留空`);
      else if (prev !== undefined) fail("id", `台账编号与第 ${prev} 行重复，同一条目只能出现一次`);
      else if (!row) {
        const other = state.foreign.get(id.toLowerCase());
        fail(
          "id",
          other
            ? `该条目属于${other}，不是本巡察任务（${state.assignment.orgName}）的台账`
            : "台账编号在系统中不存在（可能已被删除），请核对",
        );
      }
      if (UUID.test(id) && prev === undefined) seenIds.set(id.toLowerCase(), rowNo);
      if (row) {
        const fixed: Array<[ImportField, string]> = [
          ["text", row.text],
          ["problem", row.problemText],
          ["aspect", row.aspectTitle],
        ];
        for (const [f, current] of fixed) {
          const v = cleanText(get(f));
          if (v && !same(v, current))
            fail(f, `${IMPORT_FIELD_LABELS[f]}与系统中第 ${row.seqLabel} 条不一致：反馈意见登记的内容不能通过导入修改`);
        }
        if (statusText && !same(statusText, LEDGER_STATUS_LABELS[row.status])) {
          fail(
            "status",
            `状态不能通过导入修改（系统中为“${LEDGER_STATUS_LABELS[row.status]}”，文件中为“${statusText}”）：` +
              "销号须上传佐证材料后在整改台账中“申请销号”，由巡察办审核",
          );
        }
        const after: Record<ChangeableField, string | null> = {
          measures: textOf("measures"),
          responsibleLeader: textOf("responsibleLeader"),
          responsibleDepartment: textOf("responsibleDepartment"),
          deadline: deadlineOf(),
          note: textOf("note"),
        };
        const before: Record<ChangeableField, string | null> = {
          measures: cleanText(row.measures),
          responsibleLeader: cleanText(row.responsibleLeader),
          responsibleDepartment: cleanText(row.responsibleDepartment),
          deadline: row.deadline,
          note: cleanText(row.latestNote),
        };
        // An empty cell leaves the field as it is: an import adds and corrects, it does not wipe.
        const fields: FieldChange[] = [];
        for (const f of CHANGEABLE) {
          const a = after[f];
          if (a === null) continue;
          if (f === "note" || f === "measures" ? same(a, before[f]) : a === before[f]) continue;
          fields.push({ field: f, label: IMPORT_FIELD_LABELS[f], before: before[f], after: a });
        }
        if (fields.some((x) => x.field === "deadline")) checkDeadline(after.deadline);
        if (fields.length && row.status !== "open") {
          const why = row.status === "closed" ? "已销号" : "已申请销号、正在等待审核";
          fail(fields[0]!.field, `第 ${row.seqLabel} 条${why}，不能再通过导入修改${fields.map((x) => x.label).join("、")}`);
        }
        if (!rowErrors.length) {
          if (fields.length)
            changes.push({ row: rowNo, id: row.id, seqLabel: row.seqLabel, text: row.text, version: row.version, fields });
          else unchanged++;
        }
      }
    } else {
      const problem = textOf("problem");
      const text = textOf("text") ?? problem;
      const aspectText = textOf("aspect");
      if (mapping.problem === undefined) fail("problem", "新增条目须有“反馈问题”：请在列对应中选择反馈问题所在的列");
      else if (!problem) fail("problem", "反馈问题为空：新增条目须填写反馈问题（修改已有条目须保留台账编号）");
      if (statusText && !same(statusText, LEDGER_STATUS_LABELS.open))
        fail("status", `新增条目的状态只能是“${LEDGER_STATUS_LABELS.open}”（文件中为“${statusText}”）`);
      const deadline = deadlineOf();
      checkDeadline(deadline);
      const fields = {
        measures: textOf("measures"),
        responsibleLeader: textOf("responsibleLeader"),
        responsibleDepartment: textOf("responsibleDepartment"),
        deadline,
        note: textOf("note"),
      };
      if (!rowErrors.length && problem && text) {
        const key = norm(problem);
        const existing = problemByText.get(key);
        let seqLabel: string;
        let aspectId: string | null;
        let aspect: string;
        if (existing) {
          const n = (addedRows.get(existing.id) ?? existing.rowCount) + 1;
          addedRows.set(existing.id, n);
          seqLabel = `${existing.seq}.${n}`;
          aspectId = existing.aspectId;
          aspect = state.aspects.find((a) => a.id === existing.aspectId)?.title ?? "";
        } else {
          let p = newProblems.get(key);
          if (!p) {
            const title = aspectText ?? DEFAULT_ASPECT;
            const known = aspectByTitle.get(norm(title));
            if (!known && !newAspects.has(norm(title))) newAspects.set(norm(title), { title });
            p = { text: problem, aspect: known?.title ?? title, aspectId: known?.id ?? null, seq: ++problemSeq, rows: 0 };
            newProblems.set(key, p);
          }
          p.rows++;
          seqLabel = `${p.seq}.${p.rows}`;
          aspectId = p.aspectId;
          aspect = p.aspect;
        }
        creates.push({
          row: rowNo,
          seqLabel,
          aspectId,
          aspect,
          problemId: existing?.id ?? null,
          problem: existing?.text ?? newProblems.get(key)!.text,
          text,
          ...fields,
        });
      }
    }
    errors.push(...rowErrors);
  }
  // A new problem with a single row is numbered like feedback numbers it: "4", not "4.1".
  for (const c of creates) {
    if (c.problemId) continue;
    const p = newProblems.get(norm(c.problem));
    if (p?.rows === 1) c.seqLabel = String(p.seq);
  }
  const digest = createHash("sha256").update(JSON.stringify({ creates, changes })).digest("hex");
  return {
    sheet: parsed.sheet,
    creates,
    changes,
    unchanged,
    newAspects: newAspects.size,
    newProblems: newProblems.size,
    errors,
    digest,
  };
}

/** Problems and aspects match by wording: blanks and a leading ordinal ("一、", "3.") do not count. */
export const norm = (s: string) => s.replace(/\s+/g, "").replace(/^[一二三四五六七八九十]+[、.．]\s*|^\d+[、.．]\s*/, "");
