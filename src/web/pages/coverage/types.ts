/** What the coverage screens read from the server (see src/server/features/coverage/schema.ts). */
export interface CoverageProjection {
  elapsedYears: number;
  termYears: number;
  perYear: number;
  projected: number;
  requiredPerYear: number | null;
  ended: boolean;
}

export interface KindCoverage {
  orgKind: string;
  label: string;
  inScope: number;
  inspected: number;
  rate: number | null;
  projection: CoverageProjection | null;
  warning: string | null;
}

export interface PlanVsActual {
  year: number;
  orgKind: string;
  label: string;
  planned: number | null;
  actual: number;
}

export interface CoverageScope {
  orgKind: string;
  label: string;
  rootOrgId: string | null;
  rootOrgName: string | null;
}

export interface Coverage {
  term: { id: string; name: string; startDate: string; endDate: string };
  today: string;
  scopes: CoverageScope[];
  kinds: KindCoverage[];
  years: PlanVsActual[];
  warnings: string[];
  can: { plan: boolean };
}

export interface UninspectedOrg {
  orgId: string;
  name: string;
  orgKind: string;
  orgKindLabel: string;
  riskClass: string | null;
  riskClassLabel: string | null;
  lastInspectedOn: string | null;
  yearsSince: number | null;
}

export interface UninspectedPage {
  items: UninspectedOrg[];
  total: number;
  page: number;
  pageSize: number;
}
