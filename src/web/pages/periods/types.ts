/** Rectification periods as the server sends them (src/server/features/periods/schema.ts). */
import type { PeriodAbilities, PeriodItem, PeriodItemState, PeriodRecord } from "../../../domain/period.ts";

export interface Period extends PeriodRecord {
  assignmentId: string;
  roundId: string;
  roundName: string;
  orgId: string;
  orgName: string;
  feedbackDate: string;
  start: string;
  end: string;
  ended: boolean;
  states: Record<PeriodItem, PeriodItemState>;
  commissionAbsent: boolean;
  orgDeptAbsent: boolean;
  missing: string[];
  version: number;
  updatedAt: string | null;
  can: PeriodAbilities;
}
