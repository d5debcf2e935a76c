import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { createContext, type AppContext } from "../../src/server/context.ts";
import { jobRuns, ledgerRows, orgs } from "../../src/server/db/schema.ts";
import { startScheduler } from "../../src/server/jobs/scheduler.ts";
import { runWarningJob } from "../../src/server/jobs/warnings.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface Notice {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  link: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
  can: { read: boolean };
}
interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

let t: TestApp;
/** Ledger rows of the township: the one warned, a second one, one closed, one without a deadline. */
let row: string;
let row2: string;
let closedRow: string;

// A Monday with no holiday or make-up day for weeks; 2024-07-08 is 15 working days later, 2024-07-01 5 before it.
const T_GREEN = "2024-06-17";
const T_YELLOW = "2024-07-01";
const DEADLINE = "2024-07-08";
const T_RED = "2024-07-09";

/** Moves the clock to 10:00 in China on a day (sessions expire with the move, so log in after it). */
const on = (day: string) => t.setNow(new Date(`${day}T02:00:00Z`));
const as = (username: string, app = t.app): Promise<Client> => login(app, username);

async function noticesOf(username: string, query = "pageSize=100"): Promise<NoticePage> {
  const res = await (await as(username)).get(`/api/notifications?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as NoticePage;
}
const kindsOf = async (username: string) => (await noticesOf(username)).items.map((n) => n.kind).sort();

async function jobRun() {
  const [r] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, "warnings"));
  return r;
}

async function sendAudits(): Promise<number> {
  const res = await (await as("auditor")).get("/api/audit?action=notification.send");
  expect(res.statusCode).toBe(200);
  return (res.json() as { total: number }).total;
}

const setDeadline = (id: string, deadline: string | null) =>
  t.ctx.db.update(ledgerRows).set({ deadline }).where(eq(ledgerRows.id, id));

async function until(what: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  on(T_GREEN);
  const county = await newOrg(t.ctx, "某县");
  const town = await newOrg(t.ctx, "甲镇党委", "township", county);
  const other = await newOrg(t.ctx, "乙局", "agency", county);
  await t.ctx.db.update(orgs).set({ partySecretary: "张建国" }).where(eq(orgs.id, town.id));
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "head", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: town.id }], "甲镇联络人");
  await newUser(t.ctx, "leader", [{ role: "supervising_leader", orgId: county.id }], "分管县领导");
  await newUser(t.ctx, "secretary", [{ role: "functional_dept", orgId: town.id }], "张建国");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: other.id }], "乙局联络人");
  // The same name as the town's secretary, but holding nothing on the town: not its secretary.
  await newUser(t.ctx, "namesake", [{ role: "org_contact", orgId: other.id }], "张建国");
  await newUser(t.ctx, "leaderB", [{ role: "supervising_leader", orgId: other.id }], "乙局分管领导");
  await newUser(t.ctx, "auditor", ["audit_admin"]);
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  const asgA = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: town.id });
  const asgB = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: other.id });
  const office = await as("office1");
  for (const [asg, rows] of [
    [asgA.id, ["学习贯彻不及时", "整改督促不力", "已整改的问题", "长期坚持的问题"]],
    [asgB.id, ["乙局的问题"]],
  ] as const) {
    const res = await office.post(`/api/assignments/${asg}/feedback`, {
      feedbackDate: "2023-12-14",
      aspects: [{ title: "落实主体责任不到位", problems: [{ text: "问题", rows: rows.map((text) => ({ text })) }] }],
    });
    expect(res.statusCode).toBe(200);
  }
  const list = (await office.get(`/api/ledger?assignmentId=${asgA.id}&pageSize=100`)).json() as {
    items: Array<{ id: string; text: string }>;
  };
  const idOf = (text: string) => list.items.find((r) => r.text === text)!.id;
  row = idOf("学习贯彻不及时");
  row2 = idOf("整改督促不力");
  closedRow = idOf("已整改的问题");
  await setDeadline(row, DEADLINE);
  await setDeadline(row2, "2024-12-31");
  await setDeadline(closedRow, "2024-06-20");
  await t.ctx.db.update(ledgerRows).set({ status: "closed" }).where(eq(ledgerRows.id, closedRow));
  const listB = (await office.get(`/api/ledger?assignmentId=${asgB.id}&pageSize=100`)).json() as {
    items: Array<{ id: string }>;
  };
  await setDeadline(listB.items[0]!.id, "2025-12-31");
});
afterAll(() => t.close());

describe("three-colour warnings", () => {
  it("warns the contact alone, green, 15 working days before the deadline", async () => {
    on(T_GREEN);
    const counts = await runWarningJob(t.ctx);
    expect(counts).toEqual({ green: 1, yellow: 0, red: 0, officeNotices: 0, sent: 1 });
    const mine = await noticesOf("contactA");
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      kind: "warning_green",
      kindLabel: "绿色预警",
      subjectId: row,
      link: `/ledger?open=${row}`,
      readAt: null,
      can: { read: true },
    });
    expect(mine.items[0]!.body).toContain("距整改时限还有15个工作日");
    for (const u of ["leader", "secretary", "office1", "contactB", "namesake", "leaderB"]) {
      expect((await noticesOf(u)).total, u).toBe(0);
    }
    expect(await sendAudits()).toBe(1);
  });

  it("warns the contact and the supervising leader above, yellow, 5 working days before", async () => {
    on(T_YELLOW);
    const counts = await runWarningJob(t.ctx);
    expect(counts).toMatchObject({ green: 0, yellow: 1, red: 0, sent: 2 });
    expect(await kindsOf("contactA")).toEqual(["warning_green", "warning_yellow"]);
    const leader = await noticesOf("leader");
    expect(leader.items.map((n) => [n.kind, n.subjectId])).toEqual([["warning_yellow", row]]);
    expect(leader.items[0]!.body).toContain("还有5个工作日");
    for (const u of ["secretary", "office1", "contactB", "namesake", "leaderB"]) {
      expect((await noticesOf(u)).total, u).toBe(0);
    }
  });

  it("warns the organisation and its party secretary red when overdue, and suggests a supervision letter to the office", async () => {
    on(T_RED);
    const counts = await runWarningJob(t.ctx);
    expect(counts).toEqual({ green: 0, yellow: 0, red: 1, officeNotices: 1, sent: 4 });
    expect(await kindsOf("contactA")).toEqual(["warning_green", "warning_red", "warning_yellow"]);
    const secretary = await noticesOf("secretary");
    expect(secretary.items.map((n) => n.kind)).toEqual(["warning_red"]);
    expect(secretary.items[0]!.body).toContain("已逾期1天");
    expect(await kindsOf("leader")).toEqual(["warning_yellow"]);
    for (const u of ["office1", "head"]) {
      const office = await noticesOf(u);
      expect(office.items).toHaveLength(1);
      expect(office.items[0]).toMatchObject({
        kind: "overdue_org",
        kindLabel: "建议督办",
        body: "甲镇党委有1条整改任务已逾期，建议制发督办函",
        link: `/letters?new=supervision&rowIds=${row}`,
      });
    }
    for (const u of ["contactB", "namesake", "leaderB"]) expect((await noticesOf(u)).total, u).toBe(0);
    expect(await sendAudits()).toBe(3);
    const audit = (await (await as("auditor")).get(`/api/audit?action=notification.send&record=${row}`)).json() as {
      items: Array<{ actorName: string; changes: Record<string, unknown> }>;
    };
    expect(audit.items[0]).toMatchObject({ actorName: "系统", changes: { red: 1, officeNotices: 1, sent: 4 } });
  });

  it("sends nothing again on a second run, and records every run", async () => {
    const before = await jobRun();
    const counts = await runWarningJob(t.ctx);
    expect(counts).toEqual({ green: 0, yellow: 0, red: 1, officeNotices: 1, sent: 0 });
    expect((await noticesOf("contactA")).total).toBe(3);
    expect((await noticesOf("office1")).total).toBe(1);
    expect(await sendAudits()).toBe(3);
    const after = await jobRun();
    expect(after).toMatchObject({ lastRunDate: T_RED, runCount: before!.runCount + 1, lastResult: counts });
  });

  it("sends nothing again after a restart, and the scheduler catches up only on a day it has not run", async () => {
    const ctx2 = createContext({ db: t.ctx.db, dbKind: t.ctx.dbKind, config: t.ctx.config, now: t.ctx.now });
    const app2 = await buildApp(ctx2);
    try {
      const office = await as("office1", app2);
      const res = await office.post("/api/notifications/run-warnings", {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ green: 0, yellow: 0, red: 1, officeNotices: 1, sent: 0 });

      const runs = (await jobRun())!.runCount;
      const stop = startScheduler(ctx2, { startDelayMs: 0, tickMs: 10, log: () => {} });
      try {
        await new Promise((r) => setTimeout(r, 200));
        expect((await jobRun())!.runCount).toBe(runs); // already ran today
        on("2024-07-10");
        await until(async () => (await jobRun())!.lastRunDate === "2024-07-10");
        expect((await jobRun())!.runCount).toBe(runs + 1);
        expect((await jobRun())!.lastResult).toMatchObject({ red: 1, sent: 0 });
      } finally {
        await stop();
      }
    } finally {
      await app2.close();
    }
    expect((await noticesOf("contactA")).total).toBe(3);
    expect((await noticesOf("secretary")).total).toBe(1);
    expect((await noticesOf("office1")).total).toBe(1);
    expect(await sendAudits()).toBe(3);
  });

  it("tells the office again when the set of overdue rows changes, and warns again on a new deadline", async () => {
    await setDeadline(row2, "2024-07-05");
    const counts = await runWarningJob(t.ctx);
    expect(counts).toMatchObject({ red: 2, officeNotices: 1, sent: 4 }); // contact, secretary, two office users
    const office = (await noticesOf("office1")).items;
    expect(office).toHaveLength(2);
    expect(office[0]!.body).toBe("甲镇党委有2条整改任务已逾期，建议制发督办函");
    expect(office[0]!.link).toBe(`/letters?new=supervision&rowIds=${[row, row2].sort().join(",")}`);

    await setDeadline(row, "2024-07-09"); // a new (still passed) deadline is a new warning
    expect((await runWarningJob(t.ctx)).sent).toBe(2);
    expect((await noticesOf("contactA")).items.filter((n) => n.subjectId === row).map((n) => n.kind)).toEqual([
      "warning_red",
      "warning_red",
      "warning_yellow",
      "warning_green",
    ]);
  });

  it("sends a notice once even when two runs race", async () => {
    const audits = await sendAudits();
    await setDeadline(row2, "2024-07-04");
    const [a, b] = await Promise.all([runWarningJob(t.ctx), runWarningJob(t.ctx)]);
    expect(a.sent + b.sent).toBe(2); // the contact and the secretary, once each
    const red2 = (await noticesOf("contactA")).items.filter((n) => n.subjectId === row2);
    expect(red2.map((n) => n.kind)).toEqual(["warning_red", "warning_red"]); // old deadline, new deadline
    expect(await sendAudits()).toBe(audits + 1);
  });

  it("never warns about a closed row", async () => {
    for (const u of ["contactA", "leader", "secretary", "office1"]) {
      const items = (await noticesOf(u)).items;
      expect(
        items.some((n) => n.subjectId === closedRow || (n.link ?? "").includes(closedRow)),
        u,
      ).toBe(false);
    }
  });

  it("keeps running after a failure, logging it", async () => {
    const broken = {
      ...t.ctx,
      db: new Proxy(t.ctx.db, {
        get: () => () => {
          throw new Error("数据库不可用");
        },
      }),
    } as AppContext;
    const errors: string[] = [];
    const stop = startScheduler(broken, {
      startDelayMs: 0,
      tickMs: 10,
      logError: (m, e) => errors.push(`${m}${(e as Error).message}`),
    });
    await until(async () => errors.length > 0);
    await stop();
    expect(errors[0]).toBe("整改时限预警检查失败：数据库不可用");
  });

  it("refuses the check at once to anyone but the office, in Chinese", async () => {
    const res = await (await as("contactA")).post("/api/notifications/run-warnings", {});
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("只有巡察办可以立即检查整改时限预警");
    expect((await (await as("auditor")).post("/api/notifications/run-warnings", {})).statusCode).toBe(403);
  });
});

describe("the notification centre", () => {
  it("counts, lists, pages and marks one's own notices read", async () => {
    const c = await as("contactA");
    expect((await c.get("/api/notifications/unread-count")).json()).toEqual({ unread: 6 });
    const page2 = (await c.get("/api/notifications?page=2&pageSize=4")).json() as NoticePage;
    expect(page2).toMatchObject({ total: 6, unread: 6, page: 2, pageSize: 4 });
    expect(page2.items).toHaveLength(2);
    const all = (await c.get("/api/notifications")).json() as NoticePage;
    expect(all.items.map((n) => n.createdAt)).toEqual([...all.items.map((n) => n.createdAt)].sort().reverse());

    const first = all.items[0]!;
    const read = await c.post(`/api/notifications/${first.id}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().notification).toMatchObject({ id: first.id, can: { read: false } });
    expect(read.json().notification.readAt).not.toBeNull();
    expect((await c.post(`/api/notifications/${first.id}/read`, {})).statusCode).toBe(200); // again: no change
    expect((await c.get("/api/notifications/unread-count")).json()).toEqual({ unread: 5 });
    expect(((await c.get("/api/notifications?unread=true")).json() as NoticePage).total).toBe(5);
    const readOnes = (await c.get("/api/notifications?unread=false")).json() as NoticePage;
    expect(readOnes.items.map((n) => n.id)).toEqual([first.id]);

    const all2 = await c.post("/api/notifications/read-all", {});
    expect(all2.json()).toEqual({ updated: 5 });
    expect((await c.get("/api/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect((await c.post("/api/notifications/read-all", {})).json()).toEqual({ updated: 0 });

    const reads = (await (await as("auditor")).get("/api/audit?action=notification.read")).json() as { total: number };
    expect(reads.total).toBe(2);
  });

  it("does not let anyone mark another's notice read", async () => {
    const theirs = (await noticesOf("secretary")).items[0]!;
    const res = await (await as("office1")).post(`/api/notifications/${theirs.id}/read`, {});
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe("提醒不存在或已删除");
    expect((await noticesOf("secretary")).items[0]!.readAt).toBeNull();
    expect((await (await as("office1")).get("/api/notifications/unread-count")).json()).toEqual({ unread: 2 });
  });

  it("answers a malformed query in Chinese", async () => {
    const res = await (await as("contactA")).get("/api/notifications?pageSize=1000");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("每页条数应为 1 至 100 的整数");
  });
});
