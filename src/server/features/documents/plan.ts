/**
 * 整改方案: the organisation's plan — the template's opening and the plan's own summary, then the table of its entries
 * (序号, 问题, 整改措施, 责任领导, 责任部门, 整改时限) in feedback order, its approval state in the notes. Landscape:
 * the table is wide.
 */
import { chineseDate } from "../../../domain/announcement.ts";
import { notFound } from "../../../domain/errors.ts";
import { PLAN_STATUS_LABELS, type PlanEntry, type PlanListStatus } from "../../../domain/plan.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { OfficialDocument } from "../../documents/model.ts";
import { getAnnouncementHead } from "../announcements/queries.ts";
import { feedbackOf } from "../feedback/queries.ts";
import { canViewPlan } from "../plans/policy.ts";
import { entriesShown, getPlan, stateOfPlan } from "../plans/queries.ts";
import { inspectionValues, type InspectionHead } from "./feedback.ts";
import { commonValues, compact, dateOr, fill, paragraphs, printedBy, type Parts } from "./parts.ts";

export interface PlanSource extends InspectionHead {
  summary: string | null;
  entries: PlanEntry[];
  status: PlanListStatus;
  currentVersion: number;
  /** ISO date the plan was approved (China time), or null. */
  approvedOn: string | null;
  dueDate: string | null;
  counts: { aspects: number; problems: number; rows: number };
}

/** The approval state as the notes print it. */
export function approvalNote(src: Pick<PlanSource, "status" | "currentVersion" | "approvedOn">): string {
  const v = src.currentVersion ? `第${src.currentVersion}版` : "";
  switch (src.status) {
    case "approved":
      return `本方案${v}已于${dateOr(src.approvedOn, "")}审核通过`;
    case "submitted":
      return `本方案${v}已报送，正在审核`;
    case "returned":
      return `本方案${v}已退回修改，尚未审核通过`;
    default:
      return "本方案尚未报送审核（草稿）";
  }
}

export function composePlan(src: PlanSource, parts: Parts): OfficialDocument {
  const date = src.approvedOn ?? parts.today;
  const values = {
    ...commonValues(parts, date),
    ...inspectionValues(src, src.counts),
    方案报送期限: dateOr(src.dueDate, "规定时限"),
    方案状态: PLAN_STATUS_LABELS[src.status] ?? src.status,
    方案说明: src.summary?.trim() ?? "",
  };
  const rows = src.entries.map((e, i) => [
    e.seqLabel || String(i + 1),
    e.rowText,
    e.measures?.trim() || "（未填写）",
    e.responsibleLeader?.trim() || "",
    e.responsibleDepartment?.trim() || "",
    e.deadline ? chineseDate(e.deadline) : "",
  ]);
  return compact({
    kind: "rectification_plan",
    orientation: "landscape",
    title: fill(parts.template.title, values),
    body: [
      ...paragraphs(parts.template.opening, values),
      {
        type: "table",
        caption: "整改任务清单",
        columns: [
          { title: "序号", width: 5, align: "center" },
          { title: "问题", width: 26 },
          { title: "整改措施", width: 36 },
          { title: "责任领导", width: 9, align: "center" },
          { title: "责任部门", width: 12, align: "center" },
          { title: "整改时限", width: 12, align: "center" },
        ],
        rows,
      },
      ...paragraphs(parts.template.closing, values),
    ],
    signature: { issuer: src.orgName, date },
    notes: [approvalNote(src)],
    printedBy: printedBy(parts.profile, date),
  });
}

export async function loadPlanSource(ctx: AppContext, actor: Actor, planId: string): Promise<PlanSource> {
  const p = await getPlan(ctx.db, planId);
  if (!canViewPlan(actor, stateOfPlan(p))) throw notFound("整改方案");
  const head = await getAnnouncementHead(ctx.db, p.plan.assignmentId);
  const entries = await entriesShown(ctx.db, p);
  const feedback = await feedbackOf(ctx.db, p.plan.assignmentId);
  const approvedOn = p.plan.approvedAt ? new Date(p.plan.approvedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null;
  return {
    ...head,
    summary: p.plan.summary,
    entries,
    status: p.plan.status as PlanListStatus,
    currentVersion: p.plan.currentVersion,
    approvedOn,
    dueDate: p.plan.dueDate ?? null,
    counts: { ...feedback.totals, rows: entries.length },
  };
}
