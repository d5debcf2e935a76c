import { describe, expect, it } from "vitest";
import { planImport, parseDate, type ImportState, type StateRow } from "./import-check.ts";
import { proposeMapping, type SheetColumn } from "./import-fields.ts";
import type { ParsedSheet, SheetRow } from "./import-read.ts";

const ID1 = "0190aaaa-0000-7000-8000-000000000001";
const ID2 = "0190aaaa-0000-7000-8000-000000000002";
const HEADERS = ["台账编号", "反馈问题", "具体问题", "整改措施", "整改时限", "状态"];
const columns: SheetColumn[] = HEADERS.map((header, i) => ({ index: i + 1, letter: String.fromCharCode(65 + i), header }));
const mapping = { id: 1, problem: 2, text: 3, measures: 4, deadline: 5, status: 6 };

const row = (over: Partial<StateRow>): StateRow => ({
  id: ID1,
  seqLabel: "1.1",
  text: "改造项目开工率低",
  problemText: "老旧小区改造推进缓慢",
  aspectTitle: "一、责任落实不够有力",
  measures: null,
  responsibleLeader: null,
  responsibleDepartment: null,
  deadline: null,
  status: "open",
  version: 1,
  latestNote: null,
  ...over,
});

function state(rows: StateRow[]): ImportState {
  return {
    assignment: { id: "a", orgName: "某局", feedbackDate: "2024-01-10" },
    rows: new Map(rows.map((r) => [r.id, r])),
    problems: [{ id: "p1", seq: 1, text: "老旧小区改造推进缓慢", aspectId: "s1", rowCount: rows.length }],
    aspects: [{ id: "s1", seq: 1, title: "一、责任落实不够有力" }],
    maxRowSeq: rows.length,
    foreign: new Map(),
  };
}
const sheet = (rows: SheetRow[]): ParsedSheet => ({ sheet: "问题清单", headerRow: 1, columns, rows });

describe("parseDate", () => {
  it("reads the ways offices type a date, and nothing else", () => {
    expect(parseDate("2024-03-05")).toBe("2024-03-05");
    expect(parseDate("2024/3/5")).toBe("2024-03-05");
    expect(parseDate("2024年3月5日")).toBe("2024-03-05");
    expect(parseDate("2024.12.31")).toBe("2024-12-31");
    expect(parseDate("2024-02-30")).toBeNull();
    expect(parseDate("年底前")).toBeNull();
    expect(parseDate(45356)).toBeNull();
  });
});

describe("proposeMapping", () => {
  it("takes the office's remembered header first, then the usual names", () => {
    const cols: SheetColumn[] = [
      { index: 1, letter: "A", header: "序号" },
      { index: 2, letter: "B", header: "存在问题" },
      { index: 3, letter: "C", header: "落实举措" },
      { index: 4, letter: "D", header: "完成时限（月底前）" },
    ];
    expect(proposeMapping(cols, null)).toEqual({ problem: 2, deadline: 4 });
    expect(proposeMapping(cols, { measures: "落实举措" })).toEqual({ problem: 2, measures: 3, deadline: 4 });
  });
});

describe("planImport", () => {
  it("lists only fields that differ, and leaves empty cells alone", () => {
    const plan = planImport(
      sheet([[3, ID1, null, "改造项目开工率低", "制定攻坚方案", "2024-06-30", "整改中"]]),
      mapping,
      state([row({ deadline: "2024-03-31" })]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]!.fields).toEqual([
      { field: "measures", label: "整改措施", before: null, after: "制定攻坚方案" },
      { field: "deadline", label: "整改时限", before: "2024-03-31", after: "2024-06-30" },
    ]);
  });

  it("refuses a changed status, a closed row's change, a repeated id and a deadline before feedback", () => {
    const plan = planImport(
      sheet([
        [3, ID1, null, null, null, "2024-06-30", "已销号"],
        [4, ID2, null, null, "新措施", null, null],
        [5, ID1, null, null, null, null, null],
        [6, null, "新的问题", "新问题的表现", null, "2023-12-01", null],
      ]),
      mapping,
      state([row({}), row({ id: ID2, seqLabel: "1.2", status: "closed" })]),
    );
    const messages = plan.errors.map((e) => `${e.row} ${e.column} ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^3 F（状态） 状态不能通过导入修改/),
      expect.stringMatching(/^4 D（整改措施） 第 1\.2 条已销号/),
      expect.stringMatching(/^5 A（台账编号） 台账编号与第 3 行重复/),
      expect.stringMatching(/^6 E（整改时限） 整改时限 2023-12-01 早于反馈日期 2024-01-10/),
    ]);
  });

  it("groups new rows under an existing problem by its wording, or one new problem per new wording", () => {
    const plan = planImport(
      sheet([
        [3, null, "1. 老旧小区改造推进缓慢", "居民意见收集不充分", null, null, null],
        [4, null, "招投标监管不严", "围标串标查处不力", null, null, null],
        [5, null, "招投标监管不严", "评标专家管理松散", null, null, null],
        [6, null, "工程质量监督薄弱", "抽检比例偏低", null, null, null],
      ]),
      mapping,
      state([row({})]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((c) => [c.seqLabel, c.problemId, c.problem])).toEqual([
      ["1.2", "p1", "老旧小区改造推进缓慢"],
      ["2.1", null, "招投标监管不严"],
      ["2.2", null, "招投标监管不严"],
      ["3", null, "工程质量监督薄弱"],
    ]);
    expect(plan.newProblems).toBe(2);
    expect(plan.newAspects).toBe(1);
  });
});
