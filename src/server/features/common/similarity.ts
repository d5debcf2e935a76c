/**
 * Similar findings across organisations, proposed as candidate common problems (相似问题推荐).
 *
 * 1. Each finding's text is cut into words by jieba; punctuation, digits and stop words (function words and
 *    the frame words every finding uses, such as 存在 / 问题 / 不到位) are dropped. The characters of the
 *    longer words are added as terms too, so that 津补贴 / 补助 or 低保 / 低保待遇 meet.
 * 2. Terms are weighted by TF-IDF over the findings considered (sublinear tf, smoothed idf), and each
 *    finding's vector is scaled to unit length, so the dot product of two findings is their cosine.
 * 3. Pairs of findings from different organisations whose cosine reaches the threshold link them; linked
 *    findings form components, and each component is split by average-link clustering (two clusters merge
 *    only while the mean similarity of all their pairs reaches the threshold), which stops the chaining
 *    of single-link clustering through a finding that shares words with two unrelated ones.
 * 4. A group is proposed only when it spans at least two organisations.
 *
 * Measured on the labelled set resources/similarity/findings.json by scripts/similarity-eval.ts; the default
 * threshold (domain/common.ts) is chosen there, and similarity.test.ts keeps it above the measured floors.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { DEFAULT_SIMILARITY_THRESHOLD } from "../../../domain/common.ts";

export interface SimilarityItem {
  id: string;
  orgId: string;
  text: string;
}

export interface ProposedGroup {
  /** Ids of the group's findings, the most central first. */
  ids: string[];
  /** Mean cosine similarity of the group's pairs (its cohesion), 0…1. */
  score: number;
  /** The finding closest on average to the others: a natural title. */
  centralId: string;
  orgCount: number;
}

export interface ProposeOptions {
  threshold?: number;
  /** "average" (default) splits linked components by average link; "single" keeps them whole. */
  linkage?: "average" | "single";
  tokenize?: (text: string) => string[];
}

let jieba: Jieba | null = null;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

/** Function words, units of counting and the frame words of any finding: they say nothing about its subject. */
const STOP_WORDS = new Set(
  (
    "的 地 得 了 着 过 和 与 及 以及 或 或者 等 等等 在 对 对于 向 从 把 被 将 由 为 以 于 是 有 无 未 不 没有 没 仅 只 均 也 都 又 " +
    "而 并 并且 且 其 其中 之 该 此 这 那 这些 那些 各 各类 各项 每 个 次 年 月 日 号 名 件 项 份 家 人 位 条 户 元 万元 万 余 多 " +
    "上 下 中 内 外 后 前 时 间 已 已经 尚 仍 还 曾 才 就 即 所 来 去 到 给 让 使 之后 以来 以上 以下 一是 二是 三是 " +
    "存在 问题 情况 方面 工作 有关 相关 进行 开展 一些 部分 个别 少数 较 较为 比较 一定 程度 现象 做法 方式 " +
    "同志 单位 组织 意见 要求 按照 按 根据 通过 关于 及时 不够 不足 不力 不到位 到位 不严 不实 不规范 规范"
  ).split(" "),
);

const HAS_WORD = /[\p{Script=Han}\p{L}]/u;
const HAS_DIGIT = /\d/;

/** The words of a finding that carry its meaning. */
export function words(text: string): string[] {
  return segmenter()
    .cut(text, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && HAS_WORD.test(w) && !HAS_DIGIT.test(w) && !STOP_WORDS.has(w));
}

/**
 * A finding's terms: its words, and the characters of its longer words. Chinese compounds share morphemes
 * (津补贴 / 补贴 / 补助, 低保 / 低保待遇, 软弱涣散 / 涣散), which whole words alone would miss.
 */
export function tokenize(text: string): string[] {
  const w = words(text);
  const chars = w.flatMap((x) => (x.length > 1 ? [...x].filter((c) => HAS_WORD.test(c) && !STOP_WORDS.has(c)) : []));
  return [...w, ...chars];
}

/** A unit-length sparse vector: term ids in ascending order and their weights. */
export interface SparseVector {
  ids: Int32Array;
  ws: Float64Array;
}

/** Unit-length TF-IDF vectors (sublinear tf, smoothed idf) over the given token lists. */
export function tfidfVectors(docs: string[][]): SparseVector[] {
  const vocab = new Map<string, number>();
  const counts = docs.map((tokens) => {
    const c = new Map<number, number>();
    for (const t of tokens) {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size));
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  });
  const df = new Int32Array(vocab.size);
  for (const c of counts) for (const id of c.keys()) df[id]!++;
  const n = docs.length;
  return counts.map((c) => {
    const ids = Int32Array.from([...c.keys()].sort((a, b) => a - b));
    const ws = Float64Array.from(ids, (id) => (1 + Math.log(c.get(id)!)) * (Math.log((1 + n) / (1 + df[id]!)) + 1));
    const norm = Math.hypot(...ws);
    if (norm > 0) for (let k = 0; k < ws.length; k++) ws[k]! /= norm;
    return { ids, ws };
  });
}

/** The cosine of two unit vectors: a merge of their sorted terms. */
export function dot(a: SparseVector, b: SparseVector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.ws[i++]! * b.ws[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * The findings linked by pairs of different organisations at or above the threshold, as components: pairs are
 * found through the terms they share and joined at once (union–find), so no list of pairs is kept.
 */
function linkedComponents(vectors: SparseVector[], orgOf: Int32Array, threshold: number): number[][] {
  const n = vectors.length;
  // Postings: for each term, the findings that have it (ascending) and their weights.
  const df = new Map<number, number>();
  for (const v of vectors) for (const id of v.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const postings = new Map<number, { at: number; doc: Int32Array; w: Float64Array }>();
  for (const [id, k] of df) postings.set(id, { at: 0, doc: new Int32Array(k), w: new Float64Array(k) });
  vectors.forEach((v, i) =>
    v.ids.forEach((id, k) => {
      const p = postings.get(id)!;
      p.doc[p.at] = i;
      p.w[p.at++] = v.ws[k]!;
    }),
  );
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      const p = postings.get(v.ids[k]!)!;
      const w = v.ws[k]!;
      // Only later findings: each pair is accumulated once, from its first member.
      for (let m = p.doc.length - 1; m >= 0 && p.doc[m]! > i; m--) {
        const j = p.doc[m]!;
        if (orgOf[j] === orgOf[i]) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += w * p.w[m]!;
      }
    }
    for (const j of touched) {
      if (acc[j]! >= threshold - 1e-9) parent[find(i)] = find(j);
      acc[j] = 0;
    }
    touched.length = 0;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/**
 * Beyond this many findings in one linked component (a very low threshold over thousands of findings), its dense
 * similarity matrix (k² floats) is not built and the component is proposed whole, as single link would.
 */
const MAX_AVERAGE_LINK = 3000;

/**
 * Average-link clusters of one component cut at the threshold, by the nearest-neighbour chain (O(k²)): the
 * same clusters as merging the closest pair while their mean similarity reaches the threshold.
 */
function averageLink(members: number[], sim: (a: number, b: number) => number, threshold: number): number[][] {
  const k = members.length;
  if (k > MAX_AVERAGE_LINK) return [members];
  const s = new Float32Array(k * k);
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) s[i * k + j] = s[j * k + i] = sim(members[i]!, members[j]!);
  const size = new Array<number>(k).fill(1);
  const clusters = members.map((m) => [m]);
  const active = new Set(clusters.keys());
  const done: number[][] = [];
  const chain: number[] = [];
  while (active.size > 0) {
    if (chain.length === 0) chain.push(active.values().next().value!);
    const a = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let b = -1;
    let best = -Infinity;
    for (const c of active) {
      if (c === a) continue;
      const v = s[a * k + c]!;
      if (v > best || (v === best && c === prev)) [best, b] = [v, c];
    }
    if (b < 0 || best < threshold - 1e-6) {
      // Every similarity of a is below the threshold, and a merged cluster's is a weighted mean of them: a is final.
      chain.pop();
      active.delete(a);
      done.push(clusters[a]!);
      continue;
    }
    if (b !== prev) {
      chain.push(b);
      continue;
    }
    // a and b are each other's nearest: merge b into a (Lance–Williams update for the average link).
    chain.splice(-2, 2);
    active.delete(b);
    for (const c of active) {
      if (c === a) continue;
      const v = (size[a]! * s[a * k + c]! + size[b]! * s[b * k + c]!) / (size[a]! + size[b]!);
      s[a * k + c] = s[c * k + a] = v;
    }
    size[a]! += size[b]!;
    clusters[a] = [...clusters[a]!, ...clusters[b]!];
  }
  return done;
}

/**
 * A cluster's cohesion and its members by centrality, from the sum S of its unit vectors: a member's mean
 * similarity to the others is (v·S − v·v) / (k − 1), and the mean over all pairs is (S·S − Σ v·v) / (k(k − 1)).
 */
function rank(members: number[], vectors: SparseVector[]): { order: number[]; score: number } {
  const sum = new Map<number, number>();
  let self = 0;
  for (const m of members) {
    const v = vectors[m]!;
    v.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + v.ws[k]!));
    self += dot(v, v);
  }
  const k = members.length;
  const centrality = members.map((m) => {
    const v = vectors[m]!;
    let s = 0;
    v.ids.forEach((id, i) => (s += v.ws[i]! * sum.get(id)!));
    return { m, c: (s - dot(v, v)) / (k - 1) };
  });
  centrality.sort((a, b) => b.c - a.c || a.m - b.m);
  let total = 0;
  for (const w of sum.values()) total += w * w;
  return { order: centrality.map((x) => x.m), score: (total - self) / (k * (k - 1)) };
}

/** Candidate groups of similar findings from at least two organisations, the largest and most cohesive first. */
export function proposeGroups(items: readonly SimilarityItem[], opts: ProposeOptions = {}): ProposedGroup[] {
  const threshold = opts.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const cut = opts.tokenize ?? tokenize;
  const vectors = tfidfVectors(items.map((f) => cut(f.text)));
  const orgIndex = new Map<string, number>();
  const orgOf = Int32Array.from(items, (f) => {
    let i = orgIndex.get(f.orgId);
    if (i === undefined) orgIndex.set(f.orgId, (i = orgIndex.size));
    return i;
  });
  const sim = (a: number, b: number) => dot(vectors[a]!, vectors[b]!);
  const linked = linkedComponents(vectors, orgOf, threshold).filter((c) => c.length > 1);
  const clusters = opts.linkage === "single" ? linked : linked.flatMap((c) => averageLink(c, sim, threshold));
  const groups: ProposedGroup[] = [];
  for (const members of clusters) {
    const orgCount = new Set(members.map((m) => orgOf[m])).size;
    if (orgCount < 2) continue;
    const { order, score } = rank(members, vectors);
    groups.push({ ids: order.map((m) => items[m]!.id), score, centralId: items[order[0]!]!.id, orgCount });
  }
  return groups.sort((a, b) => b.orgCount - a.orgCount || b.score - a.score || a.centralId.localeCompare(b.centralId));
}
