/** People, organisations, rounds, feedback, the ledger, the audit trail and directives. */
import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { record, ts } from "./columns.ts";

export const users = pgTable("users", {
  ...record(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull().default(true),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: ts("locked_until"),
  active: boolean("active").notNull().default(true),
  lastLoginAt: ts("last_login_at"),
});

export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    clientIp: text("client_ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by"),
});

export const calendarDays = pgTable("calendar_days", {
  date: date("date", { mode: "string" }).primaryKey(),
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  year: integer("year").notNull(),
  source: text("source"),
});

export const orgs = pgTable(
  "orgs",
  {
    ...record(),
    name: text("name").notNull(),
    code: text("code"),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id"),
    /** Materialised path of ids, '/root/…/self/': a subtree is one prefix match. */
    path: text("path").notNull(),
    supervisingLeader: text("supervising_leader"),
    riskClass: text("risk_class"),
    partySecretary: text("party_secretary"),
  },
  (t) => [
    index("orgs_parent_idx").on(t.parentId),
    index("orgs_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    uniqueIndex("orgs_code_uq")
      .on(t.code)
      .where(sql`${t.code} is not null and ${t.deletedAt} is null`),
  ],
);

export const orgRiskHistory = pgTable(
  "org_risk_history",
  {
    ...record(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    riskClass: text("risk_class").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    reason: text("reason"),
  },
  (t) => [index("org_risk_history_org_idx").on(t.orgId)],
);

export const roleGrants = pgTable(
  "role_grants",
  {
    ...record(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    orgId: uuid("org_id").references(() => orgs.id),
  },
  (t) => [index("role_grants_user_idx").on(t.userId)],
);

export const terms = pgTable("terms", {
  ...record(),
  name: text("name").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  endDate: date("end_date", { mode: "string" }).notNull(),
});

export const rounds = pgTable(
  "rounds",
  {
    ...record(),
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    theme: text("theme"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [index("rounds_term_idx").on(t.termId)],
);

export const teams = pgTable(
  "teams",
  {
    ...record(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    name: text("name").notNull(),
  },
  (t) => [index("teams_round_idx").on(t.roundId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    ...record(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    /** The member's account, when they have one (team seats give access through it). */
    userId: uuid("user_id").references(() => users.id),
    /** The member's talent-pool record (pool members are counted and checked for recusal). */
    poolPersonId: uuid("pool_person_id"),
    position: text("position").notNull(),
    /** A member who is not a party member: why they are a needed specialist. */
    specialistReason: text("specialist_reason"),
    /** Why the office overrode a rule (e.g. a leader not from the leader pool). */
    overrideReason: text("override_reason"),
  },
  (t) => [
    index("team_members_team_idx").on(t.teamId),
    uniqueIndex("team_members_pool_once_uq")
      .on(t.teamId, t.poolPersonId)
      .where(sql`${t.poolPersonId} is not null and ${t.deletedAt} is null`),
    index("team_members_user_idx").on(t.userId),
    uniqueIndex("team_members_one_leader_uq")
      .on(t.teamId)
      .where(sql`${t.position} = 'leader' and ${t.deletedAt} is null`),
    uniqueIndex("team_members_once_uq")
      .on(t.teamId, t.userId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    ...record(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    entryDate: date("entry_date", { mode: "string" }),
    withdrawalDate: date("withdrawal_date", { mode: "string" }),
    feedbackDate: date("feedback_date", { mode: "string" }),
    /** The leading group heard the team's report on this date. */
    hearingDate: date("hearing_date", { mode: "string" }),
  },
  (t) => [
    index("assignments_round_idx").on(t.roundId),
    index("assignments_team_idx").on(t.teamId),
    index("assignments_org_idx").on(t.orgId),
    uniqueIndex("assignments_round_org_uq")
      .on(t.roundId, t.orgId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Feedback groups findings into aspects (方面) → problems; each problem becomes one or more ledger rows. */
export const feedbackAspects = pgTable(
  "feedback_aspects",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    seq: integer("seq").notNull(),
    title: text("title").notNull(),
  },
  (t) => [index("feedback_aspects_assignment_idx").on(t.assignmentId)],
);

export const feedbackProblems = pgTable(
  "feedback_problems",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    aspectId: uuid("aspect_id")
      .notNull()
      .references(() => feedbackAspects.id),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("feedback_problems_aspect_idx").on(t.aspectId)],
);

export const findings = pgTable(
  "findings",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    text: text("text").notNull(),
    category: text("category").notNull(),
    characterisation: text("characterisation"),
    isCommon: boolean("is_common").notNull().default(false),
    isCoreMandate: boolean("is_core_mandate").notNull().default(false),
    involvesTopLeader: boolean("involves_top_leader").notNull().default(false),
    source: text("source"),
    problemId: uuid("problem_id").references(() => feedbackProblems.id),
    /** Second level of the taxonomy (finding_categories.code). */
    subcategory: text("subcategory"),
    /** The team's suggestion for this finding in its report. */
    suggestion: text("suggestion"),
    /** Fixed during the inspection (立行立改): enters the ledger as done at feedback, with its evidence. */
    immediateFix: boolean("immediate_fix").notNull().default(false),
    fixedOn: date("fixed_on", { mode: "string" }),
    fixNote: text("fix_note"),
  },
  (t) => [index("findings_assignment_idx").on(t.assignmentId), index("findings_problem_idx").on(t.problemId)],
);

export const ledgerRows = pgTable(
  "ledger_rows",
  {
    ...record(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    /** Null for a self-check row put in by a fix-alike campaign (the organisation may not have been inspected). */
    assignmentId: uuid("assignment_id").references(() => assignments.id),
    problemId: uuid("problem_id").references(() => feedbackProblems.id),
    /** Set for a campaign's self-check row: such rows are tracked like the others but are not counted in feedback figures. */
    campaignId: uuid("campaign_id"),
    /** Display number within the assignment, e.g. "2.3" (problem 2, row 3); "自查1" for a campaign row. */
    seqLabel: text("seq_label").notNull(),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
    measures: text("measures"),
    responsibleLeader: text("responsible_leader"),
    responsibleDepartment: text("responsible_department"),
    deadline: date("deadline", { mode: "string" }),
    kind: text("kind"),
    progress: text("progress").notNull().default("not_started"),
    status: text("status").notNull().default("open"),
    closeRequestedBy: uuid("close_requested_by"),
    closeRequestedAt: ts("close_requested_at"),
    closedBy: uuid("closed_by"),
    closedAt: ts("closed_at"),
    returnReason: text("return_reason"),
    relapseCount: integer("relapse_count").notNull().default(0),
  },
  (t) => [
    // Partial (every query reads live rows) and ending in a total order, so pages are stable and an
    // organisation's rows in one state are counted from the index alone.
    index("ledger_rows_org_status_idx")
      .on(t.orgId, t.status, t.assignmentId, t.seq, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("ledger_rows_assignment_idx").on(t.assignmentId, t.seq),
    index("ledger_rows_problem_idx").on(t.problemId),
    index("ledger_rows_campaign_idx").on(t.campaignId),
  ],
);

export const ledgerNotes = pgTable(
  "ledger_notes",
  {
    ...record(),
    rowId: uuid("row_id")
      .notNull()
      .references(() => ledgerRows.id),
    noteDate: date("note_date", { mode: "string" }).notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("ledger_notes_row_idx").on(t.rowId)],
);

export const evidenceFiles = pgTable(
  "evidence_files",
  {
    ...record(),
    rowId: uuid("row_id")
      .notNull()
      .references(() => ledgerRows.id),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    /** SM3 of the content; the file is stored once under files/<hash>. */
    contentHash: text("content_hash").notNull(),
  },
  (t) => [index("evidence_files_row_idx").on(t.rowId)],
);

export const relapses = pgTable(
  "relapses",
  {
    ...record(),
    rowId: uuid("row_id")
      .notNull()
      .references(() => ledgerRows.id),
    reason: text("reason").notNull(),
    foundWhere: text("found_where").notNull(),
    foundOn: date("found_on", { mode: "string" }).notNull(),
  },
  (t) => [index("relapses_row_idx").on(t.rowId)],
);

/** Append-only, hash-chained with SM3: each entry's hash covers its content and the previous hash. */
export const auditEntries = pgTable(
  "audit_entries",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    id: uuid("id").notNull().unique(),
    at: ts("at").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordIds: jsonb("record_ids").$type<string[]>().notNull(),
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull(),
    clientIp: text("client_ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_entries_at_idx").on(t.at),
    index("audit_entries_actor_idx").on(t.actorId),
    index("audit_entries_record_ids_idx").using("gin", t.recordIds),
  ],
);

/** The secretary's meeting (书记专题会): where directives (点人点事) are given. */
export const secretaryMeetings = pgTable(
  "secretary_meetings",
  {
    ...record(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    notes: text("notes"),
  },
  (t) => [index("secretary_meetings_held_on_idx").on(t.heldOn)],
);

/** A directive (点人点事): a person or a matter, the action wanted, its owner, tracked to close-out by the office. */
export const directives = pgTable(
  "directives",
  {
    ...record(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => secretaryMeetings.id),
    kind: text("kind").notNull(),
    target: text("target").notNull(),
    orgId: uuid("org_id").references(() => orgs.id),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").notNull().default("open"),
    report: text("report"),
    reportedAt: ts("reported_at"),
    reportedBy: uuid("reported_by"),
    closedAt: ts("closed_at"),
    closedBy: uuid("closed_by"),
    returnReason: text("return_reason"),
  },
  (t) => [
    index("directives_meeting_idx").on(t.meetingId),
    index("directives_status_idx").on(t.status),
    index("directives_owner_user_idx").on(t.ownerUserId),
  ],
);
