/** Reading rectification periods: every assignment with a feedback date, its record (if any) and its states. */
import { and, asc, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { EMPTY_PERIOD, periodStatus, type PeriodRecord } from "../../../domain/period.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { Db } from "../../db/client.ts";
import { assignments, orgs, rectificationPeriods, rounds } from "../../db/schema.ts";
import { periodCan, visiblePeriods } from "./policy.ts";
import type { PeriodView } from "./schema.ts";

export interface PeriodFilter {
  roundId?: string | undefined;
  orgId?: string | undefined;
  assignmentId?: string | undefined;
}

const joined = (db: Db) =>
  db
    .select({
      assignmentId: assignments.id,
      roundId: assignments.roundId,
      roundName: rounds.name,
      orgId: assignments.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      teamId: assignments.teamId,
      feedbackDate: assignments.feedbackDate,
      period: rectificationPeriods,
    })
    .from(assignments)
    .innerJoin(orgs, eq(orgs.id, assignments.orgId))
    .innerJoin(rounds, eq(rounds.id, assignments.roundId))
    .leftJoin(
      rectificationPeriods,
      and(eq(rectificationPeriods.assignmentId, assignments.id), isNull(rectificationPeriods.deletedAt)),
    );

type Joined = Awaited<ReturnType<ReturnType<typeof joined>["where"]>>[number];

export const recordOf = (p: Joined["period"]): PeriodRecord =>
  p
    ? {
        meetingDate: p.meetingDate,
        meetingAttendees: p.meetingAttendees,
        commissionAttended: p.commissionAttended,
        orgDeptAttended: p.orgDeptAttended,
        progressReportDate: p.progressReportDate,
        progressReportNote: p.progressReportNote,
        internalNoticeDate: p.internalNoticeDate,
        publicAnnouncementDate: p.publicAnnouncementDate,
        publicAnnouncementPlace: p.publicAnnouncementPlace,
      }
    : EMPTY_PERIOD;

function present(actor: Actor, r: Joined, months: number, today: string): PeriodView {
  const feedbackDate = r.feedbackDate!;
  const rec = recordOf(r.period);
  const { start, end, ended, states, commissionAbsent, orgDeptAbsent, missing } = periodStatus(feedbackDate, months, rec, today);
  return {
    assignmentId: r.assignmentId,
    roundId: r.roundId,
    roundName: r.roundName,
    orgId: r.orgId,
    orgName: r.orgName,
    feedbackDate,
    start,
    end,
    ended,
    ...rec,
    states,
    commissionAbsent,
    orgDeptAbsent,
    missing,
    version: r.period?.version ?? 0,
    updatedAt: r.period?.updatedAt.toISOString() ?? null,
    can: periodCan(actor, { orgId: r.orgId, orgPath: r.orgPath }),
  };
}

/** The periods the actor may see: assignments with a feedback date, newest round first. */
export async function listPeriods(db: Db, actor: Actor, months: number, today: string, f: PeriodFilter): Promise<PeriodView[]> {
  const where: SQL[] = [isNull(assignments.deletedAt), isNotNull(assignments.feedbackDate)];
  const scope = visiblePeriods(actor, { orgId: assignments.orgId, orgPath: orgs.path, teamId: assignments.teamId });
  if (scope) where.push(scope);
  if (f.roundId) where.push(eq(assignments.roundId, f.roundId));
  if (f.orgId) where.push(eq(assignments.orgId, f.orgId));
  if (f.assignmentId) where.push(eq(assignments.id, f.assignmentId));
  const rows = await joined(db)
    .where(and(...where))
    .orderBy(desc(rounds.startDate), asc(rounds.id), asc(orgs.path), asc(assignments.id));
  return rows.map((r) => present(actor, r, months, today));
}

/** One assignment with its organisation and its period record, for the command (also inside a transaction). */
export async function periodTarget(db: Db, assignmentId: string) {
  const [r] = await joined(db).where(and(eq(assignments.id, assignmentId), isNull(assignments.deletedAt)));
  return r ?? null;
}
