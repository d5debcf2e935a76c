/**
 * Replays what an organisation does around its ledger, as its people would: the contact drafts the rectification
 * plan from the rows, fills every entry as the seed reports it and submits it; the commission gives its opinion; an
 * office user returns it once where the seed's story calls for it, then approves it — which copies the entries onto
 * the rows, all still open, before the contact reports any progress. After the rows are closed the contact records
 * the concentrated period and the rules the seed names.
 */
import type { DemoClient } from "./client.ts";
import { rowsOf } from "./replay.ts";
import type { SeedInspection, SeedRow } from "./seed.ts";

interface PlanDetail {
  plan: { id: string; version: number; entries: Array<{ rowId: string; rowText: string }> };
}

export interface PlanPeople {
  contact: DemoClient;
  commission: DemoClient;
  reviewer: DemoClient;
}

/** Plan drafted, submitted, commented on, (returned once and resubmitted,) approved: before any row is closed. */
export async function replayPlan(people: PlanPeople, seed: SeedInspection, assignmentId: string): Promise<void> {
  const { contact, commission, reviewer } = people;
  const draft = await contact.post<PlanDetail>(`/api/assignments/${assignmentId}/plan`);
  const id = draft.plan.id;
  const entries = (deadline: (row: SeedRow) => string) =>
    rowsOf(seed).map((row) => {
      const entry = draft.plan.entries.find((e) => e.rowText === row.text);
      if (!entry) throw new Error(`演示数据加载失败：整改方案中找不到“${row.label}”`);
      return {
        rowId: entry.rowId,
        measures: row.measures,
        responsibleLeader: row.leader,
        responsibleDepartment: row.department,
        deadline: deadline(row),
      };
    });
  const seedDeadline = (row: SeedRow): string => {
    if (!row.deadline) throw new Error(`演示数据加载失败：“${row.label}”没有完成时限`);
    return row.deadline;
  };
  const { returned } = seed.plan;

  let p = await contact.put<PlanDetail>(`/api/plans/${id}`, {
    version: draft.plan.version,
    summary: seed.plan.summary,
    entries: entries(returned ? returned.firstDeadline : seedDeadline),
  });
  p = await contact.post<PlanDetail>(`/api/plans/${id}/submit`, { version: p.plan.version });
  p = await commission.post<PlanDetail>(`/api/plans/${id}/opinions`, { text: seed.plan.commissionOpinion });
  if (returned) {
    p = await reviewer.post<PlanDetail>(`/api/plans/${id}/return`, { comment: returned.comment, version: p.plan.version });
    p = await contact.put<PlanDetail>(`/api/plans/${id}`, { version: p.plan.version, entries: entries(seedDeadline) });
    p = await contact.post<PlanDetail>(`/api/plans/${id}/submit`, { version: p.plan.version });
  }
  await reviewer.post(`/api/plans/${id}/approve`, { comment: seed.plan.approvalComment, version: p.plan.version });
}

/** The meeting, progress report and dual disclosure, as dated in the seed. */
export async function recordPeriod(contact: DemoClient, seed: SeedInspection, assignmentId: string): Promise<void> {
  await contact.put(`/api/assignments/${assignmentId}/period`, { ...seed.period, version: 0 });
}

interface Feedback {
  aspects: Array<{ problems: Array<{ findings: Array<{ id: string; text: string }> }> }>;
}

/** Each rule the seed names, linked to the findings (one per row) that led to it. */
export async function recordRules(contact: DemoClient, seed: SeedInspection, assignmentId: string, orgId: string): Promise<void> {
  if (!seed.rules.length) return;
  const fb = await contact.get<Feedback>(`/api/assignments/${assignmentId}/feedback`);
  const findings = fb.aspects.flatMap((a) => a.problems.flatMap((p) => p.findings));
  const rows = rowsOf(seed);
  for (const rule of seed.rules) {
    const findingIds = rule.rows.map((label) => {
      const text = rows.find((r) => r.label === label)?.text;
      const finding = findings.find((f) => f.text === text);
      if (!finding) throw new Error(`演示数据加载失败：制度“${rule.title}”找不到问题“${label}”`);
      return finding.id;
    });
    const { title, kind, adoptedOn, description } = rule;
    await contact.post("/api/rules", { orgId, title, kind, adoptedOn, description, findingIds });
  }
}
