import { describe, expect, it } from "vitest";
import { EMPTY_PERIOD, itemState, periodEnd, periodInputProblems, periodStatus } from "./period.ts";

describe("the rectification period", () => {
  it("ends N calendar months after feedback, keeping the month's end", () => {
    expect(periodEnd("2023-12-14", 2)).toBe("2024-02-14");
    expect(periodEnd("2023-12-31", 2)).toBe("2024-02-29");
    expect(periodEnd("2024-11-30", 3)).toBe("2025-02-28");
  });

  it("calls an item done, late, missing or pending", () => {
    const end = "2024-02-14";
    expect(itemState("2024-02-14", end, "2024-01-01")).toBe("done");
    expect(itemState("2024-02-15", end, "2024-03-01")).toBe("late");
    expect(itemState(null, end, "2024-02-14")).toBe("pending");
    expect(itemState(null, end, "2024-02-15")).toBe("missing");
  });

  it("lists each shortfall in Chinese, including who did not attend the meeting", () => {
    const s = periodStatus(
      "2023-12-14",
      2,
      { ...EMPTY_PERIOD, meetingDate: "2024-01-20", commissionAttended: true, progressReportDate: "2024-03-01" },
      "2024-03-10",
    );
    expect(s).toMatchObject({
      start: "2023-12-14",
      end: "2024-02-14",
      ended: true,
      commissionAbsent: false,
      orgDeptAbsent: true,
    });
    expect(s.states).toEqual({
      meeting: "done",
      progressReport: "late",
      internalNotice: "missing",
      publicAnnouncement: "missing",
    });
    expect(s.missing).toEqual([
      "整改进展情况逾期报告（2024-03-01，整改期至2024-02-14）",
      "未在党内通报整改情况",
      "未向社会公开整改情况",
      "整改专题民主生活会组织部未列席",
    ]);
  });

  it("has nothing missing while the period runs and nothing is recorded", () => {
    const s = periodStatus("2023-12-14", 2, EMPTY_PERIOD, "2024-01-10");
    expect(s.ended).toBe(false);
    expect(s.missing).toEqual([]);
    expect(Object.values(s.states)).toEqual(["pending", "pending", "pending", "pending"]);
  });

  it("refuses dates before feedback or in the future, and an announcement without its place", () => {
    const p = periodInputProblems(
      { ...EMPTY_PERIOD, meetingDate: "2023-12-01", internalNoticeDate: "2024-05-01", publicAnnouncementDate: "2024-01-05" },
      "2023-12-14",
      "2024-02-01",
    );
    expect(p).toEqual([
      "整改专题民主生活会的日期（2023-12-01）不能早于反馈日期（2023-12-14）",
      "党内通报的日期（2024-05-01）不能晚于今天，请在完成后登记",
      "请填写社会公开的地点或方式",
    ]);
    expect(periodInputProblems({ ...EMPTY_PERIOD, orgDeptAttended: true }, "2023-12-14", "2024-02-01")).toEqual([
      "请先填写整改专题民主生活会的召开日期，再登记参会情况",
    ]);
    expect(periodInputProblems({ ...EMPTY_PERIOD, meetingDate: "2023-12-14" }, "2023-12-14", "2023-12-14")).toEqual([]);
  });
});
