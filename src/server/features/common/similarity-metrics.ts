/**
 * How well the proposer groups findings, measured on the labelled set in resources/similarity/findings.json:
 * pairwise precision (of the pairs it puts in one group, how many share a label), recall (of the pairs that
 * share a label, how many it puts in one group) and F1. Used by scripts/similarity-eval.ts and the unit test.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { proposeGroups, type ProposeOptions } from "./similarity.ts";

export interface LabelledFinding {
  id: string;
  org: string;
  category: string;
  /** Findings with the same group mean the same problem; a group used once is a singleton (a distractor). */
  group: string;
  seed: string;
  text: string;
}

export interface PairScores {
  threshold: number;
  groups: number;
  predictedPairs: number;
  truePairs: number;
  goldPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export const EVAL_SET_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../resources/similarity/findings.json",
);

export function loadEvalSet(file = EVAL_SET_PATH): LabelledFinding[] {
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { findings: LabelledFinding[] };
  return doc.findings;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function pairsOf(groups: Iterable<string[]>): Set<string> {
  const out = new Set<string>();
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i]!, g[j]!));
  return out;
}

/** Runs the proposer on the labelled findings (organisation names stand for organisation ids) and scores it. */
export function scoreProposer(set: readonly LabelledFinding[], opts: ProposeOptions & { threshold: number }): PairScores {
  const proposed = proposeGroups(
    set.map((f) => ({ id: f.id, orgId: f.org, text: f.text })),
    opts,
  );
  const byLabel = new Map<string, string[]>();
  for (const f of set) byLabel.set(f.group, [...(byLabel.get(f.group) ?? []), f.id]);
  const gold = pairsOf(byLabel.values());
  const predicted = pairsOf(proposed.map((g) => g.ids));
  let truePairs = 0;
  for (const p of predicted) if (gold.has(p)) truePairs++;
  const precision = predicted.size ? truePairs / predicted.size : 1;
  const recall = gold.size ? truePairs / gold.size : 1;
  return {
    threshold: opts.threshold,
    groups: proposed.length,
    predictedPairs: predicted.size,
    truePairs,
    goldPairs: gold.size,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
