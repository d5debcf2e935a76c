/**
 * Who may see and add the attachments of each kind of owner: the owner's own policy decides (for petitions, the
 * petitions feature's). A feature may replace its kind's rule with registerAttachmentOwner.
 */
import { and, eq, isNull } from "drizzle-orm";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import type { AttachmentOwnerType } from "../../../domain/onsite.ts";
import type { Actor } from "../../../domain/roles.ts";
import { runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { assignments, petitions } from "../../db/schema.ts";
import { findingLockedReason, viewFindingsRefusal, writeFindingsRefusal } from "../findings/policy.ts";
import { getFindingRecord } from "../findings/queries.ts";
import { recordPetitionRefusal, viewPetitionsRefusal } from "../petitions/policy.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { insertAttachments, storeFiles } from "./attachments.ts";
import { editSiteRecordRefusal, viewPreRequestsRefusal, viewSiteRecordsRefusal, writePreRequestsRefusal } from "./policy.ts";
import { getPreRequestRecord, getSiteRecordRecord } from "./queries.ts";

export interface AttachmentOwnerAccess {
  /** Throws (403, or 404 for an unknown owner) unless the actor may see the owner's attachments. */
  view: (db: Db, actor: Actor, ownerId: string) => Promise<void>;
  /** Throws unless the actor may add attachments to the owner now. */
  add: (db: Db, actor: Actor, ownerId: string) => Promise<void>;
}

async function petitionTeam(db: Db, id: string): Promise<{ teamId: string }> {
  const [p] = await db
    .select({ teamId: assignments.teamId })
    .from(petitions)
    .innerJoin(assignments, eq(assignments.id, petitions.assignmentId))
    .where(and(eq(petitions.id, id), isNull(petitions.deletedAt)));
  if (!p) throw notFound("信访举报");
  return p;
}

const owners: Record<AttachmentOwnerType, AttachmentOwnerAccess> = {
  pre_request: {
    view: async (db, actor, id) => allow(viewPreRequestsRefusal(actor, await getPreRequestRecord(db, id))),
    add: async (db, actor, id) => allow(writePreRequestsRefusal(actor, await getPreRequestRecord(db, id))),
  },
  site_record: {
    view: async (db, actor, id) => allow(viewSiteRecordsRefusal(actor, await getSiteRecordRecord(db, id))),
    add: async (db, actor, id) => {
      const { record, teamId } = await getSiteRecordRecord(db, id);
      allow(editSiteRecordRefusal(actor, { teamId }, record));
    },
  },
  finding: {
    view: async (db, actor, id) => allow(viewFindingsRefusal(actor, await getFindingRecord(db, id))),
    add: async (db, actor, id) => {
      const { finding, teamId } = await getFindingRecord(db, id);
      allow(writeFindingsRefusal(actor, { teamId }));
      const locked = findingLockedReason(finding);
      if (locked) throw ruleViolation(locked);
    },
  },
  petition: {
    view: async (db, actor, id) => allow(viewPetitionsRefusal(actor, await petitionTeam(db, id))),
    add: async (db, actor, id) => allow(recordPetitionRefusal(actor, await petitionTeam(db, id))),
  },
};

export function registerAttachmentOwner(type: AttachmentOwnerType, access: AttachmentOwnerAccess): void {
  owners[type] = access;
}

export const attachmentOwner = (type: AttachmentOwnerType): AttachmentOwnerAccess => owners[type];

/** Uploads files to one owner: stored by content first, then recorded (with audit) once the owner allows it. */
export async function addAttachments(
  ctx: AppContext,
  origin: Origin,
  ownerType: AttachmentOwnerType,
  ownerId: string,
  files: Array<{ fileName: string; content: Buffer }>,
): Promise<string[]> {
  // Asked before anything is written to disk too, so a refused upload leaves no file behind.
  if (origin.actor) await owners[ownerType].add(ctx.db, origin.actor, ownerId);
  const stored = await storeFiles(ctx, files);
  return runCommand(ctx, origin, async (s) => {
    await owners[ownerType].add(s.tx, actorIn(s), ownerId);
    return insertAttachments(s, ownerType, ownerId, stored);
  });
}
