import { describe, expect, it } from "vitest";
import {
  assignmentRecusalRefusal,
  leaderRefusal,
  partyRefusal,
  poolPersonInputSchema,
  poolPersonPatchSchema,
  rankSuggestions,
  recusalConflicts,
  recusalRefusal,
  removedRefusal,
  teamWarnings,
  type Target,
  type Tie,
} from "./pool.ts";

const town: Target = { orgId: "t", orgName: "某镇党委", orgPath: "/c/t/" };
const village: Target = { orgId: "v", orgName: "某村党支部", orgPath: "/c/t/v/" };
const bureau: Target = { orgId: "b", orgName: "县财政局党组", orgPath: "/c/b/" };
const tie = (o: Target, kind: Tie["kind"]): Tie => ({ ...o, kind });

const person = { name: "张三", partyStatus: "full", leaderPool: false, status: "formal" };

describe("team membership rules", () => {
  it("admits party members and probationary members; others only as needed specialists with a reason", () => {
    expect(partyRefusal(person, null)).toBeNull();
    expect(partyRefusal({ ...person, partyStatus: "probationary" }, null)).toBeNull();
    const none = { ...person, partyStatus: "none" };
    expect(partyRefusal(none, null)).toBe("张三 不是中共党员（含预备党员），只有作为急需的专业人才并填写理由才能加入巡察组");
    expect(partyRefusal(none, "   ")).not.toBeNull();
    expect(partyRefusal(none, "工程审计专业人才")).toBeNull();
  });

  it("takes the leader from the leader pool unless the office records why not", () => {
    expect(leaderRefusal(person, "member", null)).toBeNull();
    expect(leaderRefusal(person, "leader", null)).toBe("张三 不在组长库中，担任组长须由巡察办填写破格选配理由");
    expect(leaderRefusal(person, "leader", "熟悉涉农政策，临时破格")).toBeNull();
    expect(leaderRefusal({ ...person, leaderPool: true }, "leader", null)).toBeNull();
  });

  it("refuses a removed person", () => {
    expect(removedRefusal(person)).toBeNull();
    expect(removedRefusal({ ...person, status: "removed" })).toBe("张三 已从人才库清退，不能加入巡察组");
  });
});

describe("recusal", () => {
  it("finds a tie in the subtree of the organisation inspected (itself included), not above or beside it", () => {
    expect(recusalConflicts([tie(town, "led")], [town])).toHaveLength(1);
    expect(recusalConflicts([tie(village, "works_in")], [town])).toHaveLength(1);
    // Working in the township does not forbid inspecting a village under it, nor another organisation.
    expect(recusalConflicts([tie(town, "works_in")], [village, bureau])).toEqual([]);
  });

  it("names the person, the organisation and the tie", () => {
    expect(recusalRefusal("张三", recusalConflicts([tie(town, "led")], [town]))).toBe(
      "张三 与 某镇党委 存在回避关系（曾任领导），不能参加该巡察组",
    );
    expect(recusalRefusal("张三", recusalConflicts([tie(village, "related")], [town]))).toBe(
      "张三 与 某镇党委 存在回避关系（亲属等利害关系：某村党支部），不能参加该巡察组",
    );
    expect(recusalRefusal("张三", [])).toBeNull();
  });

  it("names every conflicting member when a team is given an organisation", () => {
    const text = assignmentRecusalRefusal([
      { name: "张三", conflicts: recusalConflicts([tie(town, "works_in")], [town]) },
      { name: "王五", conflicts: [] },
      { name: "李四", conflicts: recusalConflicts([tie(village, "led")], [town]) },
    ]);
    expect(text).toBe(
      "张三 与 某镇党委 存在回避关系（工作单位）；李四 与 某镇党委 存在回避关系（曾任领导：某村党支部），该巡察组不能承担此巡察任务",
    );
    expect(assignmentRecusalRefusal([{ name: "王五", conflicts: [] }])).toBeNull();
  });
});

describe("team warnings", () => {
  const base = { min: 4, max: 6, leader: { name: "李组长", fromLeaderPool: true, overridden: false }, removedMembers: [] };
  it("warns outside 4–6 pool members, without a leader, and of a leader from outside the pool", () => {
    expect(teamWarnings({ ...base, poolMemberCount: 4 })).toEqual([]);
    expect(teamWarnings({ ...base, poolMemberCount: 6 })).toEqual([]);
    expect(teamWarnings({ ...base, poolMemberCount: 3 })).toEqual(["人才库人员 3 人，少于每组 4 人的要求"]);
    expect(teamWarnings({ ...base, poolMemberCount: 7 })).toEqual(["人才库人员 7 人，多于每组 6 人的上限"]);
    expect(teamWarnings({ ...base, poolMemberCount: 5, leader: null })).toEqual(["尚未配备组长（临时党支部书记）"]);
    const outsider = { name: "赵某", fromLeaderPool: false, overridden: false };
    expect(teamWarnings({ ...base, poolMemberCount: 5, leader: outsider })).toEqual(["组长 赵某 不是组长库人员"]);
    expect(teamWarnings({ ...base, poolMemberCount: 5, leader: { ...outsider, overridden: true } })).toEqual([]);
  });
});

describe("suggestions", () => {
  const c = (name: string, specialties: string[], roundsServed: number) => ({
    id: name,
    name,
    specialties,
    roundsServed,
    leaderPool: false,
    partyStatus: "full",
  });

  it("ranks the specialty asked for first, then the fewest rounds served", () => {
    const ranked = rankSuggestions(
      [c("甲", ["法律"], 0), c("乙", ["财务"], 3), c("丙", ["财务", "审计"], 1), c("丁", [], 2)],
      "财务",
    );
    expect(ranked.map((s) => s.person.name)).toEqual(["丙", "乙", "甲", "丁"]);
    expect(ranked[0]!.specialtyMatch).toBe(true);
    expect(ranked[0]!.reason).toBe("具备“财务”专长；已参加 1 轮巡察；与本组巡察对象无回避关系");
    expect(ranked[2]!.reason).toBe("专长：法律；尚未参加过巡察；与本组巡察对象无回避关系");
  });

  it("without a specialty, ranks by the fewest rounds served", () => {
    const ranked = rankSuggestions([c("甲", ["法律"], 2), c("乙", ["财务"], 0), c("丙", [], 1)]);
    expect(ranked.map((s) => s.person.name)).toEqual(["乙", "丙", "甲"]);
    expect(ranked.every((s) => !s.specialtyMatch)).toBe(true);
  });
});

describe("pool person input", () => {
  it("defaults to a reserve person outside the leader pool, dropping repeated specialties", () => {
    const p = poolPersonInputSchema.parse({
      name: " 张三 ",
      unit: "县审计局",
      partyStatus: "full",
      specialties: ["审计", "审计"],
    });
    expect(p).toMatchObject({ name: "张三", status: "reserve", leaderPool: false, specialties: ["审计"] });
  });

  it("tells a patch's left-out field (unchanged) from an emptied one (cleared)", () => {
    expect(poolPersonPatchSchema.parse({ version: 1 }).position).toBeUndefined();
    expect(poolPersonPatchSchema.parse({ version: 1, position: "" }).position).toBeNull();
    expect(poolPersonPatchSchema.safeParse({ version: 1, status: "removed" }).success).toBe(false);
  });
});
