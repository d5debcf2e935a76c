/** Rectification plans on the wire (src/server/features/plans/schema.ts), and their status colours. */
import type { PlanAbilities, PlanComparison, PlanEntry, PlanListStatus } from "../../../domain/plan.ts";

export type { PlanEntry };

export interface PlanListItem {
  /** null while not started. */
  id: string | null;
  assignmentId: string;
  orgId: string;
  orgName: string;
  roundId: string;
  roundName: string;
  feedbackDate: string | null;
  dueDate: string | null;
  overdue: boolean;
  status: PlanListStatus;
  statusLabel: string;
  currentVersion: number;
  submittedAt: string | null;
  approvedAt: string | null;
  version: number | null;
  can: PlanAbilities;
}

export interface PlanVersion {
  no: number;
  submittedAt: string;
  submittedByName: string | null;
  entryCount: number;
  decision: "returned" | "approved" | null;
  decisionLabel: string;
  comment: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export interface PlanOpinion {
  id: string;
  versionNo: number;
  authorRole: string;
  authorRoleLabel: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface PlanDetail {
  plan: PlanListItem & { id: string; version: number; summary: string | null; entries: PlanEntry[] };
  versions: PlanVersion[];
  opinions: PlanOpinion[];
}

export type Comparison = PlanComparison & { from: { key: string; label: string }; to: { key: string; label: string } };

export const PLAN_STATUS_COLORS: Record<PlanListStatus, string> = {
  not_started: "default",
  draft: "blue",
  submitted: "gold",
  returned: "volcano",
  approved: "green",
};

export const DECISION_COLORS: Record<string, string> = { returned: "volcano", approved: "green" };
