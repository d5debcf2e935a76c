/** Reports and deadlines as the server sends them (src/server/features/reports/schema.ts). */
import type { MilestoneState, ReportIndicators } from "../../../domain/report.ts";

export interface Milestone {
  due: string;
  doneOn: string | null;
  state: MilestoneState;
  days: number | null;
  label: string;
}

export interface ReportAbilities {
  view: boolean;
  save: boolean;
  submit: boolean;
  recordHearing: boolean;
}

export interface Deadlines {
  materials: Milestone;
  consultation: Milestone;
  hearing: Milestone;
  late: boolean;
  maxDelayDays: number | null;
}

export interface DeadlineItem extends Deadlines {
  assignmentId: string;
  roundId: string;
  roundName: string;
  teamName: string;
  orgId: string;
  orgName: string;
  withdrawalDate: string;
  reportStatus: string | null;
  reportStatusLabel: string;
  can: ReportAbilities;
}

export interface ReportFinding {
  id: string;
  text: string;
  categoryLabel: string;
  characterisation: string | null;
  isCommon: boolean;
  isCoreMandate: boolean;
  involvesTopLeader: boolean;
  suggestion: string | null;
  fedBack: boolean;
}

export interface ReportDetail {
  assignment: {
    id: string;
    roundId: string;
    roundName: string;
    teamName: string;
    orgName: string;
    withdrawalDate: string | null;
    hearingDate: string | null;
  };
  report: {
    id: string | null;
    overall: string | null;
    portrait: Record<string, string>;
    status: string;
    statusLabel: string;
    submittedOn: string | null;
    version: number;
  };
  findings: ReportFinding[];
  indicators: ReportIndicators;
  deadlines: Deadlines | null;
  can: ReportAbilities;
}
