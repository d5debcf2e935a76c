/**
 * Excel in the browser: the office exports the ledger from the ledger screen, edits the file as offices do, and
 * imports it back through 台账导入 (upload, column mapping, dry run showing each change, commit, toast); a file
 * with bad rows shows every error by row and column and offers no commit; a list screen exports what it shows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD } from "./support/api.ts";
import {
  afterBrowserTest,
  andWaitFor,
  closeBrowsers,
  label,
  login,
  openBrowser,
  pickOption,
  toast,
  visible,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { DATES, makeAccounts, newOrg, planInspection } from "./support/setup.ts";

const ORG = "某县自然资源局党组";
const ROWS = ["耕地保护责任落实不到位", "违法占地查处不及时", "土地出让金征收不规范"];

interface Row {
  id: string;
  text: string;
  deadline: string | null;
  measures: string | null;
  seqLabel: string;
}

let server: TestServer;
let office: Api;
let assignmentId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-excel-e2e-"));
const ledger = async () => (await office.get<{ items: Row[] }>(`/api/ledger?assignmentId=${assignmentId}&pageSize=100`)).items;

beforeAll(async () => {
  server = await startServer();
  const { secadmin, accounts } = await makeAccounts(server.url, [{ username: "office1", displayName: "巡察办王敏" }]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  office = await changePassword(server.url, accounts.office1!);
  const orgId = await newOrg(office, ORG);
  ({ assignmentId } = await planInspection(office, orgId, []));
  await office.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: DATES.feedbackDate,
    aspects: [
      {
        title: "落实耕地保护责任不够有力",
        problems: [
          { text: "耕地保护工作存在薄弱环节", rows: ROWS.slice(0, 2).map((text) => ({ text })) },
          { text: "土地出让收入管理不规范", rows: [{ text: ROWS[2]! }] },
        ],
      },
    ],
  });
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The 问题清单 sheet's data rows by their 具体问题, and a setter by header. */
function sheetOf(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet("问题清单")!;
  const cols = new Map<string, number>();
  ws.getRow(2).eachCell((c, n) => cols.set(String(c.value), n));
  const row = (text: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r, n) => {
      if (n > 2 && r.getCell(cols.get("具体问题")!).value === text) found = r;
    });
    return found!;
  };
  const set = (r: ExcelJS.Row, header: string, v: ExcelJS.CellValue) => (r.getCell(cols.get(header)!).value = v);
  return { ws, row, set };
}

describe("Excel in the browser", () => {
  it("exports the ledger, imports the edited file: mapping, dry run with each change, commit", async () => {
    const b = await openBrowser(server.url, "office1");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.goto(`/ledger?assignmentId=${assignmentId}`);
    await visible(page.getByText(ROWS[0]!).first());
    await b.shot("excel-00-ledger-export-button");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^整改台账_某县自然资源局党组_\d{8}\.xlsx$/);
    const exported = path.join(tmp, "exported.xlsx");
    await download.saveAs(exported);

    // The office edits its copy: two deadlines, one measure, one new row without 台账编号.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const { ws, row, set } = sheetOf(wb);
    set(row(ROWS[0]!), "整改时限", new Date(Date.UTC(2026, 2, 31)));
    set(row(ROWS[1]!), "整改时限", new Date(Date.UTC(2026, 3, 30)));
    set(row(ROWS[2]!), "整改措施", "建立土地出让金征收台账，逐笔核对");
    const added = ws.addRow([]);
    set(added, "反馈问题", "耕地保护工作存在薄弱环节");
    set(added, "具体问题", "高标准农田建设后期管护缺失");
    set(added, "整改时限", new Date(Date.UTC(2026, 5, 30)));
    const edited = path.join(tmp, "自然资源局整改台账（更新）.xlsx");
    await wb.xlsx.writeFile(edited);

    await page.goto("/imports");
    await pickOption(page, page.getByRole("combobox", { name: "巡察任务" }), ORG);
    await b.shot("excel-00b-upload");
    await page.locator('input[type="file"]').setInputFiles(edited);
    // Parsed in the background; then the proposed mapping.
    const mapping = page.getByRole("table", { name: "列对应" });
    await visible(page.getByText("已读取工作表“问题清单”"), 30_000);
    await visible(mapping);
    await b.shot("excel-01-mapping");
    expect(
      await page
        .getByRole("combobox", { name: "整改时限对应的列" })
        .locator("xpath=ancestor::div[contains(@class,'ant-select')][1]")
        .innerText(),
    ).toContain("整改时限");

    expect(await andWaitFor(page, "POST", "/dry-run", () => page.getByRole("button", { name: label("预检") }).click())).toBe(200);
    await visible(page.getByText("预检通过：将修改 3 条、新增 1 条台账条目"));
    const changes = page.getByRole("table", { name: "将修改的条目" });
    await visible(changes.getByText("2026-03-31"));
    await visible(changes.getByText("2026-04-30"));
    await visible(changes.getByText("建立土地出让金征收台账，逐笔核对"));
    await b.shot("excel-02-dry-run");
    await page.getByRole("tab", { name: /新增（1）/ }).click();
    await visible(page.getByRole("table", { name: "将新增的条目" }).getByText("高标准农田建设后期管护缺失"));
    await b.shot("excel-03-dry-run-creates");

    await page.getByRole("button", { name: label("确认导入") }).click();
    const confirm = page.locator(".ant-popconfirm");
    expect(
      await andWaitFor(page, "POST", "/commit", () => confirm.getByRole("button", { name: label("确认导入") }).click()),
    ).toBe(200);
    await toast(page, "导入完成：修改 3 条，新增 1 条");
    await visible(page.getByText("导入完成", { exact: true }));
    await b.shot("excel-04-committed");

    const rows = await ledger();
    const by = (t: string) => rows.find((r) => r.text === t)!;
    expect(by(ROWS[0]!).deadline).toBe("2026-03-31");
    expect(by(ROWS[1]!).deadline).toBe("2026-04-30");
    expect(by(ROWS[2]!).measures).toBe("建立土地出让金征收台账，逐笔核对");
    expect(by("高标准农田建设后期管护缺失")).toMatchObject({ seqLabel: "1.3", deadline: "2026-06-30" });
    await page.getByRole("button", { name: "查看整改台账" }).click();
    await visible(page.getByText("高标准农田建设后期管护缺失").first());
  });

  it("shows every error of a bad file by row and column and offers no commit", async () => {
    const res = await office.raw("GET", `/api/ledger/export.xlsx?assignmentId=${assignmentId}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const { ws, row, set } = sheetOf(wb);
    set(row(ROWS[0]!), "整改时限", "年底前");
    set(row(ROWS[1]!), "台账编号", "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000");
    set(row(ROWS[2]!), "状态", "已销号");
    const added = ws.addRow([]);
    set(added, "具体问题", "没有反馈问题的新增行");
    const bad = path.join(tmp, "有错误的台账.xlsx");
    await wb.xlsx.writeFile(bad);
    const before = await ledger();

    const b = await openBrowser(server.url, "office1-bad");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.goto("/imports");
    await pickOption(page, page.getByRole("combobox", { name: "巡察任务" }), ORG);
    await page.locator('input[type="file"]').setInputFiles(bad);
    await visible(page.getByRole("table", { name: "列对应" }), 30_000);
    await andWaitFor(page, "POST", "/dry-run", () => page.getByRole("button", { name: label("预检") }).click());
    await visible(page.getByText("文件中有 4 处错误，不能导入"));
    const errors = page.getByRole("table", { name: "预检错误" });
    await visible(errors.getByText("整改时限“年底前”不是有效日期", { exact: false }));
    await visible(errors.getByText("台账编号在系统中不存在", { exact: false }));
    await visible(errors.getByText("状态不能通过导入修改", { exact: false }));
    await visible(errors.getByText("反馈问题为空", { exact: false }));
    expect(await errors.getByText(/^[A-Z]+（整改时限）$/).count()).toBe(1);
    expect(await page.getByRole("button", { name: label("确认导入") }).count()).toBe(0);
    await b.shot("excel-05-errors");
    expect((await ledger()).map((r) => [r.id, r.deadline, r.measures])).toEqual(
      before.map((r) => [r.id, r.deadline, r.measures]),
    );
    await page.getByRole("button", { name: label("放弃导入") }).click();
    await toast(page, "已放弃导入");
  });

  it("exports what a list screen shows", async () => {
    const b = await openBrowser(server.url, "office1-rounds");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.goto("/rounds");
    await visible(page.getByText(DATES.round.name).first());
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^巡察轮次_\d{8}\.xlsx$/);
    const file = path.join(tmp, "rounds.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("轮次");
    expect(ws.getRow(2).getCell(1).value).toBe(DATES.round.name);
    expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    await b.shot("excel-06-rounds-export");
  });
});
