/** Inspection work: coverage, talent pool, on-site records, petitions, taxonomy, leads, consultations, reports. */
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { record, ts } from "./columns.ts";
import { assignments, findings, orgs, terms, users } from "./core.ts";

/** A term's coverage scope: every live organisation of this kind (under the root, when given) must be inspected. */
export const coverageScopes = pgTable(
  "coverage_scopes",
  {
    ...record(),
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    orgKind: text("org_kind").notNull(),
    rootOrgId: uuid("root_org_id").references(() => orgs.id),
  },
  (t) => [
    uniqueIndex("coverage_scopes_uq")
      .on(t.termId, t.orgKind)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** How many organisations of a kind the term's plan meant to inspect in a year (plan against actual). */
export const coveragePlanYears = pgTable(
  "coverage_plan_years",
  {
    ...record(),
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    year: integer("year").notNull(),
    orgKind: text("org_kind").notNull(),
    planned: integer("planned").notNull(),
  },
  (t) => [
    uniqueIndex("coverage_plan_years_uq")
      .on(t.termId, t.year, t.orgKind)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** The talent pool (人才库): people who may be drawn into teams, with or without an account. */
export const poolPeople = pgTable(
  "pool_people",
  {
    ...record(),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    /** The organisation the person works in, when it is in the system (recusal). */
    unitOrgId: uuid("unit_org_id").references(() => orgs.id),
    position: text("position"),
    /** county | section | staff (处级 / 科级 / 科员及以下) */
    rank: text("rank"),
    /** full | probationary | none */
    partyStatus: text("party_status").notNull(),
    specialties: jsonb("specialties").$type<string[]>().notNull(),
    /** reserve | formal | removed */
    status: text("status").notNull().default("reserve"),
    removedReason: text("removed_reason"),
    removedOn: date("removed_on", { mode: "string" }),
    leaderPool: boolean("leader_pool").notNull().default(false),
    userId: uuid("user_id").references(() => users.id),
    phone: text("phone"),
  },
  (t) => [
    index("pool_people_status_idx").on(t.status),
    uniqueIndex("pool_people_user_uq")
      .on(t.userId)
      .where(sql`${t.userId} is not null and ${t.deletedAt} is null`),
  ],
);

/** Declared ties for recusal: worked in, led, or related to someone in an organisation. */
export const poolRelations = pgTable(
  "pool_relations",
  {
    ...record(),
    personId: uuid("person_id")
      .notNull()
      .references(() => poolPeople.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    /** works_in | led | related */
    kind: text("kind").notNull(),
    note: text("note"),
  },
  (t) => [index("pool_relations_person_idx").on(t.personId), index("pool_relations_org_idx").on(t.orgId)],
);

export const trainings = pgTable("trainings", {
  ...record(),
  title: text("title").notNull(),
  heldOn: date("held_on", { mode: "string" }).notNull(),
  days: integer("days"),
  organiser: text("organiser"),
});

export const trainingAttendees = pgTable(
  "training_attendees",
  {
    ...record(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => poolPeople.id),
  },
  (t) => [
    uniqueIndex("training_attendees_uq")
      .on(t.trainingId, t.personId)
      .where(sql`${t.deletedAt} is null`),
    index("training_attendees_person_idx").on(t.personId),
  ],
);

/** Files attached to records other than ledger rows (pre-inspection replies, petitions, findings). */
export const attachments = pgTable(
  "attachments",
  {
    ...record(),
    /** pre_request | petition | finding | site_record */
    ownerType: text("owner_type").notNull(),
    ownerId: uuid("owner_id").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    contentHash: text("content_hash").notNull(),
  },
  (t) => [index("attachments_owner_idx").on(t.ownerType, t.ownerId)],
);

/** Pre-inspection requests (巡前函请) to departments, with due dates and replies. */
export const preRequests = pgTable(
  "pre_requests",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    department: text("department").notNull(),
    subject: text("subject").notNull(),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    replyText: text("reply_text"),
    repliedOn: date("replied_on", { mode: "string" }),
  },
  (t) => [index("pre_requests_assignment_idx").on(t.assignmentId)],
);

/** On-site records: interviews, appraisals, surveys, spot checks, document reviews. Backfill = entered after withdrawal. */
export const siteRecords = pgTable(
  "site_records",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    /** interview | appraisal | survey | spot_check | document_review */
    kind: text("kind").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    authorId: uuid("author_id").references(() => users.id),
    subject: text("subject").notNull(),
    content: text("content").notNull(),
    /** Results of an appraisal or survey, e.g. { "好": 30, "较好": 10 }. */
    results: jsonb("results").$type<Record<string, number>>(),
  },
  (t) => [index("site_records_assignment_idx").on(t.assignmentId)],
);

/** Petitions (信访举报), including the public form's; the sender's identity is stored SM4-encrypted. */
export const petitions = pgTable(
  "petitions",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    /** letter | call | visit | online | qr */
    channel: text("channel").notNull(),
    /** The code the sender follows the petition with (stored hashed is not needed: it only shows state and reply). */
    receiptCode: text("receipt_code").notNull(),
    anonymous: boolean("anonymous").notNull(),
    /** SM4-CBC of the identity JSON (name, phone, address), base64 iv:cipher:mac; null when anonymous. */
    identityCipher: text("identity_cipher"),
    content: text("content").notNull(),
    /** received | handling | handled | transferred | to_finding | to_lead */
    status: text("status").notNull().default("received"),
    handlingNote: text("handling_note"),
    transferredTo: text("transferred_to"),
    findingId: uuid("finding_id").references(() => findings.id),
    leadId: uuid("lead_id"),
    /** What the sender sees with the receipt code. */
    reply: text("reply"),
    repliedAt: ts("replied_at"),
    /** SM3 of the sender's client address, for rate limiting only. */
    clientHash: text("client_hash"),
  },
  (t) => [
    uniqueIndex("petitions_receipt_uq").on(t.receiptCode),
    index("petitions_assignment_idx").on(t.assignmentId),
    index("petitions_client_idx").on(t.clientHash, t.createdAt),
  ],
);

/** The public form's address per assignment (码上巡察): an unguessable token, printable as a QR code. */
export const petitionLinks = pgTable(
  "petition_links",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    token: text("token").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("petition_links_token_uq").on(t.token), index("petition_links_assignment_idx").on(t.assignmentId)],
);

/** The finding taxonomy, two levels, editable by the office. */
export const findingCategories = pgTable(
  "finding_categories",
  {
    ...record(),
    code: text("code").notNull(),
    parentCode: text("parent_code"),
    name: text("name").notNull(),
    seq: integer("seq").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("finding_categories_code_uq")
      .on(t.code)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Leads (问题线索): confidential; handed to the commission, whose handling is tracked. */
export const leads = pgTable(
  "leads",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    /** priority | attention | reference */
    leadClass: text("lead_class").notNull(),
    summary: text("summary").notNull(),
    /** The named responsible person (明确到人), or else the unit when no person can be named. */
    responsiblePerson: text("responsible_person"),
    responsibleUnit: text("responsible_unit"),
    preReview: text("pre_review"),
    transferredOn: date("transferred_on", { mode: "string" }),
    receivingOffice: text("receiving_office"),
    duringInspection: boolean("during_inspection").notNull().default(false),
    /** pending | preliminary_check | case_filed | no_case | concluded */
    status: text("status").notNull().default("pending"),
    preliminaryOn: date("preliminary_on", { mode: "string" }),
    filedOn: date("filed_on", { mode: "string" }),
    concludedOn: date("concluded_on", { mode: "string" }),
    /** For concluded: first | second | third | fourth (the four forms of supervision). */
    concludedForm: text("concluded_form"),
    handlingNote: text("handling_note"),
  },
  (t) => [index("leads_assignment_idx").on(t.assignmentId), index("leads_status_idx").on(t.status)],
);

export const leadPeople = pgTable(
  "lead_people",
  {
    ...record(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    name: text("name").notNull(),
    position: text("position"),
    /** county | section | staff */
    rank: text("rank").notNull(),
  },
  (t) => [index("lead_people_lead_idx").on(t.leadId)],
);

/** Consultations (办组会商) and what they decided about leads and findings. */
export const consultations = pgTable(
  "consultations",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    attendees: text("attendees"),
    summary: text("summary").notNull(),
  },
  (t) => [index("consultations_assignment_idx").on(t.assignmentId)],
);

export const consultationDecisions = pgTable(
  "consultation_decisions",
  {
    ...record(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    leadId: uuid("lead_id").references(() => leads.id),
    findingId: uuid("finding_id").references(() => findings.id),
    decision: text("decision").notNull(),
  },
  (t) => [index("consultation_decisions_consultation_idx").on(t.consultationId)],
);

/** The team's report on one assignment: overall judgement and the top leader's portrait; findings carry suggestions. */
export const teamReports = pgTable(
  "team_reports",
  {
    ...record(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    overall: text("overall"),
    /** The top leader's portrait in seven aspects: { aspectKey: text }. */
    portrait: jsonb("portrait").$type<Record<string, string>>().notNull(),
    /** draft | submitted */
    status: text("status").notNull().default("draft"),
    submittedOn: date("submitted_on", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("team_reports_assignment_uq")
      .on(t.assignmentId)
      .where(sql`${t.deletedAt} is null`),
  ],
);
