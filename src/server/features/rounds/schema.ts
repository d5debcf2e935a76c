/** What terms, rounds, teams and assignments look like on the wire. */
import { z } from "zod";

export const idParams = z.object({ id: z.uuid({ error: "编号无效" }) });

export const termSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  roundCount: z.number().int(),
});

export const roundSchema = z.object({
  id: z.string(),
  termId: z.string(),
  termName: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  theme: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  assignmentCount: z.number().int(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), manage: z.boolean() }),
});
export type RoundView = z.infer<typeof roundSchema>;

/** A seat: a talent-pool person (with their account, if linked) or an account alone. */
export const memberSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  poolPersonId: z.string().nullable(),
  displayName: z.string(),
  username: z.string().nullable(),
  unit: z.string().nullable(),
  partyStatusLabel: z.string().nullable(),
  leaderPool: z.boolean(),
  poolStatus: z.string().nullable(),
  position: z.string(),
  positionLabel: z.string(),
  specialistReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const teamSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  name: z.string(),
  members: z.array(memberSchema),
  /** The temporary party branch's secretary: the leader. */
  branchSecretary: z.string().nullable(),
  poolMemberCount: z.number().int(),
  /** What the talent-pool rules warn of without refusing (e.g. pool members outside the set range). */
  warnings: z.array(z.string()),
});
export type TeamView = z.infer<typeof teamSchema>;

export const assignmentSummarySchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  entryDate: z.string().nullable(),
  withdrawalDate: z.string().nullable(),
  feedbackDate: z.string().nullable(),
  /** Working days from entry to withdrawal on the Chinese calendar; null while a date is missing. */
  onSiteWorkingDays: z.number().int().nullable(),
  findingCount: z.number().int(),
  feedbackRegistered: z.boolean(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), addFinding: z.boolean(), registerFeedback: z.boolean() }),
});
export type AssignmentSummary = z.infer<typeof assignmentSummarySchema>;

export const personSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
