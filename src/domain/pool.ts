import { z } from "zod";
import { isoDate } from "./calendar.ts";

/**
 * The talent pool (人才库): people who may be drawn into teams, their declared ties to organisations (for
 * recusal), the trainings they attended, and the rules a team's membership must keep (LIFECYCLE §2):
 * - a member is a party member (full or probationary) unless admitted as a needed specialist, with the reason;
 * - nobody inspects an organisation they work in, led or are related to, nor any organisation above one
 *   (recusal: the tie lies in the subtree of the organisation inspected);
 * - the leader comes from the leader pool, or the office records why not (override);
 * - [4–6] pool members per team: outside the range the team shows a warning, not a refusal;
 * - the team's temporary party branch has the leader as its secretary.
 */

export const POOL_RANKS = ["county", "section", "staff"] as const;
export type PoolRank = (typeof POOL_RANKS)[number];
export const POOL_RANK_LABELS: Record<PoolRank, string> = {
  county: "处级",
  section: "科级",
  staff: "科员及以下",
};

export const PARTY_STATUSES = ["full", "probationary", "none"] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  full: "中共党员",
  probationary: "中共预备党员",
  none: "非中共党员",
};
export const isPartyMember = (s: string): boolean => s === "full" || s === "probationary";

export const POOL_STATUSES = ["reserve", "formal", "removed"] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];
export const POOL_STATUS_LABELS: Record<PoolStatus, string> = {
  reserve: "后备",
  formal: "正式",
  removed: "已清退",
};

export const RELATION_KINDS = ["works_in", "led", "related"] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  works_in: "工作单位",
  led: "曾任领导",
  related: "亲属等利害关系",
};

/** The specialties the seeds name; the pool accepts others too. */
export const SPECIALTIES = ["财务", "审计", "纪检", "组织人事", "法律", "工程"] as const;

const version = z.number({ error: "缺少版本号" }).int().min(1);
/** Optional text: empty means none (null); left out means unchanged (undefined) in a patch. */
const optionalText = (max: number, what: string) =>
  z
    .string({ error: `${what}应为文字` })
    .trim()
    .max(max, `${what}不超过${max}字`)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

const fields = {
  name: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(40, "姓名不超过40字"),
  unit: z.string({ error: "请填写工作单位" }).trim().min(1, "请填写工作单位").max(100, "工作单位不超过100字"),
  unitOrgId: z.uuid({ error: "工作单位（系统中的单位）无效" }).nullish(),
  position: optionalText(60, "职务"),
  rank: z.enum(POOL_RANKS, { error: "职级无效" }).nullish(),
  partyStatus: z.enum(PARTY_STATUSES, { error: "请选择政治面貌" }),
  specialties: z
    .array(z.string({ error: "专长应为文字" }).trim().min(1, "专长不能为空").max(20, "每项专长不超过20字"), {
      error: "专长应为列表",
    })
    .max(10, "专长不超过10项")
    .transform((list) => [...new Set(list)]),
  status: z.enum(["reserve", "formal"], { error: "人员状态应为后备或正式" }),
  leaderPool: z.boolean({ error: "是否纳入组长库应为是或否" }),
  userId: z.uuid({ error: "关联账号无效" }).nullish(),
  phone: z
    .string({ error: "联系电话应为文字" })
    .trim()
    .max(30, "联系电话不超过30字")
    .regex(/^[0-9+\-\s()（）转]*$/, "联系电话格式不正确")
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
};

export const poolPersonInputSchema = z.object({
  ...fields,
  specialties: fields.specialties.default([]),
  status: fields.status.default("reserve"),
  leaderPool: fields.leaderPool.default(false),
});
export type PoolPersonInput = z.infer<typeof poolPersonInputSchema>;

/** Changing a person: only the fields sent change (null clears an optional one); never the removal. */
export const poolPersonPatchSchema = z.object({
  ...fields,
  name: fields.name.optional(),
  unit: fields.unit.optional(),
  partyStatus: fields.partyStatus.optional(),
  specialties: fields.specialties.optional(),
  status: fields.status.optional(),
  leaderPool: fields.leaderPool.optional(),
  version,
});
export type PoolPersonPatch = z.infer<typeof poolPersonPatchSchema>;

export const poolRemoveSchema = z.object({
  reason: z.string({ error: "请填写清退原因" }).trim().min(1, "请填写清退原因").max(500, "清退原因不超过500字"),
  removedOn: isoDate.nullish(),
  version,
});
export type PoolRemoveInput = z.infer<typeof poolRemoveSchema>;

export const relationInputSchema = z.object({
  orgId: z.uuid({ error: "请选择单位" }),
  kind: z.enum(RELATION_KINDS, { error: "请选择关系类型" }),
  note: optionalText(200, "说明"),
});
export type RelationInput = z.infer<typeof relationInputSchema>;

const personIds = z.array(z.uuid({ error: "人员无效" }), { error: "参训人员应为列表" }).max(500, "一次最多登记500人");

export const trainingInputSchema = z.object({
  title: z.string({ error: "请填写培训名称" }).trim().min(1, "请填写培训名称").max(200, "培训名称不超过200字"),
  heldOn: isoDate,
  days: z.number({ error: "培训天数应为数字" }).int("培训天数应为整数").min(1, "培训天数至少1天").max(365).nullish(),
  organiser: optionalText(100, "主办单位"),
  personIds: personIds.default([]),
});
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const attendeesInputSchema = z.object({ personIds: personIds.min(1, "请选择参训人员") });

// ---- team rules ---------------------------------------------------------------------------------

export interface PoolPersonFacts {
  name: string;
  partyStatus: string;
  leaderPool: boolean;
  status: string;
}

export const removedRefusal = (p: PoolPersonFacts): string | null =>
  p.status === "removed" ? `${p.name} 已从人才库清退，不能加入巡察组` : null;

/** A member must be a party member unless the office admits them as a needed specialist, with the reason. */
export function partyRefusal(p: PoolPersonFacts, specialistReason: string | null | undefined): string | null {
  if (isPartyMember(p.partyStatus) || specialistReason?.trim()) return null;
  return `${p.name} 不是中共党员（含预备党员），只有作为急需的专业人才并填写理由才能加入巡察组`;
}

/** The leader comes from the leader pool, unless the office records why not. */
export function leaderRefusal(p: PoolPersonFacts, position: string, overrideReason: string | null | undefined): string | null {
  if (position !== "leader" || p.leaderPool || overrideReason?.trim()) return null;
  return `${p.name} 不在组长库中，担任组长须由巡察办填写破格选配理由`;
}

/** A tie of a person to an organisation: their unit, or a declared relation. */
export interface Tie {
  orgId: string;
  orgName: string;
  orgPath: string;
  kind: RelationKind;
}

/** An organisation a team inspects. */
export interface Target {
  orgId: string;
  orgName: string;
  orgPath: string;
}

export interface RecusalConflict {
  target: Target;
  tie: Tie;
}

/** Each (organisation inspected, tie) pair where the tie lies in the inspected organisation's subtree (inclusive). */
export function recusalConflicts(ties: readonly Tie[], targets: readonly Target[]): RecusalConflict[] {
  const out: RecusalConflict[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    for (const tie of ties) {
      if (!tie.orgPath.startsWith(target.orgPath)) continue;
      const key = `${target.orgId}|${tie.orgId}|${tie.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ target, tie });
    }
  }
  return out;
}

/** "张三 与 某镇党委 存在回避关系（曾任领导）"; a tie below the organisation names the unit it concerns. */
export function recusalPhrase(personName: string, c: RecusalConflict): string {
  const tie = RELATION_KIND_LABELS[c.tie.kind] + (c.tie.orgId === c.target.orgId ? "" : `：${c.tie.orgName}`);
  return `${personName} 与 ${c.target.orgName} 存在回避关系（${tie}）`;
}

export const recusalRefusal = (personName: string, conflicts: readonly RecusalConflict[]): string | null =>
  conflicts.length ? `${conflicts.map((c) => recusalPhrase(personName, c)).join("；")}，不能参加该巡察组` : null;

/** When a team is given an organisation: every member with a tie to it is named. */
export function assignmentRecusalRefusal(members: ReadonlyArray<{ name: string; conflicts: RecusalConflict[] }>): string | null {
  const phrases = members.flatMap((m) => m.conflicts.map((c) => recusalPhrase(m.name, c)));
  return phrases.length ? `${phrases.join("；")}，该巡察组不能承担此巡察任务` : null;
}

/** Warnings shown on a team (not refusals): size outside the range, no leader, a leader from outside the pool. */
export function teamWarnings(t: {
  poolMemberCount: number;
  min: number;
  max: number;
  leader: { name: string; fromLeaderPool: boolean; overridden: boolean } | null;
  removedMembers: string[];
}): string[] {
  const w: string[] = [];
  if (t.poolMemberCount < t.min) w.push(`人才库人员 ${t.poolMemberCount} 人，少于每组 ${t.min} 人的要求`);
  if (t.poolMemberCount > t.max) w.push(`人才库人员 ${t.poolMemberCount} 人，多于每组 ${t.max} 人的上限`);
  if (!t.leader) w.push("尚未配备组长（临时党支部书记）");
  else if (!t.leader.fromLeaderPool && !t.leader.overridden) w.push(`组长 ${t.leader.name} 不是组长库人员`);
  for (const name of t.removedMembers) w.push(`${name} 已从人才库清退`);
  return w;
}

// ---- suggestions --------------------------------------------------------------------------------

export interface Candidate {
  id: string;
  name: string;
  specialties: string[];
  roundsServed: number;
  leaderPool: boolean;
  partyStatus: string;
}

export interface Suggestion<C extends Candidate = Candidate> {
  person: C;
  specialtyMatch: boolean;
  reason: string;
}

/** Specialty match first, then the fewest rounds served (spreading the work), then by name. */
export function rankSuggestions<C extends Candidate>(candidates: readonly C[], specialty?: string | null): Suggestion<C>[] {
  const wanted = specialty?.trim() || null;
  return candidates
    .map((person) => {
      const specialtyMatch = wanted !== null && person.specialties.includes(wanted);
      const parts: string[] = [];
      if (specialtyMatch) parts.push(`具备“${wanted}”专长`);
      else if (person.specialties.length) parts.push(`专长：${person.specialties.join("、")}`);
      parts.push(person.roundsServed ? `已参加 ${person.roundsServed} 轮巡察` : "尚未参加过巡察");
      parts.push("与本组巡察对象无回避关系");
      if (person.leaderPool) parts.push("组长库人员");
      if (!isPartyMember(person.partyStatus)) parts.push("非中共党员，须作为专业人才填写理由");
      return { person, specialtyMatch, reason: parts.join("；") };
    })
    .sort(
      (a, b) =>
        Number(b.specialtyMatch) - Number(a.specialtyMatch) ||
        a.person.roundsServed - b.person.roundsServed ||
        a.person.name.localeCompare(b.person.name, "zh-Hans-CN"),
    );
}
