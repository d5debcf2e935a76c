/**
 * The office's people: trainings of inspection cadres by year, and the talent pool by status — counted as the
 * pool feature counts them (live trainings, attendances of live people; the pool's size leaves out the removed).
 */
import { isNull, sql, type SQL } from "drizzle-orm";
import { POOL_RANK_LABELS, POOL_STATUS_LABELS, POOL_STATUSES, type PoolRank, type PoolStatus } from "../../../domain/pool.ts";
import { orgs, poolPeople, rounds, teamMembers, teams, trainingAttendees, trainings } from "../../db/schema.ts";
import { whereOf, type FigureDef, type Row } from "./engine.ts";
import { inPeriod, inPeriodInstant, inSubtree, inTermDates, text, yesNo, type StatContext } from "./filter.ts";
import { isYear, oneOf } from "./model.ts";

// ——— trainings ———

const year = sql`to_char(${trainings.heldOn}, 'YYYY')`;
const yearMatch = (g: string) => sql`to_char(${trainings.heldOn}, 'YYYY') = ${g}`;

/** With an organisation: trainings attended by someone working in its subtree. */
function attendedFrom(c: StatContext): SQL | undefined {
  if (!c.org) return undefined;
  return sql`exists (select 1 from ${trainingAttendees}
    join ${poolPeople} on ${poolPeople.id} = ${trainingAttendees.personId}
    join ${orgs} on ${orgs.id} = ${poolPeople.unitOrgId}
    where ${trainingAttendees.trainingId} = ${trainings.id} and ${trainingAttendees.deletedAt} is null
      and ${poolPeople.deletedAt} is null and ${inSubtree(c, orgs.path)})`;
}

/**
 * Trainings and participants (attendances, 人次) by the year held. Period and term: the date held; organisation:
 * the participants' unit (and the trainings they attended).
 */
export function trainingsFigure(c: StatContext): FigureDef {
  const held = (date: unknown) => whereOf(inPeriod(c, date), inTermDates(c, date));
  return {
    measures: [
      { key: "trainings", label: "培训期数", kind: "count" },
      { key: "participants", label: "参训人次", kind: "count" },
    ],
    parts: [
      {
        from: sql`${trainings}`,
        where: whereOf(isNull(trainings.deletedAt), held(trainings.heldOn), attendedFrom(c)),
        key: year,
        match: yearMatch,
        counts: { trainings: sql`true` },
        records: {
          columns: [
            { key: "title", title: "培训名称" },
            { key: "heldOn", title: "举办日期" },
            { key: "days", title: "天数" },
            { key: "organiser", title: "主办单位" },
          ],
          select: {
            id: sql`${trainings.id}::text`,
            title: sql`${trainings.title}`,
            heldOn: sql`${trainings.heldOn}::text`,
            days: sql`${trainings.days}`,
            organiser: sql`${trainings.organiser}`,
          },
          order: sql`${trainings.heldOn}, ${trainings.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: "/pool",
            cells: {
              title: text(r.title),
              heldOn: text(r.heldOn),
              days: r.days === null || r.days === undefined ? null : Number(r.days),
              organiser: text(r.organiser),
            },
          }),
        },
      },
      {
        from: sql`${trainingAttendees}
          join ${trainings} on ${trainings.id} = ${trainingAttendees.trainingId}
          join ${poolPeople} on ${poolPeople.id} = ${trainingAttendees.personId}
          left join ${orgs} on ${orgs.id} = ${poolPeople.unitOrgId}`,
        where: whereOf(
          isNull(trainingAttendees.deletedAt),
          isNull(trainings.deletedAt),
          isNull(poolPeople.deletedAt),
          held(trainings.heldOn),
          inSubtree(c, orgs.path),
        ),
        key: year,
        match: yearMatch,
        counts: { participants: sql`true` },
        records: {
          columns: [
            { key: "name", title: "姓名" },
            { key: "unit", title: "工作单位" },
            { key: "training", title: "培训名称" },
            { key: "heldOn", title: "举办日期" },
          ],
          select: {
            id: sql`${trainingAttendees.id}::text`,
            name: sql`${poolPeople.name}`,
            unit: sql`${poolPeople.unit}`,
            training: sql`${trainings.title}`,
            heldOn: sql`${trainings.heldOn}::text`,
          },
          order: sql`${trainings.heldOn}, ${trainings.id}, ${poolPeople.name}, ${trainingAttendees.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: "/pool",
            cells: { name: text(r.name), unit: text(r.unit), training: text(r.training), heldOn: text(r.heldOn) },
          }),
        },
      },
    ],
    label: (k) => `${k}年`,
    validGroup: isYear,
    sort: (a, b) => a.key.localeCompare(b.key),
  };
}

// ——— talent pool ———

/** With a term or round: the people who sat on a team in it (a seat taken as the pool person, or by their account). */
function servedIn(c: StatContext): SQL | undefined {
  if (!c.term && !c.round) return undefined;
  return sql`exists (select 1 from ${teamMembers}
    join ${teams} on ${teams.id} = ${teamMembers.teamId}
    join ${rounds} on ${rounds.id} = ${teams.roundId}
    where (${teamMembers.poolPersonId} = ${poolPeople.id}
        or (${teamMembers.poolPersonId} is null and ${poolPeople.userId} is not null and ${teamMembers.userId} = ${poolPeople.userId}))
      and ${teamMembers.deletedAt} is null and ${teams.deletedAt} is null
      and ${whereOf(
        c.term ? sql`${rounds.termId} = ${c.term.id}` : undefined,
        c.round ? sql`${teams.roundId} = ${c.round.id}` : undefined,
      )})`;
}

/**
 * The pool by status: people in the pool (not removed), of whom in the leader pool, and the removed. Period:
 * the day a person entered the pool, or for the removed the day of removal; organisation: the person's unit.
 */
export function poolFigure(c: StatContext): FigureDef {
  const removed = sql`${poolPeople.status} = 'removed'`;
  const period =
    c.filter.from || c.filter.to
      ? sql`((not ${removed} and ${whereOf(inPeriodInstant(c, poolPeople.createdAt))})
          or (${removed} and ${whereOf(inPeriod(c, poolPeople.removedOn))}))`
      : undefined;
  return {
    measures: [
      { key: "people", label: "在库人数", kind: "count" },
      { key: "leaderPool", label: "组长库", kind: "count" },
      { key: "removed", label: "已清退", kind: "count" },
    ],
    parts: [
      {
        from: sql`${poolPeople} left join ${orgs} on ${orgs.id} = ${poolPeople.unitOrgId}`,
        where: whereOf(isNull(poolPeople.deletedAt), inSubtree(c, orgs.path), servedIn(c), period),
        key: sql`${poolPeople.status}`,
        match: (g) => sql`${poolPeople.status} = ${g}`,
        counts: {
          people: sql`not ${removed}`,
          leaderPool: sql`(not ${removed} and ${poolPeople.leaderPool})`,
          removed,
        },
        records: {
          columns: [
            { key: "name", title: "姓名" },
            { key: "unit", title: "工作单位" },
            { key: "position", title: "职务" },
            { key: "rank", title: "职级" },
            { key: "status", title: "状态" },
            { key: "leaderPool", title: "组长库" },
            { key: "removedOn", title: "清退日期" },
          ],
          select: {
            id: sql`${poolPeople.id}::text`,
            name: sql`${poolPeople.name}`,
            unit: sql`${poolPeople.unit}`,
            position: sql`${poolPeople.position}`,
            rank: sql`${poolPeople.rank}`,
            status: sql`${poolPeople.status}`,
            leaderPool: sql`${poolPeople.leaderPool}`,
            removedOn: sql`${poolPeople.removedOn}::text`,
          },
          order: sql`${poolPeople.name}, ${poolPeople.id}`,
          present: (r: Row) => ({
            id: String(r.id),
            href: "/pool",
            cells: {
              name: text(r.name),
              unit: text(r.unit),
              position: text(r.position),
              rank: r.rank ? (POOL_RANK_LABELS[r.rank as PoolRank] ?? text(r.rank)) : null,
              status: POOL_STATUS_LABELS[r.status as PoolStatus] ?? text(r.status),
              leaderPool: yesNo(r.leaderPool),
              removedOn: text(r.removedOn),
            },
          }),
        },
      },
    ],
    fixedGroups: POOL_STATUSES.map((s) => ({ key: s, label: POOL_STATUS_LABELS[s] })),
    label: (k) => POOL_STATUS_LABELS[k as PoolStatus] ?? k,
    validGroup: oneOf(POOL_STATUSES),
  };
}
