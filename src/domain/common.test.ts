import { describe, expect, it } from "vitest";
import {
  campaignInputSchema,
  campaignResponseCounts,
  campaignResponseOf,
  commonProblemInputSchema,
  mostFrequent,
  selfCheckText,
  shortTitle,
} from "./common.ts";

const TODAY = "2024-06-15";
const A = "01900000-0000-7000-8000-000000000001";
const B = "01900000-0000-7000-8000-000000000002";

describe("campaign responses", () => {
  it("reads each target's answer from its self-check row", () => {
    expect(campaignResponseOf({ status: "open", progress: "not_started" })).toBe("not_started");
    expect(campaignResponseOf({ status: "open", progress: "significant_progress" })).toBe("in_progress");
    // A returned request is open again and in progress.
    expect(campaignResponseOf({ status: "open", progress: "in_progress" })).toBe("in_progress");
    expect(campaignResponseOf({ status: "close_requested", progress: "done" })).toBe("close_requested");
    expect(campaignResponseOf({ status: "closed", progress: "done" })).toBe("closed");
  });

  it("counts the four answers, and the overdue ones beside them (closed rows are never overdue)", () => {
    const counts = campaignResponseCounts(
      [
        { status: "open", progress: "not_started", deadline: "2024-06-14" },
        { status: "open", progress: "not_started", deadline: "2024-06-15" },
        { status: "open", progress: "in_progress", deadline: "2024-05-01" },
        { status: "close_requested", progress: "done", deadline: "2024-05-01" },
        { status: "closed", progress: "done", deadline: "2024-05-01" },
      ],
      TODAY,
    );
    expect(counts).toEqual({ total: 5, not_started: 2, in_progress: 1, close_requested: 1, closed: 1, overdue: 3 });
    expect(campaignResponseCounts([], TODAY)).toEqual({
      total: 0,
      not_started: 0,
      in_progress: 0,
      close_requested: 0,
      closed: 0,
      overdue: 0,
    });
  });
});

describe("suggested titles", () => {
  it("takes the first clause of a finding, cut at a comma when it is long", () => {
    expect(shortTitle("巡察整改专题民主生活会召开不及时。班子成员对照检查材料未聚焦反馈问题。")).toBe(
      "巡察整改专题民主生活会召开不及时",
    );
    expect(shortTitle("纪委监委相关室组、组织部相关办室未建立巡察整改监督挂号销号台账，整改日常监督流于形式。", 32)).toBe(
      "纪委监委相关室组、组织部相关办室未建立巡察整改监督挂号销号台账",
    );
    expect(shortTitle("纪委监委相关室组、组织部相关办室未建立巡察整改监督挂号销号台账，整改日常监督流于形式。")).toBe(
      "纪委监委相关室组、组织部相关办室未建立巡察整改监督挂号销号…",
    );
    expect(
      shortTitle("对乡镇低保审核审批监管缺位，违规办理低保问题多发，动态管理不到位，群众反映强烈，长期未得到解决。", 20),
    ).toBe("对乡镇低保审核审批监管缺位");
    expect(shortTitle("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", 10)).toBe("一二三四五六七八九…");
  });

  it("suggests the most frequent category, the first seen on a tie", () => {
    expect(mostFrequent(["a", "b", "b", "a", "c"])).toBe("a");
    expect(mostFrequent(["c", "b", "b"])).toBe("b");
    expect(mostFrequent([])).toBeNull();
  });
});

describe("input rules", () => {
  it("wants at least two findings, without repeats", () => {
    const one = commonProblemInputSchema.safeParse({ title: "x", findingIds: [A] });
    expect(one.success).toBe(false);
    expect(one.error?.issues[0]?.message).toBe("请至少选择两个单位的两条问题");
    const twice = commonProblemInputSchema.safeParse({ title: "x", findingIds: [A, A] });
    expect(twice.error?.issues[0]?.message).toBe("存在重复项");
    expect(commonProblemInputSchema.safeParse({ title: " 标题 ", findingIds: [A, B] }).data?.title).toBe("标题");
  });

  it("wants a campaign's kind, instructions, due date and at least one organisation", () => {
    const ok = campaignInputSchema.safeParse({
      kind: "fix_alike",
      title: "t",
      instructions: "i",
      dueDate: "2024-07-01",
      orgIds: [A],
    });
    expect(ok.success).toBe(true);
    const bad = campaignInputSchema.safeParse({ kind: "x", title: "", instructions: "i", dueDate: "2024-02-30", orgIds: [] });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["请选择同类同改或未巡先改", "请填写标题", "日期无效", "请至少选择一个单位"]),
    );
  });

  it("writes the self-check row as the campaign's title and instructions", () => {
    expect(selfCheckText({ title: "自查“三会一课”", instructions: "对照条例自查" })).toBe("自查“三会一课”：对照条例自查");
  });
});
