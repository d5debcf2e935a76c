/**
 * The demo's printed summary. No figure is typed in: every count is read back through the API as the office head
 * sees it — feedback, ledger figures, announcements, plans, periods, evaluations, letters, common problems and
 * campaigns, directives, accountability, rules, revisits, a term's coverage, the leads with their filing rates, the
 * talent pool and the trainings.
 */
import type { AnnouncementView } from "../../domain/announcement.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts.ts";
import type { DemoClient } from "./client.ts";
import { coverageLines } from "./coverage.ts";
import { leadLines } from "./leads.ts";
import { poolLines } from "./pool.ts";
import type { SeedInspection } from "./seed.ts";

export interface ReplayedInspection {
  seed: SeedInspection;
  assignmentId: string;
}

interface FeedbackTotals {
  totals: { aspects: number; problems: number; rows: number };
}
interface Figures {
  figures: { done: number; significantProgress: number };
}
interface AssignmentView {
  assignment: { orgName: string; roundName: string; roundId: string };
}
interface PlanDetail {
  plan: { statusLabel: string };
  versions: Array<{ no: number; decision: string | null; decisionLabel: string }>;
  opinions: Array<{ authorRoleLabel: string }>;
}
interface PeriodView {
  assignmentId: string;
  orgName: string;
  start: string;
  end: string;
  states: Record<"meeting" | "progressReport" | "internalNotice" | "publicAnnouncement", string>;
  missing: string[];
}
interface EvaluationView {
  assignmentId: string;
  suggestedGradeLabel: string;
  evaluation: { gradeLabel: string } | null;
}

const STATE_LABELS: Record<string, string> = { done: "按时", late: "逾期完成", missing: "未完成", pending: "进行中" };
const byRole = (opinions: PlanDetail["opinions"]) => {
  const n = new Map<string, number>();
  for (const o of opinions) n.set(o.authorRoleLabel, (n.get(o.authorRoleLabel) ?? 0) + 1);
  return [...n].map(([role, k]) => `${role}意见 ${k} 条`).join("、");
};

async function inspectionLines(reader: DemoClient, i: ReplayedInspection, ctx: Lookups): Promise<string[]> {
  const { assignment } = await reader.get<AssignmentView>(`/api/assignments/${i.assignmentId}`);
  const { totals } = await reader.get<FeedbackTotals>(`/api/assignments/${i.assignmentId}/feedback`);
  const { figures } = await reader.get<Figures>(`/api/figures/ledger?assignmentId=${i.assignmentId}`);
  const a = await reader.get<AnnouncementView>(`/api/assignments/${i.assignmentId}/announcement`);
  const f = a.figures;
  const planId = ctx.plans.find((p) => p.assignmentId === i.assignmentId)?.id;
  const plan = planId ? await reader.get<PlanDetail>(`/api/plans/${planId}`) : null;
  const returned = plan?.versions.filter((v) => v.decision === "returned").map((v) => `第 ${v.no} 版${v.decisionLabel}`) ?? [];
  const period = ctx.periods.find((p) => p.assignmentId === i.assignmentId);
  const evaluation = ctx.evaluations.find((e) => e.assignmentId === i.assignmentId);
  return [
    `  · ${assignment.orgName}（${assignment.roundName}，种子文件 ${i.seed.source}）：` +
      `反馈 ${totals.aspects} 个方面 ${totals.problems} 个问题，细化为 ${totals.rows} 条；` +
      `已销号 ${figures.done} 条，取得明显成效 ${figures.significantProgress} 条`,
    `      整改进展公告《${a.title}》：${f.problems} 个问题中已完成整改 ${f.problemsDone} 个、取得明显成效 ${f.problemsSignificant} 个、` +
      `持续推进 ${f.problemsOngoing} 个；${f.rows} 条整改任务中已完成整改 ${f.rowsDone} 条、` +
      `取得明显成效 ${f.rowsSignificant} 条、持续推进 ${f.rowsOngoing} 条`,
    plan
      ? `      整改方案：${plan.plan.statusLabel}，共 ${plan.versions.length} 个版本${returned.length ? `（${returned.join("、")}）` : ""}；` +
        `${byRole(plan.opinions) || "无审核意见"}`
      : "      整改方案：未编制",
    period
      ? `      集中整改期 ${period.start} 至 ${period.end}：专题民主生活会${STATE_LABELS[period.states.meeting]}、` +
        `进展报告${STATE_LABELS[period.states.progressReport]}、党内通报${STATE_LABELS[period.states.internalNotice]}、` +
        `社会公开${STATE_LABELS[period.states.publicAnnouncement]}`
      : "      集中整改期：无",
    evaluation?.evaluation
      ? `      整改评估：${evaluation.evaluation.gradeLabel}（系统建议等次：${evaluation.suggestedGradeLabel}）`
      : "      整改评估：未评定",
  ];
}

interface Lookups {
  plans: Array<{ id: string | null; assignmentId: string }>;
  periods: PeriodView[];
  evaluations: EvaluationView[];
}

interface LetterView {
  kindLabel: string;
  documentNumber: string;
  subject: string;
  addressee: string;
  sentOn: string;
  statusLabel: string;
  repliedByName: string | null;
}
interface CommonProblemView {
  id: string;
  title: string;
  orgCount: number;
  findingCount: number;
}
interface CampaignView {
  title: string;
  kindLabel: string;
  dueDate: string;
  counts: Record<"total" | "not_started" | "in_progress" | "close_requested" | "closed" | "overdue", number>;
}
interface CampaignDetail {
  targets: Array<{ inspected: boolean }>;
}
interface RevisitView {
  roundName: string;
  seed: string;
  orgCount: number;
  orgTotal: number;
  itemCount: number;
  results: Record<string, number>;
}

async function recordLines(reader: DemoClient, revisitRoundId: string, periods: PeriodView[]): Promise<string[]> {
  const lines: string[] = [];
  const missing = periods.filter((p) => p.missing.length);
  lines.push(`集中整改期未按要求完成的单位 ${missing.length} 个${missing.length ? "：" : ""}`);
  for (const p of missing) lines.push(`  · ${p.orgName}：${p.missing.join("；")}`);

  const { items: letters } = await reader.get<{ items: LetterView[] }>("/api/letters");
  lines.push(`函件 ${letters.length} 件：`);
  for (const l of [...letters].sort((x, y) => x.sentOn.localeCompare(y.sentOn)))
    lines.push(
      `  · ${l.kindLabel}${l.documentNumber}《${l.subject}》，${l.sentOn} 主送${l.addressee}，` +
        `${l.statusLabel}${l.repliedByName ? `（${l.repliedByName}登记）` : ""}`,
    );

  const { items: problems } = await reader.get<{ items: CommonProblemView[] }>("/api/common-problems");
  for (const cp of problems) {
    lines.push(`共性问题《${cp.title}》：涉及 ${cp.orgCount} 个单位的 ${cp.findingCount} 个问题`);
    const { items: campaigns } = await reader.get<{ items: Array<CampaignView & { id: string }> }>(
      `/api/campaigns?commonProblemId=${cp.id}`,
    );
    for (const c of campaigns) {
      const { targets } = await reader.get<CampaignDetail>(`/api/campaigns/${c.id}`);
      const notInspected = targets.filter((t) => !t.inspected).length;
      lines.push(
        `  · ${c.kindLabel}《${c.title}》：部署 ${c.counts.total} 个单位（其中未巡察 ${notInspected} 个），各生成自查条目 1 条，` +
          `整改时限 ${c.dueDate}；未开始 ${c.counts.not_started}、推进中 ${c.counts.in_progress}、已销号 ${c.counts.closed}`,
      );
    }
  }

  const d = await reader.get<{ total: number; done: number; notDone: number }>("/api/figures/directives");
  lines.push(`书记点人点事 ${d.total} 项：已办结 ${d.done} 项，未办结 ${d.notDone} 项`);

  const acc = await reader.get<{
    total: number;
    persons: number;
    organisations: number;
    byKind: Array<{ kindLabel: string; total: number }>;
  }>("/api/accountability/figures");
  const kinds = acc.byKind.filter((k) => k.total).map((k) => `${k.kindLabel} ${k.total} 起`);
  lines.push(`问责 ${acc.total} 起（${kinds.join("、") || "无"}；问责单位 ${acc.organisations} 个、个人 ${acc.persons} 人）`);

  const rules = await reader.get<{
    total: number;
    byKind: Array<{ kindLabel: string; count: number }>;
    byOrg: Array<{ orgName: string; total: number }>;
  }>("/api/rules/figures");
  lines.push(
    `制度建设成果 ${rules.total} 项（${rules.byKind.map((k) => `${k.kindLabel} ${k.count} 项`).join("、")}；` +
      `${rules.byOrg.map((o) => `${o.orgName} ${o.total} 项`).join("、")}）`,
  );

  const { items: revisits } = await reader.get<{ items: RevisitView[] }>(`/api/rounds/${revisitRoundId}/revisits`);
  for (const r of revisits)
    lines.push(
      `回头看（${r.roundName}，抽样种子“${r.seed}”）：抽取 ${r.orgCount}/${r.orgTotal} 个单位、${r.itemCount} 条整改任务；` +
        `整改到位 ${r.results.confirmed ?? 0} 条，整改未到位 ${r.results.unfinished ?? 0} 条，问题反弹 ${r.results.relapse ?? 0} 条`,
    );
  return lines;
}

export async function summary(
  reader: DemoClient,
  inspections: ReplayedInspection[],
  revisitAssignmentId: string,
  terms: { coverageTermId: string; leadsTermId: string },
): Promise<string> {
  const lines = ["", "==================== 演示数据已加载 ===================="];
  lines.push(
    "依据种子文件，经系统的业务接口逐项办理：登记问题 → 登记反馈意见 → 编制、报送、审核整改方案 → 填报台账、上传佐证 → 申请销号 → 审核销号 → " +
      "填写公告的下一步工作和联系方式 → 登记集中整改期情况和制度建设成果 → 制发函件 → 共性问题和同类同改 → 点人点事 → 整改评估和回头看；" +
      "导入被巡察单位、设置全覆盖范围和年度计划、安排各轮巡察任务 → 登记、审核、移交问题线索 → 纪委监委登记处置情况；" +
      "人才库人员入库 → 登记巡察培训及参训人员。",
  );
  lines.push("以下数字均由系统从各项记录统计得出：");
  const ctx: Lookups = {
    plans: (await reader.get<{ items: Lookups["plans"] }>("/api/plans")).items,
    periods: (await reader.get<{ items: PeriodView[] }>("/api/periods")).items,
    evaluations: (await reader.get<{ items: EvaluationView[] }>("/api/evaluations")).items,
  };
  for (const i of inspections) lines.push(...(await inspectionLines(reader, i, ctx)));
  const { assignment } = await reader.get<AssignmentView>(`/api/assignments/${revisitAssignmentId}`);
  lines.push(...(await recordLines(reader, assignment.roundId, ctx.periods)));
  lines.push(...(await coverageLines(reader, terms.coverageTermId)));
  lines.push(...(await leadLines(reader, terms.leadsTermId)));
  lines.push(...(await poolLines(reader)));

  lines.push("", `演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(width)}  ${a.displayName} —— ${a.can}`);
  lines.push("系统管理员账号不在此列：其密码见首次启动时的提示。");
  lines.push("========================================================", "");
  return lines.join("\n");
}
