import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { assignments, auditEntries } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

interface PeriodJson {
  assignmentId: string;
  orgId: string;
  orgName: string;
  start: string;
  end: string;
  ended: boolean;
  states: Record<"meeting" | "progressReport" | "internalNotice" | "publicAnnouncement", string>;
  commissionAbsent: boolean;
  orgDeptAbsent: boolean;
  missing: string[];
  version: number;
  can: { edit: boolean };
}

let t: TestApp;
let office: Client;
let secretary: Client;
let contactA: Client;
let contactB: Client;
let leaderB: Client;
let teamMember: Client;
const asg: Record<"A" | "B" | "C" | "D" | "noFeedback", string> = { A: "", B: "", C: "", D: "", noFeedback: "" };

/** Noon in China on that day. */
const at = (day: string) => t.setNow(new Date(`${day}T04:00:00Z`));
const list = async (c: Client, url = "/api/periods"): Promise<PeriodJson[]> => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const one = async (c: Client, id: string) => (await list(c)).find((p) => p.assignmentId === id)!;
const put = (c: Client, id: string, body: Record<string, unknown>) => c.put(`/api/assignments/${id}/period`, body);

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "县住房和城乡建设局");
  const orgB = await newOrg(t.ctx, "某镇党委", "township");
  const orgC = await newOrg(t.ctx, "某镇某村党支部", "village", orgB);
  const orgD = await newOrg(t.ctx, "县教育局");
  const orgE = await newOrg(t.ctx, "县卫生健康局");
  await newUser(t.ctx, "office1", ["office_staff"]);
  await newUser(t.ctx, "shuji", ["secretary"]);
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }]);
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }]);
  await newUser(t.ctx, "leaderB", [{ role: "supervising_leader", orgId: orgB.id }]);
  const member = await newUser(t.ctx, "member1");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id, [{ userId: member.id, position: "member" }]);
  for (const [k, org] of [
    ["A", orgA],
    ["B", orgB],
    ["C", orgC],
    ["D", orgD],
    ["noFeedback", orgE],
  ] as const) {
    asg[k] = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: org.id })).id;
    if (k !== "noFeedback")
      await t.ctx.db.update(assignments).set({ feedbackDate: "2024-01-10" }).where(eq(assignments.id, asg[k]));
  }
  [office, secretary, contactA, contactB, leaderB, teamMember] = (await Promise.all(
    ["office1", "shuji", "contactA", "contactB", "leaderB", "member1"].map((u) => login(t.app, u)),
  )) as [Client, Client, Client, Client, Client, Client];
  at("2024-02-01");
});
afterAll(() => t.close());

describe("the concentrated rectification period", () => {
  it("runs two months from feedback, everything pending at first", async () => {
    const p = await one(office, asg.A);
    expect(p).toMatchObject({ start: "2024-01-10", end: "2024-03-10", ended: false, version: 0, missing: [] });
    expect(p.states).toEqual({
      meeting: "pending",
      progressReport: "pending",
      internalNotice: "pending",
      publicAnnouncement: "pending",
    });
    expect((await list(office)).map((x) => x.assignmentId)).not.toContain(asg.noFeedback);
  });

  it("lets the organisation's contact record the meeting, on time", async () => {
    expect((await one(contactA, asg.A)).can.edit).toBe(true);
    const res = await put(contactA, asg.A, {
      meetingDate: "2024-01-25",
      meetingAttendees: "局党组成员，县纪委监委派驻纪检监察组、县委组织部列席",
      commissionAttended: true,
      orgDeptAttended: true,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().period as PeriodJson;
    expect(p.states.meeting).toBe("done");
    expect(p.states.progressReport).toBe("pending");
    expect(p.missing).toEqual([]);
    expect(p.version).toBe(1);
  });

  it("refuses a meeting in the future, a date before feedback, and a stale version, in Chinese", async () => {
    const future = await put(contactA, asg.A, { meetingDate: "2024-02-05", commissionAttended: true, version: 1 });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toContain("不能晚于今天");
    const early = await put(contactA, asg.A, { meetingDate: "2024-01-05", version: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain("不能早于反馈日期（2024-01-10）");
    const place = await put(contactA, asg.A, { meetingDate: "2024-01-25", publicAnnouncementDate: "2024-01-30", version: 1 });
    expect(place.statusCode).toBe(422);
    expect(place.json().message).toContain("请填写社会公开的地点或方式");
    const stale = await put(contactA, asg.A, { meetingDate: "2024-01-26", version: 0 });
    expect(stale.statusCode).toBe(409);
    const bad = await put(contactA, asg.A, { meetingDate: "2024-02-30", version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("refuses the contact of another organisation, a supervising leader and a secretary", async () => {
    for (const c of [contactB, leaderB, secretary]) {
      const res = await put(c, asg.A, { meetingDate: "2024-01-25", version: 1 });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain("只有该单位的联络人或巡察办");
    }
    expect((await one(secretary, asg.A)).can.edit).toBe(false);
    const none = await put(office, asg.noFeedback, { version: 0 });
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toContain("尚未反馈");
    expect((await put(office, uuidv7(), { version: 0 })).statusCode).toBe(404);
  });

  it("shows each reader only what they may see", async () => {
    expect((await list(contactA)).map((p) => p.orgName)).toEqual(["县住房和城乡建设局"]);
    expect((await list(leaderB)).map((p) => p.orgName).sort()).toEqual(["某镇党委", "某镇某村党支部"].sort());
    expect(await list(secretary)).toHaveLength(4);
    const member = await teamMember.get("/api/periods");
    expect(member.statusCode).toBe(403);
    expect(member.json().message).toContain("集中整改期");
    expect((await anonymous(t.app).get("/api/periods")).statusCode).toBe(401);
  });

  it("records the rest for one organisation on time, and the office records for another", async () => {
    at("2024-03-08");
    const d = await put(office, asg.D, {
      meetingDate: "2024-02-02",
      commissionAttended: true,
      orgDeptAttended: true,
      progressReportDate: "2024-03-08",
      progressReportNote: "整改任务完成 18 项，正在推进 2 项",
      internalNoticeDate: "2024-03-08",
      publicAnnouncementDate: "2024-03-08",
      publicAnnouncementPlace: "县政府门户网站",
      version: 0,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(Object.values((d.json().period as PeriodJson).states)).toEqual(["done", "done", "done", "done"]);
    // Organisation C holds its meeting without the organisation department.
    const c = await put(office, asg.C, { meetingDate: "2024-02-20", commissionAttended: true, version: 0 });
    expect((c.json().period as PeriodJson).orgDeptAbsent).toBe(true);
  });

  it("after the period: late, missing and absent items, and the office's list of who fell short", async () => {
    at("2024-03-20");
    const a = await one(contactA, asg.A);
    const late = await put(contactA, asg.A, {
      meetingDate: "2024-01-25",
      meetingAttendees: "局党组成员，县纪委监委派驻纪检监察组、县委组织部列席",
      commissionAttended: true,
      orgDeptAttended: true,
      progressReportDate: "2024-03-15",
      internalNoticeDate: "2024-03-08",
      version: a.version,
    });
    expect(late.statusCode, late.body).toBe(200);
    const p = late.json().period as PeriodJson;
    expect(p.ended).toBe(true);
    expect(p.states).toEqual({ meeting: "done", progressReport: "late", internalNotice: "done", publicAnnouncement: "missing" });
    expect(p.missing).toEqual(["整改进展情况逾期报告（2024-03-15，整改期至2024-03-10）", "未向社会公开整改情况"]);

    const b = await one(office, asg.B);
    expect(Object.values(b.states)).toEqual(["missing", "missing", "missing", "missing"]);
    expect(b.missing).toContain("未召开整改专题民主生活会");

    const missing = await list(office, "/api/periods/missing");
    expect(missing.map((x) => x.orgName).sort()).toEqual(["县住房和城乡建设局", "某镇党委", "某镇某村党支部"].sort());
    const c = missing.find((x) => x.assignmentId === asg.C)!;
    expect(c.missing).toContain("整改专题民主生活会组织部未列席");
    expect(c.missing).not.toContain("整改专题民主生活会纪委监委未列席");
    // The organisation that did everything on time is not on it; a contact sees only their own.
    expect(missing.map((x) => x.assignmentId)).not.toContain(asg.D);
    expect((await list(contactA, "/api/periods/missing")).map((x) => x.assignmentId)).toEqual([asg.A]);
    const orgB = (await one(office, asg.B)).orgId;
    expect((await list(office, `/api/periods/missing?orgId=${orgB}`)).map((x) => x.assignmentId)).toEqual([asg.B]);
  });

  it("checks its filters and keeps every change in the audit trail", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/periods?roundId=not-a-uuid", headers: { cookie: office.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("巡察轮次无效");
    const entries = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "period.update"));
    expect(entries.length).toBe(4);
    expect(entries.every((e) => (e.recordIds as string[]).length === 2)).toBe(true);
  });
});
