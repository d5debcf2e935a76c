/** Writing the announcement's own text beside the computed figures: issuer, next steps, contact details. */
import { and, eq, isNull } from "drizzle-orm";
import { DETAIL_FIELDS, type AnnouncementDetailsInput, type DetailField } from "../../../domain/announcement.ts";
import { conflict, DomainError, notFound } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import { announcementDetails, assignments, orgs } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { editDetailsRefusal } from "./policy.ts";
import { detailsRecord, getAnnouncementHead } from "./queries.ts";

const STALE = "公告内容已被他人修改，请刷新后重试";

type Stored = Record<DetailField, string | null>;

/** The fields the input changes, as { field: [before, after] }; "" clears a field like null. */
function changesOf(
  before: Stored,
  input: AnnouncementDetailsInput,
): Partial<Record<DetailField, [string | null, string | null]>> {
  const changes: Partial<Record<DetailField, [string | null, string | null]>> = {};
  for (const f of DETAIL_FIELDS) {
    const given = input[f];
    if (given === undefined) continue;
    const after = given === null || given === "" ? null : given;
    if (after !== before[f]) changes[f] = [before[f], after];
  }
  return changes;
}

const emptyDetails = (): Stored => Object.fromEntries(DETAIL_FIELDS.map((f) => [f, null])) as Stored;

/**
 * Saves the details of one assignment's announcement (created on first save). Returns whether anything changed:
 * saving the same text again writes nothing and so leaves no audit entry.
 */
export async function saveAnnouncementDetails(
  ctx: AppContext,
  origin: Origin,
  assignmentId: string,
  input: AnnouncementDetailsInput,
): Promise<boolean> {
  const before = await detailsRecord(ctx.db, assignmentId);
  const unchanged =
    (!before || input.version === before.version) && !Object.keys(changesOf(before ?? emptyDetails(), input)).length;
  if (unchanged) {
    const head = await getAnnouncementHead(ctx.db, assignmentId);
    if (!origin.actor) throw new DomainError("unauthenticated", "请先登录");
    allow(editDetailsRefusal(origin.actor, { id: head.orgId, path: head.orgPath }));
    return false;
  }
  return runCommand(ctx, origin, async (s) => {
    // Locks the assignment: two first saves at once would otherwise both insert.
    const [a] = await s.tx
      .select({ id: assignments.id, orgId: assignments.orgId })
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), isNull(assignments.deletedAt)))
      .for("update");
    if (!a) throw notFound("巡察任务");
    const [org] = await s.tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(eq(orgs.id, a.orgId));
    allow(editDetailsRefusal(actorIn(s), org!));
    const existing = await detailsRecord(s.tx, assignmentId);
    if (existing && input.version !== existing.version) throw conflict(STALE);
    const changes = changesOf(existing ?? emptyDetails(), input);
    // Read unchanged a moment ago: someone saved in between.
    if (Object.keys(changes).length === 0) throw conflict(STALE);
    const set = Object.fromEntries(Object.entries(changes).map(([f, [, after]]) => [f, after]));
    let id: string;
    if (existing) {
      id = existing.id;
      const done = await s.tx
        .update(announcementDetails)
        .set({ ...set, updatedAt: s.now, version: existing.version + 1 })
        .where(and(eq(announcementDetails.id, id), eq(announcementDetails.version, existing.version)))
        .returning({ id: announcementDetails.id });
      if (done.length === 0) throw conflict(STALE);
    } else {
      id = uuidv7();
      await s.tx.insert(announcementDetails).values({ id, ...created(s), assignmentId, ...set });
    }
    await s.audit({ action: "announcement.update", recordType: "announcement_details", recordIds: [id, assignmentId], changes });
    return true;
  });
}
