/**
 * Excel exports: the streamed ledger workbook (three sheets, frozen headers, real dates, row ids, scoping, keyset
 * paging, the exporter's mark) and the export of what a list screen shows.
 */
import { loadActor } from "../../src/server/features/auth/session.ts";
import { ledgerBatches } from "../../src/server/features/excel/ledger.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  setupExcelWorld,
  assignmentA,
  assignmentB,
  auditCount,
  contactA,
  dataRows,
  exportLedger,
  headerColumns,
  ledger,
  office,
  officeId,
  t,
  workbookOf,
} from "../support/excel-world.ts";

beforeAll(setupExcelWorld);
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
