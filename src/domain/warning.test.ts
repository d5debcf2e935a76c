import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { addDays, calendarYearSchema, WorkCalendar } from "./calendar.ts";
import {
  overdueOrgText,
  rowWarningKey,
  supervisionLetterLink,
  warningLevel,
  warningText,
  warningWindow,
  type WarningLevel,
} from "./warning.ts";

const shipped = calendarYearSchema
  .array()
  .parse(JSON.parse(fs.readFileSync(new URL("../../resources/calendar/cn-holidays.json", import.meta.url), "utf8")));
const cal = new WorkCalendar(shipped.flatMap((y) => y.days));
const weekendsOnly = new WorkCalendar([]);
const DAYS = { greenDays: 20, yellowDays: 10 };

/** The rule as written: counted day by day. */
function byDefinition(c: WorkCalendar, today: string, deadline: string, d = DAYS): WarningLevel | null {
  if (deadline < today) return "red";
  const left = c.workingDaysBetween(today, deadline);
  if (left <= d.yellowDays) return "yellow";
  if (left <= d.greenDays) return "green";
  return null;
}

describe("warningLevel", () => {
  const w = warningWindow(cal, "2024-06-17", DAYS); // a Monday; no holiday nor make-up day until mid-September

  it("is red once the deadline has passed, yellow on the day itself", () => {
    expect(warningLevel(w, "2024-06-16")).toBe("red");
    expect(warningLevel(w, "2023-12-31")).toBe("red");
    expect(warningLevel(w, "2024-06-17")).toBe("yellow");
  });

  it("turns from green to yellow at warnYellowDays working days left, and starts at warnGreenDays", () => {
    // From Monday 2024-06-17: 10 working days later is 2024-07-01, 11 is 07-02, 20 is 07-15, 21 is 07-16.
    expect(cal.workingDaysBetween("2024-06-17", "2024-07-01")).toBe(10);
    expect(warningLevel(w, "2024-07-01")).toBe("yellow");
    expect(warningLevel(w, "2024-07-02")).toBe("green");
    expect(warningLevel(w, "2024-07-15")).toBe("green");
    expect(warningLevel(w, "2024-07-16")).toBeNull();
    expect(warningLevel(w, "2025-01-01")).toBeNull();
  });

  it("does not count the National Day holiday, and counts its make-up Sunday", () => {
    // Friday 2024-09-27 → Tuesday 2024-10-08: Sun 09-29 (make-up workday), Mon 09-30, Tue 10-08 = 3 working days;
    // with weekends only it would be 7.
    const days = { greenDays: 10, yellowDays: 5 };
    expect(cal.workingDaysBetween("2024-09-27", "2024-10-08")).toBe(3);
    expect(warningLevel(warningWindow(cal, "2024-09-27", days), "2024-10-08")).toBe("yellow");
    expect(warningLevel(warningWindow(weekendsOnly, "2024-09-27", days), "2024-10-08")).toBe("green");
  });

  it("classes a deadline on a weekend or holiday by the working days before it", () => {
    // Two working days (Sun 09-29, Mon 09-30) before the holiday 10-03; none between Friday and Sunday.
    const days = { greenDays: 10, yellowDays: 1 };
    const w2 = warningWindow(cal, "2024-09-27", days);
    expect(warningLevel(w2, "2024-09-28")).toBe("yellow");
    expect(warningLevel(w2, "2024-09-29")).toBe("yellow");
    expect(warningLevel(w2, "2024-09-30")).toBe("green");
    expect(warningLevel(w2, "2024-10-03")).toBe("green");
  });

  it("agrees with the rule counted day by day, on working days, weekends and holidays", () => {
    const todays = ["2024-01-30", "2024-02-08", "2024-02-18", "2024-09-13", "2024-10-01", "2024-12-20", "2025-01-24"];
    for (const c of [cal, weekendsOnly]) {
      for (const today of todays) {
        for (const d of [DAYS, { greenDays: 3, yellowDays: 1 }]) {
          const win = warningWindow(c, today, d);
          for (let i = -5; i <= 60; i++) {
            const deadline = addDays(today, i);
            expect(warningLevel(win, deadline), `${today} → ${deadline}`).toBe(byDefinition(c, today, deadline, d));
          }
        }
      }
    }
  });
});

describe("notice texts and keys", () => {
  const row = { orgName: "某镇党委", seqLabel: "1.2", text: "常委会议专题学习巡视巡察文件不够", deadline: "2024-05-20" };

  it("tells the working days left, or the calendar days overdue", () => {
    expect(warningText("green", { ...row, deadline: "2024-07-02" }, "2024-06-17", cal).body).toContain("还有11个工作日");
    expect(warningText("yellow", row, "2024-05-20", cal).body).toContain("今天到期");
    const red = warningText("red", row, "2024-05-23", cal);
    expect(red.title).toBe("某镇党委整改任务已逾期");
    expect(red.body).toContain("已逾期3天");
  });

  it("suggests a supervision letter for the organisation's overdue rows", () => {
    expect(overdueOrgText("某镇党委", 3).body).toBe("某镇党委有3条整改任务已逾期，建议制发督办函");
    expect(supervisionLetterLink(["a", "b"])).toBe("/letters?new=supervision&rowIds=a,b");
  });

  it("keys a warning by row, level and deadline", () => {
    expect(rowWarningKey("r1", "yellow", "2024-05-20")).toBe("warning:r1:yellow:2024-05-20");
    expect(rowWarningKey("r1", "yellow", "2024-05-21")).not.toBe(rowWarningKey("r1", "yellow", "2024-05-20"));
  });
});
