export interface Term {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  roundCount?: number;
}

export interface Round {
  id: string;
  termId: string;
  termName?: string;
  name: string;
  kind: string;
  kindLabel: string;
  theme: string | null;
  startDate: string | null;
  endDate: string | null;
  assignmentCount: number;
  version: number;
  can: { update: boolean; manage: boolean };
}

/** A seat: a talent-pool person (with their account, if linked) or an account alone. */
export interface TeamMember {
  id: string;
  userId: string | null;
  poolPersonId: string | null;
  displayName: string;
  username: string | null;
  unit: string | null;
  partyStatusLabel: string | null;
  leaderPool: boolean;
  poolStatus: string | null;
  position: string;
  positionLabel: string;
  specialistReason: string | null;
  overrideReason: string | null;
}

export interface Team {
  id: string;
  name: string;
  members: TeamMember[];
  /** The temporary party branch's secretary (the leader). */
  branchSecretary: string | null;
  poolMemberCount: number;
  warnings: string[];
}

export interface AssignmentSummary {
  id: string;
  roundId: string;
  roundName: string;
  teamId: string;
  teamName: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  entryDate: string | null;
  withdrawalDate: string | null;
  feedbackDate: string | null;
  onSiteWorkingDays: number | null;
  findingCount: number;
  feedbackRegistered: boolean;
  version?: number;
  can: { update: boolean; addFinding: boolean; registerFeedback: boolean };
}

export interface RoundDetail {
  round: Round;
  teams: Team[];
  assignments: AssignmentSummary[];
  can: { update?: boolean; manage?: boolean };
}
