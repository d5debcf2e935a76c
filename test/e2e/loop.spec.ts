/**
 * The whole rectification loop in the browser, as three people on three computers: office staff registers the
 * feedback; the organisation's contact fills rows and asks for close-out with evidence; another office user closes
 * one row and returns one, and checks the figures. Accounts and planning are set up through the API.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD, samplePdf } from "./support/api.ts";
import {
  afterBrowserTest,
  andWaitFor,
  chartsSettled,
  closeBrowsers,
  label,
  login,
  openBrowser,
  overlaysClosed,
  pickOption,
  toast,
  typeDate,
  visible,
  type UserBrowser,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { DATES, makeAccounts, newOrg, planInspection, type Inspection, type People } from "./support/setup.ts";

const ORG = "某县农业农村局党组";
const FINDINGS = ["党组会议学习传达上级精神不及时", "意识形态工作责任制落实不到位", "巡察整改督促不力"];
const ASPECTS = ["学习贯彻党中央重大决策部署不够到位", "落实全面从严治党责任不够有力"];
const PROBLEMS = ["学习贯彻上级精神不及时、不深入", "意识形态工作责任制落实不到位", "整改督促机制不健全"];
const ROW_11 = "党组会议专题学习上级精神仅3次";
const ROW_12 = "未按要求开展专题研讨";
const RETURN_REASON = "佐证材料不足，缺少党组会议记录";

let server: TestServer;
let people: People;
let inspection: Inspection;
let office1: UserBrowser;
let contact1: UserBrowser;
let office2: UserBrowser;

beforeAll(async () => {
  server = await startServer();
  people = await makeAccounts(server.url, [
    { username: "office1", displayName: "巡察办王敏" },
    { username: "office2", displayName: "巡察办李强" },
    { username: "contact1", displayName: "农业农村局联络员赵芳" },
  ]);
  const { secadmin, accounts } = people;
  await grant(secadmin, accounts.office1!.id, "office_staff");
  await grant(secadmin, accounts.office2!.id, "office_staff");
  await changePassword(server.url, accounts.office2!);
  await changePassword(server.url, accounts.contact1!);
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

// ---- helpers on the ledger page -----------------------------------------------------------------

const ledgerRows = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row");
const ledgerRow = (page: Page, text: string) => ledgerRows(page).filter({ hasText: text });
const drawer = (page: Page) => page.getByRole("dialog").filter({ has: page.locator(".ant-drawer-body") });
const dialog = (page: Page, title: string | RegExp) => page.getByRole("dialog").filter({ has: page.getByText(title) });

async function openLedger(page: Page): Promise<void> {
  await page.getByRole("menu").getByRole("menuitem", { name: "整改台账" }).click();
  await page.waitForURL("**/ledger**");
  await visible(page.getByText(/共 \d+ 条/));
}

async function openRow(page: Page, text: string): Promise<Locator> {
  await ledgerRow(page, text).getByText(text, { exact: true }).click();
  const d = drawer(page);
  await visible(d.getByRole("heading", { name: new RegExp(text) }));
  return d;
}

async function closeDrawer(page: Page): Promise<void> {
  // Clicking beside the drawer closes it (its own close button sits under the toasts for their 3 s).
  await page.locator(".ant-drawer-mask").click({ position: { x: 60, y: 450 } });
  await overlaysClosed(page);
}

/** The 状态 cell of a ledger row. */
async function statusOf(page: Page, text: string): Promise<string> {
  return (await ledgerRow(page, text).innerText()).match(/整改中|待销号|已销号/)?.[0] ?? "";
}

async function waitStatus(page: Page, text: string, status: string): Promise<void> {
  await expect.poll(() => statusOf(page, text), { timeout: 15_000 }).toBe(status);
}

/** The contact fills one row in the drawer, uploads a PDF and asks for close-out. */
async function fillAndAsk(page: Page, text: string, fill: { measures: string; deadline: string; kind: string }): Promise<void> {
  const d = await openRow(page, text);
  await d.getByLabel("整改措施").fill(fill.measures);
  await d.getByLabel("责任领导").fill("刘建国");
  await d.getByLabel("责任部门").fill("办公室");
  await typeDate(d.getByLabel("整改时限"), fill.deadline);
  await pickOption(page, d.getByLabel("整改类型"), fill.kind);
  await pickOption(page, d.getByLabel("整改进展"), "已完成");
  expect(await andWaitFor(page, "PATCH", "/api/ledger/", () => d.getByRole("button", { name: "保存填报" }).click())).toBe(200);
  await toast(page, "已保存填报内容");

  await d.getByRole("tab", { name: /佐证材料/ }).click();
  const uploaded = await andWaitFor(page, "POST", "/evidence", () =>
    d.locator('input[type="file"]').setInputFiles({
      name: "党组会议纪要.pdf",
      mimeType: "application/pdf",
      buffer: samplePdf("Party group minutes"),
    }),
  );
  expect(uploaded).toBe(200);
  await toast(page, "已上传“党组会议纪要.pdf”");
  await visible(d.getByRole("tab", { name: "佐证材料（1）" }));
  await visible(d.getByText("党组会议纪要.pdf"));

  await d.getByRole("button", { name: "申请销号" }).click();
  const ask = dialog(page, /申请销号：第/);
  await visible(ask);
  await ask.getByLabel("申请说明（可选）").fill("已完成整改，请审核");
  expect(
    await andWaitFor(page, "POST", "/request-closeout", () => ask.getByRole("button", { name: label("确定") }).click()),
  ).toBe(200);
  await toast(page, "已申请销号");
  await ask.waitFor({ state: "hidden" }); // the drawer stays open
}

// ---- the loop -----------------------------------------------------------------------------------

describe("office staff registers the feedback; the organisation contact fills rows and asks for close-out with evidence; another office user closes one row and returns one; and checks the figures", () => {
  it("office1 replaces the one-time password on the 修改密码 screen", async () => {
    office1 = await openBrowser(server.url, "office1");
    const { page } = office1;
    await login(page, "office1", people.accounts.office1!.oneTimePassword);
    await page.waitForURL("**/password");
    await visible(page.getByText("首次登录或密码已重置，请修改密码后继续"));
    await page.getByLabel("当前密码").fill(people.accounts.office1!.oneTimePassword);
    // A weak password is refused on the page.
    await page.getByLabel("新密码", { exact: true }).fill("abc");
    await visible(page.getByText(/至少 8 位/).last());
    await page.getByLabel("新密码", { exact: true }).fill(PASSWORD);
    await page.getByLabel("确认新密码").fill(PASSWORD);
    await office1.shot("loop-01-password-change");
    expect(
      await andWaitFor(page, "POST", "/api/auth/password", () => page.getByRole("button", { name: "确认修改" }).click()),
    ).toBe(200);
    await toast(page, "密码已修改");
    await page.waitForURL((u) => u.pathname === "/");
    await visible(page.getByRole("heading", { name: /您好，巡察办王敏/ }));
    // The new password works for the API too (and the office plans the inspection with it below).
    await Api.as(server.url, "office1", PASSWORD);
  });

  it("office1 plans the inspection and the security administrator makes contact1 the organisation's contact (API)", async () => {
    const office = await Api.as(server.url, "office1");
    const orgId = await newOrg(office, ORG);
    inspection = await planInspection(office, orgId, FINDINGS);
    await grant(people.secadmin, people.accounts.contact1!.id, "org_contact", orgId);
  });

  it("a. office1 registers the feedback: 2 aspects, 3 problems, one refined into 2 rows, findings linked", async () => {
    const { page } = office1;
    await page.goto(`/assignments/${inspection.assignmentId}`);
    await visible(page.getByText(`巡察任务：${ORG}`));
    await visible(page.getByText("未反馈"));
    await page.getByRole("tab", { name: "反馈" }).click();
    // The tab's own panel (the page also holds the hidden 修改日期 form, with its own 反馈日期).
    const tab = page.getByRole("tabpanel", { name: "反馈" });
    await visible(tab.getByText("反馈意见尚未登记"));

    await typeDate(tab.getByLabel("反馈日期"), DATES.feedbackDate);
    // 一、aspect 1 with problem 1, refined into 1.1 and 1.2, grouping two findings.
    await tab.getByLabel("方面标题").nth(0).fill(ASPECTS[0]!);
    await tab.getByPlaceholder("反馈意见中表述的问题").nth(0).fill(PROBLEMS[0]!);
    const findings1 = tab.getByLabel("归并的巡察发现问题").nth(0);
    await pickOption(page, findings1, FINDINGS[0]!);
    await pickOption(page, findings1, FINDINGS[1]!); // a multiple select stays open: the second click picks another
    await page.keyboard.press("Escape");
    await tab.getByRole("button", { name: "添加细化任务" }).nth(0).click();
    await tab.getByRole("button", { name: "添加细化任务" }).nth(0).click();
    await tab.getByPlaceholder("细化后的具体问题").nth(0).fill(ROW_11);
    await tab.getByPlaceholder("细化后的具体问题").nth(1).fill(ROW_12);

    // 二、aspect 2 with problems 2 (grouping the third finding) and 3.
    await tab.getByRole("button", { name: "添加方面" }).click();
    await tab.getByLabel("方面标题").nth(1).fill(ASPECTS[1]!);
    await tab.getByPlaceholder("反馈意见中表述的问题").nth(1).fill(PROBLEMS[1]!);
    await pickOption(page, tab.getByLabel("归并的巡察发现问题").nth(1), FINDINGS[2]!);
    await page.keyboard.press("Escape");
    await tab.getByRole("button", { name: "添加问题" }).nth(1).click();
    await tab.getByPlaceholder("反馈意见中表述的问题").nth(2).fill(PROBLEMS[2]!);

    // The form counts as it goes; every finding is grouped.
    await visible(tab.getByText("共反馈 2 个方面 3 个问题，细化为 4 条"));
    await visible(tab.getByText("已归并巡察发现问题 3 / 3 条"));
    await office1.shot("loop-02-feedback-form");

    const registered = await andWaitFor(page, "POST", /\/feedback$/, () =>
      tab.getByRole("button", { name: "登记反馈意见" }).click(),
    );
    expect(registered).toBe(200);
    await toast(page, "已登记反馈意见：2 个方面 3 个问题，细化为 4 条");
    // The tab now shows the registered feedback as a document, with each row's state.
    await visible(page.getByRole("link", { name: "在整改台账中查看全部" }));
    await visible(page.getByText("共反馈 2 个方面 3 个问题，细化为 4 条"));
    await visible(page.getByRole("heading", { name: `一、${ASPECTS[0]}` }));
    await visible(page.getByRole("heading", { name: `二、${ASPECTS[1]}` }));
    await visible(page.getByText("已反馈"));
    expect(await page.getByText("1.1", { exact: true }).count()).toBe(1);
    expect(await page.getByText("1.2", { exact: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "查看台账" }).count()).toBe(4);
    await visible(page.getByText("归并巡察发现问题 2 条"));
    await office1.shot("loop-03-feedback-registered");
  });

  it("b. contact1 sees the 4 rows, fills two, uploads evidence and asks for close-out; d. the contact cannot close", async () => {
    contact1 = await openBrowser(server.url, "contact1");
    const { page } = contact1;
    await login(page, "contact1", PASSWORD);
    await openLedger(page);
    await expect.poll(() => ledgerRows(page).count()).toBe(4);
    await visible(page.getByText("共 4 条"));
    for (const text of [ROW_11, ROW_12, PROBLEMS[1]!, PROBLEMS[2]!]) expect(await statusOf(page, text)).toBe("整改中");
    await contact1.shot("loop-04-contact-ledger");

    await fillAndAsk(page, ROW_11, { measures: "召开党组会议专题学习，建立学习台账", deadline: "2099-12-31", kind: "立行立改" });
    // d. The row now waits for the office: the contact who asked sees no 销号 or 退回, only the state.
    const d = drawer(page);
    await d.getByRole("tab", { name: "基本信息", exact: true }).click();
    await visible(d.getByText("待销号").first());
    expect(await d.getByRole("button", { name: label("销号") }).count()).toBe(0);
    expect(await d.getByRole("button", { name: label("退回") }).count()).toBe(0);
    expect(await d.getByRole("button", { name: "申请销号" }).count()).toBe(0);
    expect(await d.getByRole("button", { name: "保存填报" }).count()).toBe(0);
    await contact1.shot("loop-05-contact-asked");
    await closeDrawer(page);

    await fillAndAsk(page, ROW_12, { measures: "开展专题研讨2次，形成研讨材料", deadline: "2024-03-31", kind: "限期整改" });
    await closeDrawer(page);
    await waitStatus(page, ROW_11, "待销号");
    await waitStatus(page, ROW_12, "待销号");
    expect(await statusOf(page, PROBLEMS[1]!)).toBe("整改中");

    // d. Selecting the waiting rows offers the contact no batch close or return either (no batch bar at all).
    await ledgerRow(page, ROW_11).getByRole("checkbox").check();
    await ledgerRow(page, ROW_12).getByRole("checkbox").check();
    expect(await ledgerRow(page, ROW_12).getByRole("checkbox").isChecked()).toBe(true);
    expect(await page.getByRole("button", { name: "批量销号" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "批量退回" }).count()).toBe(0);
    await contact1.shot("loop-06-contact-rows-waiting");
    await ledgerRow(page, ROW_11).getByRole("checkbox").uncheck();
    await ledgerRow(page, ROW_12).getByRole("checkbox").uncheck();
  });

  it("c. office2 (not the one who asked) closes 1.1 and returns 1.2 with a reason; the contact sees the reason", async () => {
    office2 = await openBrowser(server.url, "office2");
    const { page } = office2;
    await login(page, "office2", PASSWORD);
    await openLedger(page);
    await expect.poll(() => ledgerRows(page).count()).toBe(4);

    let d = await openRow(page, ROW_11);
    await visible(d.getByText("党组会议纪要.pdf").or(d.getByText("1 份")).first());
    await d.getByRole("button", { name: label("销号") }).click();
    const close = dialog(page, /审核销号：第1\.1条/);
    await visible(close);
    await close.getByLabel("审核意见（可选）").fill("佐证材料齐全，同意销号");
    await office2.shot("loop-07-office-close");
    expect(await andWaitFor(page, "POST", /\/close$/, () => close.getByRole("button", { name: label("确定") }).click())).toBe(
      200,
    );
    await toast(page, "已销号");
    await visible(d.getByText("已销号").first());
    await closeDrawer(page);
    await waitStatus(page, ROW_11, "已销号");

    d = await openRow(page, ROW_12);
    await d.getByRole("button", { name: label("退回") }).click();
    const ret = dialog(page, /退回销号申请：第1\.2条/);
    await visible(ret);
    // The reason is required.
    await ret.getByRole("button", { name: label("确定") }).click();
    await visible(ret.getByText("请填写退回理由"));
    await ret.getByLabel("退回理由").fill(RETURN_REASON);
    expect(await andWaitFor(page, "POST", /\/return$/, () => ret.getByRole("button", { name: label("确定") }).click())).toBe(200);
    await toast(page, "已退回");
    await closeDrawer(page);
    await waitStatus(page, ROW_12, "整改中");
    await office2.shot("loop-08-office-ledger-after");

    // The contact reloads and finds the reason on the returned row.
    const c = contact1.page;
    await c.reload();
    await visible(c.getByText("共 4 条"));
    await waitStatus(c, ROW_11, "已销号");
    await waitStatus(c, ROW_12, "整改中");
    d = await openRow(c, ROW_12);
    await visible(d.getByText(`销号申请被退回：${RETURN_REASON}`));
    // Returned, it can be filled again and asked for close-out again.
    await visible(d.getByRole("button", { name: "保存填报" }));
    await visible(d.getByRole("button", { name: "申请销号" }));
    await contact1.shot("loop-09-contact-sees-return");
    await closeDrawer(c);
  });

  it("e. office2's 整改统计 shows 4 rows, 1 closed, 1 overdue, 25.0 %, the same as GET /api/figures/ledger", async () => {
    const { page } = office2;
    await page.getByRole("menu").getByRole("menuitem", { name: "整改统计" }).click();
    await page.waitForURL("**/figures**");
    const card = (title: string) => page.locator(".ant-statistic").filter({ has: page.getByText(title, { exact: true }) });
    const value = async (title: string) => (await card(title).locator(".ant-statistic-content").innerText()).replace(/\s+/g, "");
    await visible(card("台账总数"));
    await expect.poll(() => value("台账总数")).toBe("4条");
    expect(await value("已销号")).toBe("1条");
    // 1.2 was returned and its deadline (2024-03-31) has passed; 1.1 is closed; 2 and 3 have no deadline yet.
    expect(await value("逾期")).toBe("1条");
    expect(await value("完成率")).toBe("25.0%");
    await visible(page.getByRole("cell", { name: ORG }));
    await expect.poll(() => page.locator("canvas").count()).toBeGreaterThanOrEqual(2); // by organisation, by round
    await chartsSettled(page);
    await office2.shot("loop-10-figures");

    const api = await Api.as(server.url, "office2");
    const { figures } = await api.get<{
      figures: {
        total: number;
        done: number;
        overdue: number;
        significantProgress: number;
        doneRate: number;
        doneOrSignificantRate: number;
      };
    }>("/api/figures/ledger");
    expect(figures).toMatchObject({ total: 4, done: 1, overdue: 1, doneRate: 0.25 });
    expect(await value("取得明显成效")).toBe(`${figures.significantProgress}条`);
    expect(await value("完成及明显成效率")).toBe(`${(figures.doneOrSignificantRate * 100).toFixed(1)}%`);
  });
});
