/**
 * Replays one seed inspection through the API, step by step as its people would: the office registers
 * the organisations and plans the round; the team member enters each problem as a finding; the office
 * registers the feedback; the organisation contact fills every row, dates a progress note, uploads
 * evidence and asks for close-out; a second office user checks and closes the rows; the contact then writes
 * what the seed prints beside its figures into the progress announcement.
 */
import type { DemoClient } from "./client.ts";
import type { SeedInspection, SeedRow } from "./seed.ts";

export interface DemoPeople {
  office: DemoClient;
  closer: DemoClient;
  teamMember: DemoClient;
}

interface Created {
  id: string;
}

/** Registers the organisation chain (reusing what already exists) and returns the inspected organisation's id. */
export async function registerOrgs(office: DemoClient, seed: Pick<SeedInspection, "orgs">): Promise<string> {
  let parentId: string | null = null;
  for (const o of seed.orgs) {
    const { items } = await office.get<{ items: Array<{ id: string; name: string; parentId: string | null }> }>("/api/orgs");
    const existing = items.find((x) => x.name === o.name && x.parentId === parentId);
    const id: string = existing
      ? existing.id
      : (
          await office.post<{ org: Created }>("/api/orgs", {
            name: o.name,
            kind: o.kind,
            parentId,
            partySecretary: o.partySecretary ?? null,
          })
        ).org.id;
    parentId = id;
  }
  return parentId!;
}

/** Term (reused by name), round, and a team with its two seats: the office's planning screens. */
export async function planRound(
  office: DemoClient,
  seed: Pick<SeedInspection, "term" | "round" | "team">,
  seats: { leader: string; member: string },
): Promise<{ roundId: string; teamId: string }> {
  const { items: terms } = await office.get<{ items: Array<{ id: string; name: string }> }>("/api/terms");
  const termId =
    terms.find((t) => t.name === seed.term.name)?.id ?? (await office.post<{ term: Created }>("/api/terms", seed.term)).term.id;
  const round = (await office.post<{ round: Created }>("/api/rounds", { termId, ...seed.round })).round;
  const team = (await office.post<{ team: Created }>(`/api/rounds/${round.id}/teams`, { name: seed.team })).team;
  for (const [username, position] of [
    [seats.leader, "leader"],
    [seats.member, "member"],
  ] as const) {
    const { items } = await office.get<{ items: Array<{ id: string; username: string }> }>(
      `/api/people?q=${encodeURIComponent(username)}`,
    );
    const person = items.find((p) => p.username === username);
    if (!person) throw new Error(`演示数据加载失败：找不到巡察组人员 ${username}`);
    await office.post(`/api/teams/${team.id}/members`, { userId: person.id, position });
  }
  return { roundId: round.id, teamId: team.id };
}

/** The team's assignment to one organisation, on site between the two dates. */
export async function assign(
  office: DemoClient,
  at: { roundId: string; teamId: string },
  orgId: string,
  dates: Pick<SeedInspection, "entryDate" | "withdrawalDate">,
): Promise<string> {
  const { assignment } = await office.post<{ assignment: Created }>(`/api/rounds/${at.roundId}/assignments`, {
    teamId: at.teamId,
    orgId,
    entryDate: dates.entryDate,
    withdrawalDate: dates.withdrawalDate,
  });
  return assignment.id;
}

/** Term, round, team with its two seats, and the assignment: the office's planning screens. */
export async function planInspection(
  office: DemoClient,
  seed: SeedInspection,
  orgId: string,
  seats: { leader: string; member: string },
): Promise<string> {
  return assign(office, await planRound(office, seed, seats), orgId, seed);
}

export const rowsOf = (seed: SeedInspection): SeedRow[] => seed.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows));

/** Each problem as the team's finding, then the feedback that groups them into aspects, problems and rows. */
export async function registerFeedback(people: DemoPeople, seed: SeedInspection, assignmentId: string): Promise<void> {
  const findingOf = new Map<SeedRow, string>();
  for (const row of rowsOf(seed)) {
    const { finding } = await people.teamMember.post<{ finding: Created }>(`/api/assignments/${assignmentId}/findings`, {
      text: row.text,
      category: row.category,
      isCommon: false,
      isCoreMandate: row.category === "core_mandate",
      involvesTopLeader: false,
    });
    findingOf.set(row, finding.id);
  }
  await people.office.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: seed.feedbackDate,
    aspects: seed.aspects.map((a) => ({
      title: a.title,
      problems: a.problems.map((p) => ({
        text: p.text,
        findingIds: p.rows.map((r) => findingOf.get(r)!),
        rows: p.rows.map((r) => ({ text: r.text })),
      })),
    })),
  });
}

interface LedgerItem {
  id: string;
  text: string;
  version: number;
}

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

function evidenceNote(seed: SeedInspection, row: SeedRow): Buffer {
  const org = seed.orgs[seed.orgs.length - 1]!.name;
  return Buffer.from(
    [
      "整改佐证材料",
      "",
      `被巡察单位：${org}`,
      `反馈问题（${row.label}）：${row.text}`,
      "",
      `整改措施及完成情况：${row.measures}`,
      "",
      `责任领导：${row.leader}；责任部门：${row.department}`,
      `情况截至：${chineseDate(seed.noteDate)}`,
      "",
      `（演示数据：内容摘自种子文件 ${seed.source}）`,
      "",
    ].join("\n"),
    "utf8",
  );
}

/** The organisation contact fills every row, and asks to close those the seed reports done. */
export async function fillLedger(contact: DemoClient, seed: SeedInspection, assignmentId: string): Promise<string[]> {
  const { items } = await contact.get<{ items: LedgerItem[] }>(`/api/ledger?assignmentId=${assignmentId}&pageSize=200`);
  const toClose: string[] = [];
  for (const row of rowsOf(seed)) {
    const item = items.find((i) => i.text === row.text);
    if (!item) throw new Error(`演示数据加载失败：台账中找不到“${row.label}”`);
    const done = row.outcome === "closed";
    await contact.patch(`/api/ledger/${item.id}`, {
      version: item.version,
      measures: row.measures,
      responsibleLeader: row.leader,
      responsibleDepartment: row.department,
      deadline: row.deadline,
      kind: row.kind,
      progress: done ? "done" : "significant_progress",
    });
    await contact.post(`/api/ledger/${item.id}/notes`, {
      noteDate: seed.noteDate,
      text: done
        ? `截至${chineseDate(seed.noteDate)}，已完成整改，佐证材料已上传，申请销号。`
        : `截至${chineseDate(seed.noteDate)}，整改已取得明显成效，按计划持续推进。`,
    });
    if (done) {
      await contact.upload(
        `/api/ledger/${item.id}/evidence`,
        `${row.label}整改佐证材料.txt`,
        evidenceNote(seed, row),
        "text/plain",
      );
      toClose.push(item.id);
    }
  }
  if (toClose.length) await contact.post("/api/ledger/batch", { action: "request_closeout", ids: toClose });
  return toClose;
}

/** The second office user checks the evidence and closes the rows out (never the one who asked). */
export async function closeRows(closer: DemoClient, ids: string[]): Promise<void> {
  if (ids.length) await closer.post("/api/ledger/batch", { action: "close", ids, reason: "佐证材料齐全，整改到位，同意销号" });
}

/** The contact writes the announcement's issuer, next steps and the contacts the seed prints. */
export async function writeAnnouncement(contact: DemoClient, seed: SeedInspection, assignmentId: string): Promise<void> {
  await contact.put(`/api/assignments/${assignmentId}/announcement-details`, seed.announcement);
}
