/** Reading accountability actions and rules made, within what the reader may see, with their figures. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import {
  ACCOUNTABILITY_KIND_LABELS,
  ACCOUNTABILITY_TARGET_LABELS,
  accountabilityFigures,
  accountabilityTarget,
  RULE_KIND_LABELS,
  ruleFigures,
  type AccountabilityKind,
  type RuleKind,
} from "../../../domain/accountability.ts";
import { notFound } from "../../../domain/errors.ts";
import { FINDING_CATEGORY_LABELS, type FindingCategory } from "../../../domain/finding.ts";
import { documentNumber, LETTER_KIND_LABELS, type LetterKind } from "../../../domain/letter.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import {
  accountabilityActions,
  accountabilityLinks,
  findings,
  ledgerRows,
  letters,
  orgs,
  ruleFindings,
  rulesMade,
} from "../../db/schema.ts";
import { visibleOrgRecords } from "./policy.ts";
import type { AccountabilityView, RuleFindingView, RuleView } from "./schema.ts";

export async function getOrgRecord(db: Db, id: string): Promise<{ id: string; name: string; path: string }> {
  const [org] = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, id), isNull(orgs.deletedAt)));
  if (!org) throw notFound("单位");
  return org;
}

export interface AccountabilityFilter {
  id?: string | undefined;
  kind?: AccountabilityKind | undefined;
  orgId?: string | undefined;
}

function actionConditions(actor: Actor, f: AccountabilityFilter): SQL[] {
  const where: SQL[] = [isNull(accountabilityActions.deletedAt)];
  const scope = visibleOrgRecords(actor, { orgId: accountabilityActions.orgId, orgPath: orgs.path });
  if (scope) where.push(scope);
  if (f.id) where.push(eq(accountabilityActions.id, f.id));
  if (f.kind) where.push(eq(accountabilityActions.kind, f.kind));
  if (f.orgId) where.push(eq(accountabilityActions.orgId, f.orgId));
  return where;
}

export async function listAccountability(db: Db, actor: Actor, f: AccountabilityFilter): Promise<AccountabilityView[]> {
  const actions = await db
    .select({ action: accountabilityActions, orgName: orgs.name })
    .from(accountabilityActions)
    .leftJoin(orgs, eq(orgs.id, accountabilityActions.orgId))
    .where(and(...actionConditions(actor, f)))
    .orderBy(desc(accountabilityActions.decidedOn), desc(accountabilityActions.createdAt), asc(accountabilityActions.id));
  const ids = actions.map((a) => a.action.id);
  const linkedRows = ids.length
    ? await db
        .select({
          actionId: accountabilityLinks.actionId,
          id: ledgerRows.id,
          orgName: orgs.name,
          seqLabel: ledgerRows.seqLabel,
          text: ledgerRows.text,
        })
        .from(accountabilityLinks)
        .innerJoin(ledgerRows, eq(ledgerRows.id, accountabilityLinks.rowId))
        .innerJoin(orgs, eq(orgs.id, ledgerRows.orgId))
        .where(and(inArray(accountabilityLinks.actionId, ids), isNull(accountabilityLinks.deletedAt)))
        .orderBy(asc(accountabilityLinks.createdAt), asc(accountabilityLinks.id))
    : [];
  const linkedLetters = ids.length
    ? await db
        .select({
          actionId: accountabilityLinks.actionId,
          id: letters.id,
          kind: letters.kind,
          year: letters.year,
          number: letters.number,
          subject: letters.subject,
        })
        .from(accountabilityLinks)
        .innerJoin(letters, eq(letters.id, accountabilityLinks.letterId))
        .where(and(inArray(accountabilityLinks.actionId, ids), isNull(accountabilityLinks.deletedAt)))
        .orderBy(asc(accountabilityLinks.createdAt), asc(accountabilityLinks.id))
    : [];
  return actions.map(({ action: a, orgName }) => {
    const target = accountabilityTarget(a);
    return {
      id: a.id,
      kind: a.kind as AccountabilityKind,
      kindLabel: ACCOUNTABILITY_KIND_LABELS[a.kind as AccountabilityKind] ?? a.kind,
      target,
      targetLabel: ACCOUNTABILITY_TARGET_LABELS[target],
      orgId: a.orgId,
      orgName,
      personName: a.personName,
      personPosition: a.personPosition,
      decidedOn: a.decidedOn,
      authority: a.authority,
      description: a.description,
      rows: linkedRows
        .filter((r) => r.actionId === a.id)
        .map((r) => ({ id: r.id, orgName: r.orgName, seqLabel: r.seqLabel, text: r.text })),
      letters: linkedLetters
        .filter((l) => l.actionId === a.id)
        .map((l) => ({
          id: l.id,
          documentNumber: documentNumber(l.year, l.number),
          kindLabel: LETTER_KIND_LABELS[l.kind as LetterKind] ?? l.kind,
          subject: l.subject,
        })),
      createdAt: a.createdAt.toISOString(),
    };
  });
}

export async function accountabilityFiguresOf(db: Db, actor: Actor, f: AccountabilityFilter) {
  const rows = await db
    .select({ kind: accountabilityActions.kind, personName: accountabilityActions.personName })
    .from(accountabilityActions)
    .leftJoin(orgs, eq(orgs.id, accountabilityActions.orgId))
    .where(and(...actionConditions(actor, { orgId: f.orgId })));
  return accountabilityFigures(rows);
}

const presentFinding = (f: { id: string; text: string; category: string; problemId: string | null }): RuleFindingView => ({
  id: f.id,
  text: f.text,
  categoryLabel: FINDING_CATEGORY_LABELS[f.category as FindingCategory] ?? f.category,
  problemId: f.problemId,
});

interface RuleFilter {
  id?: string | undefined;
  orgId?: string | undefined;
}

function ruleConditions(actor: Actor, { id, orgId }: RuleFilter): SQL[] {
  const where: SQL[] = [isNull(rulesMade.deletedAt)];
  if (id) where.push(eq(rulesMade.id, id));
  const scope = visibleOrgRecords(actor, { orgId: rulesMade.orgId, orgPath: orgs.path });
  if (scope) where.push(scope);
  if (orgId) where.push(eq(rulesMade.orgId, orgId));
  return where;
}

export async function listRules(db: Db, actor: Actor, f: RuleFilter): Promise<RuleView[]> {
  const rules = await db
    .select({ rule: rulesMade, orgName: orgs.name })
    .from(rulesMade)
    .innerJoin(orgs, eq(orgs.id, rulesMade.orgId))
    .where(and(...ruleConditions(actor, f)))
    .orderBy(desc(rulesMade.adoptedOn), desc(rulesMade.createdAt), asc(rulesMade.id));
  const ids = rules.map((r) => r.rule.id);
  const linked = ids.length
    ? await db
        .select({
          ruleId: ruleFindings.ruleId,
          id: findings.id,
          text: findings.text,
          category: findings.category,
          problemId: findings.problemId,
        })
        .from(ruleFindings)
        .innerJoin(findings, eq(findings.id, ruleFindings.findingId))
        .where(and(inArray(ruleFindings.ruleId, ids), isNull(ruleFindings.deletedAt)))
        .orderBy(asc(ruleFindings.createdAt), asc(ruleFindings.id))
    : [];
  return rules.map(({ rule: r, orgName }) => ({
    id: r.id,
    orgId: r.orgId,
    orgName,
    title: r.title,
    kind: r.kind as RuleKind,
    kindLabel: RULE_KIND_LABELS[r.kind as RuleKind] ?? r.kind,
    adoptedOn: r.adoptedOn,
    description: r.description,
    findings: linked.filter((f) => f.ruleId === r.id).map(presentFinding),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function ruleFiguresOf(db: Db, actor: Actor) {
  const rows = await db
    .select({ kind: rulesMade.kind, orgId: rulesMade.orgId, orgName: orgs.name })
    .from(rulesMade)
    .innerJoin(orgs, eq(orgs.id, rulesMade.orgId))
    .where(and(...ruleConditions(actor, {})));
  return ruleFigures(rows);
}

/** An organisation's findings a rule may be linked to: all for the office, the fed-back ones for its contact. */
export async function findingsOfOrg(db: Db, orgId: string, onlyFedBack: boolean): Promise<RuleFindingView[]> {
  const where: SQL[] = [eq(findings.orgId, orgId), isNull(findings.deletedAt)];
  if (onlyFedBack) where.push(isNotNull(findings.problemId));
  const rows = await db
    .select({ id: findings.id, text: findings.text, category: findings.category, problemId: findings.problemId })
    .from(findings)
    .where(and(...where))
    .orderBy(asc(findings.createdAt), asc(findings.id));
  return rows.map(presentFinding);
}
