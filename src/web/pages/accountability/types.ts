/** Accountability actions and rules made as the server sends them (src/server/features/accountability/schema.ts). */
import type { AccountabilityKind, AccountabilityTarget, RuleKind } from "../../../domain/accountability.ts";

export interface AccountabilityAction {
  id: string;
  kind: AccountabilityKind;
  kindLabel: string;
  target: AccountabilityTarget;
  targetLabel: string;
  orgId: string | null;
  orgName: string | null;
  personName: string | null;
  personPosition: string | null;
  decidedOn: string;
  authority: string | null;
  description: string;
  rows: Array<{ id: string; orgName: string; seqLabel: string; text: string }>;
  letters: Array<{ id: string; documentNumber: string; kindLabel: string; subject: string }>;
  createdAt: string;
}

export interface AccountabilityFigures {
  total: number;
  persons: number;
  organisations: number;
  byKind: Array<{ kind: AccountabilityKind; kindLabel: string; total: number; persons: number; organisations: number }>;
}

export interface RuleFinding {
  id: string;
  text: string;
  categoryLabel: string;
  problemId: string | null;
}

export interface RuleMade {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  kind: RuleKind;
  kindLabel: string;
  adoptedOn: string;
  description: string | null;
  findings: RuleFinding[];
  createdAt: string;
}

export interface RuleFigures {
  total: number;
  byKind: Array<{ kind: RuleKind; kindLabel: string; count: number }>;
  byOrg: Array<{ orgId: string; orgName: string; total: number; new: number; revised: number }>;
}
