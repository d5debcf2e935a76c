/**
 * 巡察工作总结报告: one round as a whole — its teams and the organisations they inspected, the findings by category,
 * the leads (counted, for those who may see leads), the hearings and the rectification so far — every number from
 * the records through the features' own queries. A summary covers every team of the round, so it is for those who
 * see every round (the office, the leading group, the commission, the organisation department, the secretary).
 */
import { and, eq, isNull } from "drizzle-orm";
import { forbidden } from "../../../domain/errors.ts";
import { chineseOrdinal } from "../../../domain/feedback.ts";
import type { LeadFigures } from "../../../domain/lead.ts";
import type { LedgerFigures } from "../../../domain/ledger.ts";
import type { Actor } from "../../../domain/roles.ts";
import { ROUND_KIND_LABELS, type RoundKind } from "../../../domain/round.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { assignments, findings } from "../../db/schema.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { figuresByOrg } from "../figures/queries.ts";
import { loadTaxonomyRows, taxonomyNames } from "../findings/taxonomy.ts";
import { seesAllLeads } from "../leads/policy.ts";
import { figuresOf as leadFiguresOf } from "../leads/queries.ts";
import { listDeadlines } from "../reports/queries.ts";
import { allow, seesAllRounds, viewRoundRefusal } from "../rounds/policy.ts";
import { getRoundRecord, getTerm, listAssignments, listTeams, teamIdsOfRound } from "../rounds/queries.ts";
import {
  commonValues,
  compact,
  contactNotes,
  dateOr,
  fill,
  heading,
  para,
  paragraphs,
  percent,
  period,
  printedBy,
  type Parts,
} from "./parts.ts";

export interface SummarySource {
  roundName: string;
  roundKind: string;
  theme: string | null;
  termName: string;
  startDate: string | null;
  endDate: string | null;
  assignments: Array<{
    teamName: string;
    leader: string | null;
    orgName: string;
    entryDate: string | null;
    withdrawalDate: string | null;
    feedbackDate: string | null;
    findingCount: number;
  }>;
  findings: {
    total: number;
    coreMandate: number;
    common: number;
    topLeader: number;
    byCategory: Array<{ label: string; n: number }>;
  };
  /** Null: the reader may not see leads; the summary says they are reported separately. */
  leads: LeadFigures | null;
  hearings: Array<{ orgName: string; withdrawalDate: string; hearingDate: string | null; label: string; late: boolean }>;
  rectification: Array<{ orgName: string; figures: LedgerFigures }>;
}

/** Columns as [title, width, align]: names read from the left, numbers and dates are centred. */
const table = (caption: string | undefined, columns: Array<[string, number, ("left" | "center")?]>, rows: string[][]): Block => ({
  type: "table",
  ...(caption ? { caption } : {}),
  columns: columns.map(([title, width, align]) => ({ title, width, align: align ?? "center" })),
  rows,
});

export function composeRoundSummary(src: SummarySource, parts: Parts): OfficialDocument {
  const teams = new Set(src.assignments.map((a) => a.teamName));
  const kindLabel = ROUND_KIND_LABELS[src.roundKind as RoundKind] ?? "巡察";
  const values = {
    ...commonValues(parts, parts.today),
    巡察轮次: src.roundName,
    届次: src.termName,
    巡察方式: src.theme ? `${src.theme}${kindLabel}` : kindLabel,
    巡察时间: period(src.startDate, src.endDate) || "本轮",
    巡察组数: String(teams.size),
    被巡察单位数: String(src.assignments.length),
    发现问题数: String(src.findings.total),
    问题线索数: src.leads ? String(src.leads.total) : "—",
    截至日期: dateOr(parts.today),
  };
  const f = src.findings;
  const body: Block[] = [...paragraphs(parts.template.opening, values)];
  let n = 0;
  const section = (title: string) => body.push(heading(1, `${chineseOrdinal(++n)}、${title}`));

  section("巡察组织情况");
  body.push(
    para(`本轮共派出${teams.size}个巡察组，对${src.assignments.length}个党组织开展巡察。各巡察组进驻、撤点和反馈情况如下。`),
  );
  body.push(
    table(
      undefined,
      [
        ["序号", 6],
        ["巡察组", 16, "left"],
        ["组长", 10],
        ["被巡察党组织", 26, "left"],
        ["进驻日期", 14],
        ["撤点日期", 14],
        ["反馈日期", 14],
      ],
      src.assignments.map((a, i) => [
        String(i + 1),
        a.teamName,
        a.leader ?? "",
        a.orgName,
        dateOr(a.entryDate),
        dateOr(a.withdrawalDate),
        dateOr(a.feedbackDate, "尚未反馈"),
      ]),
    ),
  );

  section("发现问题情况");
  body.push(
    para(
      f.total
        ? `本轮共发现问题${f.total}个，其中主责主业问题${f.coreMandate}个，占${percent(f.coreMandate / f.total)}；共性问题${f.common}个，占${percent(f.common / f.total)}；涉及“一把手”的问题${f.topLeader}个。`
        : "本轮尚未登记发现的问题。",
    ),
  );
  if (f.total)
    body.push(
      table(
        "发现问题分类情况",
        [
          ["问题类别", 40, "left"],
          ["问题数", 12],
          ["占比", 12],
        ],
        f.byCategory.map((c) => [c.label, String(c.n), percent(c.n / f.total)]),
      ),
    );

  section("问题线索情况");
  if (!src.leads) body.push(para("问题线索情况另行报告。"));
  else {
    const l = src.leads;
    const filing = l.transferred ? `，立案${l.filed}件，立案率${percent(l.filingRate)}` : "";
    body.push(
      para(
        l.total
          ? `本轮共发现问题线索${l.total}条，已移交${l.transferred}条${filing}；明确责任人的${l.named}条，占${percent(l.namingRate)}。`
          : "本轮未发现问题线索。",
      ),
    );
    if (l.total)
      body.push(
        table(
          "问题线索分类情况",
          [
            ["线索类别", 30, "left"],
            ["线索数", 12],
            ["已移交", 12],
            ["立案", 12],
            ["立案率", 12],
          ],
          l.byClass.map((c) => [c.label, String(c.total), String(c.transferred), String(c.filed), percent(c.filingRate)]),
        ),
      );
  }

  section("听取巡察情况汇报");
  const heard = src.hearings.filter((h) => h.hearingDate);
  const late = src.hearings.filter((h) => h.late);
  body.push(
    para(
      src.hearings.length
        ? `已撤点的${src.hearings.length}个巡察任务中，巡察工作领导小组已听取汇报${heard.length}个；听取汇报逾期或尚未听取且已超过时限的${late.length}个。`
        : "本轮尚无撤点的巡察任务。",
    ),
  );
  if (src.hearings.length)
    body.push(
      table(
        undefined,
        [
          ["被巡察党组织", 34, "left"],
          ["撤点日期", 18],
          ["听取汇报日期", 18],
          ["情况", 18],
        ],
        src.hearings.map((h) => [h.orgName, dateOr(h.withdrawalDate), dateOr(h.hearingDate, "尚未听取"), h.label]),
      ),
    );

  section("整改落实情况");
  const rows = src.rectification.reduce((t, r) => t + r.figures.total, 0);
  const done = src.rectification.reduce((t, r) => t + r.figures.done, 0);
  body.push(
    para(
      rows
        ? `本轮反馈问题细化为整改任务${rows}条，截至${dateOr(parts.today)}已完成整改并销号${done}条，整改完成率${percent(done / rows)}。`
        : "本轮尚未建立整改台账。",
    ),
  );
  if (rows)
    body.push(
      table(
        undefined,
        [
          ["被巡察党组织", 34, "left"],
          ["整改任务", 12],
          ["已销号", 12],
          ["取得明显成效", 14],
          ["逾期", 10],
          ["完成率", 12],
        ],
        src.rectification.map((r) => [
          r.orgName,
          String(r.figures.total),
          String(r.figures.done),
          String(r.figures.significantProgress),
          String(r.figures.overdue),
          percent(r.figures.doneRate),
        ]),
      ),
    );

  body.push(...paragraphs(parts.template.closing, values));
  return compact({
    kind: "round_summary",
    orientation: "portrait",
    authority: parts.profile.authority,
    title: fill(parts.template.title, values),
    body,
    signature: { issuer: parts.profile.signature, date: parts.today },
    notes: contactNotes(parts.profile),
    printedBy: printedBy(parts.profile, parts.today),
  });
}

const SUMMARY_REFUSAL = "巡察工作总结报告涵盖本轮所有巡察组，只有可查看全部巡察轮次的人员可以生成";

export async function loadSummarySource(ctx: AppContext, actor: Actor, roundId: string): Promise<SummarySource> {
  const round = await getRoundRecord(ctx.db, roundId);
  allow(viewRoundRefusal(actor, { teamIds: await teamIdsOfRound(ctx.db, roundId) }));
  if (!seesAllRounds(actor)) throw forbidden(SUMMARY_REFUSAL);
  const today = todayIn(ctx);
  const settings = await ctx.settings();
  const term = await getTerm(ctx.db, round.termId);
  const list = await listAssignments(ctx, actor, { roundId });
  const teams = await listTeams(ctx, actor, roundId);
  const leaderOf = new Map(teams.map((t) => [t.id, t.branchSecretary]));
  const found = await ctx.db
    .select({
      category: findings.category,
      isCoreMandate: findings.isCoreMandate,
      isCommon: findings.isCommon,
      involvesTopLeader: findings.involvesTopLeader,
    })
    .from(findings)
    .innerJoin(assignments, eq(assignments.id, findings.assignmentId))
    .where(and(eq(assignments.roundId, roundId), isNull(findings.deletedAt), isNull(assignments.deletedAt)));
  const names = taxonomyNames(await loadTaxonomyRows(ctx.db));
  const byCategory = new Map<string, number>();
  for (const x of found) byCategory.set(x.category, (byCategory.get(x.category) ?? 0) + 1);
  const leads = seesAllLeads(actor) ? await leadFiguresOf(ctx.db, actor, today, settings.leadHandlingMonths, { roundId }) : null;
  const deadlines = await listDeadlines(ctx, actor, { roundId });
  const rectification = await figuresByOrg(ctx.db, actor, { roundId }, today);
  return {
    roundName: round.name,
    roundKind: round.kind,
    theme: round.theme,
    termName: term.name,
    startDate: round.startDate,
    endDate: round.endDate,
    assignments: [...list]
      .sort((a, b) => a.teamName.localeCompare(b.teamName, "zh-CN") || a.orgName.localeCompare(b.orgName, "zh-CN"))
      .map((a) => ({
        teamName: a.teamName,
        leader: leaderOf.get(a.teamId) ?? null,
        orgName: a.orgName,
        entryDate: a.entryDate,
        withdrawalDate: a.withdrawalDate,
        feedbackDate: a.feedbackDate,
        findingCount: a.findingCount,
      })),
    findings: {
      total: found.length,
      coreMandate: found.filter((x) => x.isCoreMandate).length,
      common: found.filter((x) => x.isCommon).length,
      topLeader: found.filter((x) => x.involvesTopLeader).length,
      byCategory: [...byCategory]
        .map(([code, n]) => ({ label: names.get(code) ?? code, n }))
        .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, "zh-CN")),
    },
    leads,
    hearings: deadlines.map((d) => ({
      orgName: d.orgName,
      withdrawalDate: d.withdrawalDate,
      hearingDate: d.hearing.doneOn,
      label: d.hearing.label,
      late: d.hearing.state === "late" || d.hearing.state === "overdue",
    })),
    rectification: rectification.map((r) => ({ orgName: r.orgName, figures: r.figures })),
  };
}
