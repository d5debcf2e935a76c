import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgs } from "../../src/server/db/schema.ts";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let office2: Client;
let contactA: Client;
let contactB: Client;
let leader: Client;
let commission: Client;
let member: Client;
let auditor: Client;
let assignmentA = "";
let assignmentB = "";

const TXT = Buffer.from("整改佐证材料：会议记录\n", "utf8");

async function upload(c: Client, rowId: string) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="佐证.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    TXT,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/ledger/${rowId}/evidence`,
    headers: { cookie: c.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

type Outcome = "closed" | "awaiting" | "significant_progress" | "in_progress";

/** The contact fills a row as the seeds report it; the office closes it when it is done. */
async function work(seqLabel: string, leaderName: string, outcome: Outcome, note?: string) {
  const list = (await contactA.get(`/api/ledger?assignmentId=${assignmentA}&pageSize=100`)).json();
  const row = list.items.find((r: { seqLabel: string }) => r.seqLabel === seqLabel);
  const fill = await contactA.patch(`/api/ledger/${row.id}`, {
    version: row.version,
    measures: `第${seqLabel}条的整改措施，经王五审核`,
    responsibleLeader: leaderName,
    responsibleDepartment: "县委巡察办",
    deadline: "2024-06-30",
    progress: outcome === "significant_progress" ? "significant_progress" : "in_progress",
  });
  expect(fill.statusCode, fill.body).toBe(200);
  if (note)
    expect((await contactA.post(`/api/ledger/${row.id}/notes`, { noteDate: "2024-06-07", text: note })).statusCode).toBe(200);
  if (outcome === "closed" || outcome === "awaiting") {
    await upload(contactA, row.id);
    expect((await contactA.post(`/api/ledger/${row.id}/request-closeout`, {})).statusCode).toBe(200);
  }
  if (outcome === "closed")
    expect((await office2.post(`/api/ledger/${row.id}/close`, { opinion: "同意销号" })).statusCode).toBe(200);
}

const announcement = async (c: Client, version: "internal" | "public" = "internal") => {
  const res = await c.get(`/api/assignments/${assignmentA}/announcement?version=${version}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  const county = await newOrg(t.ctx, "某县", "other");
  const orgA = await newOrg(t.ctx, "某县委巡察机构", "agency", county);
  const orgB = await newOrg(t.ctx, "某县自然资源局", "agency", county);
  await t.ctx.db.update(orgs).set({ partySecretary: "李四" }).where(eq(orgs.id, orgA.id));
  const memberUser = await newUser(t.ctx, "member1", [], "组员甲");
  await newUser(t.ctx, "office1", ["office_staff"], "王五");
  await newUser(t.ctx, "office2", ["office_staff"], "赵六");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "巡察机构联络人");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "自然资源局联络人");
  await newUser(t.ctx, "leader1", [{ role: "supervising_leader", orgId: county.id }], "分管县领导");
  await newUser(t.ctx, "jiwei", ["commission"], "纪委监委工作人员");
  await newUser(t.ctx, "auditadm", ["audit_admin"]);
  office = await login(t.app, "office1");
  office2 = await login(t.app, "office2");
  contactA = await login(t.app, "contactA");
  contactB = await login(t.app, "contactB");
  leader = await login(t.app, "leader1");
  commission = await login(t.app, "jiwei");
  member = await login(t.app, "member1");
  auditor = await login(t.app, "auditadm");
  const round = await newRound(t.ctx, "2023年提级巡察");
  const team = await newTeam(t.ctx, round.id, [{ userId: memberUser.id, position: "member" }], "市委第五巡察组");
  assignmentA = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  assignmentB = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id })).id;

  const fb = await office.post(`/api/assignments/${assignmentA}/feedback`, {
    feedbackDate: "2023-12-28",
    aspects: [
      {
        title: "组织领导需要进一步加强方面",
        problems: [
          {
            text: "学习贯彻上级精神不够及时。",
            rows: [{ text: "常委会专题学习次数偏少。" }, { text: "书记专题会未及时传达。" }],
          },
          { text: "听取巡察情况汇报不及时。" },
        ],
      },
      {
        title: "规范化建设还需进一步加强",
        problems: [
          { text: "临时党支部建设薄弱。", rows: [{ text: "三会一课不规范。" }, { text: "党建台账记录不全。" }] },
          { text: "固定资产入账不及时。" },
          { text: "评先奖励发放不规范。" },
        ],
      },
    ],
  });
  expect(fb.statusCode, fb.body).toBe(200);
  await work("1.1", "张三", "closed");
  await work("1.2", "欧阳修文", "significant_progress", "已传达两次，由李四同志督促落实");
  await work("2", "张三", "closed");
  await work("3.1", "张三", "closed");
  await work("3.2", "张三", "closed");
  await work("4", "张三", "in_progress");
  await work("5", "张三", "awaiting");
}, 60_000);
afterAll(() => t.close());

describe("the progress announcement, computed from the records", () => {
  it("counts problems and rows as the seeds do: a problem with an open row is not done", async () => {
    const a = await announcement(office);
    expect(a.figures).toEqual({
      aspects: 2,
      problems: 5,
      rows: 7,
      // 问题2 and 问题3 (both rows closed); 问题1 has a closed and an open row: significant progress, not done.
      problemsDone: 2,
      // 问题1, and 问题5 whose only row is reported done but not yet closed out.
      problemsSignificant: 2,
      problemsOngoing: 1,
      rowsDone: 4,
      rowsSignificant: 2,
      rowsOngoing: 1,
    });
    expect(a.text).toContain("共指出2个方面5个问题，细化为7条整改任务");
    expect(a.text).toContain("5个问题中，已完成整改2个，取得明显成效2个，持续推进1个。");
    expect(a.text).toContain("反馈问题细化的7条整改任务中，已完成整改4条，取得明显成效2条，持续推进1条。");
  });

  it("reports the problems in feedback order, each with its rows, measures and notes", async () => {
    const a = await announcement(office);
    expect(a.sections.filter((s: { level: number }) => s.level === 2).map((s: { heading: string }) => s.heading)).toEqual([
      "（一）组织领导需要进一步加强方面",
      "（二）规范化建设还需进一步加强",
      "（一）持续推进的整改事项",
      "（二）下一步工作安排",
    ]);
    const order = [...(a.text as string).matchAll(/问题(\d)（(.+?)）/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(["1 取得明显成效", "2 已完成整改", "3 已完成整改", "4 持续推进", "5 取得明显成效"]);
    const first = a.sections[3].paragraphs as string[];
    expect(first.indexOf("1.1　常委会专题学习次数偏少。（已完成整改）")).toBeLessThan(
      first.indexOf("1.2　书记专题会未及时传达。（取得明显成效）"),
    );
    expect(first).toContain("进展情况（2024年6月7日）：已传达两次，由李四同志督促落实");
    expect(first).toContain("整改情况：第1.1条的整改措施，经王五审核");
    // What continues: the three rows not closed, in order, with their progress.
    const continuing = a.sections.find((s: { heading: string }) => s.heading === "（一）持续推进的整改事项").paragraphs;
    expect(continuing.map((p: string) => p.slice(0, p.indexOf("："))).slice(0, 3)).toEqual(["问题1.2", "问题4", "问题5"]);
    expect(continuing[0]).toContain("（取得明显成效，整改时限2024年6月30日）最新进展（2024年6月7日）");
  });

  it("masks the names known from the records in the public version only", async () => {
    const internal = await announcement(contactA, "internal");
    const pub = await announcement(contactA, "public");
    expect(internal.versionLabel).toBe("党内版");
    expect(pub.versionLabel).toBe("公开版（隐去姓名）");
    for (const name of ["张三", "欧阳修文", "李四", "王五"]) {
      expect(internal.text).toContain(name);
      expect(pub.text).not.toContain(name);
      expect(JSON.stringify(pub.sections)).not.toContain(name);
    }
    expect(pub.text).toContain("责任领导：张某");
    expect(pub.text).toContain("责任领导：欧阳某");
    expect(pub.text).toContain("由李某同志督促落实");
    expect(pub.text).toContain("经王某审核");
    expect(pub.figures).toEqual(internal.figures);
  });

  it("shows the announcement to wide readers, the organisation's contact and its supervising leader only", async () => {
    for (const c of [commission, contactA, leader])
      expect((await c.get(`/api/assignments/${assignmentA}/announcement`)).statusCode).toBe(200);
    for (const c of [contactB, member]) {
      const res = await c.get(`/api/assignments/${assignmentA}/announcement`);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("您无权查看该单位的整改进展情况公告");
    }
    // B's feedback is not registered yet: it has nothing to announce and is not listed.
    const listB = (await contactB.get("/api/announcements")).json().items;
    expect(listB.map((i: { id: string }) => i.id)).not.toContain(assignmentB);
    expect(listB).toEqual([]);
    const listLeader = (await leader.get("/api/announcements")).json().items;
    expect(listLeader.map((i: { orgName: string }) => i.orgName)).toEqual(["某县委巡察机构"]);
    expect(listLeader.every((i: { can: { editDetails: boolean } }) => !i.can.editDetails)).toBe(true);
    const listA = (await contactA.get("/api/announcements")).json().items;
    expect(listA).toHaveLength(1);
    expect(listA[0]).toMatchObject({ id: assignmentA, roundName: "2023年提级巡察", can: { editDetails: true } });
    expect((await member.get("/api/announcements")).json().items).toEqual([]);
    const bad = await contactA.get(`/api/assignments/${assignmentA}/announcement?version=draft`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("公告版本应为 internal（党内版）或 public（公开版）");
  });

  it("lets the organisation's contact write next steps and contacts, audited and shown", async () => {
    const before = await announcement(contactA);
    expect(before.title).toBe("某县委巡察机构关于巡察整改进展情况的通报");
    expect(before.details).toMatchObject({ id: null, version: null });
    expect(before.can.editDetails).toBe(true);
    const details = {
      issuer: "中共某县委巡察机构",
      nextSteps: "一是深化思想认识，健全完善整改工作机制。\n二是坚持问题导向，全面推进问题整改落实。",
      contactPhone: "0734-6880072",
      contactAddress: "某县某镇某大道219号县委巡察办",
      contactEmail: "xcb@example.cn",
    };
    // Others may not: another organisation's contact, the supervising leader, the commission.
    for (const c of [contactB, leader, commission]) {
      const res = await c.put(`/api/assignments/${assignmentA}/announcement-details`, details);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe("只有该单位的联络人和巡察办可以修改公告的下一步工作和联系方式");
    }
    const saved = await contactA.put(`/api/assignments/${assignmentA}/announcement-details`, details);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ changed: true, details: { ...details, version: 1 } });

    const after = await announcement(leader, "public");
    expect(after.title).toBe("中共某县委巡察机构关于巡察整改进展情况的通报");
    expect(after.signature.issuer).toBe("中共某县委巡察机构");
    const next = after.sections.find((s: { heading: string }) => s.heading === "（二）下一步工作安排").paragraphs;
    expect(next).toEqual(["一是深化思想认识，健全完善整改工作机制。", "二是坚持问题导向，全面推进问题整改落实。"]);
    expect(after.text).toContain(
      "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0734-6880072；通信地址：某县某镇某大道219号县委巡察办；电子邮箱：xcb@example.cn。",
    );

    const audit = (await auditor.get("/api/audit?action=announcement.update")).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].actorName).toContain("contactA");
    expect(audit.items[0].recordIds).toContain(assignmentA);
    expect(audit.items[0].changes.contactPhone).toEqual([null, "0734-6880072"]);

    // Saving the same text again changes nothing and records nothing.
    const again = await contactA.put(`/api/assignments/${assignmentA}/announcement-details`, { ...details, version: 1 });
    expect(again.json()).toMatchObject({ changed: false, details: { version: 1 } });
    expect((await auditor.get("/api/audit?action=announcement.update")).json().total).toBe(1);

    // The office edits too; a stale version is refused.
    const byOffice = await office.put(`/api/assignments/${assignmentA}/announcement-details`, {
      contactHours: "工作日 8:30—17:30",
      version: 1,
    });
    expect(byOffice.json()).toMatchObject({ changed: true, details: { contactHours: "工作日 8:30—17:30", version: 2 } });
    const stale = await contactA.put(`/api/assignments/${assignmentA}/announcement-details`, {
      contactPhone: "0734-1",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe("公告内容已被他人修改，请刷新后重试");
    const cleared = await contactA.put(`/api/assignments/${assignmentA}/announcement-details`, { contactEmail: "", version: 2 });
    expect(cleared.json().details).toMatchObject({ contactEmail: null, version: 3 });
    expect((await auditor.get("/api/audit?action=announcement.update")).json().total).toBe(3);
  });

  it("refuses malformed details in Chinese", async () => {
    const res = await contactA.put(`/api/assignments/${assignmentA}/announcement-details`, {
      contactPostcode: "4144",
      contactEmail: "不是邮箱",
      version: 3,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { message: string }) => f.message)).toEqual(["邮政编码应为 6 位数字", "电子邮箱格式不正确"]);
  });
});
