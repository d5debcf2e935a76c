/**
 * Official documents from the records: every kind builds for a small world, as DOCX (word/document.xml) and PDF
 * (pdftotext) carrying the records' text; templates refuse unknown placeholders, are used by the next document and
 * can be reset; each export follows the policy of its record, is audited, and confidential ones carry the
 * watermark with the user's name. (LibreOffice layout checks are in the browser spec: they are slow.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let head: Client;
let contactA: Client;
let contactB: Client;
let leader: Client;
let member: Client;
let sysadmin: Client;
let orgA: { id: string; path: string; name: string };
let roundId = "";
let asgA = "";
let asgB = "";
let planId = "";
let letterId = "";
let recommendationId = "";
const rows: Record<string, string> = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-docs-"));

/** The DOCX's body and headers as text: one line per paragraph. */
function docxText(buf: Buffer): { body: string; headers: string; xml: string } {
  const file = path.join(tmp, `d${Math.random().toString(36).slice(2)}.docx`);
  fs.writeFileSync(file, buf);
  const part = (name: string) => {
    try {
      return execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 64 << 20 });
    } catch {
      return "";
    }
  };
  const text = (xml: string) =>
    xml
      .replace(/<\/w:p>/g, "\n")
      .replace(/<w:tab\/>/g, "\t")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
  const xml = part("word/document.xml");
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" })
    .split("\n")
    .filter((n) => /^word\/header\d*\.xml$/.test(n));
  return { body: text(xml), headers: names.map((n) => text(part(n))).join("\n"), xml };
}

/** The PDF's text, without the spaces pdftotext puts between CJK characters of a justified line. */
function pdfText(buf: Buffer, mode: "-layout" | "-raw" = "-layout"): string {
  const file = path.join(tmp, `p${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, buf);
  return execFileSync("pdftotext", [mode, file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
}
const squeeze = (s: string) => s.replace(/\s+/g, "");

async function download(c: Client, url: string): Promise<LightMyRequestResponse> {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res;
}
const docx = async (c: Client, url: string) => docxText((await download(c, url)).rawPayload);
const pdf = async (c: Client, url: string) => squeeze(pdfText((await download(c, url)).rawPayload));

beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date("2024-03-01T02:00:00Z"));
  const county = await newOrg(t.ctx, "某县");
  orgA = await newOrg(t.ctx, "县自然资源局", "agency", county);
  const orgB = await newOrg(t.ctx, "某乡镇党委", "township", county);
  await newUser(t.ctx, "office1", ["office_staff"], "王敏");
  await newUser(t.ctx, "head", ["office_head"], "办主任");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "联络人甲");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "联络人乙");
  await newUser(t.ctx, "leader", [{ role: "supervising_leader", orgId: county.id }], "分管领导");
  const m = await newUser(t.ctx, "member", [], "组员甲");
  [office, head, contactA, contactB, leader, member, sysadmin] = (await Promise.all(
    ["office1", "head", "contactA", "contactB", "leader", "member", "sysadmin"].map((u) => login(t.app, u)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
  const round = await newRound(t.ctx, "十三届县委第五轮巡察");
  roundId = round.id;
  const team = await newTeam(t.ctx, round.id, [{ userId: m.id, position: "member" }], "县委第一巡察组");
  asgA = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  asgB = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id })).id;
  const f = await newFinding(t.ctx, asgA, orgA.id, "违规发放津贴补贴");
  await newFinding(t.ctx, asgB, orgB.id, "会议过多");
  const fed = await office.post(`/api/assignments/${asgA}/feedback`, {
    feedbackDate: "2023-12-14",
    aspects: [
      {
        title: "落实中央八项规定精神不到位",
        problems: [
          { text: "违规发放津贴补贴", findingIds: [f.id], rows: [{ text: "发放加班补贴" }, { text: "发放节日慰问金" }] },
          { text: "公务接待超标准" },
        ],
      },
      { title: "基层党组织建设薄弱", problems: [{ text: "“三会一课”落实不到位" }] },
    ],
  });
  expect(fed.statusCode, fed.body).toBe(200);
  const ledger = (await office.get(`/api/ledger?assignmentId=${asgA}&pageSize=50`)).json();
  for (const r of ledger.items as Array<{ id: string; seqLabel: string }>) rows[r.seqLabel] = r.id;

  // The organisation's plan: every entry filled by its contact, submitted, approved by the office.
  const created = await contactA.post(`/api/assignments/${asgA}/plan`, {});
  expect(created.statusCode, created.body).toBe(200);
  const plan = created.json().plan as { id: string; version: number; entries: Array<{ rowId: string }> };
  planId = plan.id;
  const entries = plan.entries.map((e, i) => ({
    rowId: e.rowId,
    measures: `清退违规发放款项并修订制度（措施${i + 1}）`,
    responsibleLeader: "张明华",
    responsibleDepartment: "办公室",
    deadline: "2024-06-30",
  }));
  const saved = await contactA.put(`/api/plans/${planId}`, { version: plan.version, summary: "成立整改工作领导小组。", entries });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await contactA.post(`/api/plans/${planId}/submit`, {})).statusCode).toBe(200);
  const approved = await office.post(`/api/plans/${planId}/approve`, { comment: "同意" });
  expect(approved.statusCode, approved.body).toBe(200);

  const letter = await office.post("/api/letters", {
    kind: "supervision",
    addressee: "县自然资源局党组",
    addresseeOrgId: orgA.id,
    subject: "关于督促加快巡察整改进度的函",
    body: "请主要负责同志亲自过问。",
    sentOn: "2024-03-01",
    replyDue: "2024-03-15",
    rowIds: [rows["1.1"]],
  });
  expect(letter.statusCode, letter.body).toBe(200);
  letterId = letter.json().letter.id;
  const rec = await office.post("/api/letters", {
    kind: "recommendation",
    addressee: "县财政局党组",
    subject: "关于规范津贴补贴发放的巡察建议",
    sentOn: "2024-03-01",
    rowIds: [rows["1.2"]],
  });
  expect(rec.statusCode, rec.body).toBe(200);
  recommendationId = rec.json().letter.id;
  const details = await contactA.put(`/api/assignments/${asgA}/announcement-details`, {
    issuer: "中共县自然资源局党组",
    nextSteps: "巩固整改成果，防止问题反弹。",
    contactPhone: "0730-5208005",
    contactPostcode: "414400",
  });
  expect(details.statusCode, details.body).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("each kind, from the records", () => {
  it("the feedback opinion: aspects 一、 and problems （一） in order, the refined rows, addressed and signed", async () => {
    const d = await docx(office, `/api/documents/feedback_opinion/${asgA}?format=docx`);
    const lines = d.body.split("\n").map((l) => l.trim());
    expect(lines).toContain("县委第一巡察组关于巡察县自然资源局党组织的反馈意见");
    expect(lines).toContain("县自然资源局党组织：");
    const order = [
      "一、落实中央八项规定精神不到位",
      "（一）违规发放津贴补贴",
      "1.发放加班补贴",
      "2.发放节日慰问金",
      "（二）公务接待超标准",
      "二、基层党组织建设薄弱",
      "（一）“三会一课”落实不到位",
    ];
    const at = order.map((o) => lines.indexOf(o));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(d.body).toContain("现将巡察发现的2个方面3个问题反馈如下");
    expect(d.body).toContain("2023年12月14日");
    const p = await pdf(office, `/api/documents/feedback_opinion/${asgA}?format=pdf`);
    expect(p).toContain("一、落实中央八项规定精神不到位");
    expect(p).toContain("（一）违规发放津贴补贴");
  });

  it("the plan: its entries as a table with measures, leaders and deadlines, landscape, approval noted", async () => {
    const d = await docx(office, `/api/documents/rectification_plan/${planId}`);
    expect(d.body).toContain("县自然资源局关于落实县委第一巡察组巡察反馈意见的整改方案");
    for (const s of [
      "整改措施",
      "责任领导",
      "整改时限",
      "清退违规发放款项并修订制度（措施1）",
      "张明华",
      "2024年6月30日",
      "成立整改工作领导小组。",
    ])
      expect(d.body, s).toContain(s);
    expect(d.body).toMatch(/本方案第1版已于2024年3月1日审核通过/);
    expect(d.xml).toMatch(/w:orient="landscape"/);
    expect(await pdf(contactA, `/api/documents/rectification_plan/${planId}?format=pdf`)).toContain("发放节日慰问金");
  });

  it("the ledger: three lists in landscape", async () => {
    const d = await docx(office, `/api/documents/ledger/${asgA}`);
    for (const s of [
      "县自然资源局巡察反馈问题整改台账",
      "一、问题清单",
      "二、任务清单",
      "三、责任清单",
      "发放加班补贴",
      "张明华",
    ])
      expect(d.body, s).toContain(s);
    expect(d.body).toMatch(/整改任务4条，截至2024年3月1日已销号0条/);
    expect(d.xml).toMatch(/w:orient="landscape"/);
    expect(await pdf(office, `/api/documents/ledger/${asgA}?format=pdf`)).toContain("三、责任清单");
  });

  it("a supervision letter: number, addressee, the rows, the reply deadline, the office's contact", async () => {
    const profile = await office.put("/api/document-profile", {
      authority: "中共某县委巡察工作领导小组办公室",
      signature: "中共某县委巡察工作领导小组办公室",
      contactPerson: "李华",
      contactPhone: "0730-1234567",
      printedBy: "某县委巡察办",
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const d = await docx(office, `/api/documents/supervision_letter/${letterId}`);
    for (const s of [
      "中共某县委巡察工作领导小组办公室",
      "县巡督〔2024〕1号",
      "关于督促加快巡察整改进度的函",
      "县自然资源局党组：",
      "发放加班补贴",
      "2024年3月15日前",
      "请主要负责同志亲自过问。",
      "（联系人：李华，联系电话：0730-1234567）",
      "2024年3月1日印发",
    ])
      expect(d.body, s).toContain(s);
    const p = await pdf(office, `/api/documents/supervision_letter/${letterId}?format=pdf`);
    expect(p).toContain("县巡督〔2024〕1号");
    // The addressee reads it too; a letter asked for as another kind is not found.
    expect((await contactA.get(`/api/documents/supervision_letter/${letterId}`)).statusCode).toBe(200);
    expect((await office.get(`/api/documents/reminder_letter/${letterId}`)).statusCode).toBe(404);
    const rec = await docx(office, `/api/documents/recommendation_letter/${recommendationId}`);
    expect(rec.body).toContain("县巡建〔2024〕1号");
    expect(rec.body).toContain("县财政局党组：");
  });

  it("the announcement: internal names the leaders, public masks them and carries no watermark", async () => {
    const internal = await docx(office, `/api/documents/announcement/${asgA}?version=internal`);
    expect(internal.body).toContain("中共县自然资源局党组关于巡察整改进展情况的通报");
    for (const s of [
      "一、整改工作总体情况",
      "二、整改落实情况",
      "三、持续推进事项和下一步工作安排",
      "联系电话：0730-5208005",
      "现将巡察整改进展情况通报如下",
    ])
      expect(internal.body, s).toContain(s);
    expect(internal.body).toContain("张明华");
    expect(internal.headers).toContain("王敏");
    const pub = await docx(office, `/api/documents/announcement/${asgA}?version=public`);
    expect(pub.body).toContain("张某");
    expect(pub.body).not.toContain("张明华");
    expect(pub.body).toContain("予以公布");
    expect(pub.headers).not.toContain("王敏");
    const text = await pdf(office, `/api/documents/announcement/${asgA}?version=public&format=pdf`);
    expect(text).toContain("二、整改落实情况");
    expect(text).not.toContain("王敏");
  });

  it("the round summary: teams, organisations, findings, rectification", async () => {
    const d = await docx(head, `/api/documents/round_summary/${roundId}`);
    for (const s of [
      "关于十三届县委第五轮巡察工作情况的总结报告",
      "一、巡察组织情况",
      "县委第一巡察组",
      "某乡镇党委",
      "二、发现问题情况",
      "本轮共发现问题2个",
      "三、问题线索情况",
      "五、整改落实情况",
    ])
      expect(d.body, s).toContain(s);
    expect(await pdf(office, `/api/documents/round_summary/${roundId}?format=pdf`)).toContain("问题线索情况另行报告");
  });

  it("the statistics report: a table per figure for the filter", async () => {
    const d = await docx(office, `/api/documents/statistics_report?roundId=${roundId}`);
    for (const s of ["巡察整改统计报告", "统计范围：十三届县委第五轮巡察", "发现问题（按类别）", "整改完成率（按单位）", "合计"])
      expect(d.body, s).toContain(s);
    // Leads are not the office staff's to see: the figure is left out, and said to be.
    expect(d.body).toContain("问题线索（按类别）的统计不在您的查看权限内");
    const p = await pdf(head, `/api/documents/statistics_report?format=pdf&roundId=${roundId}`);
    expect(p).toContain("问题线索（按类别）");
  });
});

describe("templates", () => {
  it("refuses an unknown placeholder, naming it and the ones there are", async () => {
    const res = await office.put("/api/document-templates/supervision_letter", {
      title: "{{事由}}",
      opening: "请{{单位名车}}抓紧整改。",
      closing: "",
      numberPrefix: "县巡督",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^模板中有未知的占位符“\{\{单位名车\}\}”，可用的占位符：\{\{单位名称\}\}、/);
    const braces = await office.put("/api/document-templates/supervision_letter", { title: "{{事由}", opening: "", closing: "" });
    expect(braces.statusCode).toBe(400);
    expect(braces.json().message).toContain("花括号不成对");
  });

  it("uses the saved template in the next document, refuses a stale version, and resets to the default", async () => {
    const before = (await office.get("/api/document-templates/supervision_letter")).json();
    expect(before).toMatchObject({ isDefault: true, version: null, numbered: true, numberPrefix: "县巡督" });
    expect(before.placeholders.map((p: { name: string }) => p.name)).toContain("回复期限");
    const saved = await office.put("/api/document-templates/supervision_letter", {
      title: "关于{{单位名称}}整改事项的督办函",
      opening: "经查，{{单位名称}}有{{条目数}}项整改任务未按期完成。",
      closing: "请于{{回复期限}}前书面报告。",
      numberPrefix: "某巡督",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1 });
    const d = await docx(office, `/api/documents/supervision_letter/${letterId}`);
    for (const s of [
      "关于县自然资源局整改事项的督办函",
      "经查，县自然资源局有1项整改任务未按期完成。",
      "请于2024年3月15日前书面报告。",
      "某巡督〔2024〕1号",
    ])
      expect(d.body, s).toContain(s);

    const stale = await office.put("/api/document-templates/supervision_letter", { title: "甲", opening: "", closing: "" });
    expect(stale.statusCode).toBe(409);
    const audit = await office.put("/api/document-templates/supervision_letter", {
      title: "甲{{事由}}",
      opening: "",
      closing: "",
      version: 1,
    });
    expect(audit.statusCode, audit.body).toBe(200);

    const reset = await office.post("/api/document-templates/supervision_letter/reset", {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ isDefault: true, numberPrefix: "县巡督" });
    const again = await docx(office, `/api/documents/supervision_letter/${letterId}`);
    expect(again.body).toContain("县巡督〔2024〕1号");
    expect(again.body).not.toContain("经查，");
    expect((await office.post("/api/document-templates/supervision_letter/reset", {})).statusCode).toBe(422);
  });

  it("previews the template being edited on samples or on a record, listing its problems", async () => {
    const res = await office.post("/api/document-templates/feedback_opinion/preview", {
      title: "{{巡察组}}对{{单位名称}}的反馈意见",
      opening: "{{单位名车}}",
      recordId: asgA,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.sample).toBe(false);
    expect(p.document.title).toBe("县委第一巡察组对县自然资源局的反馈意见");
    expect(p.problems[0].text).toBe("{{单位名车}}");
    const sample = (await office.post("/api/document-templates/ledger/preview", {})).json();
    expect(sample.sample).toBe(true);
    expect(sample.document.orientation).toBe("landscape");
  });

  it("lets only the office change the profile and the templates", async () => {
    expect((await contactA.put("/api/document-profile", { authority: "甲", signature: "乙" })).statusCode).toBe(403);
    expect((await head.get("/api/document-templates")).json().items).toHaveLength(10);
    const refused = await leader.put("/api/document-templates/ledger", { title: "甲", opening: "", closing: "" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("只有巡察办可以修改发文机关信息和公文模板");
  });
});

describe("permissions, audit, watermark", () => {
  it("follows the record's own policy", async () => {
    // Another organisation's contact: the assignment, plan and letter are not theirs.
    expect((await contactB.get(`/api/documents/feedback_opinion/${asgA}`)).statusCode).toBe(404);
    expect((await contactB.get(`/api/documents/ledger/${asgA}`)).statusCode).toBe(404);
    expect((await contactB.get(`/api/documents/rectification_plan/${planId}`)).statusCode).toBe(404);
    expect((await contactB.get(`/api/documents/supervision_letter/${letterId}`)).statusCode).toBe(403);
    expect((await contactB.get(`/api/documents/announcement/${asgA}`)).statusCode).toBe(403);
    // The organisation's own contact, a supervising leader, and the team.
    expect((await contactA.get(`/api/documents/ledger/${asgA}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/documents/announcement/${asgA}?version=public`)).statusCode).toBe(200);
    expect((await member.get(`/api/documents/feedback_opinion/${asgA}`)).statusCode).toBe(200);
    // A round summary covers every team; statistics are for those who see the figures.
    expect((await member.get(`/api/documents/round_summary/${roundId}`)).statusCode).toBe(403);
    expect((await contactA.get(`/api/documents/statistics_report`)).statusCode).toBe(403);
    expect((await sysadmin.get(`/api/documents/ledger/${asgA}`)).statusCode).toBe(403);
  });

  it("answers mistakes in Chinese: unknown kind or format 400, missing record 404, nothing to build 422", async () => {
    const kind = await office.get(`/api/documents/minutes/${asgA}`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().message).toMatch(/^未知的公文类型“minutes”/);
    const format = await office.get(`/api/documents/ledger/${asgA}?format=xls`);
    expect(format.statusCode).toBe(400);
    expect(format.json().message).toContain("文件格式应为 docx（Word）或 pdf");
    const missing = await office.get("/api/documents/ledger/0190c7a4-0000-7000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe("巡察任务不存在或已删除");
    const none = await office.get(`/api/documents/feedback_opinion/${asgB}`);
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toContain("尚未登记反馈意见");
  });

  it("names the file in Chinese and audits each export with its kind and record", async () => {
    const res = await download(office, `/api/documents/ledger/${asgA}?format=pdf`);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(String(res.headers["content-disposition"])).toContain(
      `filename*=UTF-8''${encodeURIComponent("县自然资源局巡察反馈问题整改台账.pdf")}`,
    );
    const auditor = await newUser(t.ctx, "auditor", ["audit_admin"]);
    const a = await login(t.app, auditor.username);
    const entries = (await a.get("/api/audit?action=document.export&pageSize=200")).json().items as Array<{
      recordIds: string[];
      actorName: string;
      changes: { kind: string; format: string; watermarked: boolean };
    }>;
    const mine = entries.find((e) => e.recordIds.includes(asgA) && e.changes.kind === "ledger" && e.changes.format === "pdf");
    expect(mine?.actorName).toContain("王敏");
    expect(mine?.changes.watermarked).toBe(true);
  });

  it("watermarks confidential exports with the user's name and time, in DOCX and PDF", async () => {
    for (const url of [
      `/api/documents/feedback_opinion/${asgA}`,
      `/api/documents/supervision_letter/${letterId}`,
      `/api/documents/ledger/${asgA}`,
      `/api/documents/announcement/${asgA}?version=internal`,
    ]) {
      const d = await docx(contactA, url);
      expect(d.headers, url).toMatch(/联络人甲 2024-03-01 10:00/);
    }
    // The diagonal watermark reads in order in the content stream.
    const raw = (await download(contactA, `/api/documents/rectification_plan/${planId}?format=pdf`)).rawPayload;
    expect(squeeze(pdfText(raw, "-raw"))).toContain("联络人甲2024-03-0110:00导出");
    const pub = (await download(contactA, `/api/documents/announcement/${asgA}?version=public&format=pdf`)).rawPayload;
    expect(squeeze(pdfText(pub, "-raw"))).not.toContain("导出");
  });
});
