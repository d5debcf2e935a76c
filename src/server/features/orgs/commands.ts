/** Changing the organisation registry: one command per action, each with its rule check and audit entry. */
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  ORG_KIND_LABELS,
  RISK_CLASS_LABELS,
  type OrgInput,
  type OrgPatch,
  type RiskClass,
  type RiskClassChange,
} from "../../../domain/org.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { orgRiskHistory, orgs } from "../../db/schema.ts";
import { canManageOrgs, REFUSE_MANAGE } from "./policy.ts";
import { orgUsage, subtreeOf, type OrgRow } from "./queries.ts";

export const STALE_VERSION = "该单位已被他人修改，请刷新后重试";
const NOT_VILLAGE = "只有村（社区）可以设置村（社区）类别";

const fieldError = (field: string, message: string) => ruleViolation(message, { fields: [{ field, message }] });
const blankToNull = (s: string | null | undefined) => (s ? s : null);

export function assertManager(s: CommandScope): void {
  if (!s.actor || !canManageOrgs(s.actor)) throw forbidden(REFUSE_MANAGE);
}

/** The organisation, locked for this transaction. */
async function lockOrg(tx: Db, id: string): Promise<OrgRow> {
  const [row] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)))
    .for("update");
  if (!row) throw notFound("该单位");
  return row;
}

async function findParent(tx: Db, parentId: string): Promise<OrgRow> {
  const [parent] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, parentId), isNull(orgs.deletedAt)));
  if (!parent) throw fieldError("parentId", "上级单位不存在或已删除");
  return parent;
}

async function assertCodeFree(tx: Db, code: string | null, exceptId: string | null): Promise<void> {
  if (!code) return;
  const [other] = await tx
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.code, code), isNull(orgs.deletedAt), exceptId ? ne(orgs.id, exceptId) : undefined));
  if (other) throw conflict(`单位代码“${code}”已被“${other.name}”使用`);
}

async function assertNameFree(tx: Db, parentId: string | null, name: string, exceptId: string | null): Promise<void> {
  const [other] = await tx
    .select({ id: orgs.id })
    .from(orgs)
    .where(
      and(
        parentId ? eq(orgs.parentId, parentId) : isNull(orgs.parentId),
        eq(orgs.name, name),
        isNull(orgs.deletedAt),
        exceptId ? ne(orgs.id, exceptId) : undefined,
      ),
    );
  if (other) throw conflict(`同一上级单位下已有名为“${name}”的单位`);
}

/** A concurrent insert can still hit the unique index on code: report it as the conflict it is. */
export async function guardUnique<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (e) {
    const codeOf = (x: unknown) => (x && typeof x === "object" && "code" in x ? (x as { code: unknown }).code : undefined);
    if (codeOf(e) === "23505" || codeOf((e as { cause?: unknown } | null)?.cause) === "23505") {
      throw conflict("单位代码已被其他单位使用，请刷新后重试");
    }
    throw e;
  }
}

export function createOrg(ctx: AppContext, origin: Origin, input: OrgInput): Promise<OrgRow> {
  return guardUnique(
    runCommand(ctx, origin, async (s) => {
      assertManager(s);
      const village = input.kind === "village";
      if (input.riskClass && !village) throw fieldError("riskClass", NOT_VILLAGE);
      const parent = input.parentId ? await findParent(s.tx, input.parentId) : null;
      const code = blankToNull(input.code);
      await assertCodeFree(s.tx, code, null);
      await assertNameFree(s.tx, parent?.id ?? null, input.name, null);
      const id = uuidv7();
      const riskClass: RiskClass | null = village ? (input.riskClass ?? "normal") : null;
      const [org] = await s.tx
        .insert(orgs)
        .values({
          id,
          ...created(s),
          name: input.name,
          code,
          kind: input.kind,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? "/"}${id}/`,
          supervisingLeader: blankToNull(input.supervisingLeader),
          partySecretary: blankToNull(input.partySecretary),
          riskClass,
        })
        .returning();
      if (riskClass) {
        await s.tx
          .insert(orgRiskHistory)
          .values({ id: uuidv7(), ...created(s), orgId: id, riskClass, effectiveFrom: todayIn(ctx), reason: "新增单位时设定" });
      }
      await s.audit({
        action: "org.create",
        recordType: "org",
        recordIds: [id],
        changes: { name: input.name, code, kind: input.kind, parentId: parent?.id ?? null, riskClass },
      });
      return org!;
    }),
  );
}

type EditableField = "name" | "code" | "kind" | "parentId" | "supervisingLeader" | "partySecretary";
const EDITABLE: EditableField[] = ["name", "code", "kind", "parentId", "supervisingLeader", "partySecretary"];

/** The fields the patch really changes, as { field: [before, after] }. */
function diff(old: OrgRow, patch: OrgPatch): Partial<Record<EditableField, [unknown, unknown]>> {
  const out: Partial<Record<EditableField, [unknown, unknown]>> = {};
  for (const f of EDITABLE) {
    if (patch[f] === undefined) continue;
    const next = f === "name" || f === "kind" ? patch[f] : blankToNull(patch[f]);
    if (next !== old[f]) out[f] = [old[f], next];
  }
  return out;
}

export async function updateOrg(ctx: AppContext, origin: Origin, id: string, patch: OrgPatch): Promise<OrgRow> {
  // Saving an unchanged form changes nothing and leaves no audit entry.
  const [current] = await ctx.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)));
  if (current && origin.actor && canManageOrgs(origin.actor) && current.version === patch.version) {
    if (!Object.keys(diff(current, patch)).length) return current;
  }
  return guardUnique(
    runCommand(ctx, origin, async (s) => {
      assertManager(s);
      const old = await lockOrg(s.tx, id);
      if (old.version !== patch.version) throw conflict(STALE_VERSION);
      const changes: Record<string, unknown> = diff(old, patch);
      const next = {
        name: patch.name ?? old.name,
        code: patch.code === undefined ? old.code : blankToNull(patch.code),
        kind: patch.kind ?? old.kind,
        parentId: patch.parentId === undefined ? old.parentId : patch.parentId,
      };
      if ("code" in changes) await assertCodeFree(s.tx, next.code, id);
      if ("name" in changes || "parentId" in changes) await assertNameFree(s.tx, next.parentId, next.name, id);

      let path = old.path;
      const recordIds = [id];
      if ("parentId" in changes) {
        const parent = next.parentId ? await findParent(s.tx, next.parentId) : null;
        if (parent && parent.path.startsWith(old.path)) throw fieldError("parentId", "不能把单位移到它自己或它的下级单位之下");
        path = `${parent?.path ?? "/"}${id}/`;
        // The whole subtree moves with it: rewrite the prefix of every path below (tombstones too, so they stay consistent).
        const moved = await s.tx
          .update(orgs)
          .set({
            path: sql`${path} || substr(${orgs.path}, ${old.path.length + 1}::integer)`,
            updatedAt: s.now,
            version: sql`${orgs.version} + 1`,
          })
          .where(and(subtreeOf(old.path), ne(orgs.id, id)))
          .returning({ id: orgs.id });
        recordIds.push(...moved.map((m) => m.id));
        changes.path = [old.path, path];
        changes.movedDescendants = moved.length;
      }

      // The risk class follows the kind: a village always has one, nothing else has one.
      let riskClass = old.riskClass;
      if ("kind" in changes) {
        riskClass = next.kind === "village" ? (old.riskClass ?? "normal") : null;
        if (riskClass !== old.riskClass) changes.riskClass = [old.riskClass, riskClass];
        if (riskClass && !old.riskClass) {
          await s.tx.insert(orgRiskHistory).values({
            id: uuidv7(),
            ...created(s),
            orgId: id,
            riskClass,
            effectiveFrom: todayIn(ctx),
            reason: `单位类型由“${ORG_KIND_LABELS[old.kind as keyof typeof ORG_KIND_LABELS] ?? old.kind}”改为村（社区）`,
          });
        }
      }

      const [org] = await s.tx
        .update(orgs)
        .set({
          ...next,
          path,
          riskClass,
          supervisingLeader: patch.supervisingLeader === undefined ? old.supervisingLeader : blankToNull(patch.supervisingLeader),
          partySecretary: patch.partySecretary === undefined ? old.partySecretary : blankToNull(patch.partySecretary),
          updatedAt: s.now,
          version: old.version + 1,
        })
        .where(eq(orgs.id, id))
        .returning();
      await s.audit({ action: "org.update", recordType: "org", recordIds, changes });
      return org!;
    }),
  );
}

export function deleteOrg(ctx: AppContext, origin: Origin, id: string): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    assertManager(s);
    const old = await lockOrg(s.tx, id);
    const usage = await orgUsage(s.tx, [id]);
    if (usage.withChildren.has(id)) throw ruleViolation("该单位下还有下级单位，请先删除或移走下级单位");
    if (usage.inUse.has(id)) throw ruleViolation("该单位已有巡察任务或用户授权，不能删除");
    await s.tx
      .update(orgs)
      .set({ deletedAt: s.now, updatedAt: s.now, version: old.version + 1 })
      .where(eq(orgs.id, id));
    await s.audit({ action: "org.delete", recordType: "org", recordIds: [id], changes: { name: old.name, code: old.code } });
  });
}

export function setRiskClass(ctx: AppContext, origin: Origin, id: string, change: RiskClassChange): Promise<OrgRow> {
  return runCommand(ctx, origin, async (s) => {
    assertManager(s);
    const old = await lockOrg(s.tx, id);
    if (old.kind !== "village") throw ruleViolation(NOT_VILLAGE);
    if (old.riskClass === change.riskClass) {
      throw fieldError("riskClass", `该村（社区）已是“${RISK_CLASS_LABELS[change.riskClass]}”`);
    }
    const [latest] = await s.tx
      .select({ effectiveFrom: orgRiskHistory.effectiveFrom })
      .from(orgRiskHistory)
      .where(and(eq(orgRiskHistory.orgId, id), isNull(orgRiskHistory.deletedAt)))
      .orderBy(desc(orgRiskHistory.effectiveFrom))
      .limit(1);
    if (latest && change.effectiveFrom < latest.effectiveFrom) {
      throw fieldError("effectiveFrom", `生效日期不能早于上次调整的生效日期（${latest.effectiveFrom}）`);
    }
    await s.tx.insert(orgRiskHistory).values({
      id: uuidv7(),
      ...created(s),
      orgId: id,
      riskClass: change.riskClass,
      effectiveFrom: change.effectiveFrom,
      reason: change.reason,
    });
    const [org] = await s.tx
      .update(orgs)
      .set({ riskClass: change.riskClass, updatedAt: s.now, version: old.version + 1 })
      .where(eq(orgs.id, id))
      .returning();
    await s.audit({
      action: "org.set_risk_class",
      recordType: "org",
      recordIds: [id],
      changes: { riskClass: [old.riskClass, change.riskClass], effectiveFrom: change.effectiveFrom, reason: change.reason },
    });
    return org!;
  });
}
