/**
 * Rectification in the browser, beyond the first loop: nobody closes a row they asked to close (even holding both
 * roles); the three lists of the ledger and the batch setting of responsible people; directives from the
 * secretary's meeting tracked to done; a warning in the notification centre when a deadline comes near.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD, samplePdf } from "./support/api.ts";
import {
  afterBrowserTest,
  andWaitFor,
  closeBrowsers,
  label,
  login,
  openBrowser,
  overlaysClosed,
  pickOption,
  toast,
  typeDate,
  visible,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { DATES, makeAccounts, newOrg, planInspection } from "./support/setup.ts";

const ORG = "某县住房和城乡建设局党组";
const PROBLEMS = [
  { text: "城镇老旧小区改造推进缓慢", rows: ["改造项目开工率低", "居民意见收集不充分"] },
  { text: "建筑市场监管存在薄弱环节", rows: ["招投标监管不严"] },
];

interface Row {
  id: string;
  seqLabel: string;
  text: string;
  status: string;
  version: number;
  deadline: string | null;
  can: Record<string, boolean>;
}

let server: TestServer;
let orgId: string;
let office1: Api;
let contact: Api;
let dual: Api;
const rowsAs = async (api: Api) => (await api.get<{ items: Row[] }>("/api/ledger?pageSize=100")).items;
const rowByLabel = async (api: Api, seq: string) => (await rowsAs(api)).find((r) => r.seqLabel === seq)!;

beforeAll(async () => {
  server = await startServer();
  const { secadmin, accounts } = await makeAccounts(server.url, [
    { username: "office1", displayName: "巡察办王敏" },
    { username: "office2", displayName: "巡察办李强" },
    { username: "dual", displayName: "住建局刘芳" },
    { username: "contact", displayName: "住建局联络员" },
    { username: "owner", displayName: "县住建局局长" },
  ]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  await grant(secadmin, accounts.office2!.id, "office_staff");
  office1 = await changePassword(server.url, accounts.office1!);
  await changePassword(server.url, accounts.office2!);
  orgId = await newOrg(office1, ORG);
  const { assignmentId } = await planInspection(office1, orgId, []);
  await office1.post(`/api/assignments/${assignmentId}/feedback`, {
    feedbackDate: DATES.feedbackDate,
    aspects: [
      {
        title: "落实全面从严治党责任不够有力",
        problems: PROBLEMS.map((p) => ({ text: p.text, rows: p.rows.map((text) => ({ text })) })),
      },
    ],
  });
  // dual is both a member of the office and the organisation's contact: the case the rule is about.
  await grant(secadmin, accounts.dual!.id, "office_staff");
  await grant(secadmin, accounts.dual!.id, "org_contact", orgId);
  await grant(secadmin, accounts.contact!.id, "org_contact", orgId);
  await grant(secadmin, accounts.owner!.id, "org_contact", orgId);
  dual = await changePassword(server.url, accounts.dual!);
  contact = await changePassword(server.url, accounts.contact!);
  await changePassword(server.url, accounts.owner!);

  // dual fills row 1.1 and uploads its evidence; the request itself is made in the browser.
  const first = await rowByLabel(dual, "1.1");
  await dual.patch(`/api/ledger/${first.id}`, { version: first.version, measures: "制定老旧小区改造攻坚方案", progress: "done" });
  await dual.upload(`/api/ledger/${first.id}/evidence`, "攻坚方案.pdf", samplePdf("Plan"), "application/pdf");
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

describe("rectification in the browser", () => {
  it("nobody closes a row they asked to close: dual asks, sees no 销号 and is refused; office2 closes it", async () => {
    const b = await openBrowser(server.url, "dual");
    const { page } = b;
    await login(page, "dual", PASSWORD);
    const first = await rowByLabel(dual, "1.1");
    await page.goto(`/ledger?open=${first.id}`);
    const drawer = page.locator(".ant-drawer-content");
    await visible(drawer.getByText("改造项目开工率低").first());
    await drawer.getByRole("button", { name: "申请销号" }).click();
    const ask = page.getByRole("dialog").filter({ has: page.getByText("申请销号：第1.1条") });
    await visible(ask);
    expect(
      await andWaitFor(page, "POST", "/request-closeout", () => ask.getByRole("button", { name: label("确定") }).click()),
    ).toBe(200);
    await visible(drawer.getByText("待销号").first());
    // dual may review close-outs in general, but not this one: no 销号 or 退回 button for it.
    expect(await drawer.getByRole("button", { name: label("销号") }).count()).toBe(0);
    expect(await drawer.getByRole("button", { name: label("退回") }).count()).toBe(0);
    await b.shot("rectification-01-own-request-no-close");
    // And the server refuses it too, saying why.
    const refused = await fetchAs(dual, `/api/ledger/${first.id}/close`, {});
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("不能审核自己提出的销号申请");

    const o2 = await openBrowser(server.url, "office2");
    await login(o2.page, "office2", PASSWORD);
    await o2.page.goto(`/ledger?open=${first.id}`);
    const d2 = o2.page.locator(".ant-drawer-content");
    await d2.getByRole("button", { name: label("销号") }).click();
    const close = o2.page.getByRole("dialog").filter({ has: o2.page.getByText("销号：第1.1条") });
    expect(await andWaitFor(o2.page, "POST", "/close", () => close.getByRole("button", { name: label("确定") }).click())).toBe(
      200,
    );
    await visible(d2.getByText("已销号").first());
    expect((await rowByLabel(office1, "1.1")).status).toBe("closed");
  });

  it("the contact sets the responsible leader of two rows at once; 责任清单 groups them under that leader", async () => {
    const b = await openBrowser(server.url, "contact");
    const { page } = b;
    await login(page, "contact", PASSWORD);
    await page.goto("/ledger");
    const row = (text: string) => page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: text });
    await visible(row("居民意见收集不充分"));
    await row("居民意见收集不充分").getByRole("checkbox").check();
    await row("招投标监管不严").getByRole("checkbox").check();
    await visible(page.getByText(/已选择\s*2\s*条/));
    await page.getByRole("button", { name: "批量设置" }).click();
    const dialog = page.getByRole("dialog").filter({ has: page.getByText("批量设置") });
    await visible(dialog);
    await dialog.getByLabel("责任领导").fill("张建国");
    await dialog.getByLabel("责任部门").fill("局办公室");
    await typeDate(dialog.getByLabel("整改时限"), "2026-06-30");
    expect(
      await andWaitFor(page, "POST", "/api/ledger/batch", () => dialog.getByRole("button", { name: label("确定") }).click()),
    ).toBe(200);
    await overlaysClosed(page);
    const rows = await rowsAs(contact);
    for (const seq of ["1.2", "2"]) {
      const r = rows.find((x) => x.seqLabel === seq)!;
      expect(r.deadline).toBe("2026-06-30");
    }

    // The three lists of the same rows.
    await page.goto(`/ledger?orgId=${orgId}&view=responsibilities`);
    const group = page.locator(".ant-collapse-item").filter({ hasText: "张建国 · 局办公室" });
    await visible(group);
    expect(await group.locator(".ant-collapse-header").innerText()).toContain("2 条");
    await b.shot("rectification-02-responsibility-list");
    await page.getByText("问题清单", { exact: true }).click();
    await visible(page.locator(".ant-collapse-item").filter({ hasText: "1. 城镇老旧小区改造推进缓慢" }));
    expect(await page.locator(".ant-collapse-item").count()).toBe(2);
    await page.getByText("任务清单", { exact: true }).click();
    await visible(page.locator(".ant-collapse-item").filter({ hasText: "制定老旧小区改造攻坚方案" }));
    await visible(page.locator(".ant-collapse-item").filter({ hasText: "未填写整改措施" }));
    await b.shot("rectification-03-task-list");
  });

  it("a directive from the secretary's meeting: office1 records it, its owner reports, office2 confirms; 办结率 100%", async () => {
    const b = await openBrowser(server.url, "office1");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "点人点事" }).click();
    await page.waitForURL("**/directives");
    await page.getByRole("button", { name: "登记专题会" }).click();
    const meeting = page.getByRole("dialog").filter({ has: page.getByText("登记书记专题会") });
    await typeDate(meeting.getByLabel("召开日期"), "2026-01-10");
    await meeting.getByLabel("会议名称").fill("县委书记专题会（第二轮巡察）");
    await meeting.getByRole("button", { name: label("保存") }).click();
    await toast(page, "已登记");
    await overlaysClosed(page);

    await page.getByRole("button", { name: "登记点人点事" }).click();
    const form = page.getByRole("dialog").filter({ has: page.getByText("登记点人点事") });
    await pickOption(page, form.getByLabel("书记专题会"), "县委书记专题会（第二轮巡察）");
    await form.getByText("点事", { exact: true }).click();
    await form.getByLabel("所点的人或事").fill("老旧小区改造资金拨付滞后");
    await form.getByLabel("办理要求").fill("一个月内完成拨付并报告");
    await form.getByLabel("责任单位或责任人").fill("县住建局");
    await pickOption(page, form.getByLabel("办理账号"), "县住建局局长");
    await typeDate(form.getByLabel("办结时限"), "2026-02-10");
    await form.getByRole("button", { name: label("保存") }).click();
    await overlaysClosed(page);
    const line = page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: "老旧小区改造资金拨付滞后" });
    await visible(line);
    await b.shot("rectification-04-directive-recorded");

    const owner = await openBrowser(server.url, "owner");
    await login(owner.page, "owner", PASSWORD);
    await owner.page.goto("/directives");
    const mine = owner.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: "老旧小区改造资金拨付滞后" });
    await mine.getByRole("button", { name: "报告办结" }).click();
    const report = owner.page.getByRole("dialog").filter({ has: owner.page.getByText("报告办理情况") });
    await report.getByLabel("办理情况及佐证").fill("资金已于1月25日全部拨付，拨付凭证已存档");
    await report.getByRole("button", { name: label("提交") }).click();
    await toast(owner.page, "已报告办结");

    const o2 = await openBrowser(server.url, "office2");
    await login(o2.page, "office2", PASSWORD);
    await o2.page.goto("/directives");
    const toConfirm = o2.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: "老旧小区改造资金拨付滞后" });
    await toConfirm.getByRole("button", { name: "确认办结" }).click();
    await o2.page.locator(".ant-popconfirm").getByRole("button", { name: "确认办结" }).click();
    await visible(toConfirm.getByText("已办结"));
    await visible(o2.page.getByText("100.0%").first());
    await o2.shot("rectification-05-directive-done");
    expect(await office1.get("/api/figures/directives")).toMatchObject({ total: 1, done: 1, doneRate: 1 });
  });

  it("a warning appears in the notification centre when a deadline comes near: yellow to the contact, who follows it to the row", async () => {
    // Row 1.2 falls due a week from today (China time): within the yellow band of 10 working days.
    const inAWeek = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10);
    const row = await rowByLabel(contact, "1.2");
    await contact.patch(`/api/ledger/${row.id}`, { version: row.version, deadline: inAWeek });

    // The office runs the check now (the scheduled job does the same every hour).
    const b = await openBrowser(server.url, "office1");
    await login(b.page, "office1", PASSWORD);
    await b.page.getByRole("button", { name: "提醒中心" }).click();
    await b.page.waitForURL("**/notifications");
    expect(
      await andWaitFor(b.page, "POST", "/run-warnings", () => b.page.getByRole("button", { name: "立即检查预警" }).click()),
    ).toBe(200);
    // Row 2 is overdue (its deadline, 2026-06-30, has passed): the office is told to consider a supervision letter.
    await visible(b.page.getByText(`${ORG}有1条整改任务已逾期，建议制发督办函`));
    await b.shot("rectification-06-office-notices");

    const c = await openBrowser(server.url, "contact");
    await login(c.page, "contact", PASSWORD);
    const bell = c.page.getByRole("button", { name: "提醒中心" });
    await visible(bell);
    // The badge counts the contact's unread notices: one yellow (1.2) and one red (2).
    await expect.poll(async () => (await c.page.locator(".ant-badge .ant-scroll-number").first().innerText()).trim()).toBe("2");
    await bell.click();
    await c.page.waitForURL("**/notifications");
    const yellow = c.page.locator(".ant-list-item").filter({ hasText: "黄色预警" });
    await visible(yellow);
    expect(await yellow.innerText()).toContain(`整改时限为${inAWeek}`);
    await visible(c.page.locator(".ant-list-item").filter({ hasText: "红色预警" }));
    await c.shot("rectification-07-contact-notifications");
    await yellow.getByText(`${ORG}整改任务即将到期`).click();
    await c.page.waitForURL(`**/ledger?open=${row.id}`);
    await visible(c.page.locator(".ant-drawer-content").getByText("居民意见收集不充分").first());

    // Checking again sends nothing twice.
    const again = await office1.post<{ sent: number }>("/api/notifications/run-warnings");
    expect(again.sent).toBe(0);
  });
});

/** A raw call that returns the refusal rather than throwing it. */
async function fetchAs(api: Api, url: string, body: unknown): Promise<{ status: number; message: string }> {
  try {
    await api.post(url, body);
    return { status: 200, message: "" };
  } catch (e) {
    const err = e as { status?: number; message: string };
    return { status: err.status ?? 0, message: err.message };
  }
}
