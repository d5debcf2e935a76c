/**
 * Petitions (信访举报) and the public form (码上巡察): identities kept SM4-encrypted and shown only to the team leader
 * and the office head (each look audited), anonymous petitions that store no identity anywhere, receipt codes that
 * show state and reply only, the per-client limit, file checks, and handling into a finding or a lead.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, leads, petitions } from "../../src/server/db/schema.ts";
import { anonymous, createTestApp, login, newUser, type Client, type NewUser, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

const ORG = "某县自然资源局党组";
const ROUND = "2025年第二轮巡察";
const IDENTITY_REFUSAL = "举报人身份信息仅限巡察组组长和巡察办主任查看";
const CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n", "latin1");

let t: TestApp;
let assignmentId = "";
let office: Client;
let head: Client;
let leader: Client;
let deputy: Client;
let member: Client;
let otherLeader: Client;
let sysadmin: Client;
let leaderUser: NewUser;
let headUser: NewUser;
let token = "";
let addressSeq = 0;

interface PetitionJson {
  id: string;
  channel: string;
  channelLabel: string;
  receiptCode: string;
  anonymous: boolean;
  status: string;
  statusLabel: string;
  findingId: string | null;
  leadId: string | null;
  reply: string | null;
  version: number;
  attachmentCount: number;
  can: { handle: boolean; viewIdentity: boolean; addAttachment: boolean };
}

/** A client address of its own, so the per-client limit of one test does not touch another's. */
const nextAddress = () => `10.0.0.${++addressSeq}`;

async function send(
  fields: Record<string, string>,
  files: Array<{ name: string; content: Buffer; type?: string }> = [],
  address = nextAddress(),
  to = token,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append("file", new Blob([new Uint8Array(f.content)], { type: f.type ?? "application/pdf" }), f.name);
  return t.app.inject({ method: "POST", url: `/api/public/petitions/${to}`, payload: form, remoteAddress: address });
}

const named = {
  content: "反映某村村委会主任张某在低保评定中优亲厚友",
  anonymous: "false",
  name: "王小明",
  phone: "13912345678",
  contact: "某镇某村5组",
};

const rowOf = async (receiptCode: string) => {
  const [row] = await t.ctx.db
    .select()
    .from(petitions)
    .where(eq(petitions.receiptCode, receiptCode.replace(/-/g, "")));
  return row!;
};
const auditOf = (petitionId: string) =>
  t.ctx.db
    .select()
    .from(auditEntries)
    .where(sql`${auditEntries.recordIds} @> ${JSON.stringify([petitionId])}::jsonb`);
const get = async (c: Client, id: string): Promise<PetitionJson> => (await c.get(`/api/petitions/${id}`)).json().petition;

beforeAll(async () => {
  t = await createTestApp();
  const org = await newOrg(t.ctx, ORG);
  leaderUser = await newUser(t.ctx, "zuzhang", [], "赵组长");
  const deputyUser = await newUser(t.ctx, "fuzuzhang", [], "钱副组长");
  const memberUser = await newUser(t.ctx, "chengyuan", [], "孙组员");
  const otherUser = await newUser(t.ctx, "zuzhang2", [], "周组长");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办王敏");
  headUser = await newUser(t.ctx, "office2", ["office_head"], "巡察办李主任");
  const round = await newRound(t.ctx, ROUND);
  const team = await newTeam(t.ctx, round.id, [
    { userId: leaderUser.id, position: "leader" },
    { userId: deputyUser.id, position: "deputy_leader" },
    { userId: memberUser.id, position: "member" },
  ]);
  const other = await newTeam(t.ctx, round.id, [{ userId: otherUser.id, position: "leader" }], "第二巡察组");
  assignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: org.id })).id;
  await newAssignment(t.ctx, { roundId: round.id, teamId: other.id, orgId: (await newOrg(t.ctx, "某镇党委", "township")).id });
  office = await login(t.app, "office1");
  head = await login(t.app, "office2");
  leader = await login(t.app, "zuzhang");
  deputy = await login(t.app, "fuzuzhang");
  member = await login(t.app, "chengyuan");
  otherLeader = await login(t.app, "zuzhang2");
  sysadmin = await login(t.app, "sysadmin");
});
afterAll(() => t.close());

describe("the public form's address (码上巡察)", () => {
  it("is made by the office or the team leader, with a QR code of the full address; a member may only look", async () => {
    expect((await office.get(`/api/assignments/${assignmentId}/petition-link`)).json()).toEqual({ link: null, canManage: true });
    expect((await member.get(`/api/assignments/${assignmentId}/petition-link`)).json()).toEqual({ link: null, canManage: false });
    const refused = await member.post(`/api/assignments/${assignmentId}/petition-link`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("只有巡察办和巡察组组长可以生成码上巡察二维码");
    expect((await otherLeader.get(`/api/assignments/${assignmentId}/petition-link`)).statusCode).toBe(403);

    const first = (await office.post(`/api/assignments/${assignmentId}/petition-link`)).json().link;
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.path).toBe(`/p/${first.token}`);
    expect(first.url).toBe(`http://localhost:80/p/${first.token}`);
    expect(first.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(first).toMatchObject({ orgName: ORG, roundName: ROUND });

    // The leader replaces it: the old address stops working at once.
    const res = await leader.post(`/api/assignments/${assignmentId}/petition-link`);
    expect(res.statusCode).toBe(200);
    token = res.json().link.token;
    expect(token).not.toBe(first.token);
    expect((await member.get(`/api/assignments/${assignmentId}/petition-link`)).json().link.token).toBe(token);
    const gone = await anonymous(t.app).get(`/api/public/petition-links/${first.token}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toBe("该二维码已失效或不存在，请向巡察组索取新的二维码");
    expect((await send(named, [], nextAddress(), first.token)).statusCode).toBe(404);
  });

  it("tells anyone the organisation and the round, and nothing else", async () => {
    const res = await anonymous(t.app).get(`/api/public/petition-links/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ orgName: ORG, roundName: ROUND });
  });
});

describe("a named petition from the public form", () => {
  let id = "";
  let receiptCode = "";

  it("gives a receipt code and stores the identity SM4-encrypted, never in clear", async () => {
    const res = await send(named, [{ name: "低保名单.pdf", content: PDF }]);
    expect(res.statusCode, res.body).toBe(200);
    receiptCode = res.json().receiptCode;
    expect(receiptCode).toMatch(CODE);
    const row = await rowOf(receiptCode);
    id = row.id;
    expect(row).toMatchObject({ channel: "qr", anonymous: false, status: "received", assignmentId });
    expect(row.identityCipher).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    const raw = JSON.stringify(row);
    for (const secret of ["王小明", "13912345678", "某镇某村5组"]) expect(raw).not.toContain(secret);
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(raw).not.toContain("10.0.0.");
    const trail = JSON.stringify(await auditOf(id));
    for (const secret of ["王小明", "13912345678", "10.0.0."]) expect(trail).not.toContain(secret);
  });

  it("is listed for the team and the office without the identity", async () => {
    for (const c of [member, leader, office]) {
      const res = await c.get(`/api/petitions?assignmentId=${assignmentId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("王小明");
      expect(res.body).not.toContain("13912345678");
      expect(res.json().items.map((p: PetitionJson) => p.id)).toContain(id);
    }
    expect((await get(member, id)).can).toEqual({ handle: false, viewIdentity: false, addAttachment: true });
    expect((await get(leader, id)).can).toEqual({ handle: true, viewIdentity: true, addAttachment: true });
    expect((await get(deputy, id)).can.viewIdentity).toBe(false);
    expect((await get(head, id)).can.viewIdentity).toBe(true);
    expect((await get(office, id)).can).toEqual({ handle: true, viewIdentity: false, addAttachment: true });
    // Another team sees none of it.
    expect((await otherLeader.get(`/api/petitions`)).json().items).toEqual([]);
    expect((await otherLeader.get(`/api/petitions?assignmentId=${assignmentId}`)).statusCode).toBe(403);
    expect((await otherLeader.get(`/api/petitions/${id}`)).statusCode).toBe(403);
    expect((await sysadmin.get(`/api/petitions`)).statusCode).toBe(403);
  });

  it("shows the identity to the team leader and the office head only, and records every look", async () => {
    const seen = await leader.get(`/api/petitions/${id}/identity`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({
      identity: { name: "王小明", phone: "13912345678", contact: "某镇某村5组" },
      notice: "本次查看已记入审计日志",
    });
    for (const c of [member, deputy, office, otherLeader]) {
      const res = await c.get(`/api/petitions/${id}/identity`);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe(IDENTITY_REFUSAL);
      expect(res.body).not.toContain("王小明");
    }
    expect((await head.get(`/api/petitions/${id}/identity`)).json().identity.name).toBe("王小明");
    expect((await leader.get(`/api/petitions/${id}/identity`)).statusCode).toBe(200);

    const views = (await auditOf(id)).filter((e) => e.action === "petition.view_identity");
    expect(views.map((v) => v.actorId)).toEqual([leaderUser.id, headUser.id, leaderUser.id]);
    expect(JSON.stringify(views)).not.toContain("王小明");
  });

  it("shows the receipt's state and reply, and nothing more", async () => {
    const before = await anonymous(t.app).get(`/api/public/petitions/receipt/${receiptCode}`);
    expect(before.statusCode).toBe(200);
    expect(Object.keys(before.json()).sort()).toEqual(["receivedAt", "repliedAt", "reply", "statusLabel"]);
    expect(before.json()).toMatchObject({ statusLabel: "已收到，等待办理", reply: null, repliedAt: null });
    expect(before.json().receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const secret of [ORG, ROUND, "王小明", "低保", "张某"]) expect(before.body).not.toContain(secret);

    const p = await get(leader, id);
    const handled = await leader.post(`/api/petitions/${id}/handle`, {
      status: "handled",
      handlingNote: "经核实，张某亲属不符合低保条件，已责成镇政府重新评定",
      reply: "您反映的问题已核实，已责成有关单位整改。",
      version: p.version,
    });
    expect(handled.statusCode, handled.body).toBe(200);
    // Typed in lower case with spaces, as someone reading it off a phone would.
    const typed = receiptCode.toLowerCase().replace(/-/g, " ");
    const after = (await anonymous(t.app).get(`/api/public/petitions/receipt/${encodeURIComponent(typed)}`)).json();
    expect(after).toMatchObject({ statusLabel: "已办结", reply: "您反映的问题已核实，已责成有关单位整改。" });
    expect(after.repliedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(after)).not.toContain("责成镇政府重新评定");

    const unknown = await anonymous(t.app).get("/api/public/petitions/receipt/ABCD-EFGH-JKLM");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe("查询码不存在，请核对后重新输入");
  });

  it("keeps its file and its history for the team", async () => {
    const detail = (await member.get(`/api/petitions/${id}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(["低保名单.pdf"]);
    const file = await member.get(`/api/petitions/${id}/attachments/${detail.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await otherLeader.get(`/api/petitions/${id}/attachments/${detail.attachments[0].id}`)).statusCode).toBe(403);
    expect(detail.history.map((h: { actionLabel: string }) => h.actionLabel)).toEqual(["收到信访举报", "办理信访举报"]);
    expect(detail.history[0]).toMatchObject({ actorName: "举报人（码上巡察）", detail: "来源：码上巡察" });
    expect(detail.history[1].actorName).toContain("赵组长");
    expect(detail.history[1].detail).toContain("已收到 → 已办结");
    expect(detail.history[1].detail).toContain("答复：您反映的问题已核实");
    // The public form's file is audited without its name (a name could name the sender).
    const added = (await auditOf(id)).find((e) => e.action === "attachment.add")!;
    expect(added.changes).not.toHaveProperty("fileName");
  });
});

describe("an anonymous petition", () => {
  it("stores no identity at all, even when a name was typed, and the audit entry names only the petition and channel", async () => {
    const res = await send({ content: "反映某局违规发放津补贴", anonymous: "true", name: "李四", phone: "13800001111" });
    expect(res.statusCode, res.body).toBe(200);
    const row = await rowOf(res.json().receiptCode);
    expect(row.anonymous).toBe(true);
    expect(row.identityCipher).toBeNull();
    expect(JSON.stringify(row)).not.toContain("李四");
    expect(JSON.stringify(row)).not.toContain("13800001111");
    const trail = await auditOf(row.id);
    expect(JSON.stringify(trail)).not.toContain("李四");
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: "petition.receive",
      recordIds: [row.id],
      changes: { channel: "qr" },
      actorId: null,
      clientIp: null,
    });
    const asked = await leader.get(`/api/petitions/${row.id}/identity`);
    expect(asked.statusCode).toBe(422);
    expect(asked.json().message).toBe("这是匿名举报，没有留存举报人身份信息");
    expect((await get(leader, row.id)).can.viewIdentity).toBe(false);
  });
});

describe("what the public form refuses", () => {
  const count = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(petitions))[0]!.n;

  it("a named petition without name or phone, and an empty one", async () => {
    const before = await count();
    const res = await send({ content: "反映问题", anonymous: "false", name: "王五" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("实名举报请填写联系电话");
    expect((await send({ content: " ", anonymous: "true" })).json().message).toBe("请填写举报内容");
    expect(await count()).toBe(before);
  });

  it("files of a type it does not take, files that are not what they claim, and more than three", async () => {
    const before = await count();
    const exe = await send({ content: "反映问题", anonymous: "true" }, [{ name: "证据.exe", content: Buffer.from("MZ...") }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toContain("不支持的文件类型“.exe”");
    const fake = await send({ content: "反映问题", anonymous: "true" }, [
      { name: "证据.pdf", content: Buffer.from("not a pdf") },
    ]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toBe("文件“证据.pdf”的内容与扩展名 .pdf 不符");
    const four = await send(
      { content: "反映问题", anonymous: "true" },
      [1, 2, 3, 4].map((i) => ({ name: `证据${i}.pdf`, content: PDF })),
    );
    expect(four.statusCode).toBe(400);
    expect(four.json().message).toBe("最多上传 3 个附件");
    expect(await count()).toBe(before);
  });

  it("files over the petition size limit (a setting)", async () => {
    expect((await sysadmin.put("/api/settings", { petitionMaxMb: 1 })).statusCode).toBe(200);
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await send({ content: "反映问题", anonymous: "true" }, [{ name: "大文件.pdf", content: big }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("文件“大文件.pdf”超过 1 MB 上限");
    expect((await sysadmin.put("/api/settings", { petitionMaxMb: 20 })).statusCode).toBe(200);
  });

  it("a JSON body instead of the form, and an unknown address", async () => {
    const json = await t.app.inject({ method: "POST", url: `/api/public/petitions/${token}`, payload: named });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toBe("请通过举报页面的表单提交");
    expect((await send(named, [], nextAddress(), "no-such-token")).statusCode).toBe(404);
  });
});

describe("petitions the team records", () => {
  it("letters, calls and visits, named or anonymous, by any member; the identity encrypted as well", async () => {
    const res = await member.post(`/api/assignments/${assignmentId}/petitions`, {
      channel: "visit",
      anonymous: false,
      name: "赵六",
      phone: "0731-1234567",
      content: "来访反映某局工程项目围标串标",
    });
    expect(res.statusCode, res.body).toBe(200);
    const p: PetitionJson = res.json().petition;
    expect(p).toMatchObject({ channel: "visit", channelLabel: "来访", anonymous: false, statusLabel: "已收到" });
    expect(p.receiptCode).toMatch(CODE);
    expect(res.body).not.toContain("赵六");
    const row = await rowOf(p.receiptCode);
    expect(JSON.stringify(row)).not.toContain("赵六");
    expect((await leader.get(`/api/petitions/${p.id}/identity`)).json().identity).toEqual({
      name: "赵六",
      phone: "0731-1234567",
      contact: null,
    });
    const outsider = await otherLeader.post(`/api/assignments/${assignmentId}/petitions`, {
      channel: "letter",
      anonymous: true,
      content: "来信",
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().message).toBe("只有巡察办和该巡察组成员可以登记信访举报");
    const qr = await member.post(`/api/assignments/${assignmentId}/petitions`, { channel: "qr", anonymous: true, content: "x" });
    expect(qr.statusCode).toBe(400);
  });

  it("with files added by the team (file names kept in the audit)", async () => {
    const p: PetitionJson = (
      await member.post(`/api/assignments/${assignmentId}/petitions`, {
        channel: "letter",
        anonymous: true,
        content: "来信反映问题",
      })
    ).json().petition;
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "来信扫描件.pdf");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/petitions/${p.id}/attachments`,
      payload: form,
      headers: { cookie: member.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(member, p.id)).attachmentCount).toBe(1);
    const added = (await auditOf(p.id)).find((e) => e.action === "attachment.add")!;
    expect(added.changes).toMatchObject({ fileName: "来信扫描件.pdf" });
  });
});

describe("handling", () => {
  const newPetition = async (content: string): Promise<PetitionJson> =>
    (await member.post(`/api/assignments/${assignmentId}/petitions`, { channel: "call", anonymous: true, content })).json()
      .petition;

  it("is for the leader, the deputy and the office; a transfer names where to", async () => {
    const p = await newPetition("来电反映某站所工作人员吃拿卡要");
    const refused = await member.post(`/api/petitions/${p.id}/handle`, { status: "handling", version: p.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("只有巡察组组长、副组长和巡察办可以办理信访举报");
    const noWhere = await deputy.post(`/api/petitions/${p.id}/handle`, { status: "transferred", version: p.version });
    expect(noWhere.statusCode).toBe(400);
    expect(noWhere.json().message).toContain("请填写转办单位");
    const ok = await deputy.post(`/api/petitions/${p.id}/handle`, {
      status: "transferred",
      transferredTo: "县信访局",
      reply: "已转县信访局办理",
      version: p.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().petition).toMatchObject({ status: "transferred", statusLabel: "已转办", transferredTo: "县信访局" });
    const stale = await office.post(`/api/petitions/${p.id}/handle`, { status: "handled", version: p.version });
    expect(stale.statusCode).toBe(409);
    const back = await office.post(`/api/petitions/${p.id}/handle`, { status: "received", version: p.version + 1 });
    expect(back.statusCode).toBe(422);
  });

  it("turns a petition into a finding of the assignment, in the same step", async () => {
    const p = await newPetition("来电反映某局违规发放津补贴");
    const missing = await leader.post(`/api/petitions/${p.id}/handle`, { status: "to_finding", version: p.version });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().message).toBe("转为问题时请填写问题描述和类别");
    const badCategory = await leader.post(`/api/petitions/${p.id}/handle`, {
      status: "to_finding",
      finding: { text: "违规发放津补贴", category: "no_such_category" },
      version: p.version,
    });
    expect(badCategory.statusCode).toBeGreaterThanOrEqual(400);
    expect(badCategory.statusCode).toBeLessThan(500);
    expect((await get(leader, p.id)).status).toBe("received");

    const res = await leader.post(`/api/petitions/${p.id}/handle`, {
      status: "to_finding",
      finding: { text: "违规发放津补贴，涉及金额12.6万元", category: "strict_governance" },
      handlingNote: "经查属实",
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const done: PetitionJson = res.json().petition;
    expect(done).toMatchObject({ status: "to_finding", statusLabel: "已转为问题" });
    const findings = (await leader.get(`/api/assignments/${assignmentId}/findings`)).json().items as Array<{
      id: string;
      text: string;
      source: string;
      category: string;
    }>;
    const f = findings.find((x) => x.id === done.findingId)!;
    expect(f).toMatchObject({ text: "违规发放津补贴，涉及金额12.6万元", source: "petition", category: "strict_governance" });
    const created = await t.ctx.db.select().from(auditEntries).where(eq(auditEntries.action, "finding.create"));
    expect(created.some((e) => e.recordIds.includes(done.findingId!) && e.recordIds.includes(p.id))).toBe(true);

    // It stays a finding: only the note and the reply may still change.
    const again = await leader.post(`/api/petitions/${p.id}/handle`, { status: "handled", version: done.version });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe("该信访举报已转为问题，不能再改为其他办理结果");
    const replied = await leader.post(`/api/petitions/${p.id}/handle`, {
      status: "to_finding",
      reply: "您反映的问题已纳入巡察反馈",
      version: done.version,
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().petition.findingId).toBe(done.findingId);
    expect((await leader.get(`/api/assignments/${assignmentId}/findings`)).json().items).toHaveLength(findings.length);
  });

  it("turns a petition into a lead (pending), in the same step, and the sender reads only that it was dealt with", async () => {
    const form = await send({ content: "反映某局副局长收受工程老板礼金", anonymous: "true" });
    const code: string = form.json().receiptCode;
    const row = await rowOf(code);
    const res = await office.post(`/api/petitions/${row.id}/handle`, {
      status: "to_lead",
      lead: { leadClass: "priority", summary: "某局副局长涉嫌收受礼金" },
      reply: "您反映的问题已按规定处理",
      version: row.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p: PetitionJson = res.json().petition;
    expect(p.statusLabel).toBe("已转为问题线索");
    const [lead] = await t.ctx.db.select().from(leads).where(eq(leads.id, p.leadId!));
    expect(lead).toMatchObject({ assignmentId, leadClass: "priority", summary: "某局副局长涉嫌收受礼金", status: "pending" });
    const audited = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "lead.create"), sql`${auditEntries.recordIds} @> ${JSON.stringify([lead!.id])}::jsonb`));
    expect(audited).toHaveLength(1);
    const receipt = (await anonymous(t.app).get(`/api/public/petitions/receipt/${code}`)).json();
    expect(receipt).toMatchObject({ statusLabel: "已按规定办理", reply: "您反映的问题已按规定处理" });
    expect(JSON.stringify(receipt)).not.toContain("线索");
    const listed = (await leader.get(`/api/petitions?assignmentId=${assignmentId}&status=to_lead`)).json().items;
    expect(listed.map((x: PetitionJson) => x.id)).toEqual([row.id]);
  });
});

describe("the per-client limit", () => {
  it("refuses the 11th petition within an hour from one client, not another client's, and lets it again an hour later", async () => {
    const address = "192.0.2.7";
    for (let i = 0; i < 10; i++) {
      const res = await send({ content: `第${i + 1}件`, anonymous: "true" }, [], address);
      expect(res.statusCode, res.body).toBe(200);
    }
    const eleventh = await send({ content: "第11件", anonymous: "true" }, [], address);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().message).toBe("提交过于频繁，请稍后再试");
    expect((await send({ content: "别人的", anonymous: "true" }, [], "192.0.2.8")).statusCode).toBe(200);
    t.setNow(new Date(Date.now() + 61 * 60_000));
    expect((await send({ content: "一小时后", anonymous: "true" }, [], address)).statusCode).toBe(200);
  });
});
