/** Ledger figures on the wire (GET /api/figures/ledger, …/by-org, …/by-round). */
import type { LedgerFigures } from "../../../domain/ledger.ts";

export type { LedgerFigures };

export interface OrgFigures {
  orgId: string;
  orgName: string;
  figures: LedgerFigures;
}

export interface RoundFigures {
  roundId: string;
  roundName: string;
  figures: LedgerFigures;
}
