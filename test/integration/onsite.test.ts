import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sm3 } from "../../src/server/audit/chain.ts";
import { auditEntries } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let leader: Client;
let liaison: Client;
let member: Client;
let member2: Client;
let otherTeam: Client;
let roundId: string;
let asgA: string;
let asgB: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** China noon of a date (04:00 UTC): the application's clock for that day. */
const at = (iso: string) => new Date(`${iso}T04:00:00Z`);

function upload(c: Client, ownerType: string, ownerId: string, fileName: string, content: Buffer) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: "POST",
    url: `/api/attachments?ownerType=${ownerType}&ownerId=${ownerId}`,
    headers: { cookie: c.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

const finding = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  category: "strict_governance",
  subcategory: "strict_governance.four_styles",
  isCommon: false,
  isCoreMandate: false,
  involvesTopLeader: false,
  source: "interview",
  ...extra,
});

/** Moves the clock to a day and signs everyone in again (sessions time out across the jump). */
async function moveTo(iso: string) {
  t.setNow(at(iso));
  office = await login(t.app, "office1");
  leader = await login(t.app, "zuzhang");
  liaison = await login(t.app, "lianluo");
  member = await login(t.app, "chengyuan");
  member2 = await login(t.app, "chengyuan2");
  otherTeam = await login(t.app, "biezu");
}

async function actions(): Promise<string[]> {
  return (await t.ctx.db.select({ action: auditEntries.action }).from(auditEntries)).map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "县自然资源局");
  const orgB = await newOrg(t.ctx, "县住房和城乡建设局");
  await newUser(t.ctx, "office1", ["office_staff"], "王办");
  const u = {
    leader: await newUser(t.ctx, "zuzhang", [], "李组长"),
    liaison: await newUser(t.ctx, "lianluo", [], "孙联络"),
    member: await newUser(t.ctx, "chengyuan", [], "赵成员"),
    member2: await newUser(t.ctx, "chengyuan2", [], "周成员"),
    other: await newUser(t.ctx, "biezu", [], "钱别组"),
  };
  const round = await newRound(t.ctx, "第八轮巡察");
  roundId = round.id;
  const teamA = await newTeam(t.ctx, roundId, [
    { userId: u.leader.id, position: "leader" },
    { userId: u.liaison.id, position: "liaison" },
    { userId: u.member.id, position: "member" },
    { userId: u.member2.id, position: "member" },
  ]);
  const teamB = await newTeam(t.ctx, roundId, [{ userId: u.other.id, position: "leader" }], "第二巡察组");
  asgA = (
    await newAssignment(t.ctx, {
      roundId,
      teamId: teamA.id,
      orgId: orgA.id,
      entryDate: "2024-03-04",
      withdrawalDate: "2024-04-26",
    })
  ).id;
  asgB = (
    await newAssignment(t.ctx, {
      roundId,
      teamId: teamB.id,
      orgId: orgB.id,
      entryDate: "2024-03-04",
      withdrawalDate: "2024-04-26",
    })
  ).id;
  await moveTo("2024-03-20");
});
afterAll(() => t.close());

describe("pre-inspection requests (巡前函请)", () => {
  let auditRequest = "";

  it("are sent by the liaison or the office, and flagged overdue when unanswered after the due date", async () => {
    const audit = await liaison.post(`/api/assignments/${asgA}/pre-requests`, {
      department: "审计局",
      subject: "近三年审计发现问题及整改情况",
      sentOn: "2024-03-05",
      dueDate: "2024-03-15",
    });
    expect(audit.statusCode).toBe(200);
    auditRequest = audit.json().preRequest.id;
    const fromOffice = await office.post(`/api/assignments/${asgA}/pre-requests`, {
      department: "信访局",
      subject: "近三年信访举报件",
      sentOn: "2024-03-05",
      dueDate: "2024-03-25",
    });
    expect(fromOffice.statusCode).toBe(200);

    const list = await member.get(`/api/assignments/${asgA}/pre-requests`);
    expect(list.statusCode).toBe(200);
    expect(list.json().can).toEqual({ create: false });
    expect(list.json().items.map((r: { department: string; overdue: boolean }) => [r.department, r.overdue])).toEqual([
      ["审计局", true],
      ["信访局", false],
    ]);
  });

  it("refuse a plain member, another team and a due date before the sending date", async () => {
    const body = { department: "公安局", subject: "涉案情况", sentOn: "2024-03-06", dueDate: "2024-03-16" };
    const byMember = await member.post(`/api/assignments/${asgA}/pre-requests`, body);
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().message).toBe("只有巡察办和该巡察组组长、副组长、联络员可以发出函请和登记回复");
    expect((await otherTeam.get(`/api/assignments/${asgA}/pre-requests`)).statusCode).toBe(403);
    expect((await otherTeam.post(`/api/assignments/${asgA}/pre-requests`, body)).statusCode).toBe(403);
    const early = await liaison.post(`/api/assignments/${asgA}/pre-requests`, { ...body, dueDate: "2024-03-01" });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain("回复期限不能早于发函日期");
  });

  it("take a reply once, with its date and attachments, and are no longer overdue", async () => {
    const tooEarly = await leader.post(`/api/pre-requests/${auditRequest}/reply`, {
      replyText: "已提供",
      repliedOn: "2024-03-01",
    });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().message).toBe("回复日期不能早于发函日期（2024-03-05）");
    expect(
      (await member.post(`/api/pre-requests/${auditRequest}/reply`, { replyText: "x", repliedOn: "2024-03-18" })).statusCode,
    ).toBe(403);

    const reply = await leader.post(`/api/pre-requests/${auditRequest}/reply`, {
      replyText: "提供审计报告3份，发现问题12个，已整改9个",
      repliedOn: "2024-03-18",
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().preRequest).toMatchObject({ repliedOn: "2024-03-18", overdue: false, can: { reply: false } });
    const again = await leader.post(`/api/pre-requests/${auditRequest}/reply`, { replyText: "再次", repliedOn: "2024-03-19" });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toBe("该函请已登记回复");

    expect((await upload(liaison, "pre_request", auditRequest, "审计报告.pdf", PDF)).statusCode).toBe(200);
    const refused = await upload(member, "pre_request", auditRequest, "审计报告.pdf", PDF);
    expect(refused.statusCode).toBe(403);
    const files = (await member.get(`/api/attachments?ownerType=pre_request&ownerId=${auditRequest}`)).json().items;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ fileName: "审计报告.pdf", uploadedBy: "孙联络", contentHash: sm3(PDF) });
    const download = await member.get(`/api/attachments/${files[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await otherTeam.get(`/api/attachments/${files[0].id}`)).statusCode).toBe(403);
    expect(await actions()).toEqual(expect.arrayContaining(["pre_request.create", "pre_request.reply", "attachment.add"]));
  });

  it("refuses a file whose content does not match its type, in Chinese", async () => {
    const res = await upload(liaison, "pre_request", auditRequest, "伪装.pdf", Buffer.from("not a pdf"));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("文件“伪装.pdf”的内容与扩展名 .pdf 不符");
  });
});

describe("on-site records (巡察记录)", () => {
  let interview = "";

  it("are written by members of the team, each by its author, with results for appraisals", async () => {
    const res = await member.post(`/api/assignments/${asgA}/site-records`, {
      kind: "interview",
      heldOn: "2024-03-19",
      subject: "局党组书记",
      content: "谈及领导班子履行主体责任情况",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().siteRecord).toMatchObject({
      kindLabel: "个别谈话",
      authorName: "赵成员",
      enteredAfterWithdrawal: false,
      can: { update: true },
    });
    interview = res.json().siteRecord.id;

    const appraisal = await member2.post(`/api/assignments/${asgA}/site-records`, {
      kind: "appraisal",
      heldOn: "2024-03-20",
      subject: "领导班子民主测评（干部职工42人）",
      content: "对领导班子总体评价",
      results: [
        { label: "好", count: 30 },
        { label: "较好", count: 10 },
        { label: "一般", count: 2 },
      ],
    });
    expect(appraisal.statusCode).toBe(200);
    expect(appraisal.json().siteRecord.results).toEqual([
      { label: "好", count: 30 },
      { label: "较好", count: 10 },
      { label: "一般", count: 2 },
    ]);

    const withResults = await member.post(`/api/assignments/${asgA}/site-records`, {
      kind: "interview",
      heldOn: "2024-03-19",
      subject: "财务人员",
      content: "略",
      results: [{ label: "好", count: 1 }],
    });
    expect(withResults.statusCode).toBe(422);
    expect(withResults.json().message).toBe("只有民主测评和问卷调查可以填写结果");

    const list = (await office.get(`/api/assignments/${asgA}/site-records`)).json();
    expect(list.items).toHaveLength(2);
    expect(list.can).toEqual({ create: false });
    const appraisals = (await office.get(`/api/assignments/${asgA}/site-records?kind=appraisal`)).json().items;
    expect(appraisals.map((r: { authorName: string }) => r.authorName)).toEqual(["周成员"]);
  });

  it("are changed only by their author, with the version they were read at", async () => {
    const mine = (await member.get(`/api/assignments/${asgA}/site-records?kind=interview`)).json().items[0];
    const byOther = await member2.patch(`/api/site-records/${interview}`, { content: "改", version: mine.version });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().message).toBe("只能修改本人登记的巡察记录");
    const changed = await member.patch(`/api/site-records/${interview}`, {
      content: "谈及领导班子履行主体责任、监督责任情况",
      version: mine.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().siteRecord).toMatchObject({ version: mine.version + 1 });
    expect((await member.patch(`/api/site-records/${interview}`, { content: "再改", version: mine.version })).statusCode).toBe(
      409,
    );
    expect((await upload(member, "site_record", interview, "谈话笔录.pdf", PDF)).statusCode).toBe(200);
    expect((await upload(member2, "site_record", interview, "谈话笔录.pdf", PDF)).statusCode).toBe(403);
    expect(await actions()).toEqual(expect.arrayContaining(["site_record.create", "site_record.update"]));
  });

  it("refuse the office's writing and another team's member", async () => {
    const body = { kind: "spot_check", heldOn: "2024-03-19", subject: "食堂", content: "暗访" };
    const byOffice = await office.post(`/api/assignments/${asgA}/site-records`, body);
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().message).toBe("只有该巡察组成员可以登记巡察记录");
    expect((await otherTeam.post(`/api/assignments/${asgA}/site-records`, body)).statusCode).toBe(403);
    expect((await otherTeam.get(`/api/assignments/${asgA}/site-records`)).statusCode).toBe(403);
    expect((await otherTeam.patch(`/api/site-records/${interview}`, { content: "x", version: 2 })).statusCode).toBe(403);
    expect((await otherTeam.get(`/api/attachments?ownerType=site_record&ownerId=${interview}`)).statusCode).toBe(403);
  });

  it("marks what is entered after the withdrawal date as 补录, and counts it per team with the findings", async () => {
    // Team B records one finding and one record on site.
    expect((await otherTeam.post(`/api/assignments/${asgB}/findings`, finding("公车管理不规范"))).statusCode).toBe(200);
    const onSite = { kind: "document_review", heldOn: "2024-03-20", subject: "2023年会计凭证", content: "调阅凭证" };
    expect((await otherTeam.post(`/api/assignments/${asgB}/site-records`, onSite)).statusCode).toBe(200);

    await moveTo("2024-05-06");
    try {
      const late = await member.post(`/api/assignments/${asgA}/site-records`, {
        kind: "survey",
        heldOn: "2024-04-10",
        subject: "问卷调查（干部职工）",
        content: "补录问卷结果",
        results: [{ label: "满意", count: 40 }],
      });
      expect(late.statusCode).toBe(200);
      expect(late.json().siteRecord.enteredAfterWithdrawal).toBe(true);
      expect((await member.post(`/api/assignments/${asgA}/findings`, finding("补录的问题"))).statusCode).toBe(200);

      const list = (await office.get(`/api/assignments/${asgA}/site-records`)).json();
      expect(list.backfilled).toBe(1);
      expect(list.items.filter((r: { enteredAfterWithdrawal: boolean }) => r.enteredAfterWithdrawal)).toHaveLength(1);

      const backfill = await office.get(`/api/rounds/${roundId}/backfill`);
      expect(backfill.statusCode).toBe(200);
      const byTeam = Object.fromEntries(backfill.json().teams.map((x: { teamName: string }) => [x.teamName, x])) as Record<
        string,
        Record<string, unknown>
      >;
      expect(byTeam["第一巡察组"]).toMatchObject({
        siteRecords: { records: 3, backfilled: 1 },
        findings: { records: 1, backfilled: 1 },
        records: 4,
        backfilled: 2,
        share: 0.5,
      });
      expect(byTeam["第二巡察组"]).toMatchObject({ records: 2, backfilled: 0, share: 0 });
      expect(backfill.json().total).toEqual({ records: 6, backfilled: 2, share: 2 / 6 });

      // A team member sees their own team only.
      const own = (await otherTeam.get(`/api/rounds/${roundId}/backfill`)).json().teams;
      expect(own.map((x: { teamName: string }) => x.teamName)).toEqual(["第二巡察组"]);
    } finally {
      await moveTo("2024-03-25");
    }
  });
});

describe("immediate fixes (立行立改) and feedback", () => {
  const ids: Record<string, string> = {};

  it("needs the leader, a deputy or the office, and at least one evidence file", async () => {
    for (const [key, text] of [
      ["fixed", "办公用房超标准"],
      ["fixedToo", "违规发放加班补贴"],
      ["open", "干部档案管理不规范"],
    ] as const) {
      const res = await member.post(`/api/assignments/${asgA}/findings`, finding(text));
      expect(res.statusCode).toBe(200);
      expect(res.json().finding).toMatchObject({ subcategoryLabel: "四风", immediateFix: false, attachments: [] });
      ids[key] = res.json().finding.id;
    }
    const fix = { fixedOn: "2024-03-22", fixNote: "已腾退超标办公用房2间" };
    const byMember = await member.post(`/api/findings/${ids.fixed}/fix`, fix);
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().message).toBe("只有巡察办和该巡察组组长、副组长可以登记立行立改");
    const noEvidence = await leader.post(`/api/findings/${ids.fixed}/fix`, fix);
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().message).toBe("登记立行立改须至少上传一份佐证材料");

    expect((await upload(member, "finding", ids.fixed!, "腾退照片.pdf", PDF)).statusCode).toBe(200);
    expect((await upload(otherTeam, "finding", ids.fixed!, "x.pdf", PDF)).statusCode).toBe(403);
    const future = await leader.post(`/api/findings/${ids.fixed}/fix`, { ...fix, fixedOn: "2024-03-26" });
    expect(future.json().message).toBe("整改完成日期不能晚于今天");
    const done = await leader.post(`/api/findings/${ids.fixed}/fix`, fix);
    expect(done.statusCode).toBe(200);
    expect(done.json().finding).toMatchObject({
      immediateFix: true,
      fixedOn: "2024-03-22",
      fixNote: "已腾退超标办公用房2间",
      attachments: [{ fileName: "腾退照片.pdf" }],
      can: { fix: false },
    });
    const twice = await leader.post(`/api/findings/${ids.fixed}/fix`, fix);
    expect(twice.statusCode).toBe(422);
    expect(twice.json().message).toBe("该问题已登记立行立改");

    expect((await upload(member, "finding", ids.fixedToo!, "退款凭证.pdf", PDF)).statusCode).toBe(200);
    expect(
      (await office.post(`/api/findings/${ids.fixedToo}/fix`, { fixedOn: "2024-03-24", fixNote: "已清退补贴" })).statusCode,
    ).toBe(200);
    expect(await actions()).toContain("finding.mark_fixed");
  });

  it("registers a problem whose findings were all fixed as a closed immediate row with their evidence, others as usual", async () => {
    await moveTo("2024-05-20");
    const res = await office.post(`/api/assignments/${asgA}/feedback`, {
      feedbackDate: "2024-05-20",
      aspects: [
        {
          title: "落实全面从严治党方面",
          problems: [
            { text: "办公用房超标准", findingIds: [ids.fixed] },
            { text: "违规发放津补贴，干部档案管理不规范", findingIds: [ids.fixedToo, ids.open] },
            { text: "意识形态工作责任制落实不到位" },
          ],
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const rows = (await office.get(`/api/ledger?assignmentId=${asgA}&pageSize=50`)).json().items as Array<
      Record<string, unknown>
    >;
    expect(rows.map((r) => [r.seqLabel, r.status, r.progress, r.kind])).toEqual([
      ["1", "closed", "done", "immediate"],
      ["2", "open", "not_started", null],
      ["3", "open", "not_started", null],
    ]);
    expect(rows[0]).toMatchObject({ measures: "已腾退超标办公用房2间", evidenceCount: 1 });
    expect(rows[0]!.closedAt).toBe(at("2024-05-20").toISOString());
    expect(rows[1]!.evidenceCount).toBe(0);

    const detail = (await office.get(`/api/ledger/${rows[0]!.id}`)).json();
    expect(detail.evidence).toEqual([
      expect.objectContaining({ fileName: "腾退照片.pdf", contentHash: sm3(PDF), uploadedBy: "赵成员" }),
    ]);
    // The same stored file, downloadable as the row's evidence.
    const file = await office.get(`/api/evidence/${detail.evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it("keeps fed-back findings' evidence closed to new files", async () => {
    const res = await upload(member, "finding", ids.open!, "迟到的材料.pdf", PDF);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("该问题已反馈，不能修改");
    const [entry] = await t.ctx.db
      .select({ changes: auditEntries.changes })
      .from(auditEntries)
      .where(eq(auditEntries.action, "feedback.register"));
    expect(entry?.changes).toMatchObject({ rows: 3, closedAsImmediateFix: 1 });
  });
});
