import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newFinding, newOrg, newRound, newTeam } from "../support/factories.ts";

let t: TestApp;
let office: Client;
let office2: Client;
let contact: Client;
let otherContact: Client;
let assignmentId: string;
let orgA: { id: string; path: string };

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(fileName: string, content: Buffer) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(c: Client, rowId: string, fileName: string, content: Buffer) {
  const m = multipart(fileName, content);
  return t.app.inject({
    method: "POST",
    url: `/api/ledger/${rowId}/evidence`,
    headers: { cookie: c.cookie, "content-type": m.contentType },
    payload: m.body,
  });
}

async function rows(c: Client, query = "") {
  const res = await c.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=100${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: Array<{
      id: string;
      seqLabel: string;
      status: string;
      version: number;
      can: Record<string, boolean>;
      overdue: boolean;
    }>;
    total: number;
  };
}

async function fillAndAsk(rowId: string) {
  const row = (await rows(contact)).items.find((r) => r.id === rowId)!;
  const fill = await contact.patch(`/api/ledger/${rowId}`, {
    version: row.version,
    measures: "召开专题会议学习传达",
    responsibleLeader: "龙寅",
    responsibleDepartment: "巡察办",
    deadline: "2024-03-31",
    kind: "by_deadline",
    progress: "done",
  });
  expect(fill.statusCode).toBe(200);
  expect((await upload(contact, rowId, "会议纪要.pdf", PDF)).statusCode).toBe(200);
  expect((await contact.post(`/api/ledger/${rowId}/request-closeout`, {})).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  orgA = await newOrg(t.ctx, "汨罗市委巡察机构");
  const orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲");
  await newUser(t.ctx, "office2", ["office_staff"], "巡察办乙");
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "联络人甲");
  await newUser(t.ctx, "contactB", [{ role: "org_contact", orgId: orgB.id }], "联络人乙");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  assignmentId = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id });
  const f1 = await newFinding(t.ctx, assignmentId, orgA.id, "常委会议专题学习巡视巡察文件不够");
  [office, office2, contact, otherContact] = (await Promise.all(
    ["office1", "office2", "contactA", "contactB"].map((u) => login(t.app, u)),
  )) as [Client, Client, Client, Client];
  const res = await office.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: "2023-12-14",
    aspects: [
      {
        title: "学习贯彻党中央重大决策部署不够及时",
        problems: [
          {
            text: "学习巡视巡察文件不及时",
            findingIds: [f1.id],
            rows: [{ text: "常委会议专题学习仅6次" }, { text: "书记专题会议未及时传达" }],
          },
        ],
      },
      { title: "巡察监督作用发挥不够", problems: [{ text: "巡察发现问题不够精准" }, { text: "整改督促不力" }] },
    ],
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ aspects: 2, problems: 3, rows: 4 });
});
afterAll(() => t.close());

describe("the rectification loop", () => {
  it("registers feedback as aspects, problems and refined rows", async () => {
    const fb = (await office.get(`/api/assignments/${assignmentId}/feedback`)).json();
    expect(fb.totals).toEqual({ aspects: 2, problems: 3, rows: 4 });
    expect(fb.aspects[0].ordinal).toBe("一");
    expect(fb.aspects[0].problems[0].rows.map((r: { seqLabel: string }) => r.seqLabel)).toEqual(["1.1", "1.2"]);
    expect(fb.aspects[0].problems[0].findings).toHaveLength(1);
    // Linking a finding to its problem is a change to the finding: its version goes up.
    const linked = (await office.get(`/api/assignments/${assignmentId}/findings`)).json().items[0];
    expect(linked.version).toBe(2);
    const again = await office.post(`/api/assignments/${assignmentId}/feedback`, {
      feedbackDate: "2023-12-14",
      aspects: [{ title: "x", problems: [{ text: "y" }] }],
    });
    expect(again.statusCode).toBe(409);
  });

  it("shows an organisation contact only their own organisation's rows", async () => {
    expect((await rows(contact)).total).toBe(4);
    expect((await rows(otherContact)).total).toBe(0);
    const one = (await rows(contact)).items[0]!;
    expect((await otherContact.get(`/api/ledger/${one.id}`)).statusCode).toBe(404);
  });

  it("refuses close-out requests without measures and evidence, in Chinese", async () => {
    const row = (await rows(contact)).items[2]!;
    const res = await contact.post(`/api/ledger/${row.id}/request-closeout`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain("未上传佐证材料");
  });

  it("rejects an evidence file whose content does not match its type", async () => {
    const row = (await rows(contact)).items[2]!;
    const res = await upload(contact, row.id, "伪装.pdf", Buffer.from("not a pdf"));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("不符");
  });

  it("closes a row on checked evidence, by another user than the one who asked", async () => {
    const [r1, r2] = (await rows(contact)).items;
    await fillAndAsk(r1!.id);
    await fillAndAsk(r2!.id);
    // The contact who asked cannot close, and sees no close action.
    const asked = (await rows(contact)).items.find((r) => r.id === r1!.id)!;
    expect(asked.status).toBe("close_requested");
    expect(asked.can.close).toBe(false);
    expect((await contact.post(`/api/ledger/${r1!.id}/close`, {})).statusCode).toBe(403);
    // Office closes one, returns the other with a reason.
    expect((await office.post(`/api/ledger/${r1!.id}/close`, { opinion: "佐证材料齐全" })).statusCode).toBe(200);
    const ret = await office2.post(`/api/ledger/${r2!.id}/return`, { reason: "佐证材料不足，缺少会议记录" });
    expect(ret.statusCode).toBe(200);
    const detail = (await contact.get(`/api/ledger/${r2!.id}`)).json();
    expect(detail.row.status).toBe("open");
    expect(detail.row.returnReason).toBe("佐证材料不足，缺少会议记录");
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(["ledger.update", "ledger.add_evidence", "ledger.request_closeout", "ledger.return"]),
    );
    // Evidence downloads for those who see the row, not for others.
    const fileId = detail.evidence[0].id;
    const dl = await office.get(`/api/evidence/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await otherContact.get(`/api/evidence/${fileId}`)).statusCode).toBe(404);
  });

  it("nobody closes a row they asked to close, even with both roles", async () => {
    const both = await newUser(t.ctx, "both", ["office_staff", { role: "org_contact", orgId: orgA.id }]);
    const c = await login(t.app, both.username);
    const row = (await rows(c)).items.find((r) => r.status === "open" && r.seqLabel === "2")!;
    const fill = await c.patch(`/api/ledger/${row.id}`, { version: row.version, measures: "建立问题清单", progress: "done" });
    expect(fill.statusCode).toBe(200);
    expect((await upload(c, row.id, "清单.pdf", PDF)).statusCode).toBe(200);
    expect((await c.post(`/api/ledger/${row.id}/request-closeout`, {})).statusCode).toBe(200);
    const res = await c.post(`/api/ledger/${row.id}/close`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("不能审核自己提出的销号申请");
  });

  it("refuses a batch whole when one row may not take the action, naming it", async () => {
    const all = (await rows(office)).items;
    const requested = all.find((r) => r.status === "close_requested")!; // asked by "both": office may close it
    const open = all.find((r) => r.status === "open")!;
    const res = await office.post("/api/ledger/batch", { action: "close", ids: [requested.id, open.id] });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain(`第${open.seqLabel}条`);
    expect((await rows(office)).items.find((r) => r.id === requested.id)!.status).toBe("close_requested");
    const ok = await office.post("/api/ledger/batch", { action: "close", ids: [requested.id] });
    expect(ok.json()).toEqual({ done: 1 });
  });

  it("reopens a closed row as a relapse, with where it was found again", async () => {
    const closed = (await rows(office, "&status=closed")).items[0]!;
    const res = await office.post(`/api/ledger/${closed.id}/reopen`, {
      reason: "回头看发现问题反弹",
      foundWhere: "2024年巡察回头看",
      foundOn: "2024-09-10",
    });
    expect(res.statusCode).toBe(200);
    const d = (await office.get(`/api/ledger/${closed.id}`)).json();
    expect(d.row.status).toBe("open");
    expect(d.row.relapseCount).toBe(1);
    expect(d.relapses[0].foundWhere).toBe("2024年巡察回头看");
    // put it back for the figures below
    await fillAndAsk(closed.id);
    await office2.post(`/api/ledger/${closed.id}/close`, {});
  });

  it("computes the figures from the rows: by state, overdue, and both completion rates", async () => {
    // Rows: 2 closed; 1 returned (deadline 2024-03-31, overdue by now); 1 untouched.
    const all = (await rows(office)).items;
    const untouched = all.find((r) => r.status === "open" && !r.overdue)!;
    await contact.patch(`/api/ledger/${untouched.id}`, {
      version: untouched.version,
      progress: "significant_progress",
      deadline: "2099-12-31",
    });
    const fr = await office.get(`/api/figures/ledger?assignmentId=${assignmentId}`);
    expect(fr.body).toContain("figures");
    const f = fr.json().figures;
    expect(f.total).toBe(4);
    expect(f.byStatus).toEqual({ open: 2, close_requested: 0, closed: 2 });
    expect(f.overdue).toBe(1);
    expect(f.doneRate).toBeCloseTo(2 / 4);
    expect(f.doneOrSignificantRate).toBeCloseTo(3 / 4);
    const byOrg = (await office.get(`/api/figures/ledger/by-org`)).json().items;
    expect(byOrg).toHaveLength(1);
    expect(byOrg[0].orgName).toBe("汨罗市委巡察机构");
    // The other organisation's contact sees no rows in their figures.
    expect((await otherContact.get(`/api/figures/ledger`)).json().figures.total).toBe(0);
  });

  it("pages through the rows in a stable order, each row once", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = (await office.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=1&page=${page}`)).json();
      expect(res.total).toBe(4);
      seen.push(...res.items.map((r: { seqLabel: string }) => r.seqLabel));
    }
    expect(seen).toEqual(["1.1", "1.2", "2", "3"]);
  });

  it("refuses stale edits with a conflict", async () => {
    const row = (await rows(contact, "&status=open")).items[0]!;
    const first = await contact.patch(`/api/ledger/${row.id}`, { version: row.version, measures: "第一次修改" });
    expect(first.statusCode).toBe(200);
    const stale = await contact.patch(`/api/ledger/${row.id}`, { version: row.version, measures: "基于旧版本的修改" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain("已被他人修改");
  });
});
