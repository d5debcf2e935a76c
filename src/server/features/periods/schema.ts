/** What rectification periods look like on the wire. */
import { z } from "zod";
import { PERIOD_ITEM_STATES } from "../../../domain/period.ts";

const state = z.enum(PERIOD_ITEM_STATES);

export const periodSchema = z.object({
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  feedbackDate: z.string(),
  start: z.string(),
  end: z.string(),
  ended: z.boolean(),
  meetingDate: z.string().nullable(),
  meetingAttendees: z.string().nullable(),
  commissionAttended: z.boolean(),
  orgDeptAttended: z.boolean(),
  progressReportDate: z.string().nullable(),
  progressReportNote: z.string().nullable(),
  internalNoticeDate: z.string().nullable(),
  publicAnnouncementDate: z.string().nullable(),
  publicAnnouncementPlace: z.string().nullable(),
  states: z.object({ meeting: state, progressReport: state, internalNotice: state, publicAnnouncement: state }),
  commissionAbsent: z.boolean(),
  orgDeptAbsent: z.boolean(),
  /** Each shortfall in Chinese; empty when nothing is late or missing. */
  missing: z.array(z.string()),
  /** 0 while nothing has been recorded. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type PeriodView = z.infer<typeof periodSchema>;

export const periodListQuery = z.object({
  roundId: z.uuid({ error: "巡察轮次无效" }).optional(),
  orgId: z.uuid({ error: "单位无效" }).optional(),
});
