/**
 * The warning job (三色预警): classes every live, not closed ledger row with a deadline as green, yellow or red
 * (src/domain/warning.ts) and sends each recipient their notice once. Every notice has a dedupe key and
 * (user, key) is unique, so a second run, a run racing this one, or a run after a restart sends nothing twice.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { WorkCalendar } from "../../domain/calendar.ts";
import { uuidv7 } from "../../domain/ids.ts";
import {
  ledgerRowLink,
  overdueOrgKey,
  overdueOrgText,
  rowWarningKey,
  supervisionLetterLink,
  warningKind,
  warningLevel,
  warningText,
  warningWindow,
  type NotificationKind,
  type WarningRunCounts,
  type WarningWindow,
} from "../../domain/warning.ts";
import { runCommand, type CommandScope, type Origin } from "../command.ts";
import { todayIn, type AppContext } from "../context.ts";
import type { Db } from "../db/client.ts";
import { jobRuns, ledgerRows, notifications, orgs, roleGrants, users } from "../db/schema.ts";

export const WARNING_JOB = "warnings";
const SYSTEM: Origin = { actor: null, clientIp: null };
/** Serialises runs across connections and processes (the same idea as the audit chain's lock). */
const WARNINGS_LOCK = 0x7761726e; // "warn"
const CHUNK = 500;

interface CandidateRow {
  id: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  partySecretary: string | null;
  seqLabel: string;
  text: string;
  deadline: string;
}

/** Who hears about what: every live grant of every active account, bucketed once per run. */
interface Recipients {
  contactsByOrg: Map<string, Set<string>>;
  leaders: Array<{ userId: string; path: string }>;
  /** Accounts holding any grant on an organisation, with their names (to find its party secretary). */
  peopleByOrg: Map<string, Array<{ userId: string; displayName: string }>>;
  office: Set<string>;
}

interface Notice {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  subjectId: string;
  dedupeKey: string;
  /** The ledger rows the notice is about. */
  rowIds: readonly string[];
}

/** Runs the warning check now and records the run; returns what it found and sent. */
export async function runWarningJob(ctx: AppContext, origin: Origin = SYSTEM): Promise<WarningRunCounts> {
  const today = todayIn(ctx);
  const counts = await sendWarnings(ctx, origin, today);
  await recordRun(ctx, today, counts);
  return counts;
}

export async function lastWarningRun(db: Db) {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.name, WARNING_JOB));
  return row ?? null;
}

/** Thrown to leave a command that delivered nothing: no audit entry is due, and nothing was written. */
class NothingSent extends Error {
  constructor(readonly counts: WarningRunCounts) {
    super("nothing sent");
  }
}

async function sendWarnings(ctx: AppContext, origin: Origin, today: string): Promise<WarningRunCounts> {
  try {
    return await runCommand(ctx, origin, async (s) => {
      await s.tx.execute(sql`select pg_advisory_xact_lock(${WARNINGS_LOCK})`);
      const [cal, settings] = await Promise.all([ctx.calendar(), ctx.settings()]);
      const window = warningWindow(cal, today, { greenDays: settings.warnGreenDays, yellowDays: settings.warnYellowDays });
      const rows = await candidates(s.tx, window);
      const { notices, counts } = plan(rows, await recipients(s.tx), window, cal);
      const sent = await deliver(s, notices);
      counts.sent = sent.length;
      if (sent.length === 0) throw new NothingSent(counts);
      const sentByKind: Partial<Record<NotificationKind, number>> = {};
      for (const n of sent) sentByKind[n.kind] = (sentByKind[n.kind] ?? 0) + 1;
      await s.audit({
        action: "notification.send",
        recordType: "ledger_row",
        recordIds: [...new Set(sent.flatMap((n) => n.rowIds))],
        changes: { today, ...counts, sentByKind },
      });
      return counts;
    });
  } catch (e) {
    if (e instanceof NothingSent) return e.counts;
    throw e;
  }
}

/** Rows that warn today: live, not closed, with a deadline before the end of the green window. */
async function candidates(db: Db, w: WarningWindow): Promise<CandidateRow[]> {
  const rows = await db
    .select({
      id: ledgerRows.id,
      orgId: ledgerRows.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      partySecretary: orgs.partySecretary,
      seqLabel: ledgerRows.seqLabel,
      text: ledgerRows.text,
      deadline: ledgerRows.deadline,
    })
    .from(ledgerRows)
    .innerJoin(orgs, and(eq(orgs.id, ledgerRows.orgId), isNull(orgs.deletedAt)))
    .where(
      and(
        isNull(ledgerRows.deletedAt),
        inArray(ledgerRows.status, ["open", "close_requested"]),
        isNotNull(ledgerRows.deadline),
        lt(ledgerRows.deadline, w.greenBefore),
      ),
    )
    .orderBy(asc(orgs.path), asc(ledgerRows.deadline), asc(ledgerRows.seq), asc(ledgerRows.id));
  return rows.flatMap((r) => (r.deadline === null ? [] : [{ ...r, deadline: r.deadline }]));
}

async function recipients(db: Db): Promise<Recipients> {
  const grants = await db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgPath: orgs.path,
      displayName: users.displayName,
    })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.id, roleGrants.userId), isNull(users.deletedAt), eq(users.active, true)))
    .leftJoin(orgs, and(eq(orgs.id, roleGrants.orgId), isNull(orgs.deletedAt)))
    .where(isNull(roleGrants.deletedAt));
  const r: Recipients = { contactsByOrg: new Map(), leaders: [], peopleByOrg: new Map(), office: new Set() };
  for (const g of grants) {
    if (g.role === "office_staff" || g.role === "office_head") r.office.add(g.userId);
    if (!g.orgId || g.orgPath === null) continue;
    if (g.role === "org_contact") getOr(r.contactsByOrg, g.orgId, () => new Set<string>()).add(g.userId);
    if (g.role === "supervising_leader") r.leaders.push({ userId: g.userId, path: g.orgPath });
    getOr(r.peopleByOrg, g.orgId, () => []).push({ userId: g.userId, displayName: g.displayName });
  }
  return r;
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

/** Who is told about a row at a level. */
function rowRecipients(row: CandidateRow, level: "green" | "yellow" | "red", r: Recipients): Set<string> {
  const to = new Set(r.contactsByOrg.get(row.orgId) ?? []);
  if (level === "yellow") for (const l of r.leaders) if (row.orgPath.startsWith(l.path)) to.add(l.userId);
  if (level === "red") {
    const secretary = row.partySecretary?.trim();
    if (secretary) for (const p of r.peopleByOrg.get(row.orgId) ?? []) if (p.displayName.trim() === secretary) to.add(p.userId);
  }
  return to;
}

function plan(rows: CandidateRow[], r: Recipients, w: WarningWindow, cal: WorkCalendar) {
  const counts: WarningRunCounts = { green: 0, yellow: 0, red: 0, officeNotices: 0, sent: 0 };
  const notices: Notice[] = [];
  const overdueByOrg = new Map<string, { name: string; rowIds: string[] }>();
  for (const row of rows) {
    const level = warningLevel(w, row.deadline);
    if (level === null) continue;
    counts[level]++;
    if (level === "red") getOr(overdueByOrg, row.orgId, () => ({ name: row.orgName, rowIds: [] })).rowIds.push(row.id);
    const text = warningText(level, row, w.today, cal);
    const dedupeKey = rowWarningKey(row.id, level, row.deadline);
    for (const userId of rowRecipients(row, level, r)) {
      const kind = warningKind(level);
      notices.push({
        id: uuidv7(),
        userId,
        kind,
        ...text,
        link: ledgerRowLink(row.id),
        subjectId: row.id,
        dedupeKey,
        rowIds: [row.id],
      });
    }
  }
  for (const [orgId, org] of overdueByOrg) {
    counts.officeNotices++;
    const rowIds = [...org.rowIds].sort();
    const digest = createHash("sha256").update(rowIds.join(",")).digest("hex");
    const text = overdueOrgText(org.name, rowIds.length);
    for (const userId of r.office) {
      notices.push({
        id: uuidv7(),
        userId,
        kind: "overdue_org",
        ...text,
        link: supervisionLetterLink(rowIds),
        subjectId: orgId,
        dedupeKey: overdueOrgKey(orgId, digest),
        rowIds,
      });
    }
  }
  return { notices, counts };
}

/** Inserts in chunks; a notice whose (user, key) exists already is skipped. Returns those delivered now. */
async function deliver(s: CommandScope, notices: Notice[]): Promise<Notice[]> {
  const inserted = new Set<string>();
  for (let i = 0; i < notices.length; i += CHUNK) {
    const done = await s.tx
      .insert(notifications)
      .values(
        notices.slice(i, i + CHUNK).map((n) => ({
          id: n.id,
          userId: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          subjectId: n.subjectId,
          dedupeKey: n.dedupeKey,
          createdAt: s.now,
        })),
      )
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    for (const d of done) inserted.add(d.id);
  }
  return notices.filter((n) => inserted.has(n.id));
}

/** Job bookkeeping (not a business change, so not audited): a restart reads it to catch up. */
async function recordRun(ctx: AppContext, today: string, counts: WarningRunCounts): Promise<void> {
  const at = ctx.now();
  await ctx.db
    .insert(jobRuns)
    .values({ name: WARNING_JOB, lastRunAt: at, lastRunDate: today, lastResult: { ...counts }, runCount: 1 })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { lastRunAt: at, lastRunDate: today, lastResult: { ...counts }, runCount: sql`${jobRuns.runCount} + 1` },
    });
}
