/** Keeping the talent pool: entering, changing and removing people, and their declared ties (office). */
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { conflict, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  RELATION_KIND_LABELS,
  type PoolPersonInput,
  type PoolPersonPatch,
  type PoolRemoveInput,
  type RelationInput,
} from "../../../domain/pool.ts";
import { ADMIN_ROLES } from "../../../domain/roles.ts";
import { diff } from "../../audit/append.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { orgs, poolPeople, poolRelations, roleGrants, users } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { changePersonStateReason, managePoolRefusal } from "./policy.ts";
import { getPersonRecord } from "./queries.ts";

async function assertOrg(s: CommandScope, orgId: string, what: string): Promise<{ id: string; name: string }> {
  const [org] = await s.tx
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org) throw notFound(what);
  return org;
}

/** The account a pool person is linked to: a live business account, linked to nobody else in the pool. */
async function assertAccount(s: CommandScope, userId: string, personId: string | null): Promise<void> {
  const [u] = await s.tx
    .select({ id: users.id, displayName: users.displayName, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!u) throw notFound("关联账号");
  if (!u.active) throw ruleViolation(`${u.displayName}的账号已停用，不能关联`);
  const [admin] = await s.tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.deletedAt), inArray(roleGrants.role, [...ADMIN_ROLES])))
    .limit(1);
  if (admin) throw ruleViolation("系统管理员、安全保密管理员和安全审计员账号不能关联人才库人员");
  const [other] = await s.tx
    .select({ name: poolPeople.name })
    .from(poolPeople)
    .where(and(eq(poolPeople.userId, userId), isNull(poolPeople.deletedAt), personId ? ne(poolPeople.id, personId) : undefined));
  if (other) throw conflict(`该账号已关联人才库人员 ${other.name}`);
}

export function createPerson(ctx: AppContext, origin: Origin, input: PoolPersonInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    if (input.unitOrgId) await assertOrg(s, input.unitOrgId, "工作单位");
    if (input.userId) await assertAccount(s, input.userId, null);
    const id = uuidv7();
    const values = {
      name: input.name,
      unit: input.unit,
      unitOrgId: input.unitOrgId ?? null,
      position: input.position ?? null,
      rank: input.rank ?? null,
      partyStatus: input.partyStatus,
      specialties: input.specialties,
      status: input.status,
      leaderPool: input.leaderPool,
      userId: input.userId ?? null,
      phone: input.phone ?? null,
    };
    await s.tx.insert(poolPeople).values({ id, ...created(s), ...values });
    await s.audit({ action: "pool.create", recordType: "pool_person", recordIds: [id], changes: values });
    return id;
  });
}

export function updatePerson(ctx: AppContext, origin: Origin, id: string, patch: PoolPersonPatch): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const old = await getPersonRecord(s.tx, id);
    if (old.version !== patch.version) throw conflict(STALE);
    const locked = changePersonStateReason(old);
    if (locked) throw ruleViolation(locked);
    const pick = <K extends keyof typeof old>(k: K, v: (typeof old)[K] | undefined) => (v === undefined ? old[k] : v);
    const next = {
      name: pick("name", patch.name),
      unit: pick("unit", patch.unit),
      unitOrgId: pick("unitOrgId", patch.unitOrgId),
      position: pick("position", patch.position),
      rank: pick("rank", patch.rank),
      partyStatus: pick("partyStatus", patch.partyStatus),
      specialties: pick("specialties", patch.specialties),
      status: pick("status", patch.status),
      leaderPool: pick("leaderPool", patch.leaderPool),
      userId: pick("userId", patch.userId),
      phone: pick("phone", patch.phone),
    };
    if (next.unitOrgId && next.unitOrgId !== old.unitOrgId) await assertOrg(s, next.unitOrgId, "工作单位");
    if (next.userId && next.userId !== old.userId) await assertAccount(s, next.userId, id);
    const changes = diff(old, next);
    if (Object.keys(changes).length === 0) throw ruleViolation("没有需要保存的修改");
    const done = await s.tx
      .update(poolPeople)
      .set({ ...next, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(poolPeople.id, id), eq(poolPeople.version, old.version)))
      .returning({ id: poolPeople.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({ action: "pool.update", recordType: "pool_person", recordIds: [id], changes });
  });
}

/** Removal (清退) keeps the person, with the reason and date, in the pool's history. */
export function removePerson(ctx: AppContext, origin: Origin, id: string, input: PoolRemoveInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const old = await getPersonRecord(s.tx, id);
    if (old.version !== input.version) throw conflict(STALE);
    if (old.status === "removed") throw ruleViolation(`${old.name} 已从人才库清退`);
    const removedOn = input.removedOn ?? todayIn(ctx);
    const done = await s.tx
      .update(poolPeople)
      .set({ status: "removed", removedReason: input.reason, removedOn, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(poolPeople.id, id), eq(poolPeople.version, old.version)))
      .returning({ id: poolPeople.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "pool.remove",
      recordType: "pool_person",
      recordIds: [id],
      changes: { status: [old.status, "removed"], removedReason: input.reason, removedOn },
    });
  });
}

export function addRelation(ctx: AppContext, origin: Origin, personId: string, input: RelationInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const person = await getPersonRecord(s.tx, personId);
    const locked = changePersonStateReason(person);
    if (locked) throw ruleViolation(locked);
    const org = await assertOrg(s, input.orgId, "单位");
    const [same] = await s.tx
      .select({ id: poolRelations.id })
      .from(poolRelations)
      .where(
        and(
          eq(poolRelations.personId, personId),
          eq(poolRelations.orgId, input.orgId),
          eq(poolRelations.kind, input.kind),
          isNull(poolRelations.deletedAt),
        ),
      );
    if (same) throw conflict(`已登记 ${person.name} 与 ${org.name} 的“${RELATION_KIND_LABELS[input.kind]}”关系`);
    const id = uuidv7();
    const values = { personId, orgId: input.orgId, kind: input.kind, note: input.note ?? null };
    await s.tx.insert(poolRelations).values({ id, ...created(s), ...values });
    await s.audit({
      action: "pool.add_relation",
      recordType: "pool_relation",
      recordIds: [id, personId, input.orgId],
      changes: { ...values, orgName: org.name, kindLabel: RELATION_KIND_LABELS[input.kind] },
    });
    return id;
  });
}

export function removeRelation(ctx: AppContext, origin: Origin, personId: string, relationId: string): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(managePoolRefusal(actorIn(s)));
    const person = await getPersonRecord(s.tx, personId);
    const locked = changePersonStateReason(person);
    if (locked) throw ruleViolation(locked);
    const [r] = await s.tx
      .select()
      .from(poolRelations)
      .where(and(eq(poolRelations.id, relationId), eq(poolRelations.personId, personId), isNull(poolRelations.deletedAt)));
    if (!r) throw notFound("回避关系");
    await s.tx
      .update(poolRelations)
      .set({ deletedAt: s.now, updatedAt: s.now, version: r.version + 1 })
      .where(eq(poolRelations.id, relationId));
    await s.audit({
      action: "pool.remove_relation",
      recordType: "pool_relation",
      recordIds: [relationId, personId, r.orgId],
      changes: { personId, orgId: r.orgId, kind: r.kind },
    });
  });
}
