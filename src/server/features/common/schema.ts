/** What common problems, proposals and campaigns look like on the wire. */
import { z } from "zod";
import { CAMPAIGN_KINDS, CAMPAIGN_RESPONSES } from "../../../domain/common.ts";
import { LEDGER_STATUSES, PROGRESS_STATES } from "../../../domain/ledger.ts";

export const findingRefSchema = z.object({
  id: z.string(),
  text: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
});
export type FindingRef = z.infer<typeof findingRefSchema>;

export const candidateGroupSchema = z.object({
  findings: z.array(findingRefSchema),
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Mean cosine similarity of the group's pairs, 0…1. */
  score: z.number(),
  suggestedTitle: z.string(),
  suggestedCategory: z.string().nullable(),
  suggestedCategoryLabel: z.string().nullable(),
});
export type CandidateGroup = z.infer<typeof candidateGroupSchema>;

export const candidatesSchema = z.object({
  threshold: z.number(),
  /** Findings compared: of the round (or all), not yet in a common problem. */
  considered: z.number().int(),
  groups: z.array(candidateGroupSchema),
});

export const commonProblemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  department: z.string().nullable(),
  findingCount: z.number().int(),
  orgCount: z.number().int(),
  campaignCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), launchCampaign: z.boolean() }),
});
export type CommonProblemView = z.infer<typeof commonProblemSchema>;

const count = z.number().int();
/** Target organisations by response (未开始 / 推进中 / 已申请销号 / 已销号), and those overdue (逾期) beside them. */
export const responseCountsSchema = z.object({
  total: count,
  not_started: count,
  in_progress: count,
  close_requested: count,
  closed: count,
  overdue: count,
});

export const campaignSchema = z.object({
  id: z.string(),
  commonProblemId: z.string(),
  commonProblemTitle: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  instructions: z.string(),
  launchedOn: z.string(),
  dueDate: z.string(),
  counts: responseCountsSchema,
  version: z.number().int(),
  can: z.object({ addTargets: z.boolean() }),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const campaignTargetSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKindLabel: z.string(),
  /** Whether the organisation has ever been inspected (has an assignment). */
  inspected: z.boolean(),
  rowId: z.string(),
  seqLabel: z.string(),
  progress: z.enum(PROGRESS_STATES),
  progressLabel: z.string(),
  status: z.enum(LEDGER_STATUSES),
  statusLabel: z.string(),
  response: z.enum(CAMPAIGN_RESPONSES),
  responseLabel: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
});
export type CampaignTargetView = z.infer<typeof campaignTargetSchema>;

export const campaignDetailSchema = z.object({ campaign: campaignSchema, targets: z.array(campaignTargetSchema) });

export const commonProblemDetailSchema = z.object({
  problem: commonProblemSchema,
  findings: z.array(findingRefSchema),
  campaigns: z.array(campaignSchema),
});

export const orgOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  parentId: z.string().nullable(),
  kindLabel: z.string(),
  inspected: z.boolean(),
});
