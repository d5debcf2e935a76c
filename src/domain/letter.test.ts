import { describe, expect, it } from "vitest";
import { documentNumber, letterFigures, letterInputSchema, letterStatus, letterYear, problemLedgerStatus } from "./letter.ts";

const TODAY = "2024-06-15";

describe("letter numbers and states", () => {
  it("prints the document number with the year in 〔〕", () => {
    expect(documentNumber(2024, 3)).toBe("〔2024〕3号");
    expect(letterYear("2025-01-02")).toBe(2025);
  });

  it("is awaiting until the reply date passes, overdue after it, replied once answered", () => {
    expect(letterStatus({ repliedOn: null, replyDue: TODAY }, TODAY)).toBe("awaiting");
    expect(letterStatus({ repliedOn: null, replyDue: "2024-06-14" }, TODAY)).toBe("overdue");
    expect(letterStatus({ repliedOn: "2024-06-20", replyDue: "2024-06-14" }, TODAY)).toBe("replied");
  });

  it("derives a problem's state from its rows", () => {
    expect(problemLedgerStatus([])).toBeNull();
    expect(problemLedgerStatus(["closed", "closed"])).toBe("closed");
    expect(problemLedgerStatus(["closed", "close_requested"])).toBe("close_requested");
    expect(problemLedgerStatus(["closed", "open"])).toBe("open");
  });

  it("counts sent, replied and overdue per kind, listing every kind", () => {
    const f = letterFigures(
      [
        { kind: "supervision", repliedOn: "2024-06-01", replyDue: "2024-06-10" },
        { kind: "supervision", repliedOn: null, replyDue: "2024-06-10" },
        { kind: "supervision", repliedOn: null, replyDue: "2024-06-30" },
        { kind: "recommendation", repliedOn: null, replyDue: "2024-01-01" },
      ],
      TODAY,
    );
    expect(f.map((x) => x.kind)).toEqual(["supervision", "reassignment", "reminder", "recommendation"]);
    expect(f[0]).toMatchObject({ kindLabel: "督办函", sent: 3, replied: 1, overdue: 1 });
    expect(f[1]).toMatchObject({ sent: 0, replied: 0, overdue: 0 });
    expect(f[3]).toMatchObject({ kindLabel: "巡察建议书", sent: 1, overdue: 1 });
  });
});

describe("letterInputSchema", () => {
  const base = { kind: "supervision", addressee: "县自然资源局", subject: "督促整改", sentOn: "2024-03-01" };

  it("defaults the item lists to empty", () => {
    const v = letterInputSchema.parse(base);
    expect(v.rowIds).toEqual([]);
    expect(v.problemIds).toEqual([]);
  });

  it("refuses a reply date before the sending date, in Chinese", () => {
    const r = letterInputSchema.safeParse({ ...base, replyDue: "2024-02-28" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("回复时限不能早于发函日期");
    expect(r.error?.issues[0]?.path).toEqual(["replyDue"]);
  });

  it("refuses an unknown kind and a blank subject", () => {
    const r = letterInputSchema.safeParse({ ...base, kind: "memo", subject: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["请选择函件类型", "请填写事由"]);
  });
});
