import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { assignments, auditEntries, evidenceFiles, revisitItems } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface Metrics {
  rows: number;
  closed: number;
  completionRate: number | null;
  onTime: number;
  withDeadline: number;
  onTimeRate: number | null;
  closedWithEvidence: number;
  evidenceRate: number | null;
  relapses: number;
  directives: number;
  directivesDone: number;
  directivesRate: number | null;
}
interface EvaluationJson {
  assignmentId: string;
  orgName: string;
  periodEnd: string;
  periodEnded: boolean;
  metrics: Metrics;
  suggestedGrade: string;
  suggestedGradeLabel: string;
  evaluation: null | { grade: string; gradeLabel: string; suggestedGrade: string; reason: string | null; version: number };
  can: { confirm: boolean };
}
interface RevisitItemJson {
  id: string;
  assignmentId: string;
  rowId: string;
  seqLabel: string;
  orgName: string;
  status: string;
  result: string;
  version: number;
  can: { record: boolean };
}
interface RevisitJson {
  revisit: { id: string; seed: string; orgCount: number; orgTotal: number; itemCount: number; results: Record<string, number> };
  items: RevisitItemJson[];
}

let t: TestApp;
let office: Client;
let office2: Client;
let secretary: Client;
const contacts: Record<string, Client> = {};
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Noon in China on that day. */
const at = (day: string) => t.setNow(new Date(`${day}T04:00:00Z`));

async function upload(c: Client, rowId: string) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="佐证.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/ledger/${rowId}/evidence`,
    headers: { cookie: c.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** An assignment with feedback registered by the office: `n` ledger rows, their ids in order. */
async function withRows(roundId: string, teamId: string, name: string, n: number) {
  const org = await newOrg(t.ctx, name);
  await newUser(t.ctx, `contact-${org.id}`, [{ role: "org_contact", orgId: org.id }]);
  contacts[org.id] = await login(t.app, `contact-${org.id}`);
  const id = (await newAssignment(t.ctx, { roundId, teamId, orgId: org.id })).id;
  if (n > 0) {
    const res = await office.post(`/api/assignments/${id}/feedback`, {
      feedbackDate: "2024-01-10",
      aspects: [
        {
          title: "落实整改主体责任不到位",
          problems: [{ text: "整改不力", rows: Array.from({ length: n }, (_, i) => ({ text: `细化问题${i + 1}` })) }],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const rows = (await office.get(`/api/ledger?assignmentId=${id}&pageSize=100`)).json().items as Array<{ id: string }>;
  return { id, orgId: org.id, rowIds: rows.map((r) => r.id) };
}

/** The contact fills the row with its deadline, proves it and asks; the office closes it today. */
async function close(orgId: string, rowId: string, deadline: string) {
  const c = contacts[orgId]!;
  const row = (await c.get(`/api/ledger/${rowId}`)).json().row as { version: number };
  const fill = await c.patch(`/api/ledger/${rowId}`, { version: row.version, measures: "建立台账，逐项整改", deadline });
  expect(fill.statusCode, fill.body).toBe(200);
  await upload(c, rowId);
  expect((await c.post(`/api/ledger/${rowId}/request-closeout`, {})).statusCode).toBe(200);
  const closed = await office.post(`/api/ledger/${rowId}/close`, {});
  expect(closed.statusCode, closed.body).toBe(200);
}

const evaluations = async (c: Client, roundId: string): Promise<EvaluationJson[]> => {
  const res = await c.get(`/api/evaluations?roundId=${roundId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

let round1 = "";
let good: Awaited<ReturnType<typeof withRows>>;
let mixed: Awaited<ReturnType<typeof withRows>>;
let idle: Awaited<ReturnType<typeof withRows>>;
let round2 = "";
const units: Array<Awaited<ReturnType<typeof withRows>>> = [];
let owner: Awaited<ReturnType<typeof newUser>>;
let ownerClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "office2", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "shuji", ["secretary"]);
  [office, office2, secretary] = (await Promise.all(["office1", "office2", "shuji"].map((u) => login(t.app, u)))) as [
    Client,
    Client,
    Client,
  ];
  // Everyone signs in before the clock is set back to 2024, so no session times out when it moves on.
  const r = await newRound(t.ctx);
  round1 = r.id;
  const team = await newTeam(t.ctx, r.id);
  good = await withRows(r.id, team.id, "县财政局", 3);
  mixed = await withRows(r.id, team.id, "县水利局", 5);
  idle = await withRows(r.id, team.id, "某镇党委", 3);
  const r2 = await newRound(t.ctx, "第二轮巡察");
  round2 = r2.id;
  const team2 = await newTeam(t.ctx, r2.id);
  for (const [name, n] of [
    ["县交通运输局", 4],
    ["县农业农村局", 3],
    ["县文化旅游局", 2],
    ["县市场监管局", 1],
    ["县统计局", 7],
    ["县档案馆", 0],
  ] as const)
    units.push(await withRows(r2.id, team2.id, name, n));
  owner = await newUser(t.ctx, "owner1", ["office_staff"]);
  ownerClient = await login(t.app, "owner1");
});
afterAll(() => t.close());

describe("evaluation", () => {
  it("computes the metrics from the records and suggests a grade", async () => {
    at("2024-02-20");
    for (const id of good.rowIds) await close(good.orgId, id, "2024-02-29");
    // Mixed: three on time, one late, one closed and then found again (a relapse).
    for (const id of mixed.rowIds.slice(0, 3)) await close(mixed.orgId, id, "2024-02-29");
    await close(mixed.orgId, mixed.rowIds[3]!, "2024-02-15");
    await close(mixed.orgId, mixed.rowIds[4]!, "2024-02-29");
    const reopen = await office.post(`/api/ledger/${mixed.rowIds[4]}/reopen`, {
      reason: "专项检查发现问题再次出现",
      foundWhere: "专项检查",
      foundOn: "2024-02-20",
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    // One closed row whose evidence was later withdrawn.
    await t.ctx.db.update(evidenceFiles).set({ deletedAt: new Date() }).where(eq(evidenceFiles.rowId, mixed.rowIds[2]!));
    // Directives concerning the mixed organisation: one of two done.
    const meeting = (await office.post("/api/secretary-meetings", { heldOn: "2024-01-20", title: "书记专题会" })).json().id;
    for (const target of ["局长王某", "水毁工程修复问题"]) {
      const d = await office.post("/api/directives", {
        meetingId: meeting,
        kind: "matter",
        target,
        orgId: mixed.orgId,
        action: "查明并报告",
        owner: "县水利局",
        ownerUserId: owner.id,
      });
      expect(d.statusCode, d.body).toBe(200);
      if (target === "局长王某") {
        const id = d.json().directive.id;
        await ownerClient.post(`/api/directives/${id}/report`, { report: "已办结", version: 1 });
        expect((await office.post(`/api/directives/${id}/close`, { version: 2 })).statusCode).toBe(200);
      }
    }

    const list = await evaluations(secretary, round1);
    expect(list).toHaveLength(3);
    const m = list.find((e) => e.assignmentId === mixed.id)!;
    expect(m.metrics).toEqual({
      rows: 5,
      closed: 4,
      completionRate: 0.8,
      withDeadline: 5,
      onTime: 3,
      onTimeRate: 0.6,
      closedWithEvidence: 3,
      evidenceRate: 0.75,
      relapses: 1,
      directives: 2,
      directivesDone: 1,
      directivesRate: 0.5,
    });
    expect(m).toMatchObject({ suggestedGrade: "fair", suggestedGradeLabel: "中", periodEnd: "2024-03-10", periodEnded: false });
    const g = list.find((e) => e.assignmentId === good.id)!;
    expect(g.metrics).toMatchObject({ rows: 3, closed: 3, completionRate: 1, onTimeRate: 1, evidenceRate: 1, relapses: 0 });
    expect(g.suggestedGradeLabel).toBe("好");
    const i = list.find((e) => e.assignmentId === idle.id)!;
    expect(i.metrics).toMatchObject({ rows: 3, closed: 0, completionRate: 0, onTimeRate: null, evidenceRate: null });
    expect(i.suggestedGradeLabel).toBe("差");
  });

  it("refuses a grade before the period ends", async () => {
    const e = (await evaluations(office, round1)).find((x) => x.assignmentId === good.id)!;
    expect(e.can.confirm).toBe(false);
    const res = await office.post(`/api/assignments/${good.id}/evaluation`, { grade: "good" });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("集中整改期至2024-03-10，尚未结束，结束后才能评估");
  });

  it("confirms the suggested grade; another grade needs a reason; confirming again replaces it", async () => {
    at("2024-03-11");
    expect((await evaluations(office, round1)).every((e) => e.can.confirm)).toBe(true);
    expect((await evaluations(secretary, round1)).some((e) => e.can.confirm)).toBe(false);
    const ok = await office.post(`/api/assignments/${good.id}/evaluation`, { grade: "good" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evaluation.evaluation).toMatchObject({ grade: "good", gradeLabel: "好", reason: null, version: 1 });

    const noReason = await office.post(`/api/assignments/${mixed.id}/evaluation`, { grade: "good" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().message).toBe("所定等次“好”与建议等次“中”不同，请说明理由");
    const blank = await office.post(`/api/assignments/${mixed.id}/evaluation`, { grade: "good", reason: "   " });
    expect(blank.statusCode).toBe(422);
    const withReason = await office.post(`/api/assignments/${mixed.id}/evaluation`, {
      grade: "good",
      reason: "反弹问题系上级政策调整所致，已重新整改",
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const first = withReason.json().evaluation.evaluation;
    expect(first).toMatchObject({ grade: "good", suggestedGrade: "fair", version: 1 });

    const stale = await office2.post(`/api/assignments/${mixed.id}/evaluation`, { grade: "fair", version: 5 });
    expect(stale.statusCode).toBe(409);
    const again = await office2.post(`/api/assignments/${mixed.id}/evaluation`, { grade: "fair", version: 1 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().evaluation.evaluation).toMatchObject({ grade: "fair", gradeLabel: "中", reason: null, version: 2 });
    const audit = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "evaluation.confirm"));
    expect(audit).toHaveLength(3);
  });

  it("is the office's alone to confirm, and the wide readers' to see", async () => {
    const contact = contacts[good.orgId]!;
    const res = await contact.get(`/api/evaluations?roundId=${round1}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("整改评估");
    const sec = await secretary.post(`/api/assignments/${idle.id}/evaluation`, { grade: "poor" });
    expect(sec.statusCode).toBe(403);
    expect(sec.json().message).toBe("只有巡察办可以确定整改评估等次");
    expect((await office.post(`/api/assignments/${uuidv7()}/evaluation`, { grade: "poor" })).statusCode).toBe(404);
    const bad = await office.post(`/api/assignments/${idle.id}/evaluation`, { grade: "excellent" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("请选择评估等次");
  });
});

describe("revisit", () => {
  let drawn: RevisitJson;

  beforeAll(() => at("2024-04-01"));

  const rowsOf = (id: string) => units.find((u) => u.id === id)!.rowIds.length;
  const sampleOf = (r: RevisitJson) => r.items.map((i) => i.rowId).sort();

  it("draws at least a third of the organisations with rows and a third of each one's rows", async () => {
    const res = await office.post(`/api/rounds/${round2}/revisits`, { seed: "2024年第二轮回头看", note: "县委巡察办组织" });
    expect(res.statusCode, res.body).toBe(200);
    drawn = res.json();
    expect(drawn.revisit).toMatchObject({ seed: "2024年第二轮回头看", orgTotal: 5, orgCount: 2 });
    const byAssignment = new Map<string, number>();
    for (const i of drawn.items) byAssignment.set(i.assignmentId, (byAssignment.get(i.assignmentId) ?? 0) + 1);
    expect(byAssignment.size).toBe(2);
    for (const [id, n] of byAssignment) {
      expect(rowsOf(id)).toBeGreaterThan(0);
      expect(n).toBe(Math.ceil(rowsOf(id) / 3));
    }
    expect(drawn.items.every((i) => i.result === "pending" && i.can.record && i.seqLabel && i.orgName)).toBe(true);
    expect(drawn.revisit.itemCount).toBe(drawn.items.length);
    expect(drawn.revisit.results.pending).toBe(drawn.items.length);
  });

  it("draws the same sample from the same seed, and can check a draw again", async () => {
    const again = (await office.post(`/api/rounds/${round2}/revisits`, { seed: "2024年第二轮回头看" })).json() as RevisitJson;
    expect(sampleOf(again)).toEqual(sampleOf(drawn));
    const check = await secretary.get(`/api/revisits/${drawn.revisit.id}/redraw-check`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ matches: true, seed: "2024年第二轮回头看", orgCount: 2, rowCount: drawn.items.length });
    // A sample that lost an item no longer matches its seed.
    await t.ctx.db.update(revisitItems).set({ deletedAt: new Date() }).where(eq(revisitItems.id, again.items[0]!.id));
    expect((await office.get(`/api/revisits/${again.revisit.id}/redraw-check`)).json().matches).toBe(false);
  });

  it("records a seed when none is given", async () => {
    const res = await office.post(`/api/rounds/${round2}/revisits`, {});
    expect(res.statusCode, res.body).toBe(200);
    const v = (res.json() as RevisitJson).revisit;
    expect(v.seed).toMatch(/^20240401-[0-9a-f]{6}$/);
    expect((await office.get(`/api/revisits/${v.id}/redraw-check`)).json().matches).toBe(true);
    const listed = (await secretary.get(`/api/rounds/${round2}/revisits`)).json().items as Array<{ seed: string }>;
    expect(listed.map((x) => x.seed)).toContain(v.seed);
    expect(listed).toHaveLength(3);
  });

  it("refuses a relapse on a row that is not closed, then reopens a closed one in the same step", async () => {
    const item = drawn.items[0]!;
    const unit = units.find((u) => u.id === item.assignmentId)!;
    const open = await office.post(`/api/revisit-items/${item.id}`, {
      result: "relapse",
      finding: "台账显示已整改，现场核查仍存在",
      checkedOn: "2024-04-01",
    });
    expect(open.statusCode).toBe(422);
    expect(open.json().message).toContain("只有已销号的条目才能认定为问题反弹");

    await close(unit.orgId, item.rowId, "2024-03-31");
    const future = await office.post(`/api/revisit-items/${item.id}`, {
      result: "relapse",
      finding: "再次出现",
      checkedOn: "2024-04-02",
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toContain("不能晚于今天");
    const rel = await office.post(`/api/revisit-items/${item.id}`, {
      result: "relapse",
      finding: "台账显示已整改，现场核查仍存在",
      checkedOn: "2024-04-01",
      version: item.version,
    });
    expect(rel.statusCode, rel.body).toBe(200);
    expect(rel.json().item).toMatchObject({ result: "relapse", resultLabel: "问题反弹", status: "open", relapseCount: 1 });
    expect(rel.json().item.can.record).toBe(false);

    const row = (await secretary.get(`/api/ledger/${item.rowId}`)).json();
    expect(row.row).toMatchObject({ status: "open", relapseCount: 1 });
    expect(row.relapses).toEqual([
      expect.objectContaining({ reason: "台账显示已整改，现场核查仍存在", foundWhere: "回头看", foundOn: "2024-04-01" }),
    ]);
    const again = await office.post(`/api/revisit-items/${item.id}`, {
      result: "confirmed",
      finding: "已整改",
      checkedOn: "2024-04-01",
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toContain("不能再修改");
    const audit = await t.ctx.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "revisit.record")));
    expect(audit).toHaveLength(1);
  });

  it("records other results, and is the office's alone", async () => {
    const item = drawn.items[1]!;
    const res = await office2.post(`/api/revisit-items/${item.id}`, {
      result: "unfinished",
      finding: "整改措施尚未落实",
      checkedOn: "2024-04-01",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item).toMatchObject({ result: "unfinished", resultLabel: "整改未到位", checkedBy: "巡察办主任" });
    const detail = (await secretary.get(`/api/revisits/${drawn.revisit.id}`)).json() as RevisitJson;
    expect(detail.revisit.results).toMatchObject({ relapse: 1, unfinished: 1, pending: drawn.items.length - 2 });
    expect(detail.items.every((i) => !i.can.record)).toBe(true);

    const sec = await secretary.post(`/api/revisit-items/${item.id}`, {
      result: "confirmed",
      finding: "已整改",
      checkedOn: "2024-04-01",
    });
    expect(sec.statusCode).toBe(403);
    expect((await secretary.post(`/api/rounds/${round2}/revisits`, {})).statusCode).toBe(403);
    const contact = contacts[units[0]!.orgId]!;
    expect((await contact.get(`/api/revisits/${drawn.revisit.id}`)).statusCode).toBe(403);
    const empty = await office.post(`/api/revisit-items/${item.id}`, { result: "confirmed", checkedOn: "2024-04-01" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain("请填写核查情况");
  });

  it("cannot draw from a round without ledger rows", async () => {
    const r = await newRound(t.ctx, "第三轮巡察");
    const team = await newTeam(t.ctx, r.id);
    await withRows(r.id, team.id, "县气象局", 0);
    const res = await office.post(`/api/rounds/${r.id}/revisits`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("还没有台账条目");
    expect((await office.post(`/api/rounds/${uuidv7()}/revisits`, {})).statusCode).toBe(404);
    const live = await t.ctx.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.roundId, r.id), isNull(assignments.deletedAt)));
    expect(live).toHaveLength(1);
  });
});
