/** Saving and submitting the team's report (the team or the office), and recording the hearing (the office). */
import { and, eq, isNull } from "drizzle-orm";
import { conflict, ruleViolation } from "../../../domain/errors.ts";
import { uuidv7 } from "../../../domain/ids.ts";
import {
  cleanPortrait,
  hearingDateProblem,
  PORTRAIT_ASPECTS,
  submitProblems,
  type HearingInput,
  type Portrait,
  type ReportSaveInput,
} from "../../../domain/report.ts";
import { created, runCommand, type CommandScope, type Origin } from "../../command.ts";
import { todayIn, type AppContext } from "../../context.ts";
import { assignments, findings, teamReports } from "../../db/schema.ts";
import { allow } from "../rounds/policy.ts";
import { actorIn, STALE } from "../rounds/round-commands.ts";
import { recordHearingRefusal, writeReportRefusal } from "./policy.ts";
import { getReportAssignment, getReportRow, reportFindings, type ReportFinding } from "./queries.ts";

const excerpt = (text: string): string => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** { aspect: [before, after] } of the aspects that changed. */
function portraitChanges(before: Portrait, after: Portrait): Record<string, [string | null, string | null]> {
  const out: Record<string, [string | null, string | null]> = {};
  for (const k of PORTRAIT_ASPECTS) {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (b !== a) out[k] = [b, a];
  }
  return out;
}

interface SuggestionChange {
  finding: ReportFinding;
  after: string | null;
}

/** The suggestions that actually change, checked against the assignment's findings. */
function suggestionChanges(rows: ReportFinding[], input: ReportSaveInput["suggestions"]): SuggestionChange[] {
  const byId = new Map(rows.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const out: SuggestionChange[] = [];
  for (const { findingId, suggestion } of input) {
    if (seen.has(findingId)) throw ruleViolation("同一问题的意见建议提交了两次");
    seen.add(findingId);
    const finding = byId.get(findingId);
    if (!finding) throw ruleViolation("意见建议对应的问题不属于该巡察任务或已删除");
    const after = suggestion || null;
    if ((finding.suggestion ?? null) === after) continue;
    if (finding.problemId) throw ruleViolation(`问题“${excerpt(finding.text)}”已反馈，不能修改意见建议`);
    out.push({ finding, after });
  }
  return out;
}

async function writeSuggestions(s: CommandScope, changes: SuggestionChange[]): Promise<void> {
  for (const { finding, after } of changes) {
    const done = await s.tx
      .update(findings)
      .set({ suggestion: after, updatedAt: s.now, version: finding.version + 1 })
      .where(and(eq(findings.id, finding.id), eq(findings.version, finding.version), isNull(findings.deletedAt)))
      .returning({ id: findings.id });
    if (done.length === 0) throw conflict(STALE);
  }
}

/**
 * Saves the whole report: overall judgement and portrait as given, and the listed findings' suggestions (an empty
 * one clears it). A submitted report may still be revised (e.g. after the consultation) but must stay complete.
 */
export function saveReport(ctx: AppContext, origin: Origin, assignmentId: string, input: ReportSaveInput): Promise<string> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getReportAssignment(s.tx, assignmentId);
    allow(writeReportRefusal(actorIn(s), asg));
    const old = await getReportRow(s.tx, assignmentId);
    if ((old?.version ?? 0) !== input.version) throw conflict(STALE);
    const rows = await reportFindings(s.tx, assignmentId);
    const suggestions = suggestionChanges(rows, input.suggestions);
    const overall = input.overall || null;
    const portrait = cleanPortrait(input.portrait);
    const portraitDiff = portraitChanges(cleanPortrait(old?.portrait ?? {}), portrait);
    const overallChanged = (old?.overall ?? null) !== overall;
    if (old && !overallChanged && Object.keys(portraitDiff).length === 0 && suggestions.length === 0)
      throw ruleViolation("没有需要保存的修改");
    if (old?.status === "submitted") {
      const next = new Map(suggestions.map((c) => [c.finding.id, c.after]));
      const problems = submitProblems({
        overall,
        portrait,
        findings: rows.map((f) => ({ ...f, suggestion: next.has(f.id) ? next.get(f.id)! : f.suggestion })),
      });
      if (problems.length) throw ruleViolation(`巡察报告已报送，修改后仍须完整：${problems.join("；")}`, { problems });
    }

    const id = old?.id ?? uuidv7();
    if (old) {
      const done = await s.tx
        .update(teamReports)
        .set({ overall, portrait, updatedAt: s.now, version: old.version + 1 })
        .where(and(eq(teamReports.id, old.id), eq(teamReports.version, old.version)))
        .returning({ id: teamReports.id });
      if (done.length === 0) throw conflict(STALE);
    } else {
      await s.tx.insert(teamReports).values({ id, ...created(s), assignmentId, overall, portrait, status: "draft" });
    }
    await writeSuggestions(s, suggestions);
    await s.audit({
      action: "report.save",
      recordType: "team_report",
      recordIds: [id, assignmentId, ...suggestions.map((c) => c.finding.id)],
      changes: {
        ...(overallChanged ? { overall: [old?.overall ?? null, overall] } : {}),
        ...(Object.keys(portraitDiff).length ? { portrait: portraitDiff } : {}),
        ...(suggestions.length
          ? { suggestions: suggestions.map((c) => ({ findingId: c.finding.id, before: c.finding.suggestion, after: c.after })) }
          : {}),
      },
    });
    return id;
  });
}

/** Submits the team's materials: complete report only; the submission date is what the materials deadline checks. */
export function submitReport(ctx: AppContext, origin: Origin, assignmentId: string, body: { version: number }): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    const asg = await getReportAssignment(s.tx, assignmentId);
    allow(writeReportRefusal(actorIn(s), asg));
    const old = await getReportRow(s.tx, assignmentId);
    if (!old) throw ruleViolation("请先保存巡察报告");
    if (old.version !== body.version) throw conflict(STALE);
    if (old.status === "submitted") throw ruleViolation(`巡察报告已于${old.submittedOn}报送`);
    const problems = submitProblems({
      overall: old.overall,
      portrait: old.portrait,
      findings: await reportFindings(s.tx, assignmentId),
    });
    if (problems.length) throw ruleViolation(`巡察报告还不能报送：${problems.join("；")}`, { problems });
    const submittedOn = todayIn(s.ctx);
    const done = await s.tx
      .update(teamReports)
      .set({ status: "submitted", submittedOn, updatedAt: s.now, version: old.version + 1 })
      .where(and(eq(teamReports.id, old.id), eq(teamReports.version, old.version)))
      .returning({ id: teamReports.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "report.submit",
      recordType: "team_report",
      recordIds: [old.id, assignmentId],
      changes: { status: ["draft", "submitted"], submittedOn },
    });
  });
}

/** The date the leading group heard the team's report: not before withdrawal, not in the future. */
export function recordHearing(ctx: AppContext, origin: Origin, assignmentId: string, input: HearingInput): Promise<void> {
  return runCommand(ctx, origin, async (s) => {
    allow(recordHearingRefusal(actorIn(s)));
    const asg = await getReportAssignment(s.tx, assignmentId);
    const problem = hearingDateProblem(input.hearingDate, asg.withdrawalDate, todayIn(s.ctx));
    if (problem) throw ruleViolation(problem);
    const notes = input.notes || null;
    if (asg.hearingDate === input.hearingDate && !notes) throw ruleViolation("听取汇报日期没有变化");
    const done = await s.tx
      .update(assignments)
      .set({ hearingDate: input.hearingDate, updatedAt: s.now, version: asg.version + 1 })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.version, asg.version)))
      .returning({ id: assignments.id });
    if (done.length === 0) throw conflict(STALE);
    await s.audit({
      action: "assignment.record_hearing",
      recordType: "assignment",
      recordIds: [assignmentId],
      // The notes live in the audit trail: the assignment has no column for them.
      changes: { hearingDate: [asg.hearingDate, input.hearingDate], ...(notes ? { notes } : {}) },
    });
  });
}
