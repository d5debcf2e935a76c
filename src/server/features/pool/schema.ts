/** What pool people, their ties, trainings and the pool's figures look like on the wire. */
import { z } from "zod";

export const poolPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  unitOrgId: z.string().nullable(),
  unitOrgName: z.string().nullable(),
  position: z.string().nullable(),
  rank: z.string().nullable(),
  rankLabel: z.string().nullable(),
  partyStatus: z.string(),
  partyStatusLabel: z.string(),
  specialties: z.array(z.string()),
  status: z.string(),
  statusLabel: z.string(),
  removedReason: z.string().nullable(),
  removedOn: z.string().nullable(),
  leaderPool: z.boolean(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  /** Distinct rounds of the teams the person sat on (computed). */
  roundsServed: z.number().int(),
  trainingsAttended: z.number().int(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), remove: z.boolean(), manageRelations: z.boolean() }),
});
export type PoolPersonView = z.infer<typeof poolPersonSchema>;

export const relationSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  note: z.string().nullable(),
});

export const servedSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  roundStartDate: z.string().nullable(),
  teamId: z.string(),
  teamName: z.string(),
  position: z.string(),
  positionLabel: z.string(),
});

export const attendedSchema = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  days: z.number().int().nullable(),
  organiser: z.string().nullable(),
});

export const personDetailSchema = z.object({
  person: poolPersonSchema,
  relations: z.array(relationSchema),
  trainings: z.array(attendedSchema),
  rounds: z.array(servedSchema),
});

export const trainingSchema = attendedSchema.extend({
  attendees: z.array(z.object({ personId: z.string(), name: z.string(), unit: z.string(), status: z.string() })),
  version: z.number().int(),
});
export type TrainingView = z.infer<typeof trainingSchema>;

export const poolFiguresSchema = z.object({
  /** People in the pool now (reserve + formal). */
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int() })),
  leaderPool: z.number().int(),
  trainings: z.number().int(),
  attendances: z.number().int(),
  /** Pool people (not removed) who attended at least one training. */
  trainedPeople: z.number().int(),
});
export type PoolFigures = z.infer<typeof poolFiguresSchema>;

export const suggestionSchema = z.object({
  person: poolPersonSchema,
  specialtyMatch: z.boolean(),
  reason: z.string(),
});
