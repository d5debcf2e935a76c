import { describe, expect, it } from "vitest";
import {
  announcementFigures,
  announcementDetailsInputSchema,
  chineseDate,
  chineseDateRange,
  countPhrase,
  looksLikePersonalName,
  maskName,
  maskNames,
  nameMasker,
  problemOutcome,
  rowOutcome,
  type RowProgress,
} from "./announcement.ts";

const closed: RowProgress = { status: "closed", progress: "done" };
const significant: RowProgress = { status: "open", progress: "significant_progress" };
const awaiting: RowProgress = { status: "close_requested", progress: "done" };
const working: RowProgress = { status: "open", progress: "in_progress" };
const fresh: RowProgress = { status: "open", progress: "not_started" };

describe("counting rows and problems as the seeds do", () => {
  it("a row is done only when closed out; reported done but unchecked is significant progress", () => {
    expect(rowOutcome(closed)).toBe("done");
    expect(rowOutcome(awaiting)).toBe("significant_progress");
    expect(rowOutcome(significant)).toBe("significant_progress");
    expect(rowOutcome(working)).toBe("ongoing");
    expect(rowOutcome({ status: "open", progress: "ongoing" })).toBe("ongoing");
    // A row returned after close-out is open with progress set back: not done, whatever it said before.
    expect(rowOutcome({ status: "open", progress: "done" })).toBe("significant_progress");
  });

  it("a problem with one closed and one open row is not done", () => {
    expect(problemOutcome([closed, significant])).toBe("significant_progress");
    expect(problemOutcome([closed, working])).toBe("ongoing");
    expect(problemOutcome([closed, closed])).toBe("done");
    expect(problemOutcome([fresh])).toBe("ongoing");
    expect(problemOutcome([])).toBe("ongoing");
  });

  it("汨罗: 4 aspects, 13 problems refined into 23 rows, all closed", () => {
    const sizes = [
      [1, 1, 1, 3],
      [1, 1, 1],
      [2, 2, 1, 1],
      [3, 5],
    ];
    const aspects = sizes.map((ps) => ({ problems: ps.map((n) => ({ rows: Array.from({ length: n }, () => closed) })) }));
    expect(announcementFigures(aspects)).toEqual({
      aspects: 4,
      problems: 13,
      rows: 23,
      problemsDone: 13,
      problemsSignificant: 0,
      problemsOngoing: 0,
      rowsDone: 23,
      rowsSignificant: 0,
      rowsOngoing: 0,
    });
  });

  it("机关工委: 25 problems of one row, 8 closed and 17 significant progress, counts alike at both levels", () => {
    const problems = [
      ...Array.from({ length: 8 }, () => ({ rows: [closed] })),
      ...Array.from({ length: 17 }, () => ({ rows: [significant] })),
    ];
    const f = announcementFigures([{ problems: problems.slice(0, 10) }, { problems: problems.slice(10) }]);
    expect(f).toMatchObject({ problems: 25, problemsDone: 8, problemsSignificant: 17, problemsOngoing: 0 });
    expect(f).toMatchObject({ rows: 25, rowsDone: 8, rowsSignificant: 17, rowsOngoing: 0 });
  });

  it("counts a mixed problem once at problem level and each row at row level", () => {
    const f = announcementFigures([{ problems: [{ rows: [closed, working] }, { rows: [awaiting] }] }]);
    expect(f).toMatchObject({ problemsDone: 0, problemsSignificant: 1, problemsOngoing: 1 });
    expect(f).toMatchObject({ rowsDone: 1, rowsSignificant: 1, rowsOngoing: 1 });
  });

  it("words the counts as the seeds do", () => {
    expect(countPhrase(25, 8, 17, 0, "个")).toBe("已完成整改8个，取得明显成效17个");
    expect(countPhrase(14, 14, 0, 0, "个")).toBe("已全部完成整改");
    expect(countPhrase(5, 0, 2, 3, "条")).toBe("取得明显成效2条，持续推进3条");
  });
});

describe("dates in the seeds' style", () => {
  it("writes dates and ranges in Chinese", () => {
    expect(chineseDate("2023-12-14")).toBe("2023年12月14日");
    expect(chineseDateRange("2023-09-06", "2023-11-07")).toBe("2023年9月6日至11月7日");
    expect(chineseDateRange("2023-12-20", "2024-01-10")).toBe("2023年12月20日至2024年1月10日");
  });
});

describe("masking personal names", () => {
  it("keeps the surname and writes 某", () => {
    expect(maskName("张三")).toBe("张某");
    expect(maskName("许义中")).toBe("许某");
    expect(maskName("欧阳修文")).toBe("欧阳某");
    expect(maskName("司马光")).toBe("司马某");
    // Two characters are a one-character surname and a given name, even when they read like a compound surname.
    expect(maskName("欧阳")).toBe("欧某");
    expect(maskName("阿依古丽·买买提")).toBe("阿某");
  });

  it("tells names from titles and bodies held in the same fields", () => {
    for (const n of ["龙寅", "吴朝霞", "欧阳修文", "阿依古丽·买买提"]) expect(looksLikePersonalName(n), n).toBe(true);
    for (const n of ["工委分管领导", "县委书记", "分管领导", "巡察办工作人员甲", "李书记", "张", "Zhang San", "县委巡察办主任"])
      expect(looksLikePersonalName(n), n).toBe(false);
  });

  it("replaces every known name in running text, the longest first, and leaves titles alone", () => {
    const names = ["张三", "欧阳修", "欧阳修文", "工委分管领导", "李四"];
    const text = "由张三同志任组长，欧阳修文、欧阳修和李四为成员；责任领导：工委分管领导。张三丰不在名单上。";
    expect(maskNames(text, names)).toBe(
      "由张某同志任组长，欧阳某、欧阳某和李某为成员；责任领导：工委分管领导。张某丰不在名单上。",
    );
  });

  it("never masks twice and is a no-op without names", () => {
    const mask = nameMasker(["龙寅"]);
    expect(mask(mask("龙寅同志"))).toBe("龙某同志");
    expect(nameMasker([])("龙寅同志")).toBe("龙寅同志");
    expect(nameMasker(["", "  "])("龙寅")).toBe("龙寅");
  });
});

describe("the details the organisation writes", () => {
  it("accepts what the seeds print and refuses a malformed postcode or email in Chinese", () => {
    expect(
      announcementDetailsInputSchema.safeParse({
        contactPhone: "0730-5208005",
        contactPostcode: "414400",
        contactEmail: "mlswxcb2020@126.com",
      }).success,
    ).toBe(true);
    expect(announcementDetailsInputSchema.safeParse({ contactPostcode: "", contactEmail: "" }).success).toBe(true);
    const bad = announcementDetailsInputSchema.safeParse({ contactPostcode: "4144", contactEmail: "无效" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["邮政编码应为 6 位数字", "电子邮箱格式不正确"]);
  });
});
