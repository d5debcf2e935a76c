import { describe, expect, it } from "vitest";
import { computeFigures, isOverdue, type RowForFigures } from "./ledger.ts";

const TODAY = "2024-06-15";
const rows = (n: number, row: RowForFigures): RowForFigures[] => Array.from({ length: n }, () => ({ ...row }));

describe("computeFigures", () => {
  it("23 rows all closed out: everything is done", () => {
    const f = computeFigures(rows(23, { status: "closed", progress: "done", deadline: "2024-05-01" }), TODAY);
    expect(f.total).toBe(23);
    expect(f.done).toBe(23);
    expect(f.doneRate).toBe(1);
    expect(f.doneOrSignificantRate).toBe(1);
    expect(f.overdue).toBe(0);
    expect(f.ongoing).toBe(0);
    expect(f.byStatus).toEqual({ open: 0, close_requested: 0, closed: 23 });
  });

  it("25 rows, 8 closed and 17 with significant progress: only the closed ones count as done", () => {
    const f = computeFigures(
      [
        ...rows(8, { status: "closed", progress: "done", deadline: null }),
        ...rows(17, { status: "open", progress: "significant_progress", deadline: null }),
      ],
      TODAY,
    );
    expect(f.total).toBe(25);
    expect(f.done).toBe(8);
    expect(f.significantProgress).toBe(17);
    expect(f.ongoing).toBe(0);
    expect(f.doneRate).toBe(8 / 25);
    expect(f.doneOrSignificantRate).toBe(1);
    expect(f.byProgress.significant_progress).toBe(17);
  });

  it("a closed row reported as significant progress counts once, as done", () => {
    const f = computeFigures([{ status: "closed", progress: "significant_progress", deadline: null }], TODAY);
    expect(f.done).toBe(1);
    expect(f.significantProgress).toBe(0);
    expect(f.doneOrSignificantRate).toBe(1);
  });

  it("a row reported done but not yet closed out is not done", () => {
    const f = computeFigures(
      [
        { status: "close_requested", progress: "done", deadline: null },
        { status: "open", progress: "in_progress", deadline: "2024-06-14" },
      ],
      TODAY,
    );
    expect(f.done).toBe(0);
    expect(f.doneRate).toBe(0);
    expect(f.ongoing).toBe(2);
    expect(f.overdue).toBe(1);
    expect(f.byStatus).toEqual({ open: 1, close_requested: 1, closed: 0 });
  });

  it("no rows: counts are zero and rates are null, not NaN", () => {
    const f = computeFigures([], TODAY);
    expect(f.total).toBe(0);
    expect(f.doneRate).toBeNull();
    expect(f.doneOrSignificantRate).toBeNull();
  });
});

describe("isOverdue", () => {
  it("an open row with a past deadline is overdue", () => {
    expect(isOverdue({ status: "open", deadline: "2024-06-14" }, TODAY)).toBe(true);
    expect(isOverdue({ status: "close_requested", deadline: "2024-01-01" }, TODAY)).toBe(true);
  });

  it("a row due today or later, or without a deadline, is not overdue", () => {
    expect(isOverdue({ status: "open", deadline: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: "open", deadline: "2024-06-16" }, TODAY)).toBe(false);
    expect(isOverdue({ status: "open", deadline: null }, TODAY)).toBe(false);
  });

  it("a closed row is never overdue", () => {
    expect(isOverdue({ status: "closed", deadline: "2020-01-01" }, TODAY)).toBe(false);
    const f = computeFigures([{ status: "closed", progress: "done", deadline: "2020-01-01" }], TODAY);
    expect(f.overdue).toBe(0);
  });
});
