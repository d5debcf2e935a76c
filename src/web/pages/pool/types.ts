/** Pool people, ties, trainings and figures as the server sends them (src/server/features/pool/schema.ts). */

export interface PoolPerson {
  id: string;
  name: string;
  unit: string;
  unitOrgId: string | null;
  unitOrgName: string | null;
  position: string | null;
  rank: string | null;
  rankLabel: string | null;
  partyStatus: string;
  partyStatusLabel: string;
  specialties: string[];
  status: string;
  statusLabel: string;
  removedReason: string | null;
  removedOn: string | null;
  leaderPool: boolean;
  userId: string | null;
  username: string | null;
  phone: string | null;
  roundsServed: number;
  trainingsAttended: number;
  version: number;
  can: { update: boolean; remove: boolean; manageRelations: boolean };
}

export interface Relation {
  id: string;
  orgId: string;
  orgName: string;
  kind: string;
  kindLabel: string;
  note: string | null;
}

export interface Served {
  roundId: string;
  roundName: string;
  roundStartDate: string | null;
  teamId: string;
  teamName: string;
  position: string;
  positionLabel: string;
}

export interface Attended {
  id: string;
  title: string;
  heldOn: string;
  days: number | null;
  organiser: string | null;
}

export interface PersonDetail {
  person: PoolPerson;
  relations: Relation[];
  trainings: Attended[];
  rounds: Served[];
}

export interface Training extends Attended {
  attendees: Array<{ personId: string; name: string; unit: string; status: string }>;
  version: number;
}

export interface PoolFigures {
  total: number;
  byStatus: Array<{ status: string; label: string; count: number }>;
  leaderPool: number;
  trainings: number;
  attendances: number;
  trainedPeople: number;
}

export interface Suggestion {
  person: PoolPerson;
  specialtyMatch: boolean;
  reason: string;
}
