/**
 * Excel: the streamed ledger workbook (three sheets, frozen headers, real dates, row ids, scoping), the export of a
 * list screen, and the ledger import — round trip, errors refusing the whole file, the remembered column mapping.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, newUser, type Client, type TestApp } from "../support/app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "../support/factories.ts";
import { loadActor } from "../../src/server/features/auth/session.ts";
import { ledgerBatches } from "../../src/server/features/excel/ledger.ts";

let t: TestApp;
let office: Client;
let contactA: Client;
let assignmentA: string;
let assignmentB: string;
let officeId: string;

interface Row {
  id: string;
  seqLabel: string;
  text: string;
  orgName: string;
  measures: string | null;
  deadline: string | null;
  responsibleLeader: string | null;
  problemText: string;
  status: string;
  version: number;
}
interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  failure: string | null;
  columns: Array<{ index: number; letter: string; header: string }>;
  mapping: Record<string, number>;
  dryRun: DryRun | null;
  errors: ImportError[];
}
interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
interface DryRun {
  creates: Array<{
    row: number;
    seqLabel: string;
    problem: string;
    text: string;
    deadline: string | null;
    problemId: string | null;
  }>;
  changes: Array<{ row: number; id: string; fields: Array<{ field: string; before: string | null; after: string }> }>;
  unchanged: number;
  errors: ImportError[];
}

async function ledger(c: Client, assignmentId = assignmentA): Promise<Row[]> {
  const res = await c.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Row[];
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The header row's texts → column numbers. */
function headerColumns(ws: ExcelJS.Worksheet, headerRow = 2): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, n) => out.set(String(c.value), n));
  return out;
}

/** Data rows of a sheet: row number → cell by header. */
function dataRows(ws: ExcelJS.Worksheet, headerRow = 2) {
  const cols = headerColumns(ws, headerRow);
  const rows: Array<{ n: number; get: (h: string) => ExcelJS.CellValue; set: (h: string, v: ExcelJS.CellValue) => void }> = [];
  ws.eachRow((r, n) => {
    if (n <= headerRow) return;
    rows.push({ n, get: (h) => r.getCell(cols.get(h)!).value, set: (h, v) => (r.getCell(cols.get(h)!).value = v) });
  });
  return rows;
}

async function exportLedger(c: Client, query: string) {
  const res = await t.app.inject({ method: "GET", url: `/api/ledger/export.xlsx?${query}`, headers: { cookie: c.cookie } });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return { res, wb: await workbookOf(res.rawPayload) };
}

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

/** Uploads a file, waits for the background parse, returns the parsed job. */
async function upload(
  c: Client,
  wb: ExcelJS.Workbook | Buffer,
  assignmentId = assignmentA,
  fileName = "整改台账.xlsx",
): Promise<Job> {
  const content = Buffer.isBuffer(wb) ? wb : Buffer.from(await wb.xlsx.writeBuffer());
  const m = multipart(fileName, content);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/imports?assignmentId=${assignmentId}`,
    headers: { cookie: c.cookie, "content-type": m.contentType },
    payload: m.body,
  });
  expect(res.statusCode, res.body).toBe(200);
  const { id } = res.json() as { id: string };
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/imports/${id}`)).json() as Job;
    if (job.status !== "parsing") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("parse did not finish");
}

async function dryRun(c: Client, job: Job, mapping = job.mapping): Promise<DryRun> {
  const res = await c.post(`/api/imports/${job.id}/dry-run`, { mapping });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DryRun;
}

async function auditCount(action: string): Promise<number> {
  const r = await t.ctx.db.execute(`select count(*)::int as n from audit_entries where action = '${action}'`);
  return Number((r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "县住房和城乡建设局党组");
  const orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  officeId = (await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲")).id;
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "住建局联络人");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  assignmentA = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  assignmentB = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id })).id;
  [office, contactA] = await Promise.all([login(t.app, "office1"), login(t.app, "contactA")]);
  const feedback = (id: string, aspects: unknown) =>
    office.post(`/api/assignments/${id}/feedback`, { feedbackDate: "2023-12-14", aspects });
  expect(
    (
      await feedback(assignmentA, [
        {
          title: "落实全面从严治党责任不够有力",
          problems: [
            { text: "城镇老旧小区改造推进缓慢", rows: [{ text: "改造项目开工率低" }, { text: "居民意见收集不充分" }] },
            { text: "建筑市场监管存在薄弱环节", rows: [{ text: "招投标监管不严" }] },
          ],
        },
      ])
    ).statusCode,
  ).toBe(200);
  expect((await feedback(assignmentB, [{ title: "基层党建薄弱", problems: [{ text: "三会一课不规范" }] }])).statusCode).toBe(200);
  // The contact fills two rows: a deadline and measures to carry through the export.
  const rows = await ledger(contactA);
  const first = rows.find((r) => r.seqLabel === "1.1")!;
  expect(
    (
      await contactA.patch(`/api/ledger/${first.id}`, {
        version: first.version,
        measures: "制定老旧小区改造攻坚方案",
        responsibleLeader: "刘芳",
        responsibleDepartment: "城建股",
        deadline: "2024-03-31",
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await contactA.post(`/api/ledger/${first.id}/notes`, { noteDate: "2024-01-10", text: "已完成方案初稿" })).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

describe("ledger export", () => {
  it("writes three sheets with a frozen header, real dates and each row's id", async () => {
    const before = await auditCount("table.export");
    const { res, wb } = await exportLedger(office, `assignmentId=${assignmentA}`);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(String(res.headers["content-disposition"])).toContain(
      `filename*=UTF-8''${encodeURIComponent("整改台账_县住房和城乡建设局党组")}`,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["问题清单", "任务清单", "责任清单"]);
    const rows = await ledger(office);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(ws.headerFooter.oddHeader).toContain("巡察办甲");
      expect(String(ws.getCell("A1").value)).toContain("巡察办甲");
      const data = dataRows(ws);
      expect(data).toHaveLength(3);
      expect(new Set(data.map((d) => d.get("台账编号")))).toEqual(new Set(rows.map((r) => r.id)));
    }
    const problems = dataRows(wb.getWorksheet("问题清单")!);
    const filled = problems.find((d) => d.get("具体问题") === "改造项目开工率低")!;
    const deadline = filled.get("整改时限");
    expect(deadline).toBeInstanceOf(Date);
    expect((deadline as Date).toISOString().slice(0, 10)).toBe("2024-03-31");
    expect(wb.getWorksheet("问题清单")!.getColumn(headerColumns(wb.getWorksheet("问题清单")!).get("整改时限")!).numFmt).toBe(
      "yyyy-mm-dd",
    );
    expect(filled.get("整改进展")).toBe("已完成方案初稿");
    expect(filled.get("反馈问题")).toBe("城镇老旧小区改造推进缓慢");
    expect(problems.map((d) => d.get("序号"))).toEqual(["1.1", "1.2", "2"]);
    // 任务清单 puts rows with measures first; 责任清单 groups the named leader first.
    expect(dataRows(wb.getWorksheet("任务清单")!)[0]!.get("整改措施")).toBe("制定老旧小区改造攻坚方案");
    expect(dataRows(wb.getWorksheet("任务清单")!).map((d) => d.get("序号"))).toEqual([1, 2, 3]);
    expect(dataRows(wb.getWorksheet("责任清单")!)[0]!.get("责任领导")).toBe("刘芳");
    expect(await auditCount("table.export")).toBe(before + 1);
  });

  it("exports only the rows the actor may see: an organisation contact gets their organisation's", async () => {
    const { wb } = await exportLedger(contactA, "");
    const data = dataRows(wb.getWorksheet("问题清单")!);
    expect(data).toHaveLength(3);
    expect(new Set(data.map((d) => d.get("被巡察单位")))).toEqual(new Set(["县住房和城乡建设局党组"]));
    const all = await exportLedger(office, "");
    expect(dataRows(all.wb.getWorksheet("问题清单")!)).toHaveLength(4);
    // The other organisation's assignment named explicitly still yields nothing for the contact.
    const none = await exportLedger(contactA, `assignmentId=${assignmentB}`);
    expect(dataRows(none.wb.getWorksheet("问题清单")!)).toHaveLength(0);
  });

  it("pages through many rows by keyset without losing or repeating any", async () => {
    const actor = (await loadActor(t.ctx, officeId))!;
    const seen: string[] = [];
    for await (const batch of ledgerBatches(t.ctx.db, actor, {}, "2024-01-01", 2)) seen.push(...batch.map((r) => r.id));
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });
});

describe("ledger import", () => {
  it("round trip: two deadlines, one measure and one new row come back as exactly 3 changes and 1 create", async () => {
    const { wb } = await exportLedger(office, `assignmentId=${assignmentA}`);
    // The office's file: the export's 问题清单, edited.
    wb.removeWorksheet(wb.getWorksheet("任务清单")!.id);
    wb.removeWorksheet(wb.getWorksheet("责任清单")!.id);
    const ws = wb.getWorksheet("问题清单")!;
    const data = dataRows(ws);
    const byText = (s: string) => data.find((d) => d.get("具体问题") === s)!;
    byText("改造项目开工率低").set("整改时限", new Date(Date.UTC(2024, 5, 30)));
    byText("居民意见收集不充分").set("整改时限", "2024-04-15");
    byText("招投标监管不严").set("整改措施", "开展招投标专项检查");
    const added = ws.addRow([]);
    const cols = headerColumns(ws);
    added.getCell(cols.get("反馈问题")!).value = "城镇老旧小区改造推进缓慢";
    added.getCell(cols.get("具体问题")!).value = "改造资金拨付滞后";
    added.getCell(cols.get("整改时限")!).value = new Date(Date.UTC(2024, 4, 31));
    added.getCell(cols.get("状态")!).value = "整改中";

    const job = await upload(office, wb);
    expect(job.failure).toBeNull();
    expect(job.status).toBe("ready");
    expect(job.total).toBe(4);
    expect(job.mapping).toMatchObject({
      id: cols.get("台账编号"),
      problem: cols.get("反馈问题"),
      text: cols.get("具体问题"),
      deadline: cols.get("整改时限"),
      status: cols.get("状态"),
    });
    const plan = await dryRun(office, job);
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toHaveLength(3);
    expect(plan.unchanged).toBe(0);
    const rows = await ledger(office);
    const id = (text: string) => rows.find((r) => r.text === text)!.id;
    const change = (text: string) => plan.changes.find((c) => c.id === id(text))!.fields;
    expect(change("改造项目开工率低")).toEqual([
      { field: "deadline", label: "整改时限", before: "2024-03-31", after: "2024-06-30" },
    ]);
    expect(change("居民意见收集不充分")).toEqual([{ field: "deadline", label: "整改时限", before: null, after: "2024-04-15" }]);
    expect(change("招投标监管不严")).toEqual([
      { field: "measures", label: "整改措施", before: null, after: "开展招投标专项检查" },
    ]);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({ seqLabel: "1.3", text: "改造资金拨付滞后", deadline: "2024-05-31" });
    expect(plan.creates[0]!.problemId).not.toBeNull();

    const updatesBefore = await auditCount("ledger.update");
    const commit = await office.post(`/api/imports/${job.id}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ created: 1, changed: 3 });
    const after = await ledger(office);
    expect(after).toHaveLength(4);
    const get = (text: string) => after.find((r) => r.text === text)!;
    expect(get("改造项目开工率低").deadline).toBe("2024-06-30");
    expect(get("居民意见收集不充分").deadline).toBe("2024-04-15");
    expect(get("招投标监管不严").measures).toBe("开展招投标专项检查");
    expect(get("改造资金拨付滞后")).toMatchObject({
      seqLabel: "1.3",
      problemText: "城镇老旧小区改造推进缓慢",
      deadline: "2024-05-31",
    });
    // Each changed row has its own ledger audit entry, and one import entry lists them all.
    expect(await auditCount("ledger.update")).toBe(updatesBefore + 3);
    expect(await auditCount("import.commit")).toBe(1);
    const history = (await office.get(`/api/ledger/${get("改造资金拨付滞后").id}`)).json().history as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toContain("import.commit");
    // A committed job cannot be committed again.
    expect((await office.post(`/api/imports/${job.id}/commit`, {})).statusCode).toBe(409);
  });

  it("lists every error of a bad file with its row and column, refuses the commit and imports nothing", async () => {
    const { wb } = await exportLedger(office, `assignmentId=${assignmentA}`);
    const ws = wb.getWorksheet("问题清单")!;
    const data = dataRows(ws);
    const cols = headerColumns(ws);
    data[0]!.set("整改时限", "下月底");
    data[1]!.set("台账编号", "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000");
    data[2]!.set("状态", "已销号");
    // A new row with no 反馈问题: a required cell left empty.
    const added = ws.addRow([]);
    added.getCell(cols.get("具体问题")!).value = "新发现的问题";
    added.getCell(cols.get("整改时限")!).value = new Date(Date.UTC(2023, 10, 1));
    // A row of the other assignment.
    const other = (await ledger(office, assignmentB))[0]!;
    const foreign = ws.addRow([]);
    foreign.getCell(cols.get("台账编号")!).value = other.id;
    foreign.getCell(cols.get("整改措施")!).value = "x";

    const rowsBefore = (await ledger(office)).length;
    const versionsBefore = (await ledger(office)).map((r) => r.version);
    const job = await upload(office, wb);
    const plan = await dryRun(office, job);
    const at = (row: number) => plan.errors.filter((e) => e.row === row);
    expect(at(data[0]!.n)[0]).toMatchObject({ sheet: "问题清单", column: expect.stringContaining("整改时限") });
    expect(at(data[0]!.n)[0]!.message).toContain("不是有效日期");
    expect(at(data[1]!.n)[0]!.message).toContain("台账编号在系统中不存在");
    expect(at(data[1]!.n)[0]!.column).toContain("台账编号");
    expect(at(data[2]!.n)[0]!.message).toContain("申请销号");
    expect(
      at(added.number)
        .map((e) => e.message)
        .join("；"),
    ).toContain("反馈问题为空");
    expect(
      at(added.number)
        .map((e) => e.message)
        .join("；"),
    ).toContain("早于反馈日期");
    expect(at(foreign.number)[0]!.message).toContain("某乡镇党委");
    for (const e of plan.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);

    const commit = await office.post(`/api/imports/${job.id}/commit`, {});
    expect(commit.statusCode).toBe(422);
    expect(commit.json().message).toContain("整个文件未导入");
    expect((commit.json().details as { errors: ImportError[] }).errors.length).toBe(plan.errors.length);
    const after = await ledger(office);
    expect(after.length).toBe(rowsBefore);
    expect(after.map((r) => r.version)).toEqual(versionsBefore);
    // The job stays open for another try, or is discarded.
    expect((await office.post(`/api/imports/${job.id}/discard`, {})).statusCode).toBe(200);
    expect(await auditCount("import.discard")).toBe(1);
  });

  it("refuses a file that is not an Excel workbook, and another user's job", async () => {
    const m = multipart("台账.xlsx", Buffer.from("not a workbook"));
    const res = await t.app.inject({
      method: "POST",
      url: `/api/imports?assignmentId=${assignmentA}`,
      headers: { cookie: office.cookie, "content-type": m.contentType },
      payload: m.body,
    });
    expect(res.statusCode).toBe(200);
    const { id } = res.json() as { id: string };
    let job: Job | null = null;
    for (let i = 0; i < 100 && (!job || job.status === "parsing"); i++) {
      job = (await office.get(`/api/imports/${id}`)).json() as Job;
      if (job.status === "parsing") await new Promise((r) => setTimeout(r, 30));
    }
    expect(job!.status).toBe("failed");
    expect(job!.failure).toContain(".xlsx");
    // An organisation contact may not import, nor see the office's jobs.
    expect((await contactA.get(`/api/imports/${id}`)).statusCode).toBe(403);
  });

  it("remembers the office's column mapping for the next import", async () => {
    // A ledger kept by hand, with a header the system does not know for measures.
    const make = () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("台账");
      ws.addRow(["序号", "反馈问题", "具体问题", "落实举措内容", "完成期限"]);
      ws.addRow([1, "建筑市场监管存在薄弱环节", "施工许可审批不规范", "建立审批台账", new Date(Date.UTC(2024, 6, 1))]);
      return wb;
    };
    const first = await upload(office, make());
    const cols = new Map(first.columns.map((c) => [c.header, c.index]));
    expect(first.mapping.measures).toBeUndefined();
    const mapping = { ...first.mapping, measures: cols.get("落实举措内容")!, deadline: cols.get("完成期限")! };
    const plan = await dryRun(office, first, mapping);
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([
      expect.objectContaining({ text: "施工许可审批不规范", problem: "建筑市场监管存在薄弱环节", deadline: "2024-07-01" }),
    ]);
    expect((await office.post(`/api/imports/${first.id}/commit`, {})).statusCode).toBe(200);
    const second = await upload(office, make());
    expect(second.mapping.measures).toBe(cols.get("落实举措内容"));
    expect(second.mapping.deadline).toBe(cols.get("完成期限"));
    // The same row again is now a new row (no 台账编号) — under the existing problem, numbered after it.
    const again = await dryRun(office, second);
    expect(again.creates[0]).toMatchObject({ seqLabel: "2.3" });
  });
});

describe("table export", () => {
  it("writes the screen's rows with the header frozen, dates as dates and numbers as numbers", async () => {
    const before = await auditCount("table.export");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/exports/table",
      headers: { cookie: office.cookie },
      payload: {
        title: "督办函件",
        columns: ["文号", "发函日期", "条目数", "备注"],
        rows: [
          ["县巡督〔2024〕3号", "2024-03-05", 4, null],
          ["县巡督〔2024〕4号", "2024-03-18", 12, "已回复"],
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers["content-disposition"])).toContain(encodeURIComponent("督办函件"));
    const wb = await workbookOf(res.rawPayload);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("督办函件");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // Every printed page names who exported it and when.
    expect(ws.headerFooter.oddHeader).toMatch(/内部资料.*巡察办甲 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 导出/);
    expect(ws.getRow(1).values).toEqual([undefined, "文号", "发函日期", "条目数", "备注"]);
    expect(ws.getCell("B2").value).toBeInstanceOf(Date);
    expect((ws.getCell("B2").value as Date).toISOString().slice(0, 10)).toBe("2024-03-05");
    expect(ws.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("C3").value).toBe(12);
    expect(ws.getCell("D3").value).toBe("已回复");
    expect(ws.rowCount).toBe(3);
    expect(await auditCount("table.export")).toBe(before + 1);
  });

  it("refuses more rows than the limit, in Chinese", async () => {
    const rows = Array.from({ length: 50_001 }, () => ["x"]);
    const res = await office.post("/api/exports/table", { title: "太多", columns: ["列"], rows });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("一次最多导出 50000 行");
  });
});
