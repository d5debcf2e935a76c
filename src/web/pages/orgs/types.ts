import type { OrgKind, RiskClass } from "../../../domain/org.ts";

export interface OrgItem {
  id: string;
  name: string;
  code: string | null;
  kind: OrgKind;
  kindLabel: string;
  parentId: string | null;
  path: string;
  supervisingLeader: string | null;
  partySecretary: string | null;
  riskClass: RiskClass | null;
  riskClassLabel: string | null;
  version: number;
  can: { update: boolean; delete: boolean; setRiskClass: boolean };
}

export interface RiskHistoryItem {
  riskClass: RiskClass;
  label: string;
  effectiveFrom: string;
  reason: string | null;
  createdAt: string;
}
