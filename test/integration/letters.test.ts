import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../src/domain/ids.ts";
import { commonProblemFindings, commonProblems, ledgerRows } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let contactA: Client;
let contactB: Client;
let leader: Client;
let dept: Client;
let commission: Client;
let sysadmin: Client;
let orgA: { id: string; path: string; name: string };
let orgB: { id: string; path: string; name: string };
let deptOrg: { id: string; path: string; name: string };
/** Ledger rows by "<org letter><seqLabel>", e.g. "A1.1". */
const rows: Record<string, string> = {};
let fedBackFindings: string[] = [];
let unfedFinding = "";

interface LetterJson {
  id: string;
  kind: string;
  kindLabel: string;
  documentNumber: string;
  addressee: string;
  replyDue: string;
  status: string;
  statusLabel: string;
  itemCount: number;
  commonProblemTitle: string | null;
  can: { reply: boolean };
}
interface ItemJson {
  type: string;
  orgName: string;
  seqLabel: string;
  text: string;
  statusLabel: string;
}

const letter = (over: Record<string, unknown> = {}) => ({
  kind: "supervision",
  addressee: "县自然资源局党组",
  addresseeOrgId: orgA.id,
  subject: "关于督促加快巡察整改进度的函",
  body: "请于收函后10个工作日内书面回复整改情况。",
  sentOn: "2024-03-01",
  rowIds: [rows["A1.1"]],
  ...over,
});

async function send(over: Record<string, unknown> = {}): Promise<{ letter: LetterJson; items: ItemJson[] }> {
  const res = await office.post("/api/letters", letter(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const county = await newOrg(t.ctx, "某县");
  orgA = await newOrg(t.ctx, "县自然资源局", "agency", county);
  orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  deptOrg = await newOrg(t.ctx, "县住房和城乡建设局");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "联络人甲");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "联络人乙");
  await newUser(t.ctx, "leader", [{ role: "supervising_leader", orgId: county.id }], "分管领导");
  await newUser(t.ctx, "dept", [{ role: "functional_dept", orgId: deptOrg.id }], "住建局");
  await newUser(t.ctx, "jiwei", ["commission"], "纪委");
  [office, contactA, contactB, leader, dept, commission, sysadmin] = (await Promise.all(
    ["office1", "contactA", "contactB", "leader", "dept", "jiwei", "sysadmin"].map((u) => login(t.app, u)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  const asgA = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id });
  const asgB = await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id });
  const fA = await newFinding(t.ctx, asgA.id, orgA.id, "违规发放津贴补贴");
  const fB = await newFinding(t.ctx, asgB.id, orgB.id, "违规发放误餐补助");
  unfedFinding = (await newFinding(t.ctx, asgB.id, orgB.id, "公务接待超标准")).id;
  fedBackFindings = [fA.id, fB.id];
  const feedback = [
    {
      id: asgA.id,
      key: "A",
      aspects: [
        {
          title: "落实中央八项规定精神不到位",
          problems: [
            { text: "违规发放津贴补贴", findingIds: [fA.id], rows: [{ text: "发放加班补贴" }, { text: "发放节日慰问金" }] },
            { text: "整改督促不力" },
          ],
        },
      ],
    },
    {
      id: asgB.id,
      key: "B",
      aspects: [
        { title: "作风建设不够严实", problems: [{ text: "违规发放误餐补助", findingIds: [fB.id] }, { text: "会议过多" }] },
      ],
    },
  ];
  for (const f of feedback) {
    const res = await office.post(`/api/assignments/${f.id}/feedback`, { feedbackDate: "2023-12-14", aspects: f.aspects });
    expect(res.statusCode, res.body).toBe(200);
    const ledger = (await office.get(`/api/ledger?assignmentId=${f.id}&pageSize=50`)).json();
    for (const r of ledger.items as Array<{ id: string; seqLabel: string }>) rows[`${f.key}${r.seqLabel}`] = r.id;
  }
  // A row closed out: set directly, the close-out flow is the ledger's own test.
  await t.ctx.db.update(ledgerRows).set({ status: "closed" }).where(eq(ledgerRows.id, rows["A2"]!));
});
afterAll(() => t.close());

describe("numbering", () => {
  it("numbers each kind per year: 〔2024〕1号, 〔2024〕2号, then 〔2025〕1号; another kind has its own series", async () => {
    const first = await send();
    expect(first.letter).toMatchObject({ kindLabel: "督办函", documentNumber: "〔2024〕1号", itemCount: 1 });
    expect((await send({ sentOn: "2024-05-06" })).letter.documentNumber).toBe("〔2024〕2号");
    expect((await send({ sentOn: "2025-01-06" })).letter.documentNumber).toBe("〔2025〕1号");
    const reminder = await send({ kind: "reminder", addressee: "分管副县长", sentOn: "2024-06-03" });
    expect(reminder.letter).toMatchObject({ kindLabel: "工作提示函", documentNumber: "〔2024〕1号" });
    expect((await send({ sentOn: "2024-08-01" })).letter.documentNumber).toBe("〔2024〕3号");
  });

  it("gives the reply date 10 working days after sending by default, counting holidays", async () => {
    // 2024-09-30 (Monday) + 10 working days, over the National Day holiday (1–7 Oct) and the make-up Saturday 12 Oct.
    const l = await send({ kind: "reminder", addressee: "分管副县长", sentOn: "2024-09-30" });
    expect(l.letter.replyDue).toBe("2024-10-18");
    const given = await send({ kind: "reminder", addressee: "分管副县长", sentOn: "2024-09-30", replyDue: "2024-10-31" });
    expect(given.letter.replyDue).toBe("2024-10-31");
  });

  it("numbers letters sent at the same moment without a gap or a repeat", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => office.post("/api/letters", letter({ kind: "recommendation", sentOn: "2026-02-02" }))),
    );
    const numbers: string[] = [];
    for (const res of results) {
      if (res.statusCode === 409) expect(res.json().message).toBe("编号冲突，请重试");
      else {
        expect(res.statusCode).toBe(200);
        numbers.push(res.json().letter.documentNumber);
      }
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.sort()).toEqual(["〔2026〕1号", "〔2026〕2号", "〔2026〕3号"].slice(0, numbers.length));
  });
});

describe("what a letter may concern", () => {
  it("refuses a letter that concerns nothing", async () => {
    const res = await office.post("/api/letters", letter({ rowIds: [] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("函件至少应涉及一个台账条目或反馈问题");
  });

  it("refuses a supervision letter on a closed row, naming it", async () => {
    const res = await office.post("/api/letters", letter({ rowIds: [rows["A1.2"], rows["A2"]] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("以下台账条目已销号，不能制发督办函：县自然资源局第2条");
  });

  it("refuses a re-assignment letter for rows never supervised, naming them", async () => {
    const res = await office.post("/api/letters", letter({ kind: "reassignment", rowIds: [rows["A1.1"], rows["A1.2"]] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("以下台账条目尚未制发督办函，不能制发再交办函：县自然资源局第1.2条");
    const ok = await send({ kind: "reassignment", rowIds: [rows["A1.1"]], sentOn: "2024-04-01" });
    expect(ok.letter).toMatchObject({ kindLabel: "再交办函", documentNumber: "〔2024〕1号" });
    expect(ok.items).toEqual([
      expect.objectContaining({
        type: "row",
        orgName: "县自然资源局",
        seqLabel: "1.1",
        text: "发放加班补贴",
        statusLabel: "整改中",
      }),
    ]);
  });

  it("refuses unknown rows and other people than the office", async () => {
    const missing = await office.post("/api/letters", letter({ rowIds: [uuidv7()] }));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain("台账条目");
    for (const c of [contactA, commission]) {
      const res = await c.post("/api/letters", letter());
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("只有巡察办可以制发函件");
    }
    expect((await sysadmin.post("/api/letters", letter())).statusCode).toBe(403);
  });
});

describe("addressees and replies", () => {
  let id = "";
  beforeAll(async () => {
    id = (await send({ subject: "关于第1.2条整改的督办函", rowIds: [rows["A1.2"]], sentOn: "2024-07-01" })).letter.id;
  });

  it("shows the letter to its addressee and the leader over it, not to another organisation", async () => {
    for (const c of [contactA, leader]) {
      const list = (await c.get("/api/letters")).json().items as LetterJson[];
      expect(list.map((l) => l.id)).toContain(id);
      const one = await c.get(`/api/letters/${id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().letter.can.reply).toBe(true);
    }
    expect((await contactB.get("/api/letters")).json().items).toEqual([]);
    const other = await contactB.get(`/api/letters/${id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe("您不是该函件的主送单位（人），无权查看");
    const reply = await contactB.post(`/api/letters/${id}/reply`, { replyText: "代为回复", repliedOn: "2024-07-05" });
    expect(reply.statusCode).toBe(403);
    expect((await sysadmin.get(`/api/letters/${id}`)).statusCode).toBe(403);
  });

  it("takes one reply from the addressee, and refuses a second", async () => {
    const early = await contactA.post(`/api/letters/${id}/reply`, { replyText: "已整改", repliedOn: "2024-06-30" });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain("不能早于发函日期");
    const res = await contactA.post(`/api/letters/${id}/reply`, { replyText: "已退回违规发放的补贴", repliedOn: "2024-07-10" });
    expect(res.statusCode).toBe(200);
    expect(res.json().letter).toMatchObject({ status: "replied", statusLabel: "已回复", can: { reply: false } });
    expect(res.json().letter.repliedByName).toBe("联络人甲");
    const again = await office.post(`/api/letters/${id}/reply`, { replyText: "补充", repliedOn: "2024-07-11" });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe("该函件已回复，不能重复回复");
    const blank = await contactA.post(`/api/letters/${id}/reply`, { replyText: " ", repliedOn: "2024-07-11" });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain("请填写回复内容");
  });

  it("lets the office record a reply for the addressee", async () => {
    const l = await send({ rowIds: [rows["A1.2"]], sentOn: "2024-07-02" });
    expect(l.letter.can.reply).toBe(true);
    const res = await office.post(`/api/letters/${l.letter.id}/reply`, { replyText: "电话回复已整改", repliedOn: "2024-07-03" });
    expect(res.statusCode).toBe(200);
    expect(res.json().letter.repliedByName).toBe("巡察办甲");
  });
});

describe("states and lists", () => {
  it("is overdue once the reply date has passed without a reply", async () => {
    t.setNow(new Date("2024-03-10T02:00:00Z"));
    let c = await login(t.app, "office1");
    const l = (await c.post("/api/letters", letter({ sentOn: "2024-03-08", rowIds: [rows["A1.2"]] }))).json().letter;
    expect(l).toMatchObject({ replyDue: "2024-03-22", status: "awaiting" });
    t.setNow(new Date("2024-03-23T02:00:00Z"));
    c = await login(t.app, "office1");
    const later = (await c.get(`/api/letters/${l.id}`)).json().letter;
    expect(later).toMatchObject({ status: "overdue", statusLabel: "逾期未回复" });
    const overdue = (await c.get("/api/letters?status=overdue&kind=supervision")).json().items as LetterJson[];
    expect(overdue.map((x) => x.id)).toContain(l.id);
    const reply = await c.post(`/api/letters/${l.id}/reply`, { replyText: "已整改", repliedOn: "2024-03-25" });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().message).toBe("回复日期不能晚于今天");
    t.setNow(new Date());
  });

  it("lists a row's letters to those who may see the row", async () => {
    const list = (await contactA.get(`/api/letters?rowId=${rows["A1.1"]}`)).json().items as LetterJson[];
    const count = (label: string) => list.filter((l) => l.kindLabel === label).length;
    expect([count("督办函"), count("再交办函"), count("工作提示函")]).toEqual([4, 1, 3]);
    for (const l of list) {
      const items = (await contactA.get(`/api/letters/${l.id}`)).json().items as Array<ItemJson & { rowId: string }>;
      expect(items.map((i) => i.rowId)).toContain(rows["A1.1"]);
    }
    const none = (await office.get(`/api/letters?rowId=${rows["B1"]}`)).json().items;
    expect(none).toEqual([]);
    const hidden = await contactB.get(`/api/letters?rowId=${rows["A1.1"]}`);
    expect(hidden.statusCode).toBe(404);
  });

  it("filters by kind and year", async () => {
    const y2025 = (await commission.get("/api/letters?year=2025")).json().items as LetterJson[];
    expect(y2025.map((l) => l.documentNumber)).toEqual(["〔2025〕1号"]);
    const bad = await commission.get("/api/letters?kind=memo");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("函件类型无效");
  });
});

describe("recommendation letters about a common problem", () => {
  let cpId = "";
  beforeAll(async () => {
    // The common-problem API is another feature's: set the list up directly.
    cpId = uuidv7();
    await t.ctx.db.insert(commonProblems).values({ id: cpId, title: "违规发放津贴补贴", department: "县住房和城乡建设局" });
    for (const findingId of [...fedBackFindings, unfedFinding])
      await t.ctx.db.insert(commonProblemFindings).values({ id: uuidv7(), commonProblemId: cpId, findingId });
  });

  it("pre-fills the draft with the common problem's fed-back problems and its department", async () => {
    const res = await office.get(`/api/letters/draft?kind=recommendation&commonProblemId=${cpId}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ addressee: "县住房和城乡建设局", subject: "关于违规发放津贴补贴问题的巡察建议" });
    expect(d.problems.map((p: ItemJson) => `${p.orgName}:${p.text}`).sort()).toEqual(
      ["县自然资源局:违规发放津贴补贴", "某乡镇党委:违规发放误餐补助"].sort(),
    );
    const rowsDraft = (await office.get(`/api/letters/draft?kind=supervision&rowIds=${rows["A1.1"]},${rows["A1.2"]}`)).json();
    expect(rowsDraft).toMatchObject({ addressee: "县自然资源局", addresseeOrgId: orgA.id });
    expect(rowsDraft.rows.map((r: ItemJson) => r.seqLabel)).toEqual(["1.1", "1.2"]);
    expect((await contactA.get(`/api/letters/draft?kind=supervision`)).statusCode).toBe(403);
  });

  it("sends the letter about the problems its findings were fed back as, to the department, who replies", async () => {
    const l = await send({
      kind: "recommendation",
      addressee: "县住房和城乡建设局",
      addresseeOrgId: deptOrg.id,
      subject: "关于违规发放津贴补贴问题的巡察建议",
      rowIds: [],
      commonProblemId: cpId,
      sentOn: "2024-09-02",
    });
    expect(l.letter).toMatchObject({ kindLabel: "巡察建议书", commonProblemTitle: "违规发放津贴补贴", itemCount: 2 });
    expect(l.items.map((i) => `${i.type}:${i.orgName}:${i.text}`).sort()).toEqual(
      ["problem:县自然资源局:违规发放津贴补贴", "problem:某乡镇党委:违规发放误餐补助"].sort(),
    );
    const byCp = (await dept.get(`/api/letters?commonProblemId=${cpId}`)).json().items as LetterJson[];
    expect(byCp.map((x) => x.id)).toEqual([l.letter.id]);
    const reply = await dept.post(`/api/letters/${l.letter.id}/reply`, {
      replyText: "已在全县开展专项清理",
      repliedOn: "2024-09-10",
    });
    expect(reply.statusCode).toBe(200);
    // Contact B sees the letter through its own row's problem.
    const ofRow = (await contactB.get(`/api/letters?rowId=${rows["B1"]}`)).json().items as LetterJson[];
    expect(ofRow.map((x) => x.id)).toEqual([l.letter.id]);
    expect((await contactB.get(`/api/letters/${l.letter.id}`)).statusCode).toBe(200);
  });

  it("refuses a common problem none of whose findings was fed back", async () => {
    const empty = uuidv7();
    await t.ctx.db.insert(commonProblems).values({ id: empty, title: "公务接待超标准" });
    await t.ctx.db.insert(commonProblemFindings).values({ id: uuidv7(), commonProblemId: empty, findingId: unfedFinding });
    const res = await office.post("/api/letters", letter({ kind: "recommendation", rowIds: [], commonProblemId: empty }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("函件至少应涉及一个台账条目或反馈问题");
  });
});

describe("figures", () => {
  it("counts letters sent, replied and overdue per kind", async () => {
    const f = (await commission.get("/api/letters/figures")).json();
    const all = (await commission.get("/api/letters")).json().items as LetterJson[];
    for (const k of f.byKind as Array<{ kind: string; sent: number; replied: number; overdue: number }>) {
      const mine = all.filter((l) => l.kind === k.kind);
      expect(k.sent, k.kind).toBe(mine.length);
      expect(k.replied, k.kind).toBe(mine.filter((l) => l.status === "replied").length);
      expect(k.overdue, k.kind).toBe(mine.filter((l) => l.status === "overdue").length);
    }
    const supervision = f.byKind.find((k: { kind: string }) => k.kind === "supervision");
    expect(supervision).toMatchObject({ kindLabel: "督办函", replied: 2 });
    expect(f.total.sent).toBe(all.length);
    // An addressee counts only its own letters.
    const mine = (await dept.get("/api/letters/figures")).json();
    expect(mine.total).toEqual({ sent: 1, replied: 1, overdue: 0 });
  });
});
