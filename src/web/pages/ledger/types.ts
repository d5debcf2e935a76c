/** The ledger on the wire (GET /api/ledger, GET /api/ledger/:id) and the labels the screens show. */
import type { LedgerAbilities, LedgerStatus, ProgressState, RectificationKind } from "../../../domain/ledger.ts";

export type { LedgerAbilities };

export interface LedgerRow {
  id: string;
  seqLabel: string;
  orgId: string;
  orgName: string;
  assignmentId: string;
  roundId: string;
  problemId: string;
  problemText: string;
  aspectTitle: string;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  kind: RectificationKind | null;
  kindLabel: string | null;
  progress: ProgressState;
  progressLabel: string;
  status: LedgerStatus;
  statusLabel: string;
  overdue: boolean;
  returnReason: string | null;
  relapseCount: number;
  evidenceCount: number;
  closeRequestedAt: string | null;
  closedAt: string | null;
  version: number;
  updatedAt: string;
  can: LedgerAbilities;
}

export interface LedgerPageData {
  items: LedgerRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LedgerNote {
  id: string;
  noteDate: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  contentHash: string;
  uploadedBy: string;
  createdAt: string;
}

export interface Relapse {
  id: string;
  reason: string;
  foundWhere: string;
  foundOn: string;
  createdAt: string;
}

export interface HistoryEntry {
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  changes: unknown;
}

export interface LedgerDetail {
  row: LedgerRow & { roundName: string };
  notes: LedgerNote[];
  evidence: EvidenceFile[];
  relapses: Relapse[];
  history: HistoryEntry[];
}

/** A list's filters, as they appear in the URL and in GET /api/ledger. */
export interface LedgerFilters {
  orgId?: string;
  roundId?: string;
  assignmentId?: string;
  status?: LedgerStatus;
  progress?: ProgressState;
  overdue?: boolean;
  q?: string;
}
