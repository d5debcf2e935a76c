/**
 * One entry for every kind: the records (each through its feature's queries and policy) or the samples, the
 * office's profile and the kind's effective template, into the document model; the watermark on confidential
 * exports.
 */
import type { AnnouncementVersion } from "../../../domain/announcement.ts";
import { chinaMinute } from "../../../domain/onsite.ts";
import { DOCUMENT_SOURCE, isConfidentialExport, type DocumentKind } from "../../../domain/documents.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { StatFilter } from "../../../domain/stats.ts";
import type { AppContext } from "../../context.ts";
import type { OfficialDocument } from "../../documents/model.ts";
import { composeAnnouncementDocument, loadAnnouncementSource } from "./announcement.ts";
import { composeFeedbackOpinion, loadFeedbackSource } from "./feedback.ts";
import { composeLedger, loadLedgerSource } from "./ledger.ts";
import { composeLetter, loadLetterSource, type LetterDocumentKind } from "./letter.ts";
import type { Parts } from "./parts.ts";
import { composePlan, loadPlanSource } from "./plan.ts";
import { partsFor } from "./queries.ts";
import {
  SAMPLE_FEEDBACK,
  SAMPLE_LEDGER,
  SAMPLE_PLAN,
  SAMPLE_STATISTICS,
  SAMPLE_SUMMARY,
  sampleAnnouncement,
  sampleLetter,
} from "./samples.ts";
import { composeStatistics, loadStatisticsSource } from "./statistics.ts";
import { composeRoundSummary, loadSummarySource } from "./summary.ts";

export { partsFor };

export interface Built {
  doc: OfficialDocument;
  /** What the audit entry names: the record the document is built from. */
  recordType: string;
  recordIds: string[];
}

const RECORD_TYPES = { assignment: "assignment", plan: "rectification_plan", letter: "letter", round: "round", filter: "stats" };

/** The document of a record (assignment, plan, letter or round, by kind), if the actor may see that record. */
export async function buildFromRecord(
  ctx: AppContext,
  actor: Actor,
  kind: Exclude<DocumentKind, "statistics_report">,
  id: string,
  version: AnnouncementVersion,
  parts: Parts,
): Promise<Built> {
  const recordType = RECORD_TYPES[DOCUMENT_SOURCE[kind]];
  const built = (doc: OfficialDocument): Built => ({ doc, recordType, recordIds: [id] });
  switch (kind) {
    case "feedback_opinion":
      return built(composeFeedbackOpinion(await loadFeedbackSource(ctx, actor, id), parts));
    case "rectification_plan":
      return built(composePlan(await loadPlanSource(ctx, actor, id), parts));
    case "ledger":
      return built(composeLedger(await loadLedgerSource(ctx, actor, id), parts));
    case "announcement":
      return built(composeAnnouncementDocument(await loadAnnouncementSource(ctx, actor, id, version), parts));
    case "round_summary":
      return built(composeRoundSummary(await loadSummarySource(ctx, actor, id), parts));
    case "supervision_letter":
    case "reassignment_letter":
    case "reminder_letter":
    case "recommendation_letter":
      return built(composeLetter(await loadLetterSource(ctx, actor, kind, id), parts));
  }
}

export async function buildStatistics(ctx: AppContext, actor: Actor, filter: StatFilter, parts: Parts): Promise<Built> {
  const doc = composeStatistics(await loadStatisticsSource(ctx, actor, filter), parts);
  return { doc, recordType: RECORD_TYPES.filter, recordIds: [] };
}

/** The kind on sample records: what the template editor previews before a record is chosen. */
export function buildSample(kind: DocumentKind, version: AnnouncementVersion, parts: Parts): OfficialDocument {
  switch (kind) {
    case "feedback_opinion":
      return composeFeedbackOpinion(SAMPLE_FEEDBACK, parts);
    case "rectification_plan":
      return composePlan(SAMPLE_PLAN, parts);
    case "ledger":
      return composeLedger(SAMPLE_LEDGER, parts);
    case "announcement":
      return composeAnnouncementDocument(sampleAnnouncement(version), parts);
    case "round_summary":
      return composeRoundSummary(SAMPLE_SUMMARY, parts);
    case "statistics_report":
      return composeStatistics(SAMPLE_STATISTICS, parts);
    case "supervision_letter":
    case "reassignment_letter":
    case "reminder_letter":
    case "recommendation_letter":
      return composeLetter(sampleLetter(kind as LetterDocumentKind), parts);
  }
}

/** Confidential exports carry who made them and when across every page. */
export function withWatermark(
  doc: OfficialDocument,
  kind: DocumentKind,
  version: AnnouncementVersion | null,
  actor: Actor,
  now: Date,
) {
  return isConfidentialExport(kind, version) ? { ...doc, watermark: { user: actor.displayName, at: chinaMinute(now) } } : doc;
}
