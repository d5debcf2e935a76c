/**
 * Who sees and does what, in the browser: another organisation's contact sees none of this organisation's rows,
 * and a batch close-out that includes a row not yet asking for it is refused whole, naming the row.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD, samplePdf } from "./support/api.ts";
import { afterBrowserTest, andWaitFor, closeBrowsers, label, login, openBrowser, toast, visible } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { DATES, makeAccounts, newOrg, planInspection } from "./support/setup.ts";

const ORG1 = "某县自然资源局党组";
const ORG2 = "某镇党委";
const ROWS = ["耕地保护责任落实不到位", "违法用地整治不彻底", "不动产登记窗口作风不实"];

interface Row {
  id: string;
  seqLabel: string;
  text: string;
  status: string;
  version: number;
}

let server: TestServer;
let rows: Row[];

beforeAll(async () => {
  server = await startServer();
  const { secadmin, accounts } = await makeAccounts(server.url, [
    { username: "office1", displayName: "巡察办王敏" },
    { username: "contact1", displayName: "自然资源局联络员" },
    { username: "contact2", displayName: "某镇联络员" },
  ]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  const office = await changePassword(server.url, accounts.office1!);
  const org1 = await newOrg(office, ORG1);
  const org2 = await newOrg(office, ORG2, "township");
  const { assignmentId } = await planInspection(office, org1, []);
  await office.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: DATES.feedbackDate,
    aspects: [{ title: "落实全面从严治党责任不够有力", problems: ROWS.map((text) => ({ text })) }],
  });
  await grant(secadmin, accounts.contact1!.id, "org_contact", org1);
  await grant(secadmin, accounts.contact2!.id, "org_contact", org2);
  await changePassword(server.url, accounts.contact2!);

  // contact1 fills row 1 and asks for close-out; rows 2 and 3 stay open.
  const contact1 = await changePassword(server.url, accounts.contact1!);
  const list = async () => (await contact1.get<{ items: Row[] }>("/api/ledger?pageSize=100")).items;
  const first = (await list()).find((r) => r.seqLabel === "1")!;
  await contact1.patch(`/api/ledger/${first.id}`, { version: first.version, measures: "建立耕地保护责任清单", progress: "done" });
  await contact1.upload(`/api/ledger/${first.id}/evidence`, "责任清单.pdf", samplePdf("List"), "application/pdf");
  await contact1.post(`/api/ledger/${first.id}/request-closeout`, {});
  rows = await list();
  expect(rows.map((r) => [r.seqLabel, r.status])).toEqual([
    ["1", "close_requested"],
    ["2", "open"],
    ["3", "open"],
  ]);
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

describe("access in the browser", () => {
  it("another organisation's contact sees none of its rows: an empty ledger, and no row by its address", async () => {
    const b = await openBrowser(server.url, "contact2");
    const { page } = b;
    await login(page, "contact2", PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "整改台账" }).click();
    await page.waitForURL("**/ledger");
    await visible(page.getByText("暂无台账条目（登记反馈意见后生成）"));
    expect(await page.locator(".ant-table-tbody tr.ant-table-row").count()).toBe(0);
    for (const text of [ORG1, ...ROWS]) expect(await page.getByText(text).count()).toBe(0);
    await b.shot("access-01-other-contact-empty-ledger");

    // Opening one of org 1's rows by its address shows nothing of it.
    await page.goto(`/ledger?open=${rows[0]!.id}`);
    const d = page.getByRole("dialog");
    await visible(d.getByText("无法加载该台账条目"));
    for (const text of [ORG1, ...ROWS]) expect(await page.getByText(text).count()).toBe(0);
    await b.shot("access-02-other-contact-row-by-address");

    // The figures count nothing of org 1 either.
    const api = await Api.as(server.url, "contact2");
    expect((await api.get<{ figures: { total: number } }>("/api/figures/ledger")).figures.total).toBe(0);
  });

  it("批量销号 of a waiting row with an open one is refused whole, naming the open row; the waiting row alone closes", async () => {
    const b = await openBrowser(server.url, "office1");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "整改台账" }).click();
    await page.waitForURL("**/ledger");
    const row = (text: string) => page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: text });
    await visible(row(ROWS[0]!));
    expect(await row(ROWS[0]!).innerText()).toContain("待销号");
    expect(await row(ROWS[1]!).innerText()).toContain("整改中");

    await row(ROWS[0]!).getByRole("checkbox").check();
    await row(ROWS[1]!).getByRole("checkbox").check();
    await visible(page.getByText(/已选择\s*2\s*条/));
    await page.getByRole("button", { name: "批量销号" }).click();
    const ask = page.getByRole("dialog").filter({ has: page.getByText("对已选择的 2 条执行“销号”") });
    await visible(ask);
    // The form warns before sending …
    await visible(ask.getByText("其中 1 条不能执行此操作"));
    await b.shot("access-03-batch-close-warning");
    expect(
      await andWaitFor(page, "POST", "/api/ledger/batch", () => ask.getByRole("button", { name: label("确定") }).click()),
    ).toBe(403);

    // … and the server refuses the whole batch, naming the row that blocked it.
    const refused = page.getByRole("dialog").filter({ has: page.getByText("批量销号未执行") });
    await visible(refused);
    const message = await refused.innerText();
    expect(message).toContain(`${ORG1} 第2条`);
    expect(message).toContain("整批未执行");
    expect(message).not.toContain("第1条");
    await b.shot("access-04-batch-close-refused");
    await refused.getByRole("button", { name: "知道了" }).click();
    await refused.waitFor({ state: "hidden" });

    // Nothing was closed.
    await page.reload();
    await visible(row(ROWS[0]!));
    expect(await row(ROWS[0]!).innerText()).toContain("待销号");
    const office = await Api.as(server.url, "office1");
    const statuses = (await office.get<{ items: Row[] }>("/api/ledger?pageSize=100")).items.map((r) => r.status);
    expect(statuses).toEqual(["close_requested", "open", "open"]);

    // The waiting row alone goes through.
    await row(ROWS[0]!).getByRole("checkbox").check();
    await visible(page.getByText(/已选择\s*1\s*条/));
    await page.getByRole("button", { name: "批量销号" }).click();
    const again = page.getByRole("dialog").filter({ has: page.getByText("对已选择的 1 条执行“销号”") });
    expect(
      await andWaitFor(page, "POST", "/api/ledger/batch", () => again.getByRole("button", { name: label("确定") }).click()),
    ).toBe(200);
    await toast(page, "已销号 1 条");
    await expect.poll(async () => (await row(ROWS[0]!).innerText()).includes("已销号")).toBe(true);
    await b.shot("access-05-batch-close-one");
  });
});
