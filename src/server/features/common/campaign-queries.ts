/** Reading fix-alike campaigns: their targets, each answered through its self-check row, and the response counts. */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_RESPONSE_LABELS,
  campaignResponseCounts,
  campaignResponseOf,
  type CampaignKind,
} from "../../../domain/common.ts";
import { notFound } from "../../../domain/errors.ts";
import {
  isOverdue,
  LEDGER_STATUS_LABELS,
  PROGRESS_LABELS,
  type LedgerStatus,
  type ProgressState,
} from "../../../domain/ledger.ts";
import { ORG_KIND_LABELS, type OrgKind } from "../../../domain/org.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, campaigns, campaignTargets, commonProblems, ledgerRows, orgs } from "../../db/schema.ts";
import { addTargetsStateReason, launchCampaignRefusal } from "./policy.ts";
import { qualified } from "./queries.ts";
import type { CampaignTargetView, CampaignView } from "./schema.ts";

type CampaignRow = typeof campaigns.$inferSelect;

/** Whether the organisation has ever been inspected: it has a live assignment. */
const inspected = sql<boolean>`exists (select 1 from ${assignments} where ${qualified(assignments.orgId)} = ${qualified(orgs.id)} and ${qualified(assignments.deletedAt)} is null)`;

export async function getCampaign(db: Db, id: string): Promise<CampaignRow> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), isNull(campaigns.deletedAt)));
  if (!row) throw notFound("同类同改部署");
  return row;
}

async function targetRows(db: Db, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  return db
    .select({
      id: campaignTargets.id,
      campaignId: campaignTargets.campaignId,
      orgId: orgs.id,
      orgName: orgs.name,
      orgKind: orgs.kind,
      inspected,
      rowId: ledgerRows.id,
      seqLabel: ledgerRows.seqLabel,
      progress: ledgerRows.progress,
      status: ledgerRows.status,
      deadline: ledgerRows.deadline,
    })
    .from(campaignTargets)
    .innerJoin(orgs, eq(orgs.id, campaignTargets.orgId))
    .innerJoin(ledgerRows, eq(ledgerRows.id, campaignTargets.rowId))
    .where(and(inArray(campaignTargets.campaignId, campaignIds), isNull(campaignTargets.deletedAt), isNull(ledgerRows.deletedAt)))
    .orderBy(asc(orgs.path), asc(orgs.name), asc(campaignTargets.id));
}
type TargetRow = Awaited<ReturnType<typeof targetRows>>[number];

function presentTarget(t: TargetRow, today: string): CampaignTargetView {
  const row = { status: t.status as LedgerStatus, progress: t.progress as ProgressState, deadline: t.deadline };
  const response = campaignResponseOf(row);
  return {
    id: t.id,
    orgId: t.orgId,
    orgName: t.orgName,
    orgKindLabel: ORG_KIND_LABELS[t.orgKind as OrgKind] ?? t.orgKind,
    inspected: Boolean(t.inspected),
    rowId: t.rowId,
    seqLabel: t.seqLabel,
    progress: row.progress,
    progressLabel: PROGRESS_LABELS[row.progress],
    status: row.status,
    statusLabel: LEDGER_STATUS_LABELS[row.status],
    response,
    responseLabel: CAMPAIGN_RESPONSE_LABELS[response],
    deadline: t.deadline,
    overdue: isOverdue(row, today),
  };
}

function presentCampaign(actor: Actor, today: string, c: CampaignRow, problemTitle: string, targets: CampaignTargetView[]) {
  const view: CampaignView = {
    id: c.id,
    commonProblemId: c.commonProblemId,
    commonProblemTitle: problemTitle,
    kind: c.kind as CampaignKind,
    kindLabel: CAMPAIGN_KIND_LABELS[c.kind as CampaignKind] ?? c.kind,
    title: c.title,
    instructions: c.instructions,
    launchedOn: c.launchedOn,
    dueDate: c.dueDate,
    counts: campaignResponseCounts(targets, today),
    version: c.version,
    can: { addTargets: launchCampaignRefusal(actor) === null && addTargetsStateReason(c, today) === null },
  };
  return view;
}

export async function listCampaigns(db: Db, actor: Actor, today: string, f: { commonProblemId?: string | undefined }) {
  const where: SQL[] = [isNull(campaigns.deletedAt)];
  if (f.commonProblemId) where.push(eq(campaigns.commonProblemId, f.commonProblemId));
  const rows = await db
    .select({ campaign: campaigns, problemTitle: commonProblems.title })
    .from(campaigns)
    .innerJoin(commonProblems, eq(commonProblems.id, campaigns.commonProblemId))
    .where(and(...where))
    .orderBy(desc(campaigns.launchedOn), desc(campaigns.id));
  const targets = await targetRows(
    db,
    rows.map((r) => r.campaign.id),
  );
  const byCampaign = new Map<string, CampaignTargetView[]>();
  for (const t of targets) byCampaign.set(t.campaignId, [...(byCampaign.get(t.campaignId) ?? []), presentTarget(t, today)]);
  return rows.map((r) => presentCampaign(actor, today, r.campaign, r.problemTitle, byCampaign.get(r.campaign.id) ?? []));
}

export async function campaignDetail(db: Db, actor: Actor, today: string, id: string) {
  const c = await getCampaign(db, id);
  const [problem] = await db
    .select({ title: commonProblems.title })
    .from(commonProblems)
    .where(eq(commonProblems.id, c.commonProblemId));
  const targets = (await targetRows(db, [id])).map((t) => presentTarget(t, today));
  return { campaign: presentCampaign(actor, today, c, problem?.title ?? "", targets), targets };
}

/** Every live organisation, marked inspected or not: the choices for a campaign's targets. */
export async function orgOptions(db: Db) {
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, parentId: orgs.parentId, kind: orgs.kind, inspected })
    .from(orgs)
    .where(isNull(orgs.deletedAt))
    .orderBy(asc(orgs.path));
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    path: o.path,
    parentId: o.parentId,
    kindLabel: ORG_KIND_LABELS[o.kind as OrgKind] ?? o.kind,
    inspected: Boolean(o.inspected),
  }));
}
