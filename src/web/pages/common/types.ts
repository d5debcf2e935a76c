/** Common problems, proposals and campaigns as the server sends them (src/server/features/common/schema.ts). */
import type { CampaignKind, CampaignResponse, CommonProblemAbilities } from "../../../domain/common.ts";

export interface FindingRef {
  id: string;
  text: string;
  category: string;
  categoryLabel: string;
  orgId: string;
  orgName: string;
  assignmentId: string;
  roundId: string;
  roundName: string;
}

export interface CandidateGroup {
  findings: FindingRef[];
  orgs: Array<{ id: string; name: string }>;
  score: number;
  suggestedTitle: string;
  suggestedCategory: string | null;
  suggestedCategoryLabel: string | null;
}

export interface Candidates {
  threshold: number;
  considered: number;
  groups: CandidateGroup[];
}

export interface CommonProblem {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  categoryLabel: string | null;
  department: string | null;
  findingCount: number;
  orgCount: number;
  campaignCount: number;
  createdAt: string;
  version: number;
  can: CommonProblemAbilities;
}

export type ResponseCounts = Record<CampaignResponse, number> & { total: number; overdue: number };

export interface Campaign {
  id: string;
  commonProblemId: string;
  commonProblemTitle: string;
  kind: CampaignKind;
  kindLabel: string;
  title: string;
  instructions: string;
  launchedOn: string;
  dueDate: string;
  counts: ResponseCounts;
  version: number;
  can: { addTargets: boolean };
}

export interface CampaignTarget {
  id: string;
  orgId: string;
  orgName: string;
  orgKindLabel: string;
  inspected: boolean;
  rowId: string;
  seqLabel: string;
  progress: string;
  progressLabel: string;
  status: string;
  statusLabel: string;
  response: CampaignResponse;
  responseLabel: string;
  deadline: string | null;
  overdue: boolean;
}

export interface CommonProblemDetail {
  problem: CommonProblem;
  findings: FindingRef[];
  campaigns: Campaign[];
}

export interface CampaignDetail {
  campaign: Campaign;
  targets: CampaignTarget[];
}

export interface OrgOption {
  id: string;
  name: string;
  path: string;
  parentId: string | null;
  kindLabel: string;
  inspected: boolean;
}
