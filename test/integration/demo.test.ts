import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looksLikePersonalName } from "../../src/domain/announcement.ts";
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

interface AnnouncementJson {
  title: string;
  text: string;
  figures: Record<string, number>;
  details: Record<string, string | null>;
}

const announcementOf = async (c: Client, assignmentId: string, version: "internal" | "public"): Promise<AnnouncementJson> => {
  const res = await c.get(`/api/assignments/${assignmentId}/announcement?version=${version}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** The responsible leaders of an assignment's rows who are people (not titles such as 工委分管领导). */
const leadersOf = async (c: Client, assignmentId: string): Promise<string[]> => {
  const rows = (await c.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=200`)).json().items as Array<{ id: string }>;
  const names = new Set<string>();
  for (const r of rows) {
    const leader = (await c.get(`/api/ledger/${r.id}`)).json().row.responsibleLeader as string | null;
    if (leader && looksLikePersonalName(leader)) names.add(leader);
  }
  return [...names];
};

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
}, 300_000);
afterAll(() => t.close());

interface KindCoverage {
  orgKind: string;
  inScope: number;
  inspected: number;
  rate: number | null;
}
interface ClassFigures {
  leadClass: string;
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
}

const percent = (rate: number | null) => Math.round((rate ?? Number.NaN) * 100);

const termId = async (name: string): Promise<string> => {
  const terms = (await head.get("/api/terms")).json().items as Array<{ id: string; name: string }>;
  return terms.find((x) => x.name === name)!.id;
};

const roundsOf = async (term: string) =>
  (await head.get(`/api/rounds?termId=${term}`)).json().items as Array<{ id: string; name: string; kind: string }>;

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

  it("replays 衡阳's elevated inspection: 14 problems in 5 aspects, all closed out on evidence", async () => {
    const id = assignments["衡阳县委巡察机构"]!;
    const fb = (await head.get(`/api/assignments/${id}/feedback`)).json();
    expect(fb.totals).toEqual({ aspects: 5, problems: 14, rows: 14 });
    expect(fb.feedbackDate).toBe("2023-12-28");
    expect(fb.aspects.map((a: { title: string }) => a.title)).toEqual([
      "组织领导需要进一步加强方面",
      "政治巡察定位不够精准",
      "巡察“后半篇文章”不够扎实",
      "巡察机构履职尽责有短板",
      "规范化建设还需进一步加强",
    ]);
    const f = await figuresOf(head, id);
    expect(f).toMatchObject({ total: 14, done: 14, doneRate: 1 });
    const rows = (await head.get(`/api/ledger?assignmentId=${id}&pageSize=200`)).json().items;
    const detail = (await head.get(`/api/ledger/${rows[0].id}`)).json();
    expect(detail.row.measures).toContain("2024年2月6日的县委常委会");
    expect(detail.row.responsibleLeader).toBe("钟斌");
    expect(detail.evidence).toHaveLength(1);
    const actors = detail.history.map((h: { action: string; actorName: string }) => `${h.action} ${h.actorName}`);
    expect(actors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ledger\.request_closeout .*demo_hengyang/),
        expect.stringMatching(/^ledger\.close .*demo_office2/),
      ]),
    );
  });

  it("computes each seed's announcement figures from the records", async () => {
    const miluo = await announcementOf(head, assignments["汨罗市委巡察机构"]!, "internal");
    expect(miluo.figures).toMatchObject({ aspects: 4, problems: 13, rows: 23, problemsDone: 13, rowsDone: 23 });
    expect(miluo.title).toBe("中共汨罗市委巡察机构关于巡察整改进展情况的通报");
    expect(miluo.text).toContain("共指出4个方面13个问题，细化为23条整改任务");
    expect(miluo.text).toContain("13个问题已全部完成整改。\n反馈问题细化的23条整改任务已全部完成整改并销号。");
    expect(miluo.text).toContain("联系电话：0730-5208005；邮政编码：414400；电子邮箱：mlswxcb2020@126.com。");

    const jiguan = await announcementOf(head, assignments["市委市级机关工委"]!, "internal");
    expect(jiguan.figures).toMatchObject({ problems: 25, problemsDone: 8, problemsSignificant: 17, problemsOngoing: 0 });
    expect(jiguan.figures).toMatchObject({ rows: 25, rowsDone: 8, rowsSignificant: 17, rowsOngoing: 0 });
    expect(jiguan.text).toContain("25个问题中，已完成整改8个，取得明显成效17个。");
    // The seed prints no contacts: none are entered.
    expect(jiguan.details).toMatchObject({ contactPhone: null, contactEmail: null, contactAddress: null });
    expect(jiguan.text).toContain("（尚未填写联系方式）");

    const hengyang = await announcementOf(head, assignments["衡阳县委巡察机构"]!, "internal");
    expect(hengyang.figures).toMatchObject({ aspects: 5, problems: 14, rows: 14, problemsDone: 14, problemsSignificant: 0 });
    expect(hengyang.title).toBe("衡阳县委巡察机构关于巡察整改进展情况的通报");
    expect(hengyang.text).toContain("14个问题已全部完成整改。");
    expect(hengyang.text).toContain(
      "联系电话：0734-6880072；通信地址：湖南省衡阳县西渡镇菜阳大道219号县委巡察办收；电子邮箱：hyxwxcb2017@163.com。",
    );
    expect(hengyang.text).toContain("深化成果运用，做实巡察整改文章。");
  });

  it("hides the responsible leaders' names in the public version and shows them in the internal one", async () => {
    for (const org of ["汨罗市委巡察机构", "市委市级机关工委", "衡阳县委巡察机构"]) {
      const id = assignments[org]!;
      const leaders = await leadersOf(head, id);
      expect(leaders.length, org).toBeGreaterThan(0);
      const internal = await announcementOf(head, id, "internal");
      const pub = await announcementOf(head, id, "public");
      for (const name of leaders) {
        expect(internal.text, `${org} ${name}`).toContain(name);
        expect(pub.text, `${org} ${name}`).not.toContain(name);
      }
    }
    const pub = await announcementOf(head, assignments["汨罗市委巡察机构"]!, "public");
    expect(pub.text).toContain("责任领导：龙某");
    expect(pub.text).toContain("责任领导：许某");
  });

  it("shows each contact the announcement of its own organisation only", async () => {
    const hengyang = await login(t.app, "demo_hengyang", DEMO_PASSWORD);
    const items = (await hengyang.get("/api/announcements")).json().items as Array<{
      orgName: string;
      can: { editDetails: boolean };
    }>;
    expect(items.map((i) => i.orgName)).toEqual(["衡阳县委巡察机构"]);
    expect(items[0]!.can.editDetails).toBe(true);
    expect((await hengyang.get(`/api/assignments/${assignments["汨罗市委巡察机构"]}/announcement`)).statusCode).toBe(403);
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

  it("approves each plan before any row is closed, 机关工委's after one return, and copies it onto the rows", async () => {
    const plans = (await head.get("/api/plans")).json().items as Array<{ id: string; orgName: string; status: string }>;
    const planOf = (org: string) => plans.find((p) => p.orgName === org)!;
    for (const org of ["汨罗市委巡察机构", "市委市级机关工委", "衡阳县委巡察机构"])
      expect(planOf(org).status, org).toBe("approved");

    const miluo = (await head.get(`/api/plans/${planOf("汨罗市委巡察机构").id}`)).json();
    expect(miluo.versions).toHaveLength(1);
    expect(miluo.plan.entries).toHaveLength(23);
    expect(miluo.opinions.map((o: { authorRole: string }) => o.authorRole)).toEqual(["commission"]);

    const id = planOf("市委市级机关工委").id;
    const jiguan = (await head.get(`/api/plans/${id}`)).json();
    const versions = [...jiguan.versions].sort((a: { no: number }, b: { no: number }) => a.no - b.no);
    expect(versions.map((v: { decision: string }) => v.decision)).toEqual(["returned", "approved"]);
    expect(versions[0].comment).toContain("2023年9月27日");
    for (const v of versions) {
      expect(v.submittedByName).toBe("市委市级机关工委联络人");
      expect(v.decidedByName).toBe("巡察办工作人员甲");
    }
    const cmp = (await head.get(`/api/plans/${id}/compare?from=1&to=2`)).json();
    expect(cmp.changedEntries).toBe(17);
    for (const e of cmp.entries.filter((x: { changes: unknown[] }) => x.changes.length))
      expect(e.changes).toEqual([{ field: "deadline", label: "完成时限", from: "2023-09-27", to: "2023-12-31" }]);

    // The 17 rows left open carry the approved deadline, now past: they are overdue; the counts stay the seed's.
    const f = await figuresOf(head, assignments["市委市级机关工委"]!);
    expect(f).toMatchObject({ total: 25, done: 8, significantProgress: 17, overdue: 17 });
    const rows = (await head.get(`/api/ledger?assignmentId=${assignments["市委市级机关工委"]}&pageSize=200`)).json().items;
    const open = rows.find((r: { text: string }) => r.text === "调查研究不深入");
    const detail = (await head.get(`/api/ledger/${open.id}`)).json();
    expect(detail.row).toMatchObject({ status: "open", deadline: "2023-12-31", responsibleLeader: "谢军" });
    expect(detail.row.measures).toContain("10月份将召开调研成果交流会");
  });

  it("records each concentrated period as the seeds date it, and lists what was missed or late", async () => {
    const periods = (await head.get("/api/periods")).json().items as Array<Record<string, unknown> & { orgName: string }>;
    const periodOf = (org: string) => periods.find((p) => p.orgName === org)!;
    expect(periodOf("市委市级机关工委")).toMatchObject({
      meetingDate: "2023-09-13",
      commissionAttended: true,
      orgDeptAttended: true,
      progressReportDate: "2023-09-25",
      publicAnnouncementPlace: "按照党务公开原则公开巡察整改情况报告",
    });
    expect(periodOf("衡阳县委巡察机构")).toMatchObject({ meetingDate: "2024-01-30", end: "2024-02-28" });
    expect(periodOf("衡阳县委巡察机构").states).toMatchObject({ meeting: "done", publicAnnouncement: "late" });
    expect(periodOf("汨罗市委巡察机构")).toMatchObject({ meetingDate: null, publicAnnouncementDate: "2024-06-11" });

    const missing = (await head.get("/api/periods/missing")).json().items as Array<{ orgName: string; missing: string[] }>;
    const missedBy = (org: string) => missing.find((p) => p.orgName === org)?.missing ?? [];
    expect(missedBy("汨罗市委巡察机构")).toContain("未召开整改专题民主生活会");
    expect(missedBy("汨罗市委巡察机构")).toContain("社会公开逾期（2024-06-11，整改期至2024-02-14）");
    expect(missedBy("市委市级机关工委")).toContain("整改专题民主生活会逾期召开（2023-09-13，整改期至2023-08-27）");
    expect(missedBy("衡阳县委巡察机构")).not.toContain("未召开整改专题民主生活会");
  });

  it("numbers the letters per year and kind, and shows each addressee's reply", async () => {
    const letters = (await head.get("/api/letters")).json().items as Array<
      Record<string, unknown> & { kind: string; id: string }
    >;
    expect(letters).toHaveLength(3);
    for (const l of letters) {
      expect(l.documentNumber).toMatch(/^〔\d{4}〕\d+号$/);
      expect(l.status).toBe("replied");
    }
    const byKind = (kind: string) => letters.find((l) => l.kind === kind)!;
    expect(byKind("supervision")).toMatchObject({
      documentNumber: "〔2024〕1号",
      addresseeOrgName: "市委市级机关工委",
      itemCount: 4,
      repliedOn: "2024-01-19",
      repliedByName: "市委市级机关工委联络人",
    });
    expect(byKind("reminder")).toMatchObject({ documentNumber: "〔2024〕1号", itemCount: 13, repliedByName: "汨罗市分管领导" });
    expect(byKind("recommendation")).toMatchObject({ documentNumber: "〔2023〕1号", addresseeOrgName: "县委组织部" });
    expect(byKind("recommendation").commonProblemTitle).toContain("“三会一课”");

    const items = (await head.get(`/api/letters/${byKind("supervision").id}`)).json().items;
    expect(items.map((i: { seqLabel: string; status: string }) => i.status)).toEqual(["open", "open", "open", "open"]);

    // Each addressee sees its own letter, and only that one.
    const jiguan = await login(t.app, "demo_jiguan", DEMO_PASSWORD);
    expect((await jiguan.get("/api/letters")).json().items.map((l: { kind: string }) => l.kind)).toEqual(["supervision"]);
    const leader = await login(t.app, "demo_leader", DEMO_PASSWORD);
    expect((await leader.get("/api/letters")).json().items.map((l: { kind: string }) => l.kind)).toEqual(["reminder"]);
  });

  it("groups the county departments' party-building findings into a common problem with a fix-alike campaign", async () => {
    const problems = (await head.get("/api/common-problems")).json().items;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ orgCount: 3, findingCount: 3, campaignCount: 1, department: "县委组织部" });
    const campaigns = (await head.get(`/api/campaigns?commonProblemId=${problems[0].id}`)).json().items;
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ kind: "fix_alike", counts: { total: 4, not_started: 4, closed: 0 } });
    const { targets } = (await head.get(`/api/campaigns/${campaigns[0].id}`)).json();
    expect(Object.fromEntries(targets.map((x: { orgName: string; inspected: boolean }) => [x.orgName, x.inspected]))).toEqual({
      县发改委: true,
      县人社局: true,
      县城管局: true,
      县民政局: false,
    });
    for (const x of targets) expect(x).toMatchObject({ seqLabel: "自查1", deadline: campaigns[0].dueDate });
    // The self-check row stands in the ledger of the organisation not yet inspected.
    const notInspected = targets.find((x: { inspected: boolean }) => !x.inspected);
    const ledger = (await head.get(`/api/ledger?orgId=${notInspected.orgId}&pageSize=200`)).json().items;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ id: notInspected.rowId, assignmentId: null, campaignId: campaigns[0].id });
    expect(ledger[0].text).toContain("县直机关巡察反馈党建问题专项整改");
  });

  it("confirms a grade for each inspection, with a reason where it differs from the suggestion", async () => {
    const items = (await head.get("/api/evaluations")).json().items as Array<{
      orgName: string;
      suggestedGrade: string;
      evaluation: { grade: string; suggestedGrade: string; reason: string | null } | null;
    }>;
    const of = (org: string) => items.find((e) => e.orgName === org)!;
    expect(of("汨罗市委巡察机构").evaluation).toMatchObject({ grade: "good", suggestedGrade: "fair" });
    expect(of("市委市级机关工委").evaluation).toMatchObject({ grade: "fair", suggestedGrade: "poor" });
    expect(of("衡阳县委巡察机构").evaluation).toMatchObject({ grade: "good", suggestedGrade: "fair" });
    expect(of("市委市级机关工委").evaluation!.reason).toContain("取得明显成效17个");
  });

  it("revisits 汨罗's round from a recorded seed: every row checked is rectified and stays closed", async () => {
    const { roundId } = (await head.get(`/api/assignments/${assignments["汨罗市委巡察机构"]}`)).json().assignment;
    const revisits = (await head.get(`/api/rounds/${roundId}/revisits`)).json().items;
    expect(revisits).toHaveLength(1);
    // ⌈1/3⌉ of the round's one organisation, ⌈23/3⌉ of its rows.
    expect(revisits[0]).toMatchObject({ seed: "汨罗提级巡察整改回头看", orgCount: 1, orgTotal: 1, itemCount: 8 });
    expect(revisits[0].results).toMatchObject({ confirmed: 8, pending: 0, unfinished: 0, relapse: 0 });
    expect((await head.get(`/api/revisits/${revisits[0].id}/redraw-check`)).json().matches).toBe(true);
    expect((await figuresOf(head, assignments["汨罗市委巡察机构"]!)).done).toBe(23);
  });

  it("counts the accountability and the rules the seeds name", async () => {
    const acc = (await head.get("/api/accountability/figures")).json();
    expect(acc).toMatchObject({ total: 3, organisations: 3, persons: 0 });
    expect(acc.byKind.find((k: { kind: string }) => k.kind === "admonition").total).toBe(3);

    const rules = (await head.get("/api/rules/figures")).json();
    expect(rules.total).toBe(10);
    expect(Object.fromEntries(rules.byOrg.map((o: { orgName: string; total: number }) => [o.orgName, o.total]))).toEqual({
      汨罗市委巡察机构: 4,
      市委市级机关工委: 3,
      衡阳县委巡察机构: 3,
    });
    const hengyang = await login(t.app, "demo_hengyang", DEMO_PASSWORD);
    const own = (await hengyang.get("/api/rules")).json().items as Array<{ title: string; findings: Array<{ text: string }> }>;
    expect(own.map((r) => r.title).sort()).toEqual(
      ["县委巡察人才库管理办法", "巡察建议书工作办法", "衡阳县委巡察整改专题民主生活会实施细则"].sort(),
    );
    expect(own.find((r) => r.title === "县委巡察人才库管理办法")!.findings[0]!.text).toContain("非党员");
  });

  it("reproduces 衡阳's directives figure: 25, of which 9 not done, those 9 reported and awaiting the office", async () => {
    expect((await head.get("/api/figures/directives")).json()).toMatchObject({ total: 25, done: 16, notDone: 9 });
    const items = (await head.get("/api/directives")).json().items as Array<{ status: string; can: { close: boolean } }>;
    const waiting = items.filter((d) => d.status === "reported");
    expect(waiting).toHaveLength(9);
    for (const d of waiting) expect(d.can.close).toBe(true);
  });

  it("prints counts read back from the application, and the accounts with their password", () => {
    expect(summary).toContain("汨罗市委巡察机构");
    expect(summary).toContain("反馈 4 个方面 13 个问题，细化为 23 条；已销号 23 条，取得明显成效 0 条");
    expect(summary).toContain("反馈 4 个方面 25 个问题，细化为 25 条；已销号 8 条，取得明显成效 17 条");
    expect(summary).toContain("反馈 5 个方面 14 个问题，细化为 14 条；已销号 14 条，取得明显成效 0 条");
    expect(summary).toContain(
      "整改进展公告《中共汨罗市委巡察机构关于巡察整改进展情况的通报》：13 个问题中已完成整改 13 个、取得明显成效 0 个、持续推进 0 个；" +
        "23 条整改任务中已完成整改 23 条",
    );
    expect(summary).toContain(
      "整改进展公告《XX市委市级机关工委关于巡察整改进展情况的通报》：25 个问题中已完成整改 8 个、取得明显成效 17 个、持续推进 0 个",
    );
    expect(summary).toContain(
      "整改进展公告《衡阳县委巡察机构关于巡察整改进展情况的通报》：14 个问题中已完成整改 14 个、取得明显成效 0 个、持续推进 0 个",
    );
    expect(summary).toContain("整改方案：已审核通过，共 2 个版本（第 1 版退回修改）；纪委监委意见 1 条");
    expect(summary).toContain("整改评估：中（系统建议等次：差）");
    expect(summary).toContain("集中整改期 2023-06-27 至 2023-08-27：专题民主生活会逾期完成");
    expect(summary).toContain("督办函〔2024〕1号《关于督促加快巡察整改进度的函》，2024-01-10 主送市委市级机关工委，已回复");
    expect(summary).toContain("同类同改《县直机关巡察反馈党建问题专项整改》：部署 4 个单位（其中未巡察 1 个）");
    expect(summary).toContain("书记点人点事 25 项：已办结 16 项，未办结 9 项");
    expect(summary).toContain("问责 3 起（约谈 3 起；问责单位 3 个、个人 0 人）");
    expect(summary).toContain("制度建设成果 10 项（新建制度 5 项、修订完善 5 项");
    expect(summary).toContain("抽取 1/1 个单位、8 条整改任务；整改到位 8 条，整改未到位 0 条，问题反弹 0 条");
    expect(summary).toContain("集中整改期未按要求完成的单位 6 个");
    expect(summary).toContain(
      "十三届衡阳县委巡察全覆盖（2021-07-01 至 2026-06-30，范围：衡阳县所属机关事业单位、衡阳县所属村（社区））：" +
        "机关事业单位已巡察 39/100 个，覆盖率 39%；村（社区）已巡察 405/491 个，覆盖率 82%",
    );
    expect(summary).toContain("十一届汨罗市委 4 轮巡察问题线索 51 条：明确责任人 49 条、明确责任单位 2 条；移交 51 条");
    expect(summary).toContain(
      "十一届汨罗市委第五轮巡察：线索 20 条，立案 10 件；进一步了解关注类 4 件、立案 3 件（立案率 75%），" +
        "了解关注类 15 件、立案 7 件（立案率 47%）",
    );
    expect(summary).toContain("十一届汨罗市委第六轮巡察：线索 10 条，立案 3 件");
    expect(summary).toContain(DEMO_PASSWORD);
    for (const u of [
      "demo_office",
      "demo_office2",
      "demo_head",
      "demo_miluo",
      "demo_jiguan",
      "demo_hengyang",
      "demo_secadmin",
      "demo_auditor",
    ])
      expect(summary).toContain(u);
  });

  it("reproduces 衡阳's coverage of its term: agencies 39 of 100 (39 %), villages 405 of 491 (82 %)", async () => {
    const id = await termId("十三届衡阳县委");
    const res = await head.get(`/api/terms/${id}/coverage`);
    expect(res.statusCode).toBe(200);
    const coverage = res.json();
    expect(coverage.scopes.map((x: { orgKind: string; rootOrgName: string }) => [x.orgKind, x.rootOrgName])).toEqual([
      ["agency", "衡阳县"],
      ["village", "衡阳县"],
    ]);
    const kind = (k: string) => (coverage.kinds as KindCoverage[]).find((x) => x.orgKind === k)!;
    expect(kind("agency")).toMatchObject({ inScope: 100, inspected: 39 });
    expect(percent(kind("agency").rate)).toBe(39);
    expect(kind("village")).toMatchObject({ inScope: 491, inspected: 405 });
    expect(percent(kind("village").rate)).toBe(82);

    // "含市委提级巡察": the city's elevated inspection of 衡阳县委巡察机构 is one of the 39.
    const waiting = (await head.get(`/api/terms/${id}/coverage/uninspected?orgKind=agency&pageSize=200`)).json();
    expect(waiting.total).toBe(61);
    expect(waiting.items.map((o: { name: string }) => o.name)).not.toContain("衡阳县委巡察机构");
    const rounds = await roundsOf(id);
    expect(rounds).toHaveLength(10);
    expect(rounds.filter((r) => r.kind === "elevated").map((r) => r.name)).toEqual(["衡阳市委2023年提级巡察"]);

    // "2021年7月换届至2023年9月，只完成了19个单位党组织的巡察任务": agencies first entered before September 2023.
    const roundIds = new Set(rounds.map((r) => r.id));
    const items = (await head.get("/api/assignments")).json().items as Array<{
      roundId: string;
      orgKind: string;
      entryDate: string;
    }>;
    const agencies = items.filter((a) => roundIds.has(a.roundId) && a.orgKind === "agency");
    expect(agencies).toHaveLength(39);
    expect(agencies.filter((a) => a.entryDate < "2023-09-01")).toHaveLength(19);
    expect(
      items.filter((a) => roundIds.has(a.roundId)).every((a) => a.entryDate >= "2021-10-01" && a.entryDate <= "2024-06-30"),
    ).toBe(true);
    // A plan for each year of the term, set against what was done.
    const years = coverage.years as Array<{ year: number; orgKind: string; planned: number | null; actual: number }>;
    expect(years.filter((y) => y.orgKind === "agency").reduce((n, y) => n + (y.planned ?? 0), 0)).toBe(100);
    expect(years.filter((y) => y.orgKind === "village").reduce((n, y) => n + y.actual, 0)).toBe(405);
  });

  it("reproduces 汨罗's leads: round five's filing rates by class, 49 of 51 naming a person", async () => {
    const id = await termId("十一届汨罗市委");
    const rounds = await roundsOf(id);
    expect(rounds.map((r) => r.name).sort()).toEqual(
      [
        "十一届汨罗市委第五轮巡察",
        "十一届汨罗市委第六轮巡察",
        "十一届汨罗市委第七轮巡察",
        "十一届汨罗市委政法领域专项巡察",
      ].sort(),
    );
    const roundId = (name: string) => rounds.find((r) => r.name === name)!.id;
    const figures = async (q: string) => {
      const res = await head.get(`/api/leads/figures?${q}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    const five = await figures(`roundId=${roundId("十一届汨罗市委第五轮巡察")}`);
    expect(five.total).toBe(20);
    const cls = (k: string) => (five.byClass as ClassFigures[]).find((c) => c.leadClass === k)!;
    expect(cls("priority")).toMatchObject({ total: 4, transferred: 4, filed: 3 });
    expect(percent(cls("priority").filingRate)).toBe(75);
    expect(cls("attention")).toMatchObject({ total: 15, transferred: 15, filed: 7 });
    expect(percent(cls("attention").filingRate)).toBe(47);

    const six = await figures(`roundId=${roundId("十一届汨罗市委第六轮巡察")}`);
    expect(six).toMatchObject({ total: 10, filed: 3 });

    const all = await figures(`termId=${id}`);
    expect(all).toMatchObject({ total: 51, transferred: 51, named: 49, unitOnly: 2, overdue: 0 });
    // Every lead went through the handling to its end: none is left pending or under preliminary check.
    const status = Object.fromEntries(all.byStatus.map((x: { status: string; count: number }) => [x.status, x.count]));
    expect(status).toMatchObject({ pending: 0, preliminary_check: 0 });
    expect(all.people).toBeGreaterThanOrEqual(49);

    // Handled within the period after transfer.
    const leads = (await head.get(`/api/leads?termId=${id}`)).json().items as Array<{ handledLate: boolean; handledOn: string }>;
    expect(leads).toHaveLength(51);
    expect(leads.filter((l) => l.handledLate)).toEqual([]);
    expect(leads.every((l) => l.handledOn >= "2023-01-01" && l.handledOn <= "2024-12-31")).toBe(true);

    // The special's 11 leads, named to a person after the commission's pre-review.
    const special = (await head.get(`/api/leads?roundId=${roundId("十一届汨罗市委政法领域专项巡察")}`)).json().items as Array<{
      preReview: string | null;
      responsiblePerson: string | null;
      receivingOffice: string;
    }>;
    expect(special).toHaveLength(17);
    const reviewed = special.filter((l) => l.preReview);
    expect(reviewed).toHaveLength(11);
    for (const l of reviewed) expect(l.responsiblePerson).toMatch(/^.某某$/);
    for (const l of special) expect(l.receivingOffice).toBe("汨罗市纪委监委");

    // Leads are confidential: office staff and team members see none.
    for (const who of ["demo_office", "demo_team_member"]) {
      const c = await login(t.app, who, DEMO_PASSWORD);
      expect((await c.get("/api/leads")).statusCode, who).toBe(403);
    }
  });

  it("reproduces 汨罗's talent pool and trainings: 230 people, 9 trainings with 560 participants", async () => {
    const stat = async (figure: string, q = "") => {
      const res = await head.get(`/api/stats/${figure}${q}`);
      expect(res.statusCode, figure).toBe(200);
      return res.json() as { groups: Array<{ key: string; values: Record<string, number> }>; totals: Record<string, number> };
    };
    // "目前已推荐入库人员230名": all in the pool, none removed.
    const pool = await stat("pool");
    expect(pool.totals).toMatchObject({ people: 230, removed: 0 });
    expect(pool.totals.leaderPool).toBeGreaterThan(0);
    expect(pool.totals.leaderPool).toBeLessThan(230);
    const byStatus = Object.fromEntries(pool.groups.map((g) => [g.key, g.values.people]));
    expect(byStatus.formal! + byStatus.reserve!).toBe(230);
    expect(byStatus.reserve).toBeGreaterThan(0);

    // "十一届市委以来共开展9次巡察培训，共计参训人员560人", within the term, by the year held.
    const trainings = await stat("trainings");
    expect(trainings.totals).toEqual({ trainings: 9, participants: 560 });
    const inTerm = await stat("trainings", `?termId=${await termId("十一届汨罗市委")}`);
    expect(inTerm.totals).toEqual({ trainings: 9, participants: 560 });
    expect(trainings.groups.reduce((n, g) => n + g.values.participants!, 0)).toBe(560);
    const list = (await head.get("/api/trainings")).json().items as Array<{
      title: string;
      heldOn: string;
      attendees: Array<{ personId: string }>;
    }>;
    expect(list).toHaveLength(9);
    expect(list.every((x) => x.heldOn >= "2021-09-01" && x.heldOn <= "2024-07-31")).toBe(true);
    // The two the seed dates: the 政法 special's pre-inspection training in February 2024, July's on the revised 条例.
    expect(list.find((x) => x.title.includes("政法领域专项巡察巡前培训"))?.heldOn).toMatch(/^2024-02-/);
    expect(list.find((x) => x.title.includes("新修订《中国共产党巡视工作条例》"))?.heldOn).toMatch(/^2024-07-/);
    // People attend several trainings, and every attendee is a pool person.
    const people = (await head.get("/api/pool")).json().items as Array<{
      id: string;
      name: string;
      unit: string;
      unitOrgName: string | null;
      trainingsAttended: number;
    }>;
    expect(people).toHaveLength(230);
    const ids = new Set(people.map((x) => x.id));
    expect(list.flatMap((x) => x.attendees).every((a) => ids.has(a.personId))).toBe(true);
    expect(people.reduce((n, x) => n + x.trainingsAttended, 0)).toBe(560);
    expect(people.some((x) => x.trainingsAttended > 1)).toBe(true);

    // Synthetic people of 汨罗's units: distinct names, none a name the seeds print.
    expect(new Set(people.map((x) => x.name)).size).toBe(230);
    expect(people.every((x) => x.unit.startsWith("汨罗") || x.unit.endsWith("镇"))).toBe(true);
    const seedDir = path.resolve(import.meta.dirname, "../../../shared/seeds");
    const seeds = fs.readdirSync(seedDir).map((f) => fs.readFileSync(path.join(seedDir, f), "utf8"));
    expect(seeds.length).toBeGreaterThan(0);
    expect(people.filter((x) => seeds.some((text) => text.includes(x.name))).map((x) => x.name)).toEqual([]);
    // A unit that is an organisation in the system is linked (recusal, and the figures by organisation).
    const finance = people.filter((x) => x.unit === "汨罗市财政局");
    expect(finance.length).toBeGreaterThan(0);
    for (const x of finance) expect(x.unitOrgName).toBe("汨罗市财政局");
    const orgs = (await head.get("/api/orgs")).json().items as Array<{ id: string; name: string }>;
    const financeId = orgs.find((o) => o.name === "汨罗市财政局")!.id;
    expect((await stat("pool", `?orgId=${financeId}`)).totals.people).toBe(finance.length);

    // The summary reads the same back.
    expect(summary).toMatch(/巡察人才库 230 人（后备 \d+ 人、正式 \d+ 人；组长库 \d+ 人）；巡察干部培训 9 次，参训 560 人次/);
    expect(summary).toContain("2024-07-16 新修订《中国共产党巡视工作条例》和巡察业务知识专题培训（2 天）：参训 120 人");
  });

  it("leaves the seeds' rectification records as they were: the new assignments have no feedback", async () => {
    expect((await head.get("/api/periods")).json().items).toHaveLength(6);
    expect((await head.get("/api/evaluations")).json().items).toHaveLength(6);
    expect((await head.get("/api/ledger?pageSize=200")).json().total).toBe(72);
    expect((await figuresOf(head, assignments["衡阳县委巡察机构"]!)).total).toBe(14);
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
