import { describe, expect, it } from "vitest";
import { WorkCalendar } from "./calendar.ts";
import { comparePlans, isPlanOverdue, missingFields, planDueDate, syncEntries, type PlanEntry, type PlanRow } from "./plan.ts";

const entry = (rowId: string, seqLabel: string, fields: Partial<PlanEntry> = {}): PlanEntry => ({
  rowId,
  seqLabel,
  problemText: `问题${seqLabel}`,
  rowText: `条目${seqLabel}`,
  measures: "召开专题会议",
  responsibleLeader: "张三",
  responsibleDepartment: "办公室",
  deadline: "2024-12-31",
  ...fields,
});

describe("comparing two plan texts", () => {
  it("lists, per entry, only the fields that changed, old and new", () => {
    const v1 = { summary: "初稿", entries: [entry("a", "1"), entry("b", "2")] };
    const v2 = {
      summary: "初稿",
      entries: [entry("a", "1", { measures: "召开专题会议并建立台账", deadline: "2025-01-31" }), entry("b", "2")],
    };
    const c = comparePlans(v1, v2);
    expect(c.summary.changed).toBe(false);
    expect(c.changedEntries).toBe(1);
    expect(c.entries.map((e) => e.rowId)).toEqual(["a", "b"]);
    expect(c.entries[0]!.changes).toEqual([
      { field: "measures", label: "整改措施", from: "召开专题会议", to: "召开专题会议并建立台账" },
      { field: "deadline", label: "完成时限", from: "2024-12-31", to: "2025-01-31" },
    ]);
    expect(c.entries[1]!.changes).toEqual([]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
  });

  it("reports entries added and removed, and a changed summary", () => {
    const c = comparePlans(
      { summary: null, entries: [entry("a", "1"), entry("gone", "2")] },
      { summary: "修改稿", entries: [entry("a", "1"), entry("new", "3")] },
    );
    expect(c.summary).toEqual({ from: null, to: "修改稿", changed: true });
    expect(c.added.map((e) => e.seqLabel)).toEqual(["3"]);
    expect(c.removed.map((e) => e.seqLabel)).toEqual(["2"]);
    expect(c.entries).toHaveLength(1);
  });

  it("does not count blank versus empty or surrounding spaces as a change", () => {
    const c = comparePlans(
      { summary: "", entries: [entry("a", "1", { responsibleLeader: null, measures: "措施" })] },
      { summary: null, entries: [entry("a", "1", { responsibleLeader: "  ", measures: " 措施 " })] },
    );
    expect(c.summary.changed).toBe(false);
    expect(c.changedEntries).toBe(0);
  });
});

describe("plan entries", () => {
  const row = (id: string, seqLabel: string, fields: Partial<PlanRow> = {}): PlanRow => ({
    id,
    seqLabel,
    problemText: "学习贯彻不到位",
    text: `细化问题${seqLabel}`,
    measures: null,
    responsibleLeader: null,
    responsibleDepartment: null,
    deadline: null,
    ...fields,
  });

  it("follows the rows: keeps what was written, pre-fills new rows, drops entries of rows that are gone", () => {
    const draft = [entry("b", "2", { measures: "已写的措施" }), entry("x", "9")];
    const synced = syncEntries(draft, [row("a", "1", { measures: "台账上的措施" }), row("b", "2")]);
    expect(synced.map((e) => [e.rowId, e.measures])).toEqual([
      ["a", "台账上的措施"],
      ["b", "已写的措施"],
    ]);
    expect(synced[0]).toMatchObject({ seqLabel: "1", problemText: "学习贯彻不到位", rowText: "细化问题1" });
  });

  it("names each entry that lacks a field, with the fields it lacks", () => {
    const missing = missingFields([
      entry("a", "1"),
      entry("b", "2", { measures: " ", deadline: null }),
      entry("c", "3", { responsibleDepartment: null }),
    ]);
    expect(missing).toEqual([
      { rowId: "b", seqLabel: "2", missing: ["整改措施", "完成时限"] },
      { rowId: "c", seqLabel: "3", missing: ["责任部门"] },
    ]);
  });

  it("is due the set number of working days after feedback, across the National Day holiday", () => {
    // 2024: 1–7 October off, Sunday 29 September and Saturday 12 October worked.
    const cal = new WorkCalendar([
      ...["01", "02", "03", "04", "05", "06", "07"].map((d) => ({ date: `2024-10-${d}`, kind: "holiday" as const })),
      { date: "2024-09-29", kind: "workday" as const },
      { date: "2024-10-12", kind: "workday" as const },
    ]);
    expect(planDueDate(cal, "2024-09-27", 15)).toBe("2024-10-23");
    expect(planDueDate(cal, "2024-09-27", 2)).toBe("2024-09-30");
  });

  it("is overdue when not in by the due date, unless submitted or approved", () => {
    expect(isPlanOverdue({ status: "not_started", dueDate: "2024-10-23" }, "2024-10-24")).toBe(true);
    expect(isPlanOverdue({ status: "returned", dueDate: "2024-10-23" }, "2024-10-24")).toBe(true);
    expect(isPlanOverdue({ status: "draft", dueDate: "2024-10-23" }, "2024-10-23")).toBe(false);
    expect(isPlanOverdue({ status: "submitted", dueDate: "2024-10-23" }, "2024-11-30")).toBe(false);
    expect(isPlanOverdue({ status: "approved", dueDate: "2024-10-23" }, "2024-11-30")).toBe(false);
    expect(isPlanOverdue({ status: "not_started", dueDate: null }, "2024-11-30")).toBe(false);
  });
});
