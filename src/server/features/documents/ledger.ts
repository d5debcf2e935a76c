/**
 * 整改台账: an assignment's ledger in its three views (views.ts) — 问题清单 by feedback problem, 任务清单 by measure,
 * 责任清单 by responsible leader and department — as three landscape tables, the rows the reader may see.
 */
import { chineseDate } from "../../../domain/announcement.ts";
import { notFound, ruleViolation } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import { todayIn, type AppContext } from "../../context.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { getAnnouncementHead } from "../announcements/queries.ts";
import { assignmentScope, mayViewFeedback } from "../feedback/queries.ts";
import { ledgerViews, VIEW_ROW_LIMIT } from "../ledger/views.ts";
import { inspectionValues, type InspectionHead } from "./feedback.ts";
import { commonValues, compact, fill, paragraphs, para, type Parts } from "./parts.ts";
import { partsFor } from "./queries.ts";

export interface LedgerSourceRow {
  seqLabel: string;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  progressLabel: string;
  statusLabel: string;
  closed: boolean;
  overdue: boolean;
}

export interface LedgerSource extends InspectionHead {
  aspects: number;
  problems: Array<{ problemText: string; rows: LedgerSourceRow[] }>;
  tasks: Array<{ measure: string; rows: LedgerSourceRow[] }>;
  responsibilities: Array<{
    leader: string | null;
    department: string | null;
    rows: LedgerSourceRow[];
    counts: { total: number; closed: number; overdue: number };
  }>;
  /** More rows than one view holds: the document says it is cut short. */
  truncated: boolean;
}

const labels = (rows: LedgerSourceRow[]) => rows.map((r) => r.seqLabel).join("、");
const state = (r: LedgerSourceRow) => (r.overdue ? `${r.statusLabel}（逾期）` : r.statusLabel);
const latest = (rows: LedgerSourceRow[]) => {
  const d = rows.map((r) => r.deadline).filter((x): x is string => !!x);
  return d.length ? chineseDate(d.sort().at(-1)!) : "";
};

export function composeLedger(src: LedgerSource, parts: Parts): OfficialDocument {
  const all = src.problems.flatMap((p) => p.rows);
  const closed = all.filter((r) => r.closed).length;
  const values = {
    ...commonValues(parts, parts.today),
    ...inspectionValues(src, { aspects: src.aspects, problems: src.problems.length, rows: all.length }),
    已销号数: String(closed),
    截至日期: chineseDate(parts.today),
  };
  const problemRows = src.problems.flatMap((p, i) =>
    p.rows.map((r, j) => [
      r.seqLabel || String(i + 1),
      // The problem once, on its first row: the table has no merged cells.
      j === 0 ? p.problemText : "",
      r.text,
      r.deadline ? chineseDate(r.deadline) : "",
      r.progressLabel,
      state(r),
    ]),
  );
  const taskRows = src.tasks.map((t, i) => {
    const departments = [...new Set(t.rows.map((r) => r.responsibleDepartment?.trim()).filter(Boolean))].join("、");
    const done = t.rows.filter((r) => r.closed).length;
    return [String(i + 1), t.measure, labels(t.rows), departments, latest(t.rows), `已销号${done}/${t.rows.length}`];
  });
  const responsibilityRows = src.responsibilities.map((g, i) => [
    String(i + 1),
    g.leader ?? "（未明确）",
    g.department ?? "（未明确）",
    labels(g.rows),
    String(g.counts.total),
    String(g.counts.closed),
    String(g.counts.overdue),
  ]);
  const body: Block[] = [
    ...paragraphs(parts.template.opening, values).map((b) => ({ ...b, indent: false, align: "center" as const })),
    {
      type: "table",
      caption: "一、问题清单",
      columns: [
        { title: "序号", width: 6, align: "center" },
        { title: "反馈问题", width: 30 },
        { title: "整改任务", width: 34 },
        { title: "整改时限", width: 11, align: "center" },
        { title: "整改进展", width: 9, align: "center" },
        { title: "销号状态", width: 10, align: "center" },
      ],
      rows: problemRows,
    },
    {
      type: "table",
      caption: "二、任务清单",
      columns: [
        { title: "序号", width: 5, align: "center" },
        { title: "整改措施", width: 48 },
        { title: "涉及整改任务", width: 12, align: "center" },
        { title: "责任部门", width: 13, align: "center" },
        { title: "整改时限", width: 11, align: "center" },
        { title: "完成情况", width: 11, align: "center" },
      ],
      rows: taskRows,
    },
    {
      type: "table",
      caption: "三、责任清单",
      columns: [
        { title: "序号", width: 5, align: "center" },
        { title: "责任领导", width: 12, align: "center" },
        { title: "责任部门", width: 22 },
        { title: "负责的整改任务", width: 31 },
        { title: "任务数", width: 9, align: "center" },
        { title: "已销号", width: 9, align: "center" },
        { title: "逾期", width: 9, align: "center" },
      ],
      rows: responsibilityRows,
    },
  ];
  if (src.truncated) body.push(para(`（台账条目过多，本表仅列出前${VIEW_ROW_LIMIT}条。）`));
  body.push(...paragraphs(parts.template.closing, values));
  return compact({ kind: "ledger", orientation: "landscape", title: fill(parts.template.title, values), body });
}

export async function loadLedgerSource(ctx: AppContext, actor: Actor, assignmentId: string): Promise<LedgerSource> {
  const scope = await assignmentScope(ctx.db, assignmentId);
  if (!scope || !mayViewFeedback(actor, scope)) throw notFound("巡察任务");
  const head = await getAnnouncementHead(ctx.db, assignmentId);
  const views = await ledgerViews(ctx.db, actor, { assignmentId }, todayIn(ctx));
  if (!views.total) throw ruleViolation("该巡察任务尚无整改台账条目，不能生成整改台账");
  type ViewRow = (typeof views.problems)[number]["rows"][number];
  const row = (r: ViewRow): LedgerSourceRow => ({
    seqLabel: r.seqLabel,
    text: r.text,
    measures: r.measures,
    responsibleLeader: r.responsibleLeader,
    responsibleDepartment: r.responsibleDepartment,
    deadline: r.deadline,
    progressLabel: r.progressLabel,
    statusLabel: r.statusLabel,
    closed: r.status === "closed",
    overdue: r.overdue,
  });
  return {
    ...head,
    aspects: new Set(views.problems.map((p) => p.aspectTitle)).size,
    problems: views.problems.map((p) => ({ problemText: p.problemText, rows: p.rows.map(row) })),
    tasks: views.tasks.map((t) => ({ measure: t.measure, rows: t.rows.map(row) })),
    responsibilities: views.responsibilities.map((g) => ({ ...g, rows: g.rows.map(row) })),
    truncated: views.truncated,
  };
}

/** The ledger document of an assignment with the office's profile and template (the export, and the bench). */
export async function buildLedgerDocument(ctx: AppContext, actor: Actor, assignmentId: string): Promise<OfficialDocument> {
  return composeLedger(await loadLedgerSource(ctx, actor, assignmentId), await partsFor(ctx, "ledger"));
}
