import { describe, expect, it } from "vitest";
import { DEFAULT_SIMILARITY_THRESHOLD } from "../../../domain/common.ts";
import { loadEvalSet, scoreProposer } from "./similarity-metrics.ts";
import { proposeGroups, tokenize } from "./similarity.ts";

describe("the proposer on the labelled set (resources/similarity/findings.json)", () => {
  const set = loadEvalSet();

  it("is a real test set: 60+ findings, several groups across organisations, singletons as distractors", () => {
    expect(set.length).toBeGreaterThanOrEqual(60);
    const sizes = new Map<string, number>();
    for (const f of set) sizes.set(f.group, (sizes.get(f.group) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(15);
    expect([...sizes.values()].filter((n) => n === 1).length).toBeGreaterThanOrEqual(10);
  });

  // Measured at the default 0.25: precision 100.0 %, recall 86.8 % (scripts/similarity-eval.ts); floors a little below.
  it("keeps pairwise precision and recall above the measured floors at the default threshold", () => {
    const s = scoreProposer(set, { threshold: DEFAULT_SIMILARITY_THRESHOLD });
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.82);
  });

  it("splits chains that single-link clustering would merge", () => {
    const average = scoreProposer(set, { threshold: DEFAULT_SIMILARITY_THRESHOLD });
    const single = scoreProposer(set, { threshold: DEFAULT_SIMILARITY_THRESHOLD, linkage: "single" });
    expect(average.precision).toBeGreaterThan(single.precision + 0.5);
  });
});

describe("proposeGroups", () => {
  const items = [
    { id: "a1", orgId: "A", text: "违规发放村干部津补贴和奖金，无依据超标准发放值班经费。" },
    { id: "b1", orgId: "B", text: "以加班费名义违规发放津补贴，向机关干部发放节日慰问金。" },
    { id: "a2", orgId: "A", text: "违规发放津补贴，自行设立考核奖向职工发放。" },
    { id: "c1", orgId: "C", text: "农村安全饮水工程建成后管护不到位，部分村民长期饮水困难。" },
  ];

  it("groups similar findings of different organisations, with the most central first", () => {
    const groups = proposeGroups(items);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ids.slice().sort()).toEqual(["a1", "a2", "b1"]);
    expect(groups[0]!.orgCount).toBe(2);
    expect(groups[0]!.centralId).toBe(groups[0]!.ids[0]);
    expect(groups[0]!.score).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
  });

  it("never proposes a group from one organisation alone", () => {
    expect(proposeGroups(items.filter((f) => f.orgId !== "B"))).toEqual([]);
  });

  it("ignores punctuation, digits and frame words", () => {
    const terms = tokenize("2023年存在的问题：“三会一课”落实不到位。");
    for (const w of ["2023", "年", "存在", "的", "问题", "：", "“", "不到位", "。"]) expect(terms).not.toContain(w);
    // Words, and the characters of the longer ones.
    expect(terms).toEqual(expect.arrayContaining(["三", "会", "一", "课", "落实", "落"]));
  });
});
