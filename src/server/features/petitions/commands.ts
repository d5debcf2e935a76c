/**
 * Recording petitions (team), handling them (leader, deputy, office: transfer, reply, turn into a finding or a
 * lead in the same transaction), looking at a sender's identity (always audited), and the public form's address.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  handleInputReason,
  identityOf,
  receiptCodeFrom,
  type HandlePetitionInput,
  type PetitionIdentity,
  type PetitionStatus,
  type RecordPetitionInput,
} from "../../../domain/petition.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { findings, leads, petitionLinks, petitions } from "../../db/schema.ts";
import { decrypt, encrypt, Sm4Error, sm4Key } from "../../crypto/sm4.ts";
import { assertClassification } from "../findings/taxonomy.ts";
import { allow } from "../rounds/policy.ts";
import { getAssignmentRecord } from "../rounds/queries.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { recordFiles, type StoredFile } from "./files.ts";
import { handlePetitionRefusal, manageLinkRefusal, recordPetitionRefusal, viewIdentityRefusal } from "./policy.ts";
import { getPetition } from "./queries.ts";

/** A receipt code no other petition has (60 random bits: a repeat is all but impossible, but checked). */
export async function freshReceiptCode(tx: Db): Promise<string> {
  for (;;) {
    const code = receiptCodeFrom(randomBytes(12));
    const [taken] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.receiptCode, code));
    if (!taken) return code;
  }
}

/** The identity as stored: SM4-encrypted JSON, or null for an anonymous sender. */
export function sealIdentity(ctx: AppContext, identity: PetitionIdentity | null): string | null {
  return identity ? encrypt(JSON.stringify(identity), sm4Key(ctx.config.dataDir)) : null;
}

export function recordPetition(ctx: AppContext, origin: Origin, assignmentId: string, input: RecordPetitionInput) {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(recordPetitionRefusal(actorIn(s), asg));
    const id = uuidv7();
    await s.tx.insert(petitions).values({
      id,
      ...created(s),
      assignmentId,
      channel: input.channel,
      receiptCode: await freshReceiptCode(s.tx),
      anonymous: input.anonymous,
      identityCipher: sealIdentity(ctx, identityOf(input)),
      content: input.content,
      status: "received",
    });
    // The identity never enters the audit trail.
    await s.audit({
      action: "petition.receive",
      recordType: "petition",
      recordIds: [id, assignmentId],
      changes: { channel: input.channel, anonymous: input.anonymous },
    });
    return id;
  });
}

export async function addPetitionFiles(ctx: AppContext, origin: Origin, petitionId: string, files: StoredFile[]) {
  return runCommand(ctx, origin, async (s) => {
    const p = await getPetition(s.tx, petitionId);
    allow(recordPetitionRefusal(actorIn(s), p));
    const ids = await recordFiles(s, petitionId, files, { auditFileName: true });
    await s.tx.update(petitions).set({ updatedAt: s.now }).where(eq(petitions.id, petitionId));
    return ids;
  });
}

/** The finding a petition becomes: the assignment's, from source "petition". */
async function findingFrom(
  s: CommandScope,
  asg: { id: string; orgId: string },
  petitionId: string,
  f: NonNullable<HandlePetitionInput["finding"]>,
) {
  const subcategory = f.subcategory ?? null;
  await assertClassification(s.tx, { category: f.category, subcategory }, { category: true, subcategory: true });
  const id = uuidv7();
  const values = {
    assignmentId: asg.id,
    orgId: asg.orgId,
    text: f.text,
    category: f.category,
    subcategory,
    isCommon: false,
    isCoreMandate: f.category === "core_mandate",
    involvesTopLeader: false,
    source: "petition",
  };
  await s.tx.insert(findings).values({ id, ...created(s), ...values });
  await s.audit({ action: "finding.create", recordType: "finding", recordIds: [id, asg.id, petitionId], changes: values });
  return id;
}

async function leadFrom(
  s: CommandScope,
  asg: { id: string; orgId: string },
  petitionId: string,
  l: NonNullable<HandlePetitionInput["lead"]>,
) {
  const id = uuidv7();
  const values = { assignmentId: asg.id, orgId: asg.orgId, leadClass: l.leadClass, summary: l.summary, status: "pending" };
  await s.tx.insert(leads).values({ id, ...created(s), ...values });
  await s.audit({
    action: "lead.create",
    recordType: "lead",
    recordIds: [id, asg.id, petitionId],
    changes: { ...values, source: "petition" },
  });
  return id;
}

export function handlePetition(ctx: AppContext, origin: Origin, id: string, input: HandlePetitionInput) {
  return runCommand(ctx, origin, async (s) => {
    const j = await getPetition(s.tx, id);
    const p = j.petition;
    allow(handlePetitionRefusal(actorIn(s), j));
    if (p.version !== input.version) throw conflict(STALE);
    const from = p.status as PetitionStatus;
    const reason = handleInputReason(from, input);
    if (reason) throw ruleViolation(reason);

    const asg = await getAssignmentRecord(s.tx, p.assignmentId);
    const next: Partial<typeof petitions.$inferInsert> = { status: input.status };
    if (input.status === "to_finding" && from !== "to_finding") {
      if (asg.feedbackRegistered) throw ruleViolation("该巡察任务已登记反馈意见，不能再转为问题");
      next.findingId = await findingFrom(s, asg, id, input.finding!);
    }
    if (input.status === "to_lead" && from !== "to_lead") next.leadId = await leadFrom(s, asg, id, input.lead!);
    if (input.handlingNote) next.handlingNote = input.handlingNote;
    if (input.status === "transferred") next.transferredTo = input.transferredTo!;
    if (input.reply && input.reply !== p.reply) {
      next.reply = input.reply;
      next.repliedAt = s.now;
    }
    const changes = diff(p, next);
    delete changes.repliedAt;
    changes.status = [from, input.status];
    const done = await s.tx
      .update(petitions)
      .set({ ...next, updatedAt: s.now, version: p.version + 1 })
      .where(and(eq(petitions.id, id), eq(petitions.version, p.version)))
      .returning({ id: petitions.id });
    if (done.length === 0) throw conflict(STALE);
    // The audit entry keeps the reply and the note as words (the petition's history), never the identity.
    await s.audit({
      action: "petition.handle",
      recordType: "petition",
      recordIds: [id, p.assignmentId],
      changes: Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [k, k === "status" ? v : (v as [unknown, unknown])[1]]),
      ),
    });
  });
}

/** The sender's identity, for the team leader and the office head; each look is an audit entry of its own. */
export function viewIdentity(ctx: AppContext, origin: Origin, id: string): Promise<PetitionIdentity> {
  return runCommand(ctx, origin, async (s) => {
    const j = await getPetition(s.tx, id);
    allow(viewIdentityRefusal(actorIn(s), j));
    if (j.petition.anonymous || !j.petition.identityCipher) throw ruleViolation("这是匿名举报，没有留存举报人身份信息");
    let identity: PetitionIdentity;
    try {
      identity = JSON.parse(decrypt(j.petition.identityCipher, sm4Key(ctx.config.dataDir))) as PetitionIdentity;
    } catch (e) {
      if (e instanceof Sm4Error) throw ruleViolation(`举报人身份信息无法解密：${e.message}`);
      throw e;
    }
    await s.audit({
      action: "petition.view_identity",
      recordType: "petition",
      recordIds: [id, j.petition.assignmentId],
      changes: {},
    });
    return identity;
  });
}

/** Makes the assignment's public form address, or replaces it (the old one stops working at once). */
export function createPetitionLink(ctx: AppContext, origin: Origin, assignmentId: string): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getAssignmentRecord(s.tx, assignmentId);
    allow(manageLinkRefusal(actorIn(s), asg));
    const old = await s.tx
      .select({ id: petitionLinks.id, version: petitionLinks.version })
      .from(petitionLinks)
      .where(and(eq(petitionLinks.assignmentId, assignmentId), eq(petitionLinks.active, true), isNull(petitionLinks.deletedAt)));
    for (const o of old) {
      await s.tx
        .update(petitionLinks)
        .set({ active: false, updatedAt: s.now, version: o.version + 1 })
        .where(eq(petitionLinks.id, o.id));
    }
    const id = uuidv7();
    // 144 random bits, URL-safe: the address cannot be guessed from another one.
    const token = randomBytes(18).toString("base64url");
    await s.tx.insert(petitionLinks).values({ id, ...created(s), assignmentId, token, active: true });
    await s.audit({
      action: "petition.link_create",
      recordType: "petition_link",
      recordIds: [id, assignmentId, ...old.map((o) => o.id)],
      changes: { replaced: old.length },
    });
    return token;
  });
}
