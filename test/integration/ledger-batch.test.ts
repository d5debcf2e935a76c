import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerRows } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let contact: Client;
let otherContact: Client;
let assignmentId: string;
let otherAssignmentId: string;

interface Row {
  id: string;
  seqLabel: string;
  status: string;
  version: number;
  deadline: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  overdue: boolean;
  can: Record<string, boolean>;
}

async function rows(c: Client, id = assignmentId): Promise<Row[]> {
  const res = await c.get(`/api/ledger?assignmentId=${id}&pageSize=100`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Row[];
}
const bySeq = (list: Row[], seq: string) => list.find((r) => r.seqLabel === seq)!;

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "汨罗市委巡察机构");
  const orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "联络人甲");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "联络人乙");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  assignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  otherAssignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id })).id;
  [office, contact, otherContact] = (await Promise.all(["office1", "contactA", "contactB"].map((u) => login(t.app, u)))) as [
    Client,
    Client,
    Client,
  ];
  const a = await office.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: "2023-12-14",
    aspects: [
      {
        title: "学习贯彻党中央重大决策部署不够及时",
        problems: [
          { text: "学习巡视巡察文件不及时", rows: [{ text: "常委会议专题学习仅6次" }, { text: "书记专题会议未及时传达" }] },
        ],
      },
      { title: "巡察监督作用发挥不够", problems: [{ text: "巡察发现问题不够精准" }, { text: "整改督促不力" }] },
    ],
  });
  expect(a.json()).toEqual({ aspects: 2, problems: 3, rows: 4 });
  const b = await office.post(`/api/assignments/${otherAssignmentId}/feedback`, {
    feedbackDate: "2023-12-14",
    aspects: [{ title: "基层党组织建设薄弱", problems: [{ text: "组织生活不规范" }] }],
  });
  expect(b.statusCode).toBe(200);
});
afterAll(() => t.close());

describe("批量设置 (batch set deadline, leader, department)", () => {
  it("lets the organisation's contact set the deadline and the responsible people of three rows at once", async () => {
    const before = await rows(contact);
    const three = ["1.1", "1.2", "2"].map((s) => bySeq(before, s));
    const res = await contact.post("/api/ledger/batch", {
      action: "set",
      ids: three.map((r) => r.id),
      fields: { deadline: "2020-06-30", responsibleLeader: "龙寅", responsibleDepartment: "巡察办" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ done: 3 });
    const after = await rows(contact);
    for (const r of three) {
      const now = after.find((x) => x.id === r.id)!;
      expect(now).toMatchObject({ deadline: "2020-06-30", responsibleLeader: "龙寅", responsibleDepartment: "巡察办" });
      expect(now.overdue).toBe(true);
      expect(now.version).toBe(r.version + 1);
    }
    // The untouched row stays as it was.
    expect(bySeq(after, "3")).toMatchObject({ deadline: null, version: bySeq(before, "3").version });
    // Each row's history carries its own entry with what changed.
    const detail = (await contact.get(`/api/ledger/${three[0]!.id}`)).json();
    const entry = detail.history.find((h: { action: string }) => h.action === "ledger.update");
    expect(entry.changes).toEqual({
      deadline: [null, "2020-06-30"],
      responsibleLeader: [null, "龙寅"],
      responsibleDepartment: [null, "巡察办"],
    });
  });

  it("sets only the fields given", async () => {
    const before = bySeq(await rows(contact), "2");
    const res = await contact.post("/api/ledger/batch", {
      action: "set",
      ids: [before.id],
      fields: { responsibleLeader: "李四" },
    });
    expect(res.statusCode).toBe(200);
    expect(bySeq(await rows(contact), "2")).toMatchObject({
      responsibleLeader: "李四",
      responsibleDepartment: "巡察办",
      deadline: "2020-06-30",
    });
  });

  it("refuses a batch whole when it holds another organisation's row, naming it, and changes nothing", async () => {
    const own = await rows(contact);
    const foreign = (await rows(office, otherAssignmentId))[0]!;
    const res = await contact.post("/api/ledger/batch", {
      action: "set",
      ids: [own[0]!.id, foreign.id],
      fields: { deadline: "2030-01-01" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("某乡镇党委 第1条");
    expect(res.json().message).toContain("整批未执行");
    expect(await rows(contact)).toEqual(own);
    expect((await rows(office, otherAssignmentId))[0]).toEqual(foreign);
  });

  it("refuses a batch whole when it holds a closed row, naming it", async () => {
    const own = await rows(contact);
    const row3 = bySeq(own, "3");
    // Setup: row 3 was closed out earlier, with its own responsible people.
    await t.ctx.db
      .update(ledgerRows)
      .set({ status: "closed", deadline: "2020-06-30", responsibleLeader: "龙寅", responsibleDepartment: "巡察办" })
      .where(eq(ledgerRows.id, row3.id));
    const closed = await rows(contact);
    expect(bySeq(closed, "3").can.fill).toBe(false);
    const res = await contact.post("/api/ledger/batch", {
      action: "set",
      ids: [bySeq(closed, "1.1").id, row3.id],
      fields: { deadline: "2030-01-01" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("第3条（该条目已销号）");
    expect(bySeq(await rows(contact), "1.1").deadline).toBe("2020-06-30");
  });

  it("refuses the office, which does not fill rows", async () => {
    const open = (await rows(office)).filter((r) => r.status === "open");
    expect(open.every((r) => !r.can.fill)).toBe(true);
    const res = await office.post("/api/ledger/batch", {
      action: "set",
      ids: open.map((r) => r.id),
      fields: { deadline: "2030-01-01" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("只有该单位的联络人可以填报整改情况");
  });

  it("asks for at least one field, and validates each, in Chinese", async () => {
    const id = (await rows(contact))[0]!.id;
    const none = await contact.post("/api/ledger/batch", { action: "set", ids: [id], fields: {} });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("请至少设置整改时限、责任领导、责任部门中的一项");
    const badDate = await contact.post("/api/ledger/batch", { action: "set", ids: [id], fields: { deadline: "2024-02-30" } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("日期无效");
    const blank = await contact.post("/api/ledger/batch", { action: "set", ids: [id], fields: { responsibleLeader: "  " } });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain("请填写责任领导");
    const bogus = await contact.post("/api/ledger/batch", { action: "bogus", ids: [id] });
    expect(bogus.statusCode).toBe(400);
  });
});

describe("问题清单、任务清单、责任清单", () => {
  it("groups the visible rows by problem, by measure and by responsible people, with counts", async () => {
    const own = await rows(contact);
    for (const seq of ["1.1", "1.2"]) {
      const r = bySeq(own, seq);
      expect((await contact.patch(`/api/ledger/${r.id}`, { version: r.version, measures: "建立学习制度" })).statusCode).toBe(200);
    }
    const res = await office.get(`/api/ledger/views?assignmentId=${assignmentId}`);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.total).toBe(4);
    expect(v.truncated).toBe(false);
    const seqs = (rs: Row[]) => rs.map((r) => r.seqLabel);

    expect(v.problems.map((p: { problemText: string }) => p.problemText)).toEqual([
      "学习巡视巡察文件不及时",
      "巡察发现问题不够精准",
      "整改督促不力",
    ]);
    expect(v.problems[0]).toMatchObject({ aspectTitle: "学习贯彻党中央重大决策部署不够及时", problemSeq: 1 });
    expect(seqs(v.problems[0].rows)).toEqual(["1.1", "1.2"]);

    expect(v.tasks.map((g: { measure: string; rows: Row[] }) => [g.measure, seqs(g.rows)])).toEqual([
      ["建立学习制度", ["1.1", "1.2"]],
      ["未填写整改措施", ["2", "3"]],
    ]);

    // Rows 1.1, 1.2 and 3 (closed) under 龙寅; row 2 under 李四. Open rows past their deadline are overdue.
    expect(
      v.responsibilities.map((g: { leader: string; department: string; counts: unknown; rows: Row[] }) => [
        g.leader,
        g.department,
        g.counts,
        seqs(g.rows),
      ]),
    ).toEqual([
      ["龙寅", "巡察办", { total: 3, closed: 1, overdue: 2 }, ["1.1", "1.2", "3"]],
      ["李四", "巡察办", { total: 1, closed: 0, overdue: 1 }, ["2"]],
    ]);
    // Rows carry their abilities, as in the list.
    expect(v.problems[0].rows[0].can.view).toBe(true);
  });

  it("shows only the rows the user may see, and needs an assignment or an organisation", async () => {
    const other = (await otherContact.get(`/api/ledger/views?assignmentId=${assignmentId}`)).json();
    expect(other).toMatchObject({ total: 0, problems: [], tasks: [], responsibilities: [] });
    const own = (await otherContact.get(`/api/ledger/views?assignmentId=${otherAssignmentId}`)).json();
    expect(own.total).toBe(1);
    expect(own.responsibilities).toEqual([
      expect.objectContaining({ leader: null, department: null, counts: { total: 1, closed: 0, overdue: 0 } }),
    ]);
    const none = await office.get("/api/ledger/views");
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain("请先选择巡察任务或单位");
    expect((await office.get("/api/ledger/views?assignmentId=abc")).statusCode).toBe(400);
  });
});
