import type { FindingSource } from "../../../domain/finding.ts";
import type { SiteRecordKind, SiteRecordResult } from "../../../domain/onsite.ts";

/** A file attached to a pre-inspection request, on-site record, finding or petition. */
export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
  uploadedBy: string | null;
}

export interface Finding {
  id: string;
  text: string;
  category: string;
  categoryLabel: string;
  subcategory: string | null;
  subcategoryLabel: string | null;
  characterisation: string | null;
  isCommon: boolean;
  isCoreMandate: boolean;
  involvesTopLeader: boolean;
  source: FindingSource;
  sourceLabel: string;
  suggestion: string | null;
  immediateFix: boolean;
  fixedOn: string | null;
  fixNote: string | null;
  attachments: Attachment[];
  problemId: string | null;
  createdAt: string;
  enteredAfterWithdrawal: boolean;
  version?: number;
  can: { update?: boolean; delete?: boolean; addEvidence?: boolean; fix?: boolean };
}

/** Ratios 0–1 (null while there are no findings). */
export interface FindingShares {
  coreMandate: number | null;
  common: number | null;
}

export interface PreRequest {
  id: string;
  department: string;
  subject: string;
  sentOn: string;
  dueDate: string;
  replyText: string | null;
  repliedOn: string | null;
  overdue: boolean;
  attachments: Attachment[];
  can: { reply: boolean; addAttachment: boolean };
}

export interface SiteRecord {
  id: string;
  kind: SiteRecordKind;
  kindLabel: string;
  heldOn: string;
  authorId: string | null;
  authorName: string | null;
  subject: string;
  content: string;
  results: SiteRecordResult[] | null;
  enteredAfterWithdrawal: boolean;
  createdAt: string;
  version: number;
  attachments: Attachment[];
  can: { update: boolean; addAttachment: boolean };
}

export interface TaxonomyNode {
  code: string;
  name: string;
  active: boolean;
  inUse: number;
}
export interface TaxonomyTree {
  revision: string;
  categories: Array<TaxonomyNode & { children: TaxonomyNode[] }>;
  can: { update: boolean };
}
