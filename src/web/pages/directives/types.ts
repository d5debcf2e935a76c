/** Meetings and directives as the server sends them (src/server/features/directives/schema.ts). */
import type { DirectiveAbilities } from "../../../domain/directive.ts";

export interface Meeting {
  id: string;
  heldOn: string;
  title: string;
  notes: string | null;
  total: number;
  done: number;
  version: number;
}

export interface Directive {
  id: string;
  meetingId: string;
  meetingTitle: string;
  kind: string;
  kindLabel: string;
  target: string;
  orgId: string | null;
  orgName: string | null;
  action: string;
  owner: string;
  ownerUserId: string | null;
  dueDate: string | null;
  overdue: boolean;
  status: string;
  statusLabel: string;
  report: string | null;
  reportedAt: string | null;
  closedAt: string | null;
  returnReason: string | null;
  version: number;
  can: DirectiveAbilities;
}

export interface DirectiveFigures {
  total: number;
  done: number;
  notDone: number;
  overdue: number;
  doneRate: number | null;
}
