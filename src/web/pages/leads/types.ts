/** Leads, their figures and consultations as the server sends them (src/server/features/leads/schema.ts). */
import type { LeadAbilities } from "../../../domain/lead.ts";

export interface LeadPerson {
  id: string;
  name: string;
  position: string | null;
  rank: string;
  rankLabel: string;
}

export interface Lead {
  id: string;
  assignmentId: string;
  roundId: string;
  roundName: string;
  teamId: string;
  teamName: string;
  orgId: string;
  orgName: string;
  entryDate: string | null;
  withdrawalDate: string | null;
  leadClass: string;
  leadClassLabel: string;
  summary: string;
  responsiblePerson: string | null;
  responsibleUnit: string | null;
  people: LeadPerson[];
  preReview: string | null;
  transferredOn: string | null;
  receivingOffice: string | null;
  duringInspection: boolean | null;
  status: string;
  statusLabel: string;
  preliminaryOn: string | null;
  filedOn: string | null;
  concludedOn: string | null;
  concludedForm: string | null;
  concludedFormLabel: string | null;
  handlingNote: string | null;
  dueOn: string | null;
  handledOn: string | null;
  overdue: boolean;
  handledLate: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  can: LeadAbilities;
}

export interface LeadClassFigures {
  leadClass: string;
  label: string;
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
}

export interface LeadFigures {
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
  duringInspection: number;
  named: number;
  namingRate: number | null;
  unitOnly: number;
  overdue: number;
  byClass: LeadClassFigures[];
  byStatus: Array<{ status: string; label: string; count: number }>;
  peopleByRank: Array<{ rank: string; label: string; count: number }>;
  people: number;
  handlingMonths: number;
}

export interface ConsultationDecision {
  id: string;
  leadId: string | null;
  leadSummary: string | null;
  leadClassLabel: string | null;
  findingId: string | null;
  findingText: string | null;
  decision: string;
}

export interface Consultation {
  id: string;
  assignmentId: string;
  heldOn: string;
  attendees: string | null;
  summary: string;
  decisions: ConsultationDecision[];
  createdAt: string;
  version: number;
}

/** The few fields of the rounds and assignments lists the pickers need. */
export interface RoundOption {
  id: string;
  name: string;
  termId: string;
}

export interface AssignmentOption {
  id: string;
  roundId: string;
  roundName: string;
  teamId: string;
  teamName: string;
  orgName: string;
  withdrawalDate: string | null;
}

/** Tag presets and the matching text colours of the three classes. */
export const CLASS_COLORS: Record<string, string> = { priority: "red", attention: "orange", reference: "blue" };
export const CLASS_TEXT_COLORS: Record<string, string> = { priority: "#cf1322", attention: "#d46b08", reference: "#1677ff" };
export const STATUS_COLORS: Record<string, string> = {
  pending: "default",
  preliminary_check: "processing",
  case_filed: "error",
  no_case: "default",
  concluded: "success",
};
