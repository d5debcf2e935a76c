/** Recording accountability actions (office, commission, organisation dept.) and rules made (office or the org). */
import { and, inArray, isNull } from "drizzle-orm";
import type { AccountabilityInput, RuleInput } from "../../../domain/accountability.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type Origin } from "../../command.ts";
import type { AppContext } from "../../context.ts";
import {
  accountabilityActions,
  accountabilityLinks,
  findings,
  ledgerRows,
  letters,
  ruleFindings,
  rulesMade,
} from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { linksUnfedFindings, recordAccountabilityRefusal, recordRuleRefusal } from "./policy.ts";
import { getOrgRecord } from "./queries.ts";

export function createAccountability(ctx: AppContext, origin: Origin, input: AccountabilityInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(recordAccountabilityRefusal(actorIn(s)));
    if (input.orgId) await getOrgRecord(s.tx, input.orgId);
    const rowIds = [...new Set(input.rowIds)];
    const letterIds = [...new Set(input.letterIds)];
    if (rowIds.length) {
      const found = await s.tx
        .select({ id: ledgerRows.id })
        .from(ledgerRows)
        .where(and(inArray(ledgerRows.id, rowIds), isNull(ledgerRows.deletedAt)));
      if (found.length !== rowIds.length) throw notFound("所选台账条目");
    }
    if (letterIds.length) {
      const found = await s.tx
        .select({ id: letters.id })
        .from(letters)
        .where(and(inArray(letters.id, letterIds), isNull(letters.deletedAt)));
      if (found.length !== letterIds.length) throw notFound("所选函件");
    }
    const id = uuidv7();
    const values = {
      kind: input.kind,
      orgId: input.orgId ?? null,
      personName: input.personName,
      personPosition: input.personPosition,
      decidedOn: input.decidedOn,
      authority: input.authority,
      description: input.description,
    };
    await s.tx.insert(accountabilityActions).values({ id, ...created(s), ...values });
    const links = [
      ...rowIds.map((rowId) => ({ rowId, letterId: null })),
      ...letterIds.map((letterId) => ({ rowId: null, letterId })),
    ];
    if (links.length)
      await s.tx.insert(accountabilityLinks).values(links.map((l) => ({ id: uuidv7(), ...created(s), actionId: id, ...l })));
    await s.audit({
      action: "accountability.create",
      recordType: "accountability_action",
      // The linked rows' histories show the accountability that followed.
      recordIds: [id, ...rowIds, ...letterIds],
      changes: { ...values, rowIds, letterIds },
    });
    return id;
  });
}

export function createRule(ctx: AppContext, origin: Origin, input: RuleInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const actor = actorIn(s);
    const org = await getOrgRecord(s.tx, input.orgId);
    allow(recordRuleRefusal(actor, org));
    const findingIds = [...new Set(input.findingIds)];
    const found = await s.tx
      .select({ id: findings.id, orgId: findings.orgId, problemId: findings.problemId })
      .from(findings)
      .where(and(inArray(findings.id, findingIds), isNull(findings.deletedAt)));
    if (found.length !== findingIds.length) throw notFound("所选问题");
    if (found.some((f) => f.orgId !== org.id)) throw ruleViolation(`所选问题中有不属于${org.name}的问题`);
    if (!linksUnfedFindings(actor) && found.some((f) => f.problemId === null))
      throw ruleViolation("所选问题中有尚未反馈给本单位的问题");
    const id = uuidv7();
    const values = {
      orgId: org.id,
      title: input.title,
      kind: input.kind,
      adoptedOn: input.adoptedOn,
      description: input.description,
    };
    await s.tx.insert(rulesMade).values({ id, ...created(s), ...values });
    await s.tx
      .insert(ruleFindings)
      .values(findingIds.map((findingId) => ({ id: uuidv7(), ...created(s), ruleId: id, findingId })));
    await s.audit({
      action: "rule.create",
      recordType: "rule",
      recordIds: [id, ...findingIds],
      changes: { ...values, findingIds },
    });
    return id;
  });
}
