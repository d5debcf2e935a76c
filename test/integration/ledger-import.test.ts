/**
 * The Excel ledger import (台账导入): the round trip of an exported and edited ledger, a bad file refused whole with
 * every error listed, a file that is not a workbook, another user's job, and the remembered column mapping.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  setupExcelWorld,
  type ImportError,
  type Job,
  assignmentA,
  assignmentB,
  auditCount,
  contactA,
  dataRows,
  dryRun,
  exportLedger,
  headerColumns,
  ledger,
  multipart,
  office,
  t,
  upload,
} from "../support/excel-world.ts";

beforeAll(setupExcelWorld);
afterAll(() => t.close());

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
