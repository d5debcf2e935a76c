import type { FindingCategory, FindingSource } from "../../../domain/finding.ts";

export interface Finding {
  id: string;
  text: string;
  category: FindingCategory;
  categoryLabel: string;
  characterisation: string | null;
  isCommon: boolean;
  isCoreMandate: boolean;
  involvesTopLeader: boolean;
  source: FindingSource;
  sourceLabel: string;
  problemId: string | null;
  createdAt: string;
  enteredAfterWithdrawal: boolean;
  version?: number;
  can: { update?: boolean; delete?: boolean };
}

/** Ratios 0–1 (null while there are no findings). */
export interface FindingShares {
  coreMandate: number | null;
  common: number | null;
}
