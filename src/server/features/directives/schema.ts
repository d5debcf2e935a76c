/** What meetings and directives look like on the wire. */
import { z } from "zod";

export const meetingSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  version: z.number().int(),
});
export type MeetingView = z.infer<typeof meetingSchema>;

export const directiveSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  target: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  owner: z.string(),
  ownerUserId: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  report: z.string().nullable(),
  reportedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ report: z.boolean(), close: z.boolean(), return: z.boolean() }),
});
export type DirectiveView = z.infer<typeof directiveSchema>;

export const directiveFiguresSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  notDone: z.number().int(),
  overdue: z.number().int(),
  doneRate: z.number().nullable(),
});
