/**
 * Leads (问题线索) and consultations (办组会商) through the HTTP app: confidentiality for every role, the team
 * leader's registration and transfer, the commission's handling, the filing-rate figures, overdue leads with the
 * clock set, and consultation decisions on leads hidden from those who may not see them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

const REFUSAL = "问题线索仅限巡察办主任、巡察组组长和纪委监委查看";
const NOT_FOUND = "问题线索不存在或已删除";
const SECRET = "某局副局长张某某在工程项目中收受施工方财物";

interface Lead {
  id: string;
  leadClass: string;
  leadClassLabel: string;
  summary: string;
  responsiblePerson: string | null;
  responsibleUnit: string | null;
  people: Array<{ id: string; name: string; position: string | null; rank: string; rankLabel: string }>;
  preReview: string | null;
  transferredOn: string | null;
  receivingOffice: string | null;
  duringInspection: boolean | null;
  status: string;
  statusLabel: string;
  preliminaryOn: string | null;
  filedOn: string | null;
  concludedOn: string | null;
  concludedFormLabel: string | null;
  handlingNote: string | null;
  dueOn: string | null;
  overdue: boolean;
  version: number;
  can: { update: boolean; review: boolean; transfer: boolean; handle: boolean };
}
interface ClassFigures {
  leadClass: string;
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
}
interface Figures {
  total: number;
  named: number;
  namingRate: number | null;
  overdue: number;
  byClass: ClassFigures[];
  peopleByRank: Array<{ rank: string; count: number }>;
}

let t: TestApp;
const c: Record<string, Client> = {};
let orgId = "";
let assignmentId = "";
let otherAssignmentId = "";
let findingId = "";
let otherFindingId = "";
let leadId = "";

const at = (day: string) => t.setNow(new Date(`${day}T04:00:00Z`));
/** Moves the clock by days: the sessions time out, so everyone signs in again. */
async function moveTo(day: string) {
  at(day);
  for (const u of Object.keys(c)) c[u] = await login(t.app, u);
}

const lead = (over: Record<string, unknown> = {}) => ({
  leadClass: "priority",
  summary: SECRET,
  responsiblePerson: "张某某",
  people: [
    { name: "张某某", position: "副局长", rank: "section" },
    { name: "李某", position: "项目办主任", rank: "staff" },
  ],
  ...over,
});

const get = async (who: string, id: string): Promise<Lead> => {
  const res = await c[who]!.get(`/api/leads/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().lead;
};

beforeAll(async () => {
  t = await createTestApp();
  at("2024-01-10");
  const org = await newOrg(t.ctx, "县住房和城乡建设局");
  const other = await newOrg(t.ctx, "某镇党委", "township");
  orgId = org.id;
  const head = await newUser(t.ctx, "head", ["office_head"], "巡察办主任");
  await newUser(t.ctx, "staff", ["office_staff"]);
  await newUser(t.ctx, "jiwei", ["commission"]);
  await newUser(t.ctx, "contact", [{ role: "org_contact", orgId }]);
  await newUser(t.ctx, "fenguan", [{ role: "supervising_leader", orgId }]);
  await newUser(t.ctx, "shuji", ["secretary"]);
  const leader = await newUser(t.ctx, "leader", [], "一组组长");
  const member = await newUser(t.ctx, "member", [], "一组成员");
  const deputy = await newUser(t.ctx, "deputy", [], "一组副组长");
  const leader2 = await newUser(t.ctx, "leader2", [], "二组组长");
  const round = await newRound(t.ctx, "第五轮巡察");
  const team = await newTeam(t.ctx, round.id, [
    { userId: leader.id, position: "leader" },
    { userId: deputy.id, position: "deputy_leader" },
    { userId: member.id, position: "member" },
  ]);
  const team2 = await newTeam(t.ctx, round.id, [{ userId: leader2.id, position: "leader" }], "第二巡察组");
  assignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId })).id;
  otherAssignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team2.id, orgId: other.id })).id;
  findingId = (await newFinding(t.ctx, assignmentId, orgId, "工程项目招投标监管不严")).id;
  otherFindingId = (await newFinding(t.ctx, otherAssignmentId, other.id, "村级财务管理不规范")).id;
  for (const u of ["head", "staff", "jiwei", "contact", "fenguan", "shuji", "leader", "member", "deputy", "leader2", "sysadmin"])
    c[u] = await login(t.app, u);
  expect(head.id).toBeTruthy();
});
afterAll(() => t.close());

describe("registering a lead", () => {
  it("is the team leader's: the other team members, the office head and another team's leader are refused", async () => {
    for (const who of ["member", "deputy", "head", "leader2", "staff", "jiwei"]) {
      const res = await c[who]!.post(`/api/assignments/${assignmentId}/leads`, lead());
      expect(res.statusCode, who).toBe(403);
      expect(res.json().message, who).toBe("只有该巡察组组长可以登记问题线索");
    }
  });

  it("needs a named responsible person or, when none can be named, the unit", async () => {
    const res = await c.leader!.post(`/api/assignments/${assignmentId}/leads`, lead({ responsiblePerson: "  " }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("请明确责任人；无法明确到人的，请填写责任单位");
    const bad = await c.leader!.post(
      `/api/assignments/${assignmentId}/leads`,
      lead({ people: [{ name: "王某", rank: "bureau" }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/职级/);
  });

  it("records class, summary, people with rank and the responsible person, pending", async () => {
    const res = await c.leader!.post(`/api/assignments/${assignmentId}/leads`, lead());
    expect(res.statusCode, res.body).toBe(200);
    const l: Lead = res.json().lead;
    leadId = l.id;
    expect(l).toMatchObject({
      leadClassLabel: "进一步了解关注类",
      summary: SECRET,
      responsiblePerson: "张某某",
      status: "pending",
      statusLabel: "待处置",
      transferredOn: null,
      duringInspection: null,
      dueOn: null,
      overdue: false,
      can: { update: true, review: false, transfer: true, handle: false },
    });
    expect(l.people.map((p) => [p.name, p.rankLabel])).toEqual([
      ["张某某", "科级"],
      ["李某", "科员及以下"],
    ]);
    const unit = await c.leader!.post(
      `/api/assignments/${assignmentId}/leads`,
      lead({ leadClass: "reference", responsiblePerson: null, responsibleUnit: "局工程股", people: [] }),
    );
    expect(unit.statusCode).toBe(200);
    expect(unit.json().lead).toMatchObject({ responsiblePerson: null, responsibleUnit: "局工程股", leadClassLabel: "参考类" });
  });
});

describe("confidentiality", () => {
  it("hides the lead from office staff, team members, contacts, supervising leaders, the secretary and other leaders", async () => {
    for (const who of ["staff", "member", "deputy", "contact", "fenguan", "shuji", "leader2"]) {
      const one = await c[who]!.get(`/api/leads/${leadId}`);
      expect(one.statusCode, who).toBe(404);
      expect(one.json().message, who).toBe(NOT_FOUND);
      for (const action of [
        c[who]!.put(`/api/leads/${leadId}`, { version: 1, summary: "改" }),
        c[who]!.post(`/api/leads/${leadId}/transfer`, { version: 1, transferredOn: "2023-10-10" }),
        c[who]!.post(`/api/leads/${leadId}/handle`, { version: 1, status: "preliminary_check", handledOn: "2023-10-10" }),
      ]) {
        const res = await action;
        expect(res.statusCode, `${who} ${res.body}`).toBe(404);
        expect(res.body).not.toContain(SECRET);
      }
    }
  });

  it("refuses the list and the figures to those who may see no lead at all", async () => {
    for (const who of ["staff", "member", "deputy", "contact", "fenguan", "shuji"]) {
      for (const url of ["/api/leads", `/api/leads?assignmentId=${assignmentId}`, "/api/leads/figures"]) {
        const res = await c[who]!.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().message).toBe(REFUSAL);
      }
    }
    expect((await c.sysadmin!.get("/api/leads")).statusCode).toBe(403);
  });

  it("refuses every leads and consultations route to anonymous requests and to the administrators", async () => {
    const routes: Array<[keyof Client, string]> = [
      ["get", "/api/leads"],
      ["get", "/api/leads/figures"],
      ["get", `/api/leads/${leadId}`],
      ["post", `/api/assignments/${assignmentId}/leads`],
      ["put", `/api/leads/${leadId}`],
      ["post", `/api/leads/${leadId}/transfer`],
      ["post", `/api/leads/${leadId}/handle`],
      ["get", `/api/assignments/${assignmentId}/consultations`],
      ["post", `/api/assignments/${assignmentId}/consultations`],
    ];
    for (const [method, url] of routes) {
      const call = (who: Client) => (who[method] as (u: string, b?: unknown) => ReturnType<Client["get"]>)(url, {});
      expect((await call(anonymous(t.app))).statusCode, `anonymous ${method} ${url}`).toBe(401);
      const admin = await call(c.sysadmin!);
      expect(admin.statusCode, `sysadmin ${method} ${url}`).toBe(403);
      expect(admin.body).not.toContain(SECRET);
    }
  });

  it("lists nothing of another team's leads to a leader, nor counts them", async () => {
    const list = await c.leader2!.get("/api/leads");
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect(list.body).not.toContain(SECRET);
    expect((await c.leader2!.get(`/api/leads?assignmentId=${assignmentId}`)).json().items).toEqual([]);
    expect(((await c.leader2!.get("/api/leads/figures")).json() as Figures).total).toBe(0);
  });

  it("shows the lead to its team's leader, the office head and the commission", async () => {
    for (const who of ["leader", "head", "jiwei"]) {
      expect((await get(who, leadId)).summary, who).toBe(SECRET);
      const items: Lead[] = (await c[who]!.get("/api/leads")).json().items;
      expect(
        items.map((l) => l.id),
        who,
      ).toContain(leadId);
      expect(((await c[who]!.get("/api/leads/figures")).json() as Figures).total, who).toBe(2);
    }
  });

  it("keeps the summary and the names out of the audit trail", async () => {
    const rows = await t.ctx.db.select().from(auditEntries);
    const text = JSON.stringify(rows.filter((r) => r.action.startsWith("lead.")));
    expect(text).toContain("lead.create");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("张某某");
  });
});

describe("editing and reviewing before transfer", () => {
  it("lets the leader change the content and the people, refusing a stale version", async () => {
    const before = await get("leader", leadId);
    const zhang = before.people[0]!;
    const res = await c.leader!.put(`/api/leads/${leadId}`, {
      version: before.version,
      leadClass: "attention",
      people: [
        { id: zhang.id, name: zhang.name, position: "局长", rank: "section" },
        { name: "赵某", rank: "county" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: Lead = res.json().lead;
    expect(after.leadClassLabel).toBe("了解关注类");
    expect(after.people.map((p) => [p.name, p.position, p.rankLabel])).toEqual([
      ["张某某", "局长", "科级"],
      ["赵某", null, "处级"],
    ]);
    expect(after.people[0]!.id).toBe(zhang.id);
    const stale = await c.leader!.put(`/api/leads/${leadId}`, { version: before.version, summary: "旧版本" });
    expect(stale.statusCode).toBe(409);
    const noOne = await c.leader!.put(`/api/leads/${leadId}`, { version: after.version, responsiblePerson: null });
    expect(noOne.statusCode).toBe(422);
    expect(noOne.json().message).toBe("请明确责任人；无法明确到人的，请填写责任单位");
  });

  it("leaves the pre-transfer review to the office head, and the content to the leader", async () => {
    const l = await get("head", leadId);
    expect(l.can).toMatchObject({ update: false, review: true, transfer: true });
    const byLeader = await c.leader!.put(`/api/leads/${leadId}`, { version: l.version, preReview: "同意移交" });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().message).toBe("只有巡察办主任可以填写移交前审核意见");
    const content = await c.head!.put(`/api/leads/${leadId}`, { version: l.version, summary: "主任改写" });
    expect(content.statusCode).toBe(403);
    expect(content.json().message).toBe("只有该巡察组组长可以修改问题线索");
    const ok = await c.head!.put(`/api/leads/${leadId}`, { version: l.version, preReview: "线索具体，同意移交县纪委监委" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lead.preReview).toBe("线索具体，同意移交县纪委监委");
  });
});

describe("transfer and handling", () => {
  it("transfers on a date not in the future nor before entry, defaulting the office and 'during the inspection'", async () => {
    const l = await get("leader", leadId);
    const byCommission = await c.jiwei!.post(`/api/leads/${leadId}/transfer`, {
      version: l.version,
      transferredOn: "2023-10-20",
    });
    expect(byCommission.statusCode).toBe(403);
    const future = await c.leader!.post(`/api/leads/${leadId}/transfer`, { version: l.version, transferredOn: "2024-01-11" });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toBe("移交日期不能晚于今天");
    const early = await c.leader!.post(`/api/leads/${leadId}/transfer`, { version: l.version, transferredOn: "2023-09-01" });
    expect(early.json().message).toBe("移交日期不能早于进驻日期（2023-09-06）");
    const res = await c.leader!.post(`/api/leads/${leadId}/transfer`, { version: l.version, transferredOn: "2023-10-20" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lead).toMatchObject({
      transferredOn: "2023-10-20",
      receivingOffice: "县纪委监委",
      duringInspection: true,
      dueOn: "2024-01-20",
      can: { update: false, transfer: false, handle: false },
    });
    const again = await c.leader!.post(`/api/leads/${leadId}/transfer`, { version: l.version + 1, transferredOn: "2023-10-21" });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe("该问题线索已于2023-10-20移交");
    const edit = await c.leader!.put(`/api/leads/${leadId}`, { version: l.version + 1, summary: "移交后修改" });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().message).toBe("问题线索已移交纪委监委，不能再修改");
  });

  it("counts a transfer on or after the withdrawal date as after the inspection", async () => {
    const created = await c.leader!.post(`/api/assignments/${assignmentId}/leads`, lead({ leadClass: "attention" }));
    const l: Lead = created.json().lead;
    const res = await c.head!.post(`/api/leads/${l.id}/transfer`, {
      version: l.version,
      transferredOn: "2023-11-07",
      receivingOffice: "县纪委监委第三监督检查室",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lead).toMatchObject({ duringInspection: false, receivingOffice: "县纪委监委第三监督检查室" });
  });

  it("lets the commission record pending → preliminary check → concluded by one of the four forms, in date order", async () => {
    let l = await get("jiwei", leadId);
    expect(l.can.handle).toBe(true);
    const byLeader = await c.leader!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "preliminary_check",
      handledOn: "2023-11-01",
    });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().message).toBe("只有纪委监委可以登记问题线索处置情况");
    const skip = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "case_filed",
      handledOn: "2023-11-01",
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().message).toBe("该问题线索目前为“待处置”，下一步只能登记初步核实");
    const before = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "preliminary_check",
      handledOn: "2023-10-19",
    });
    expect(before.json().message).toBe("处置日期不能早于移交日期（2023-10-20）");
    const future = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "preliminary_check",
      handledOn: "2024-01-11",
    });
    expect(future.json().message).toBe("处置日期不能晚于今天");
    const check = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "preliminary_check",
      handledOn: "2023-11-01",
      note: "由第三监督检查室初核",
    });
    expect(check.statusCode, check.body).toBe(200);
    l = check.json().lead;
    expect(l).toMatchObject({ status: "preliminary_check", statusLabel: "初步核实", preliminaryOn: "2023-11-01" });
    const noForm = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "concluded",
      handledOn: "2023-12-01",
    });
    expect(noForm.statusCode).toBe(422);
    expect(noForm.json().message).toBe("予以了结须选择运用的“四种形态”");
    const done = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "concluded",
      handledOn: "2023-12-01",
      concludedForm: "first",
      note: "谈话提醒",
    });
    expect(done.statusCode, done.body).toBe(200);
    l = done.json().lead;
    expect(l).toMatchObject({ status: "concluded", concludedOn: "2023-12-01", concludedFormLabel: "第一种形态", overdue: false });
    expect(l.handlingNote).toBe("【初步核实 2023-11-01】由第三监督检查室初核\n【予以了结 2023-12-01】谈话提醒");
    expect(l.can.handle).toBe(false);
    const more = await c.jiwei!.post(`/api/leads/${leadId}/handle`, {
      version: l.version,
      status: "case_filed",
      handledOn: "2023-12-02",
    });
    expect(more.json().message).toBe("该问题线索的处置已结束（予以了结）");
  });
});

describe("figures and overdue leads", () => {
  let roundId = "";
  let termId = "";
  const ids: string[] = [];

  it("computes the filing rate per class on a constructed round: 3 of 4 → 75 %, 7 of 15 → 46.7 %", async () => {
    const round = await newRound(t.ctx, "第六轮巡察");
    roundId = round.id;
    termId = round.termId;
    const boss = await newUser(t.ctx, "leader6", [], "六轮组长");
    const team = await newTeam(t.ctx, round.id, [{ userId: boss.id, position: "leader" }], "第六轮第一组");
    const asg = (await newAssignment(t.ctx, { roundId, teamId: team.id, orgId })).id;
    c.leader6 = await login(t.app, "leader6");
    const plan = [
      ...Array.from({ length: 4 }, (_, i) => ({ cls: "priority", filed: i < 3 })),
      ...Array.from({ length: 15 }, (_, i) => ({ cls: "attention", filed: i < 7 })),
      { cls: "reference", filed: false },
    ];
    for (const [i, p] of plan.entries()) {
      const named = i !== plan.length - 1;
      const res = await c.leader6!.post(`/api/assignments/${asg}/leads`, {
        leadClass: p.cls,
        summary: `线索${i + 1}`,
        responsiblePerson: named ? `某干部${i + 1}` : null,
        responsibleUnit: named ? null : "某股室",
        people: named ? [{ name: `某干部${i + 1}`, rank: i < 2 ? "county" : i < 10 ? "section" : "staff" }] : [],
      });
      expect(res.statusCode, res.body).toBe(200);
      let l: Lead = res.json().lead;
      ids.push(l.id);
      l = (await c.leader6!.post(`/api/leads/${l.id}/transfer`, { version: l.version, transferredOn: "2023-10-10" })).json().lead;
      if (!p.filed) continue;
      l = (
        await c.jiwei!.post(`/api/leads/${l.id}/handle`, {
          version: l.version,
          status: "preliminary_check",
          handledOn: "2023-10-20",
        })
      ).json().lead;
      const filed = await c.jiwei!.post(`/api/leads/${l.id}/handle`, {
        version: l.version,
        status: "case_filed",
        handledOn: "2023-12-20",
      });
      expect(filed.statusCode, filed.body).toBe(200);
    }
    const f: Figures = (await c.jiwei!.get(`/api/leads/figures?roundId=${roundId}`)).json();
    const by = Object.fromEntries(f.byClass.map((x) => [x.leadClass, x]));
    expect(by.priority).toMatchObject({ total: 4, transferred: 4, filed: 3, filingRate: 0.75 });
    expect(by.attention).toMatchObject({ total: 15, transferred: 15, filed: 7 });
    expect(Math.round(by.attention!.filingRate! * 1000) / 10).toBe(46.7);
    expect(by.reference).toMatchObject({ total: 1, transferred: 1, filed: 0, filingRate: 0 });
    expect(f.total).toBe(20);
    expect([f.named, f.namingRate]).toEqual([19, 0.95]);
    expect(f.peopleByRank.map((r) => [r.rank, r.count])).toEqual([
      ["county", 2],
      ["section", 8],
      ["staff", 9],
    ]);
    // The same figures for the round's leader; the first round's leader counts none of them.
    expect((await c.leader6!.get(`/api/leads/figures?roundId=${roundId}`)).json()).toEqual(f);
    expect(((await c.leader!.get(`/api/leads/figures?roundId=${roundId}`)).json() as Figures).total).toBe(0);
    // Each factory round has its own term; unfiltered, the 3 leads of round five count too.
    expect(((await c.head!.get(`/api/leads/figures?termId=${termId}`)).json() as Figures).total).toBe(20);
    expect(((await c.head!.get("/api/leads/figures")).json() as Figures).total).toBe(23);
  });

  it("lists as overdue the leads not handled within three months of transfer, by the clock", async () => {
    at("2024-01-10"); // due 2024-01-10: not yet overdue
    let f: Figures = (await c.jiwei!.get(`/api/leads/figures?roundId=${roundId}`)).json();
    expect(f.overdue).toBe(0);
    await moveTo("2024-01-11");
    f = (await c.jiwei!.get(`/api/leads/figures?roundId=${roundId}`)).json();
    expect(f.overdue).toBe(10); // 1 priority + 8 attention + 1 reference, transferred and never handled
    const overdue: Lead[] = (await c.jiwei!.get(`/api/leads?roundId=${roundId}&overdue=true`)).json().items;
    expect(overdue).toHaveLength(10);
    expect(overdue.every((l) => l.overdue && l.dueOn === "2024-01-10" && l.status === "pending")).toBe(true);
    const onTime: Lead[] = (await c.jiwei!.get(`/api/leads?roundId=${roundId}&overdue=false`)).json().items;
    expect(onTime).toHaveLength(10);
    expect(onTime.every((l) => l.status === "case_filed")).toBe(true);
    // A preliminary check does not end the handling: the lead stays overdue.
    const one = overdue[0]!;
    const checked = await c.jiwei!.post(`/api/leads/${one.id}/handle`, {
      version: one.version,
      status: "preliminary_check",
      handledOn: "2024-01-11",
    });
    expect(checked.json().lead.overdue).toBe(true);
    const filtered: Lead[] = (await c.jiwei!.get(`/api/leads?roundId=${roundId}&status=preliminary_check`)).json().items;
    expect(filtered.map((l) => l.id)).toEqual([one.id]);
    const ended = await c.jiwei!.post(`/api/leads/${one.id}/handle`, {
      version: one.version + 1,
      status: "no_case",
      handledOn: "2024-01-11",
    });
    expect(ended.json().lead).toMatchObject({ status: "no_case", statusLabel: "不予立案", overdue: false });
    f = (await c.jiwei!.get(`/api/leads/figures?roundId=${roundId}`)).json();
    expect(f.overdue).toBe(9);
    await moveTo("2024-01-10");
  });
});

describe("consultations", () => {
  let leadForDecision = "";

  it("are recorded by the office; a decision on a lead only by someone who may see it", async () => {
    leadForDecision = leadId;
    const byLeader = await c.leader!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-10",
      summary: "研判线索",
    });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().message).toBe("只有巡察办可以登记办组会商");
    const staffOnLead = await c.staff!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-10",
      summary: "研判线索",
      decisions: [{ leadId: leadForDecision, decision: "建议移交" }],
    });
    expect(staffOnLead.statusCode).toBe(404);
    expect(staffOnLead.json().message).toBe(NOT_FOUND);
    const future = await c.staff!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2024-01-11",
      summary: "会商",
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toBe("会商日期不能晚于今天");
    const foreign = await c.staff!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-10",
      summary: "会商",
      decisions: [{ findingId: otherFindingId, decision: "定性准确" }],
    });
    expect(foreign.statusCode).toBe(404);
    const both = await c.staff!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-10",
      summary: "会商",
      decisions: [{ findingId, leadId, decision: "两者" }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toMatch(/每条会商意见须针对一条问题线索或一个问题/);

    const byStaff = await c.staff!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-08",
      attendees: "巡察办王某、第一巡察组全体",
      summary: "研讨巡察报告问题及建议的撰写",
      decisions: [{ findingId, decision: "定性为违反中央八项规定精神问题" }],
    });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    const byHead = await c.head!.post(`/api/assignments/${assignmentId}/consultations`, {
      heldOn: "2023-11-09",
      attendees: "巡察办主任、第一巡察组组长",
      summary: "研判问题线索",
      decisions: [
        { leadId: leadForDecision, decision: "线索具体可查，建议移交县纪委监委" },
        { findingId, decision: "补充佐证材料" },
      ],
    });
    expect(byHead.statusCode, byHead.body).toBe(200);
    expect(byHead.json().consultation.decisions).toHaveLength(2);
  });

  it("shows team members and office staff the consultations without the decisions on leads", async () => {
    for (const who of ["member", "deputy", "staff"]) {
      const res = await c[who]!.get(`/api/assignments/${assignmentId}/consultations`);
      expect(res.statusCode, who).toBe(200);
      const items = res.json().items as Array<{
        heldOn: string;
        decisions: Array<{ leadId: string | null; findingText: string | null }>;
      }>;
      expect(items.map((i) => i.heldOn)).toEqual(["2023-11-09", "2023-11-08"]);
      expect(items[0]!.decisions.map((d) => d.findingText)).toEqual(["工程项目招投标监管不严"]);
      expect(
        items.flatMap((i) => i.decisions).every((d) => d.leadId === null),
        who,
      ).toBe(true);
      expect(res.body).not.toContain("建议移交县纪委监委");
      expect(res.body).not.toContain(SECRET);
    }
    expect((await c.staff!.get(`/api/assignments/${assignmentId}/consultations`)).json().can).toEqual({
      create: true,
      decideOnLeads: false,
    });
  });

  it("shows the decisions on leads to the leader and the office head", async () => {
    for (const who of ["leader", "head"]) {
      const res = await c[who]!.get(`/api/assignments/${assignmentId}/consultations`);
      const first = res.json().items[0] as {
        decisions: Array<{ leadId: string | null; leadSummary: string | null; decision: string }>;
      };
      expect(
        first.decisions.map((d) => d.decision),
        who,
      ).toEqual(["线索具体可查，建议移交县纪委监委", "补充佐证材料"]);
      expect(first.decisions[0]!.leadSummary).toBe(SECRET);
    }
    expect((await c.head!.get(`/api/assignments/${assignmentId}/consultations`)).json().can.decideOnLeads).toBe(true);
  });

  it("refuses the consultations to contacts, other teams and the commission", async () => {
    for (const who of ["contact", "leader2", "jiwei", "fenguan"]) {
      const res = await c[who]!.get(`/api/assignments/${assignmentId}/consultations`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().message).toBe("只有巡察办和该巡察组成员可以查看办组会商");
    }
  });
});
