/** Rectification beyond the ledger: plans, notifications, periods, letters, common problems, evaluation, accountability. */
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { record, ts } from "./columns.ts";
import { assignments, feedbackProblems, findings, ledgerRows, orgs, rounds, users } from "./core.ts";

/** The organisation's rectification plan (整改方案) for one assignment; submitted versions are kept in plan_versions. */
export const rectificationPlans = pgTable(
  "rectification_plans",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    /** draft | submitted | returned | approved */
    status: text("status").notNull().default("draft"),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    summary: text("summary"),
    /** The draft being edited: PlanEntry[] (one per ledger row), pre-filled from the rows. */
    draftEntries: jsonb("draft_entries").$type<unknown[]>().notNull(),
    /** Number of the latest submitted version (0 before the first submission). */
    currentVersion: integer("current_version").notNull().default(0),
    approvedAt: ts("approved_at"),
    approvedBy: uuid("approved_by"),
  },
  (t) => [
    uniqueIndex("rectification_plans_assignment_uq")
      .on(t.assignmentId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Each submission of a plan, frozen: its entries, and the office's decision on it. */
export const planVersions = pgTable(
  "plan_versions",
  {
    ...record(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => rectificationPlans.id),
    no: integer("no").notNull(),
    summary: text("summary"),
    entries: jsonb("entries").$type<unknown[]>().notNull(),
    submittedAt: ts("submitted_at").notNull(),
    submittedBy: uuid("submitted_by"),
    /** null while under review | returned | approved */
    decision: text("decision"),
    decisionComment: text("decision_comment"),
    decidedAt: ts("decided_at"),
    decidedBy: uuid("decided_by"),
  },
  (t) => [uniqueIndex("plan_versions_plan_no_uq").on(t.planId, t.no)],
);

/** Opinions on a plan version from the office, the commission or the organisation department. */
export const planOpinions = pgTable(
  "plan_opinions",
  {
    ...record(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => rectificationPlans.id),
    versionNo: integer("version_no").notNull(),
    /** office | commission | org_dept */
    authorRole: text("author_role").notNull(),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("plan_opinions_plan_idx").on(t.planId)],
);

/** In-app notifications. (user_id, dedupe_key) is unique, so a notice is never sent twice. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** warning_green | warning_yellow | warning_red | … */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Path inside the web app, e.g. /ledger?row=… */
    link: text("link"),
    /** The record the notice is about (e.g. a ledger row id). */
    subjectId: uuid("subject_id"),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_user_dedupe_uq").on(t.userId, t.dedupeKey),
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
  ],
);

/** Scheduled jobs: when each last ran and what it did, so a restart resumes instead of repeating. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastRunAt: ts("last_run_at"),
  lastRunDate: date("last_run_date", { mode: "string" }),
  lastResult: jsonb("last_result").$type<Record<string, unknown>>(),
  runCount: integer("run_count").notNull().default(0),
});

/**
 * The concentrated rectification period (集中整改期) of one assignment: it starts at feedback and lasts
 * concentratedPeriodMonths (setting; computed, not stored). What the organisation did within it is recorded here.
 */
export const rectificationPeriods = pgTable(
  "rectification_periods",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    meetingDate: date("meeting_date", { mode: "string" }),
    meetingAttendees: text("meeting_attendees"),
    commissionAttended: boolean("commission_attended").notNull().default(false),
    orgDeptAttended: boolean("org_dept_attended").notNull().default(false),
    progressReportDate: date("progress_report_date", { mode: "string" }),
    progressReportNote: text("progress_report_note"),
    internalNoticeDate: date("internal_notice_date", { mode: "string" }),
    publicAnnouncementDate: date("public_announcement_date", { mode: "string" }),
    publicAnnouncementPlace: text("public_announcement_place"),
  },
  (t) => [
    uniqueIndex("rectification_periods_assignment_uq")
      .on(t.assignmentId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** What the organisation writes into its progress announcement beside the computed figures: next steps, contacts. */
export const announcementDetails = pgTable(
  "announcement_details",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    /** The issuing body named in the title, e.g. 中共汨罗市委巡察工作领导小组办公室; defaults to the organisation. */
    issuer: text("issuer"),
    nextSteps: text("next_steps"),
    contactPhone: text("contact_phone"),
    contactAddress: text("contact_address"),
    contactPostcode: text("contact_postcode"),
    contactEmail: text("contact_email"),
    contactHours: text("contact_hours"),
  },
  (t) => [
    uniqueIndex("announcement_details_assignment_uq")
      .on(t.assignmentId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Letters: supervision (督办函), re-assignment (再交办函), reminder (工作提示函), recommendation (巡察建议书). */
export const letters = pgTable(
  "letters",
  {
    ...record(),
    /** supervision | reassignment | reminder | recommendation */
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    addressee: text("addressee").notNull(),
    addresseeOrgId: uuid("addressee_org_id").references(() => orgs.id),
    addresseeUserId: uuid("addressee_user_id").references(() => users.id),
    subject: text("subject").notNull(),
    body: text("body"),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    replyDue: date("reply_due", { mode: "string" }).notNull(),
    replyText: text("reply_text"),
    repliedOn: date("replied_on", { mode: "string" }),
    repliedBy: uuid("replied_by"),
    commonProblemId: uuid("common_problem_id"),
  },
  (t) => [
    uniqueIndex("letters_kind_year_number_uq")
      .on(t.kind, t.year, t.number)
      .where(sql`${t.deletedAt} is null`),
    index("letters_addressee_org_idx").on(t.addresseeOrgId),
  ],
);

/** What a letter concerns: ledger rows or feedback problems (at least one per letter). */
export const letterItems = pgTable(
  "letter_items",
  {
    ...record(),
    letterId: uuid("letter_id")
      .notNull()
      .references(() => letters.id),
    rowId: uuid("row_id").references(() => ledgerRows.id),
    problemId: uuid("problem_id").references(() => feedbackProblems.id),
  },
  (t) => [
    index("letter_items_letter_idx").on(t.letterId),
    index("letter_items_row_idx").on(t.rowId),
    index("letter_items_problem_idx").on(t.problemId),
  ],
);

/** A problem common to many organisations (共性问题), grouping findings across organisations. */
export const commonProblems = pgTable("common_problems", {
  ...record(),
  title: text("title").notNull(),
  description: text("description"),
  category: text("category"),
  /** The functional department concerned (for a recommendation letter). */
  department: text("department"),
});

export const commonProblemFindings = pgTable(
  "common_problem_findings",
  {
    ...record(),
    commonProblemId: uuid("common_problem_id")
      .notNull()
      .references(() => commonProblems.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
  },
  (t) => [
    uniqueIndex("common_problem_findings_uq")
      .on(t.commonProblemId, t.findingId)
      .where(sql`${t.deletedAt} is null`),
    index("common_problem_findings_finding_idx").on(t.findingId),
  ],
);

/** A fix-alike campaign (同类同改 / 未巡先改): a self-check row in each target organisation's ledger. */
export const campaigns = pgTable("campaigns", {
  ...record(),
  commonProblemId: uuid("common_problem_id")
    .notNull()
    .references(() => commonProblems.id),
  /** fix_alike | fix_before_inspection */
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  instructions: text("instructions").notNull(),
  launchedOn: date("launched_on", { mode: "string" }).notNull(),
  dueDate: date("due_date", { mode: "string" }).notNull(),
});

export const campaignTargets = pgTable(
  "campaign_targets",
  {
    ...record(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    rowId: uuid("row_id")
      .notNull()
      .references(() => ledgerRows.id),
  },
  (t) => [
    uniqueIndex("campaign_targets_uq")
      .on(t.campaignId, t.orgId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** The office's evaluation (整改评估) of one assignment's rectification: metrics, suggested grade, confirmed grade. */
export const evaluations = pgTable(
  "evaluations",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull(),
    /** good | fair | poor */
    suggestedGrade: text("suggested_grade").notNull(),
    grade: text("grade").notNull(),
    /** Required when grade differs from the suggestion. */
    reason: text("reason"),
    evaluatedOn: date("evaluated_on", { mode: "string" }).notNull(),
  },
  (t) => [
    uniqueIndex("evaluations_assignment_uq")
      .on(t.assignmentId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** A revisit (回头看) of a round: a reproducible random sample (its seed recorded) of organisations and rows. */
export const revisits = pgTable(
  "revisits",
  {
    ...record(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    seed: text("seed").notNull(),
    drawnOn: date("drawn_on", { mode: "string" }).notNull(),
    orgCount: integer("org_count").notNull(),
    orgTotal: integer("org_total").notNull(),
    note: text("note"),
  },
  (t) => [index("revisits_round_idx").on(t.roundId)],
);

export const revisitItems = pgTable(
  "revisit_items",
  {
    ...record(),
    revisitId: uuid("revisit_id")
      .notNull()
      .references(() => revisits.id),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    rowId: uuid("row_id")
      .notNull()
      .references(() => ledgerRows.id),
    /** pending | confirmed | relapse */
    result: text("result").notNull().default("pending"),
    finding: text("finding"),
    checkedOn: date("checked_on", { mode: "string" }),
    checkedBy: uuid("checked_by"),
  },
  (t) => [index("revisit_items_revisit_idx").on(t.revisitId), index("revisit_items_row_idx").on(t.rowId)],
);

/** Accountability (问责): notice, admonition talk, party discipline, organisational handling. */
export const accountabilityActions = pgTable(
  "accountability_actions",
  {
    ...record(),
    /** notice | admonition | party_discipline | organisational_handling */
    kind: text("kind").notNull(),
    orgId: uuid("org_id").references(() => orgs.id),
    personName: text("person_name"),
    personPosition: text("person_position"),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    authority: text("authority"),
    description: text("description").notNull(),
  },
  (t) => [index("accountability_actions_org_idx").on(t.orgId)],
);

export const accountabilityLinks = pgTable(
  "accountability_links",
  {
    ...record(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => accountabilityActions.id),
    rowId: uuid("row_id").references(() => ledgerRows.id),
    letterId: uuid("letter_id").references(() => letters.id),
  },
  (t) => [index("accountability_links_action_idx").on(t.actionId), index("accountability_links_row_idx").on(t.rowId)],
);

/** Rules made (制度建设): a new or revised rule, recorded against the findings that led to it. */
export const rulesMade = pgTable(
  "rules_made",
  {
    ...record(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    title: text("title").notNull(),
    /** new | revised */
    kind: text("kind").notNull(),
    adoptedOn: date("adopted_on", { mode: "string" }).notNull(),
    description: text("description"),
  },
  (t) => [index("rules_made_org_idx").on(t.orgId)],
);

export const ruleFindings = pgTable(
  "rule_findings",
  {
    ...record(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => rulesMade.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
  },
  (t) => [index("rule_findings_rule_idx").on(t.ruleId), index("rule_findings_finding_idx").on(t.findingId)],
);
