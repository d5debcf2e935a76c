/**
 * Launching a fix-alike campaign (同类同改 / 未巡先改): one self-check row in the ledger of every target organisation,
 * inspected or not, in one transaction. The rows are ordinary ledger rows without assignment or feedback problem;
 * the organisation's contact fills them and the office closes them out as any other.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { selfCheckText, type CampaignInput } from "../../../domain/common.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { campaigns, campaignTargets, ledgerRows, orgs } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn } from "../rounds/round-commands.ts";
import { getCampaign } from "./campaign-queries.ts";
import { addTargetsStateReason, launchCampaignRefusal } from "./policy.ts";
import { getCommonProblem } from "./queries.ts";

type CampaignRow = typeof campaigns.$inferSelect;

/** Rows per insert statement: well below PostgreSQL's limit of 65 535 parameters. */
const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** Puts one self-check row per organisation into their ledgers and records the targets; returns the row ids. */
async function addTargetRows(
  s: CommandScope,
  c: Pick<CampaignRow, "id" | "title" | "instructions" | "dueDate">,
  orgIds: readonly string[],
): Promise<string[]> {
  const found = await s.tx
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(inArray(orgs.id, [...orgIds]), isNull(orgs.deletedAt)));
  if (found.length !== orgIds.length) {
    throw notFound(orgIds.length === 1 ? "单位" : `所选单位中有 ${orgIds.length - found.length} 个`);
  }
  const already = await s.tx
    .select({ name: orgs.name })
    .from(campaignTargets)
    .innerJoin(orgs, eq(orgs.id, campaignTargets.orgId))
    .where(
      and(eq(campaignTargets.campaignId, c.id), inArray(campaignTargets.orgId, [...orgIds]), isNull(campaignTargets.deletedAt)),
    );
  if (already.length) {
    const names = already.map((a) => `“${a.name}”`);
    throw ruleViolation(
      `${names.slice(0, 5).join("、")}${names.length > 5 ? ` 等 ${names.length} 个单位` : ""}已在本次部署中，不能重复部署`,
    );
  }
  // Self-check rows are numbered per organisation: 自查1, 自查2 … across campaigns.
  const counts = await s.tx
    .select({ orgId: ledgerRows.orgId, n: sql<number>`count(*)::int` })
    .from(ledgerRows)
    .where(and(inArray(ledgerRows.orgId, [...orgIds]), isNotNull(ledgerRows.campaignId), isNull(ledgerRows.deletedAt)))
    .groupBy(ledgerRows.orgId);
  const seen = new Map(counts.map((r) => [r.orgId, Number(r.n)]));
  const text = selfCheckText(c);
  const rows = orgIds.map((orgId) => ({
    id: uuidv7(),
    ...created(s),
    orgId,
    assignmentId: null,
    problemId: null,
    campaignId: c.id,
    seqLabel: `自查${(seen.get(orgId) ?? 0) + 1}`,
    seq: 1,
    text,
    deadline: c.dueDate,
    kind: "by_deadline",
    progress: "not_started",
    status: "open",
  }));
  for (const part of chunks(rows)) await s.tx.insert(ledgerRows).values(part);
  const targets = rows.map((r) => ({ id: uuidv7(), ...created(s), campaignId: c.id, orgId: r.orgId, rowId: r.id }));
  for (const part of chunks(targets)) await s.tx.insert(campaignTargets).values(part);
  return rows.map((r) => r.id);
}

export function launchCampaign(ctx: AppContext, origin: Origin, commonProblemId: string, input: CampaignInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    allow(launchCampaignRefusal(actorIn(s)));
    await getCommonProblem(s.tx, commonProblemId);
    if (input.dueDate < todayIn(ctx)) throw ruleViolation("整改时限不能早于今天");
    const id = uuidv7();
    const values = {
      commonProblemId,
      kind: input.kind,
      title: input.title,
      instructions: input.instructions,
      launchedOn: todayIn(ctx),
      dueDate: input.dueDate,
    };
    await s.tx.insert(campaigns).values({ id, ...created(s), ...values });
    const rowIds = await addTargetRows(s, { id, ...values }, input.orgIds);
    await s.audit({
      action: "campaign.launch",
      recordType: "campaign",
      recordIds: [id, commonProblemId, ...rowIds],
      changes: { ...values, orgIds: input.orgIds },
    });
    return id;
  });
}

/** Adds organisations to a campaign already launched (e.g. ones forgotten or founded since). */
export function addCampaignTargets(ctx: AppContext, origin: Origin, campaignId: string, orgIds: string[]): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(launchCampaignRefusal(actorIn(s)));
    await s.tx.execute(sql`select id from campaigns where id = ${campaignId} for update`);
    const c = await getCampaign(s.tx, campaignId);
    const late = addTargetsStateReason(c, todayIn(ctx));
    if (late) throw ruleViolation(late);
    const rowIds = await addTargetRows(s, c, orgIds);
    await s.audit({
      action: "campaign.launch",
      recordType: "campaign",
      recordIds: [campaignId, c.commonProblemId, ...rowIds],
      changes: { addedOrgIds: orgIds },
    });
  });
}
