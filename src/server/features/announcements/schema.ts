/** What announcements look like on the wire. */
import { z } from "zod";
import { ANNOUNCEMENT_VERSIONS } from "../../../domain/announcement.ts";

const can = z.object({ editDetails: z.boolean() });

export const announcementAssignmentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundKind: z.string(),
  roundStartDate: z.string().nullable(),
  teamName: z.string(),
  entryDate: z.string().nullable(),
  withdrawalDate: z.string().nullable(),
  feedbackDate: z.string().nullable(),
  can,
});

export const detailsSchema = z.object({
  id: z.string().nullable(),
  issuer: z.string().nullable(),
  nextSteps: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactAddress: z.string().nullable(),
  contactPostcode: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactHours: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});

const count = z.number().int();

export const figuresSchema = z.object({
  aspects: count,
  problems: count,
  rows: count,
  problemsDone: count,
  problemsSignificant: count,
  problemsOngoing: count,
  rowsDone: count,
  rowsSignificant: count,
  rowsOngoing: count,
});

export const announcementSchema = z.object({
  assignmentId: z.string(),
  version: z.enum(ANNOUNCEMENT_VERSIONS),
  versionLabel: z.string(),
  title: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      paragraphs: z.array(z.string()),
    }),
  ),
  signature: z.object({ issuer: z.string(), date: z.string() }),
  figures: figuresSchema,
  details: detailsSchema,
  asOf: z.string(),
  text: z.string(),
  can,
});
