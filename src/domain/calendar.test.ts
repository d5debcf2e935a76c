import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { addMonths, calendarYearSchema, isoDate, WorkCalendar } from "./calendar.ts";

// The calendar shipped with the system, from the State Council notices.
const shipped = calendarYearSchema
  .array()
  .parse(JSON.parse(fs.readFileSync(new URL("../../resources/calendar/cn-holidays.json", import.meta.url), "utf8")));
const cal = new WorkCalendar(shipped.flatMap((y) => y.days));
const weekendsOnly = new WorkCalendar([]);

describe("the shipped calendar", () => {
  it("covers 2020–2026", () => {
    expect([...cal.years].sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("lists each date once and each inside its own year", () => {
    for (const y of shipped) {
      expect(new Set(y.days.map((d) => d.date)).size).toBe(y.days.length);
      expect(y.days.every((d) => d.date.startsWith(`${y.year}-`))).toBe(true);
    }
  });

  it("every make-up workday falls on a Saturday or Sunday", () => {
    for (const d of shipped.flatMap((y) => y.days).filter((x) => x.kind === "workday")) {
      const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      expect(wd === 0 || wd === 6, d.date).toBe(true);
    }
  });
});

describe("isWorkingDay", () => {
  it("2024-02-18 is a Sunday but a make-up workday after the Spring Festival", () => {
    expect(new Date("2024-02-18T00:00:00Z").getUTCDay()).toBe(0);
    expect(cal.isWorkingDay("2024-02-18")).toBe(true);
    expect(weekendsOnly.isWorkingDay("2024-02-18")).toBe(false);
  });

  it("2024-10-01 is a Tuesday but National Day, a holiday", () => {
    expect(cal.isWorkingDay("2024-10-01")).toBe(false);
    expect(weekendsOnly.isWorkingDay("2024-10-01")).toBe(true);
  });

  it("an ordinary Saturday (2024-03-02) is off and an ordinary Monday (2024-03-04) is worked", () => {
    expect(cal.isWorkingDay("2024-03-02")).toBe(false);
    expect(cal.isWorkingDay("2024-03-04")).toBe(true);
  });

  it("2023-10-07 and 2023-10-08, the weekend after the Mid-Autumn/National Day break, are worked", () => {
    expect(cal.isWorkingDay("2023-10-07")).toBe(true);
    expect(cal.isWorkingDay("2023-10-08")).toBe(true);
    expect(cal.isWorkingDay("2023-09-29")).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("40 working days after Wed 2023-09-06 is 2023-11-07: 8 plain weeks reach 11-01, the break takes 6 weekdays (9-29, 10-2…10-6) and gives back 2 (10-7, 10-8), so 4 more: 11-02, 11-03, 11-06, 11-07", () => {
    expect(weekendsOnly.addWorkingDays("2023-09-06", 40)).toBe("2023-11-01");
    expect(cal.addWorkingDays("2023-09-06", 40)).toBe("2023-11-07");
  });

  it("1 working day after Mon 2024-09-30 is Tue 2024-10-08, past the 7-day National Day holiday", () => {
    expect(cal.addWorkingDays("2024-09-30", 1)).toBe("2024-10-08");
  });

  it("1 working day after Sat 2024-02-03 is Sun 2024-02-04, a make-up workday", () => {
    expect(cal.addWorkingDays("2024-02-03", 1)).toBe("2024-02-04");
  });

  it("0 working days gives the next working day on or after the date: 2024-10-01 → 2024-10-08, 2024-03-04 → itself", () => {
    expect(cal.addWorkingDays("2024-10-01", 0)).toBe("2024-10-08");
    expect(cal.addWorkingDays("2024-03-04", 0)).toBe("2024-03-04");
  });

  it("15 working days (the plan deadline) after Fri 2024-04-26: 4-28 Sun is worked, 5-1…5-5 are off, 5-11 Sat is worked, so 4-28, 4-29, 4-30, 5-6…5-10, 5-11, 5-13…5-17, 5-20 → 2024-05-20", () => {
    expect(cal.addWorkingDays("2024-04-26", 15)).toBe("2024-05-20");
  });
});

describe("workingDaysBetween", () => {
  it("counts 1 from 2024-09-30 to 2024-10-08, and −1 the other way", () => {
    expect(cal.workingDaysBetween("2024-09-30", "2024-10-08")).toBe(1);
    expect(cal.workingDaysBetween("2024-10-08", "2024-09-30")).toBe(-1);
  });

  it("February 2024 has 18 working days: 21 weekdays, less 5 Spring Festival weekdays (2-12…2-16), plus 2 make-up Sundays (2-4, 2-18)", () => {
    expect(weekendsOnly.workingDaysBetween("2024-01-31", "2024-02-29")).toBe(21);
    expect(cal.workingDaysBetween("2024-01-31", "2024-02-29")).toBe(18);
  });

  it("is 0 from a day to itself", () => {
    expect(cal.workingDaysBetween("2024-05-01", "2024-05-01")).toBe(0);
  });

  it("agrees with addWorkingDays: n working days after a date are n working days away", () => {
    for (const n of [1, 5, 15, 40, 100]) {
      expect(cal.workingDaysBetween("2023-12-29", cal.addWorkingDays("2023-12-29", n))).toBe(n);
    }
  });
});

describe("dates", () => {
  it("addMonths keeps the day or falls back to the month's last day (2024 is a leap year)", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-06-15", 2)).toBe("2024-08-15");
    expect(addMonths("2024-11-30", 2)).toBe("2025-01-30");
  });

  it("isoDate refuses impossible and malformed dates", () => {
    expect(isoDate.safeParse("2023-02-29").success).toBe(false);
    expect(isoDate.safeParse("2024-02-29").success).toBe(true);
    expect(isoDate.safeParse("2024-2-9").success).toBe(false);
  });
});
