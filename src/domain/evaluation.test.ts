import { describe, expect, it } from "vitest";
import {
  drawIds,
  drawRevisitSample,
  evaluationMetrics,
  revisitSampleSize,
  sameSample,
  seededRandom,
  suggestGrade,
  type RowForEvaluation,
} from "./evaluation.ts";

const T = { gradeGoodCompletionPct: 90, gradeGoodOnTimePct: 80, gradeFairCompletionPct: 70 };
const closed = (deadline: string | null, closedOn: string, evidenceCount = 1, relapseCount = 0): RowForEvaluation => ({
  status: "closed",
  deadline,
  closedOn,
  evidenceCount,
  relapseCount,
});
const open = (deadline: string | null = null, relapseCount = 0): RowForEvaluation => ({
  status: "open",
  deadline,
  closedOn: null,
  evidenceCount: 0,
  relapseCount,
});
const rows = (n: number, r: RowForEvaluation) => Array.from({ length: n }, () => ({ ...r }));

describe("evaluation metrics", () => {
  it("counts completion, on time, evidence, relapses and directives", () => {
    const m = evaluationMetrics(
      [
        closed("2024-03-31", "2024-03-31"),
        closed("2024-03-31", "2024-03-20"),
        closed("2024-03-31", "2024-04-02"),
        closed(null, "2024-04-02", 0),
        open("2024-03-31", 1),
      ],
      [{ status: "closed" }, { status: "open" }, { status: "reported" }],
    );
    expect(m).toEqual({
      rows: 5,
      closed: 4,
      completionRate: 0.8,
      withDeadline: 4,
      onTime: 2,
      onTimeRate: 0.5,
      closedWithEvidence: 3,
      evidenceRate: 0.75,
      relapses: 1,
      directives: 3,
      directivesDone: 1,
      directivesRate: 1 / 3,
    });
  });

  it("gives no rate where there is nothing to count", () => {
    const m = evaluationMetrics([], []);
    expect(m).toMatchObject({ rows: 0, completionRate: null, onTimeRate: null, evidenceRate: null, directivesRate: null });
  });
});

describe("the suggested grade", () => {
  it("is good at the thresholds exactly, with no relapse", () => {
    const m = evaluationMetrics(
      [...rows(8, closed("2024-03-31", "2024-03-01")), ...rows(1, closed("2024-03-31", "2024-04-09")), open()],
      [],
    );
    // completion 9/10 = 90 %, on time 8/10 = 80 %
    expect(suggestGrade(m, T)).toBe("good");
  });

  it("is fair when a row relapsed, or on time falls short", () => {
    const relapsed = evaluationMetrics(
      [...rows(9, closed("2024-03-31", "2024-03-01")), closed("2024-03-31", "2024-03-01", 1, 1)],
      [],
    );
    expect(suggestGrade(relapsed, T)).toBe("fair");
    const late = evaluationMetrics(
      [...rows(7, closed("2024-03-31", "2024-03-01")), ...rows(3, closed("2024-03-31", "2024-05-01"))],
      [],
    );
    expect(late.onTimeRate).toBe(0.7);
    expect(suggestGrade(late, T)).toBe("fair");
  });

  it("is poor below the fair completion threshold, fair at it", () => {
    const at = evaluationMetrics([...rows(7, closed(null, "2024-03-01")), ...rows(3, open())], []);
    expect(suggestGrade(at, T)).toBe("fair");
    const below = evaluationMetrics([...rows(69, closed(null, "2024-03-01")), ...rows(31, open())], []);
    expect(suggestGrade(below, T)).toBe("poor");
  });

  it("holds nobody back for a rate with nothing to count", () => {
    expect(suggestGrade(evaluationMetrics(rows(3, closed(null, "2024-03-01")), []), T)).toBe("good");
    expect(suggestGrade(evaluationMetrics([], []), T)).toBe("good");
  });
});

describe("the revisit sample", () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  const units = ids("asg", 10).map((id, i) => ({ id, rowIds: ids(`${id}-row`, i + 1) }));

  it("gives the same numbers for the same seed, other numbers for another", () => {
    const a = seededRandom("2024回头看");
    const b = seededRandom("2024回头看");
    const c = seededRandom("2024回头看 ");
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("takes at least one third, rounded up", () => {
    expect([0, 1, 2, 3, 4, 7, 9, 10].map(revisitSampleSize)).toEqual([0, 1, 1, 1, 2, 3, 3, 4]);
    const s = drawRevisitSample("seed-1", units);
    expect(s).toHaveLength(4);
    for (const u of s) {
      const all = units.find((x) => x.id === u.id)!.rowIds;
      expect(u.rowIds.length).toBe(Math.ceil(all.length / 3));
      expect(u.rowIds.every((r) => all.includes(r))).toBe(true);
      expect(new Set(u.rowIds).size).toBe(u.rowIds.length);
    }
  });

  it("draws the same sample from the same seed, whatever the order of the ids", () => {
    const shuffled = [...units].reverse().map((u) => ({ ...u, rowIds: [...u.rowIds].reverse() }));
    const a = drawRevisitSample("第七轮回头看", units);
    const b = drawRevisitSample("第七轮回头看", shuffled);
    expect(b).toEqual(a);
    expect(sameSample(a, b)).toBe(true);
  });

  it("draws different samples from different seeds", () => {
    const samples = new Set(Array.from({ length: 10 }, (_, i) => JSON.stringify(drawRevisitSample(`s${i}`, units))));
    expect(samples.size).toBeGreaterThan(1);
    expect(sameSample(drawRevisitSample("s1", units), drawRevisitSample("s1", units.slice(1)))).toBe(false);
  });

  it("leaves out units without rows and picks every id with equal chance", () => {
    expect(
      drawRevisitSample("x", [
        { id: "a", rowIds: [] },
        { id: "b", rowIds: ["r1"] },
      ]),
    ).toEqual([{ id: "b", rowIds: ["r1"] }]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++)
      for (const id of drawIds(`k${i}`, ["a", "b", "c"], 1)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of ["a", "b", "c"]) expect(counts.get(id)!).toBeGreaterThan(850);
  });
});
