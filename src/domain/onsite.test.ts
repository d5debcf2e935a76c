import { describe, expect, it } from "vitest";
import { backfillCount, isBackfill, isPreRequestOverdue, preRequestInputSchema, siteRecordProblems } from "./onsite.ts";

describe("pre-inspection requests", () => {
  it("are overdue when unanswered after the due date", () => {
    expect(isPreRequestOverdue({ repliedOn: null, dueDate: "2024-03-10" }, "2024-03-11")).toBe(true);
    expect(isPreRequestOverdue({ repliedOn: null, dueDate: "2024-03-10" }, "2024-03-10")).toBe(false);
    expect(isPreRequestOverdue({ repliedOn: "2024-03-15", dueDate: "2024-03-10" }, "2024-04-01")).toBe(false);
  });

  it("refuse a due date before the sending date", () => {
    const r = preRequestInputSchema.safeParse({
      department: "审计局",
      subject: "近三年审计情况",
      sentOn: "2024-03-10",
      dueDate: "2024-03-09",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("回复期限不能早于发函日期");
  });
});

describe("on-site records", () => {
  it("take results only for appraisals and surveys, each answer once, and no future date", () => {
    const results = [
      { label: "好", count: 30 },
      { label: "好", count: 2 },
    ];
    expect(siteRecordProblems({ kind: "appraisal", heldOn: "2024-03-01", results: null }, "2024-03-01")).toEqual([]);
    expect(siteRecordProblems({ kind: "interview", heldOn: "2024-03-02", results }, "2024-03-01")).toEqual([
      "记录日期不能晚于今天",
      "只有民主测评和问卷调查可以填写结果",
      "结果项“好”重复",
    ]);
  });
});

describe("backfill", () => {
  it("is what was entered, in China, after the withdrawal date", () => {
    // 16:30 UTC on the withdrawal date is already the next day in China.
    expect(isBackfill(new Date("2023-11-07T15:59:00Z"), "2023-11-07")).toBe(false);
    expect(isBackfill(new Date("2023-11-07T16:30:00Z"), "2023-11-07")).toBe(true);
    expect(isBackfill(new Date("2030-01-01T00:00:00Z"), null)).toBe(false);
  });

  it("counts records, backfilled ones and their share", () => {
    const at = (iso: string) => ({ enteredAt: new Date(iso), withdrawalDate: "2023-11-07" });
    expect(backfillCount([at("2023-10-01T00:00:00Z"), at("2023-12-01T00:00:00Z"), at("2024-01-01T00:00:00Z")])).toEqual({
      records: 3,
      backfilled: 2,
      share: 2 / 3,
    });
    expect(backfillCount([])).toEqual({ records: 0, backfilled: 0, share: null });
  });
});
