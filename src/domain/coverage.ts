/**
 * Coverage plan (巡察规划 · 全覆盖): the organisation kinds a term must inspect, its plan per year, and the figures
 * — coverage rate per kind (inspected at least once in the term ÷ in scope), plan against actual per year, and
 * where the pace so far leads by the term's end (LIFECYCLE §1).
 */
import { z } from "zod";
import { parseIso } from "./calendar.ts";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "./org.ts";

const orgKind = z.enum(ORG_KINDS, { error: "单位类型无效" });

export const coverageScopeInputSchema = z.object({
  scopes: z
    .array(
      z.object({
        orgKind,
        rootOrgId: z.uuid({ error: "范围的上级单位无效" }).nullish(),
      }),
      { error: "请选择全覆盖范围" },
    )
    .max(ORG_KINDS.length, "单位类型过多")
    .refine((list) => new Set(list.map((s) => s.orgKind)).size === list.length, { error: "每类单位只能设置一次范围" }),
});
export type CoverageScopeInput = z.infer<typeof coverageScopeInputSchema>;

export const coveragePlanInputSchema = z.object({
  years: z
    .array(
      z.object({
        year: z.number({ error: "请填写年度" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效"),
        orgKind,
        planned: z
          .number({ error: "请填写计划巡察数" })
          .int("计划巡察数应为整数")
          .min(0, "计划巡察数不能为负数")
          .max(100_000, "计划巡察数过大"),
      }),
      { error: "请填写年度计划" },
    )
    .max(500, "年度计划条目过多")
    .refine((list) => new Set(list.map((y) => `${y.year}/${y.orgKind}`)).size === list.length, {
      error: "同一年度同一类单位只能填写一次",
    }),
});
export type CoveragePlanInput = z.infer<typeof coveragePlanInputSchema>;

export interface TermSpan {
  startDate: string;
  endDate: string;
}

const YEAR_DAYS = 365.25;
const yearsBetween = (from: string, to: string): number =>
  (parseIso(to).getTime() - parseIso(from).getTime()) / 86_400_000 / YEAR_DAYS;
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** inspected ÷ in scope; null when nothing is in scope. */
export const coverageRate = (inspected: number, inScope: number): number | null => (inScope > 0 ? inspected / inScope : null);

/** A pace measured over less than a quarter of a year says nothing yet. */
const MIN_ELAPSED_YEARS = 0.25;

export interface CoverageProjection {
  /** Years of the term gone by today (one decimal). */
  elapsedYears: number;
  termYears: number;
  /** Organisations inspected per year so far (one decimal). */
  perYear: number;
  /** Expected by the term's end at that pace (never more than in scope). */
  projected: number;
  /** Still to inspect ÷ years left, rounded up; null once the term has ended or nothing is left. */
  requiredPerYear: number | null;
  ended: boolean;
}

/**
 * Where the pace so far (inspected ÷ elapsed term years) leads by the term's end. Null before the term has run
 * a quarter of a year; once it has ended, the projection is what was done.
 */
export function projectCoverage(term: TermSpan, today: string, inScope: number, inspected: number): CoverageProjection | null {
  const termYears = yearsBetween(term.startDate, term.endDate);
  const ended = today >= term.endDate;
  const elapsed = yearsBetween(term.startDate, ended ? term.endDate : today);
  if (termYears <= 0 || elapsed < MIN_ELAPSED_YEARS) return null;
  const perYear = inspected / elapsed;
  const projected = ended ? inspected : Math.min(inScope, Math.round(perYear * termYears));
  const left = inScope - inspected;
  const yearsLeft = termYears - elapsed;
  return {
    elapsedYears: oneDecimal(elapsed),
    termYears: oneDecimal(termYears),
    perYear: oneDecimal(perYear),
    projected,
    requiredPerYear: ended || left <= 0 || yearsLeft <= 0 ? null : Math.ceil(left / yearsLeft),
    ended,
  };
}

/** The warning (Chinese) when the term ends — or at this pace will end — short of full coverage; null otherwise. */
export function coverageWarning(
  kind: OrgKind,
  term: TermSpan,
  inScope: number,
  inspected: number,
  p: CoverageProjection | null,
): string | null {
  if (!p || p.projected >= inScope) return null;
  const label = ORG_KIND_LABELS[kind];
  if (p.ended) {
    return `届次已于 ${term.endDate} 结束，${label}巡察 ${inspected} 个，未实现全覆盖（范围内 ${inScope} 个，差 ${inScope - inspected} 个）`;
  }
  const need =
    p.requiredPerYear === null ? "" : `；剩余 ${oneDecimal(p.termYears - p.elapsedYears)} 年须年均巡察 ${p.requiredPerYear} 个`;
  return (
    `${label}：按目前进度（届内已过 ${p.elapsedYears} 年，已巡察 ${inspected} 个，年均 ${p.perYear} 个），` +
    `到届末（${term.endDate}）预计巡察 ${p.projected} 个，距全覆盖（${inScope} 个）尚差 ${inScope - p.projected} 个${need}`
  );
}

/** An organisation in scope, with the entry date of its first inspection in the term (null: not yet). */
export interface ScopedOrg {
  kind: string;
  firstInTerm: string | null;
}

export interface KindCoverage {
  orgKind: OrgKind;
  label: string;
  inScope: number;
  inspected: number;
  rate: number | null;
  projection: CoverageProjection | null;
  warning: string | null;
}

/** The figures per kind in scope, in the order of the kinds given. */
export function coverageByKind(
  term: TermSpan,
  today: string,
  kinds: readonly OrgKind[],
  orgs: readonly ScopedOrg[],
): KindCoverage[] {
  return kinds.map((k) => {
    const mine = orgs.filter((o) => o.kind === k);
    const inScope = mine.length;
    const inspected = mine.filter((o) => o.firstInTerm !== null).length;
    const projection = projectCoverage(term, today, inScope, inspected);
    return {
      orgKind: k,
      label: ORG_KIND_LABELS[k],
      inScope,
      inspected,
      rate: coverageRate(inspected, inScope),
      projection,
      warning: coverageWarning(k, term, inScope, inspected, projection),
    };
  });
}

export interface PlanYear {
  year: number;
  orgKind: OrgKind;
  planned: number;
}

export interface PlanVsActual {
  year: number;
  orgKind: OrgKind;
  label: string;
  planned: number | null;
  /** Organisations first inspected in the term in that year (by entry date). */
  actual: number;
}

/** Plan against actual for each year of the term (and any other year with a plan or an inspection), per kind. */
export function planVsActual(
  term: TermSpan,
  kinds: readonly OrgKind[],
  orgs: readonly ScopedOrg[],
  plans: readonly PlanYear[],
): PlanVsActual[] {
  const years = new Set<number>();
  for (let y = Number(term.startDate.slice(0, 4)); y <= Number(term.endDate.slice(0, 4)); y++) years.add(y);
  const actual = new Map<string, number>();
  for (const o of orgs) {
    if (o.firstInTerm === null) continue;
    const y = Number(o.firstInTerm.slice(0, 4));
    years.add(y);
    const key = `${y}/${o.kind}`;
    actual.set(key, (actual.get(key) ?? 0) + 1);
  }
  const planned = new Map<string, number>();
  for (const p of plans) {
    years.add(p.year);
    planned.set(`${p.year}/${p.orgKind}`, p.planned);
  }
  const allKinds = [...kinds, ...ORG_KINDS.filter((k) => !kinds.includes(k) && plans.some((p) => p.orgKind === k))];
  return [...years]
    .sort((a, b) => a - b)
    .flatMap((year) =>
      allKinds.map((k) => ({
        year,
        orgKind: k,
        label: ORG_KIND_LABELS[k],
        planned: planned.get(`${year}/${k}`) ?? null,
        actual: actual.get(`${year}/${k}`) ?? 0,
      })),
    );
}

/** Years from the last inspection to today (one decimal); null when never inspected. */
export const yearsSince = (last: string | null, today: string): number | null =>
  last === null ? null : Math.max(0, oneDecimal(yearsBetween(last, today)));

/** Longest-waiting first: never inspected, then the oldest last inspection; ties by name. */
export function byLongestWaiting(
  a: { lastInspectedOn: string | null; name: string },
  b: { lastInspectedOn: string | null; name: string },
): number {
  if (a.lastInspectedOn !== b.lastInspectedOn) {
    if (a.lastInspectedOn === null) return -1;
    if (b.lastInspectedOn === null) return 1;
    return a.lastInspectedOn < b.lastInspectedOn ? -1 : 1;
  }
  return a.name.localeCompare(b.name, "zh-CN", { numeric: true });
}

/** Plan years must fall within the term; returns the Chinese reason, or null. */
export function planYearProblem(term: TermSpan, years: readonly { year: number }[]): string | null {
  const from = Number(term.startDate.slice(0, 4));
  const to = Number(term.endDate.slice(0, 4));
  const out = years.find((y) => y.year < from || y.year > to);
  return out ? `${out.year} 年不在本届次（${from}—${to} 年）内` : null;
}
