/** Petitions as the server sends them (src/server/features/petitions/schema.ts). Never with the sender's identity. */
import type { PetitionAbilities } from "../../../domain/petition.ts";

export interface Petition {
  id: string;
  assignmentId: string;
  roundName: string;
  teamName: string;
  orgName: string;
  channel: string;
  channelLabel: string;
  receiptCode: string;
  anonymous: boolean;
  content: string;
  status: string;
  statusLabel: string;
  handlingNote: string | null;
  transferredTo: string | null;
  findingId: string | null;
  leadId: string | null;
  reply: string | null;
  repliedAt: string | null;
  receivedAt: string;
  attachmentCount: number;
  version: number;
  can: PetitionAbilities;
}

export interface PetitionAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export interface PetitionHistoryItem {
  at: string;
  actorName: string;
  actionLabel: string;
  detail: string;
}

export interface PetitionDetail {
  petition: Petition;
  attachments: PetitionAttachment[];
  history: PetitionHistoryItem[];
}

export interface PetitionLink {
  link: {
    token: string;
    path: string;
    url: string;
    qrDataUrl: string;
    orgName: string;
    roundName: string;
    createdAt: string;
  } | null;
  canManage: boolean;
}

export const STATUS_COLORS: Record<string, string> = {
  received: "default",
  handling: "processing",
  handled: "success",
  transferred: "cyan",
  to_finding: "orange",
  to_lead: "red",
};
