/** Reading findings, with the quality signals the report needs (core-mandate and common shares, backfill). */
import { and, asc, eq, isNull } from "drizzle-orm";
import { notFound } from "../../../domain/errors.ts";
import {
  FINDING_CATEGORY_LABELS,
  FINDING_SOURCE_LABELS,
  findingShares,
  type FindingCategory,
  type FindingSource,
} from "../../../domain/finding.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, findings } from "../../db/schema.ts";
import { findingCan } from "./policy.ts";
import type { FindingView } from "./schema.ts";

/** The calendar date in China (UTC+8) of an instant. */
export const chinaDate = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

type FindingRow = typeof findings.$inferSelect;

export function presentFinding(actor: Actor, asg: { teamId: string; withdrawalDate: string | null }, f: FindingRow): FindingView {
  return {
    id: f.id,
    assignmentId: f.assignmentId,
    text: f.text,
    category: f.category,
    categoryLabel: FINDING_CATEGORY_LABELS[f.category as FindingCategory] ?? f.category,
    characterisation: f.characterisation,
    isCommon: f.isCommon,
    isCoreMandate: f.isCoreMandate,
    involvesTopLeader: f.involvesTopLeader,
    source: f.source,
    sourceLabel: f.source ? (FINDING_SOURCE_LABELS[f.source as FindingSource] ?? f.source) : null,
    problemId: f.problemId,
    createdAt: f.createdAt.toISOString(),
    createdBy: f.createdBy,
    version: f.version,
    // 补录: entered after the team had left the site.
    enteredAfterWithdrawal: asg.withdrawalDate !== null && chinaDate(f.createdAt) > asg.withdrawalDate,
    can: findingCan(actor, asg, f),
  };
}

export async function listFindings(db: Db, actor: Actor, asg: { id: string; teamId: string; withdrawalDate: string | null }) {
  const rows = await db
    .select()
    .from(findings)
    .where(and(eq(findings.assignmentId, asg.id), isNull(findings.deletedAt)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
  return { items: rows.map((f) => presentFinding(actor, asg, f)), shares: findingShares(rows) };
}

/** A finding with the assignment facts its rules depend on. */
export async function getFindingRecord(db: Db, id: string) {
  const [row] = await db
    .select({ finding: findings, teamId: assignments.teamId, withdrawalDate: assignments.withdrawalDate })
    .from(findings)
    .innerJoin(assignments, eq(assignments.id, findings.assignmentId))
    .where(and(eq(findings.id, id), isNull(findings.deletedAt), isNull(assignments.deletedAt)));
  if (!row) throw notFound("问题");
  return row;
}
