/**
 * The shape of a seed document as the demo replays it: the feedback (aspects → problems → refined rows)
 * and, for each row, what the organisation reported in its rectification announcement. Every text is
 * copied from the seed; every count the demo prints is computed by the application afterwards.
 */
import type { RuleKind } from "../../domain/accountability.ts";
import type { Grade } from "../../domain/evaluation.ts";
import type { FindingCategory } from "../../domain/finding.ts";
import type { RectificationKind } from "../../domain/ledger.ts";
import type { OrgKind } from "../../domain/org.ts";
import type { PeriodRecord } from "../../domain/period.ts";
import type { RoundKind } from "../../domain/round.ts";

export interface SeedRow {
  /** The seed's own numbering, e.g. "问题一" or "（二）9". */
  label: string;
  /** The problem as fed back: the ledger row text and the finding text. */
  text: string;
  /** The seed's 整改情况 for this problem, whole. */
  measures: string;
  category: FindingCategory;
  leader: string;
  department: string;
  kind: RectificationKind;
  deadline: string | null;
  /** closed: closed out on evidence; significant_progress: left open, reported as 取得明显成效. */
  outcome: "closed" | "significant_progress";
}

export interface SeedProblem {
  text: string;
  rows: SeedRow[];
}

export interface SeedAspect {
  title: string;
  problems: SeedProblem[];
}

/** One inspection as a seed tells it: who inspected whom, when, the feedback, and how rectification ended. */
export interface SeedInspection {
  /** The seed file the text comes from (in the project's shared seeds). */
  source: string;
  /** The organisation chain from the top down; the last one is the inspected organisation. */
  orgs: Array<{ name: string; kind: OrgKind; partySecretary?: string }>;
  term: { name: string; startDate: string; endDate: string };
  round: { name: string; kind: RoundKind; startDate: string; endDate: string };
  team: string;
  entryDate: string;
  withdrawalDate: string;
  feedbackDate: string;
  /** The date of the progress note: the day the seed reports the state as of. */
  noteDate: string;
  aspects: SeedAspect[];
  /** What the seed prints beside its figures: the issuer of its title, its next steps and contacts (empty if none). */
  announcement: SeedAnnouncement;
  /** The rectification plan: drafted from the rows (each entry = the row's measures, leader, department, deadline). */
  plan: SeedPlan;
  /** The concentrated rectification period as the seed dates it (an item the seed does not report stays empty). */
  period: PeriodRecord;
  /** Rules the seed names as made or revised because of a problem. */
  rules: SeedRule[];
  /** The office's grade once the period is over, with its reason. */
  evaluation: { grade: Grade; reason: string };
}

/** What the plan says beyond its entries, who commented on it, and — for a plan returned once — its first version. */
export interface SeedPlan {
  summary: string;
  /** The commission's opinion on the first version submitted. */
  commissionOpinion: string;
  approvalComment: string;
  /** The first version's deadline for a row and the office's reason to return it; absent when approved at once. */
  returned?: { firstDeadline: (row: SeedRow) => string; comment: string };
}

export interface SeedRule {
  title: string;
  kind: RuleKind;
  adoptedOn: string;
  description: string;
  /** The labels of the rows whose findings led to the rule. */
  rows: string[];
}

/** As the seed prints it; a contact the seed does not print is left out. */
export interface SeedAnnouncement {
  issuer: string;
  /** One paragraph per line. */
  nextSteps: string;
  contactPhone?: string;
  contactAddress?: string;
  contactPostcode?: string;
  contactEmail?: string;
}
