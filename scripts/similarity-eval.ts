/**
 * Measures the similar-findings proposer on the labelled set resources/similarity/findings.json: pairwise
 * precision, recall and F1 for a range of thresholds, the default marked; a split-half check (the threshold
 * that is best on half of the labelled groups, scored on the other half); and, with --groups, the groups
 * proposed at the default threshold with their labels.
 *
 *   npx tsx scripts/similarity-eval.ts [--groups] [--single]
 */
import { DEFAULT_SIMILARITY_THRESHOLD } from "../src/domain/common.ts";
import {
  loadEvalSet,
  scoreProposer,
  type LabelledFinding,
  type PairScores,
} from "../src/server/features/common/similarity-metrics.ts";
import { proposeGroups } from "../src/server/features/common/similarity.ts";

const linkage = process.argv.includes("--single") ? "single" : "average";
const set = loadEvalSet();
const thresholds = [0.15, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35, 0.4];
if (!thresholds.includes(DEFAULT_SIMILARITY_THRESHOLD)) thresholds.push(DEFAULT_SIMILARITY_THRESHOLD);
thresholds.sort((a, b) => a - b);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (s: PairScores, mark = "") =>
  `${s.threshold.toFixed(2).padStart(9)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.groups).padStart(6)} ${String(s.predictedPairs).padStart(6)}${mark}`;

const labels = new Map<string, number>();
for (const f of set) labels.set(f.group, (labels.get(f.group) ?? 0) + 1);
const multi = [...labels.values()].filter((n) => n > 1).length;
console.log(
  `评测集：${set.length} 条问题，${new Set(set.map((f) => f.org)).size} 个单位，${multi} 个共性问题组，${labels.size - multi} 条个性问题（干扰项）；聚类：${linkage === "single" ? "单链接" : "平均链接"}`,
);
console.log(" 相似度阈值  精确率   召回率     F1   组数   配对数");
for (const t of thresholds) {
  const s = scoreProposer(set, { threshold: t, linkage });
  console.log(row(s, t === DEFAULT_SIMILARITY_THRESHOLD ? "  ← 默认" : ""));
}

// Split-half: groups alternate between two halves (singletons too); pick the best threshold on one, score the other.
const order = [...labels.keys()];
const half = (k: number): LabelledFinding[] => set.filter((f) => order.indexOf(f.group) % 2 === k);
const grid = Array.from({ length: 31 }, (_, i) => Math.round((0.1 + i * 0.01) * 100) / 100);
console.log("\n对半检验（在一半标注组上选阈值，在另一半上评分）：");
for (const [tune, test] of [
  [0, 1],
  [1, 0],
] as const) {
  const best = grid.map((t) => scoreProposer(half(tune), { threshold: t, linkage })).reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const held = scoreProposer(half(test), { threshold: best.threshold, linkage });
  console.log(
    `  选阈值于第${tune + 1}半：${best.threshold.toFixed(2)}（F1 ${pct(best.f1).trim()}）→ 第${test + 1}半：精确率 ${pct(held.precision).trim()}，召回率 ${pct(held.recall).trim()}，F1 ${pct(held.f1).trim()}`,
  );
}

if (process.argv.includes("--groups")) {
  const byId = new Map(set.map((f) => [f.id, f]));
  console.log(`\n默认阈值 ${DEFAULT_SIMILARITY_THRESHOLD} 下的推荐组：`);
  for (const g of proposeGroups(
    set.map((f) => ({ id: f.id, orgId: f.org, text: f.text })),
    { threshold: DEFAULT_SIMILARITY_THRESHOLD, linkage },
  )) {
    console.log(`- 相似度 ${g.score.toFixed(2)}，${g.orgCount} 个单位`);
    for (const id of g.ids) {
      const f = byId.get(id)!;
      console.log(`    [${f.group}] ${f.org}：${f.text}`);
    }
  }
}
