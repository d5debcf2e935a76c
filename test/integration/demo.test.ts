import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/server/audit/verify.ts";
import { DEMO_PASSWORD } from "../../src/server/demo/accounts.ts";
import { loadDemo } from "../../src/server/demo/load.ts";
import { createTestApp, login, type Client, type TestApp } from "../support/app.ts";

let t: TestApp;
let summary: string;
let head: Client;
const assignments: Record<string, string> = {};

interface Figures {
  total: number;
  done: number;
  significantProgress: number;
  doneRate: number | null;
  doneOrSignificantRate: number | null;
}

const figuresOf = async (c: Client, assignmentId: string): Promise<Figures> => {
  const res = await c.get(`/api/figures/ledger?assignmentId=${assignmentId}`);
  expect(res.statusCode).toBe(200);
  return res.json().figures;
};

beforeAll(async () => {
  t = await createTestApp();
  summary = await loadDemo(t.ctx);
  head = await login(t.app, "demo_head", DEMO_PASSWORD);
  const res = await head.get("/api/assignments");
  expect(res.statusCode).toBe(200);
  for (const a of res.json().items as Array<{ id: string; orgName: string }>) assignments[a.orgName] = a.id;
}, 60_000);
afterAll(() => t.close());

describe("the demo, built from the seeds through the API", () => {
  it("feeds back 汨罗's elevated inspection as 4 aspects, 13 problems, 23 rows, all closed out", async () => {
    const id = assignments["汨罗市委巡察机构"]!;
    const fb = (await head.get(`/api/assignments/${id}/feedback`)).json();
    expect(fb.totals).toEqual({ aspects: 4, problems: 13, rows: 23 });
    expect(fb.feedbackDate).toBe("2023-12-14");
    // Every problem carries the findings the team entered, one per refined row.
    for (const a of fb.aspects) for (const p of a.problems) expect(p.findings).toHaveLength(p.rows.length);
    const f = await figuresOf(head, id);
    expect(f.done).toBe(23);
    expect(f.doneRate).toBe(1);
    const asg = (await head.get(`/api/assignments/${id}`)).json().assignment;
    expect(asg).toMatchObject({ entryDate: "2023-09-06", withdrawalDate: "2023-11-07", feedbackDate: "2023-12-14" });
  });

  it("leaves 机关工委 with 8 rows closed and 17 reported as significant progress", async () => {
    const id = assignments["市委市级机关工委"]!;
    const fb = (await head.get(`/api/assignments/${id}/feedback`)).json();
    expect(fb.totals.problems).toBe(25);
    const f = await figuresOf(head, id);
    expect(f).toMatchObject({ total: 25, done: 8, significantProgress: 17, doneOrSignificantRate: 1 });
  });

  it("closes every row on evidence, by an office user other than the contact who asked", async () => {
    const rows = (await head.get(`/api/ledger?assignmentId=${assignments["汨罗市委巡察机构"]}&pageSize=200`)).json().items;
    const detail = (await head.get(`/api/ledger/${rows[0].id}`)).json();
    expect(detail.row.measures).toContain("2024年1月");
    expect(detail.row.responsibleLeader).toBe("龙寅");
    expect(detail.evidence).toHaveLength(1);
    expect(detail.notes[0].noteDate).toBe("2024-06-07");
    const actors = detail.history.map((h: { action: string; actorName: string }) => `${h.action} ${h.actorName}`);
    expect(actors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ledger\.request_closeout .*demo_miluo/),
        expect.stringMatching(/^ledger\.close .*demo_office2/),
      ]),
    );
  });

  it("shows demo_jiguan only the rows of 机关工委", async () => {
    const jiguan = await login(t.app, "demo_jiguan", DEMO_PASSWORD);
    const res = (await jiguan.get("/api/ledger?pageSize=200")).json();
    expect(res.total).toBe(25);
    expect(new Set(res.items.map((r: { orgName: string }) => r.orgName))).toEqual(new Set(["市委市级机关工委"]));
    expect((await jiguan.get(`/api/assignments/${assignments["汨罗市委巡察机构"]}/feedback`)).statusCode).toBe(404);
  });

  it("shows 汨罗's supervising leader 汨罗 and nothing of the other city", async () => {
    const leader = await login(t.app, "demo_leader", DEMO_PASSWORD);
    const res = (await leader.get("/api/ledger?pageSize=200")).json();
    expect(res.total).toBe(23);
  });

  it("prints counts read back from the application, and the accounts with their password", () => {
    expect(summary).toContain("汨罗市委巡察机构");
    expect(summary).toContain("反馈 4 个方面 13 个问题，细化为 23 条；已销号 23 条，取得明显成效 0 条");
    expect(summary).toContain("反馈 4 个方面 25 个问题，细化为 25 条；已销号 8 条，取得明显成效 17 条");
    expect(summary).toContain(DEMO_PASSWORD);
    for (const u of ["demo_office", "demo_office2", "demo_head", "demo_miluo", "demo_jiguan", "demo_secadmin", "demo_auditor"])
      expect(summary).toContain(u);
  });

  it("keeps the audit chain whole", async () => {
    const report = await verifyChain(t.ctx.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(200);
  });

  it("refuses to load twice", async () => {
    await expect(loadDemo(t.ctx)).rejects.toThrow("演示数据已经加载过");
  });
});
