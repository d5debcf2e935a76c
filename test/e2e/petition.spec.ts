/**
 * 码上巡察 in the browser: a named petition sent from the public form (no login) shows the sender's identity to the
 * team leader and hides it from the other team members, and an anonymous one stores no identity at all; its
 * receipt code shows its state and reply and nothing more.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, createAccount, grant, PASSWORD, samplePdf } from "./support/api.ts";
import {
  afterBrowserTest,
  closeBrowsers,
  label,
  login,
  openBrowser,
  toast,
  visible,
  type UserBrowser,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { makeAccounts, newOrg, planInspection } from "./support/setup.ts";

const ORG = "某县自然资源局党组";
const NAMED = {
  name: "王小明",
  phone: "13912345678",
  content: "反映某村村委会主任张某在低保评定中优亲厚友，将不符合条件的亲属纳入低保",
};
const ANONYMOUS = { typedName: "李四", content: "反映某局违规发放津补贴，每人每月800元" };
const REPLY = "您反映的问题已核实，已责成有关单位整改。";

interface PetitionJson {
  id: string;
  receiptCode: string;
  anonymous: boolean;
}

let server: TestServer;
let assignmentId = "";
let token = "";
let namedCode = "";
let anonymousCode = "";
let leaderApi: Api;
let memberApi: Api;
let auditApi: Api;

beforeAll(async () => {
  server = await startServer();
  const { admin, secadmin, accounts } = await makeAccounts(server.url, [
    { username: "office1", displayName: "巡察办王敏" },
    { username: "leader1", displayName: "赵组长" },
    { username: "member1", displayName: "孙组员" },
  ]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  const office = await changePassword(server.url, accounts.office1!);
  const plan = await planInspection(office, await newOrg(office, ORG), []);
  assignmentId = plan.assignmentId;
  await office.post(`/api/teams/${plan.teamId}/members`, { userId: accounts.leader1!.id, position: "leader" });
  await office.post(`/api/teams/${plan.teamId}/members`, { userId: accounts.member1!.id, position: "member" });
  leaderApi = await changePassword(server.url, accounts.leader1!);
  memberApi = await changePassword(server.url, accounts.member1!);
  auditApi = await changePassword(server.url, await createAccount(admin, "auditadm", "安全审计员", "audit_admin"));
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

/** A phone-sized browser without any account. */
async function publicBrowser(): Promise<UserBrowser> {
  const b = await openBrowser(server.url, "public");
  await b.page.setViewportSize({ width: 400, height: 860 });
  return b;
}

const petitionsOf = async (api: Api) =>
  (await api.get<{ items: PetitionJson[] }>(`/api/petitions?assignmentId=${assignmentId}`)).items;

describe("码上巡察", () => {
  it("the team leader makes the QR code on the petitions screen", async () => {
    const b = await openBrowser(server.url, "leader1");
    const { page } = b;
    await login(page, "leader1", PASSWORD);
    await page.goto("/petitions");
    const card = page.locator(".ant-card").filter({ hasText: "码上巡察二维码" });
    await card.getByRole("button", { name: "生成二维码" }).click();
    await toast(page, "已生成码上巡察二维码");
    await visible(card.getByRole("img", { name: "码上巡察二维码" }));
    token = (await leaderApi.get<{ link: { token: string } }>(`/api/assignments/${assignmentId}/petition-link`)).link.token;
    expect(await card.innerText()).toContain(`/p/${token}`);
    await card.getByRole("button", { name: "打印海报" }).click();
    const poster = page.getByTestId("qr-poster");
    await visible(poster);
    expect(await poster.innerText()).toContain(ORG);
    await b.shot("petition-01-leader-qr-poster");
    await b.close();
  });

  it("anyone sends a named and an anonymous petition from the public form, without signing in, and gets receipt codes", async () => {
    const b = await publicBrowser();
    const { page } = b;
    await page.goto(`/p/${token}`);
    await visible(page.getByText(`向巡察组反映${ORG}的问题`));
    expect(page.url()).toContain(`/p/${token}`);

    // Named: the name and phone are asked for.
    await page.getByText("实名反映").click();
    await page.getByLabel("姓名").fill(NAMED.name);
    await page.getByLabel("联系电话").fill(NAMED.phone);
    await page.getByLabel("反映内容").fill(NAMED.content);
    await page.locator('input[type="file"]').setInputFiles({
      name: "低保名单.pdf",
      mimeType: "application/pdf",
      buffer: samplePdf("List"),
    });
    await visible(page.getByText("低保名单.pdf"));
    await b.shot("petition-02-public-form-named");
    await page.getByRole("button", { name: label("提交") }).click();
    const code = page.getByTestId("receipt-code");
    await visible(code);
    namedCode = (await code.innerText()).trim();
    expect(namedCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await visible(page.getByText("请抄写或截图保存查询码"));
    await b.shot("petition-03-public-receipt-code");

    // Anonymous (the default): a name typed into the content is the sender's business; no identity field is sent.
    await page.goto(`/p/${token}`);
    await visible(page.getByText("匿名反映不会保存您的任何身份信息", { exact: false }));
    expect(await page.getByLabel("姓名").count()).toBe(0);
    await page.getByLabel("反映内容").fill(ANONYMOUS.content);
    await page.getByRole("button", { name: label("提交") }).click();
    await visible(code);
    anonymousCode = (await code.innerText()).trim();
    expect(anonymousCode).not.toBe(namedCode);
    await b.close();
  });

  it("shows the sender's identity to the team leader (recorded), and hides it from the other team members", async () => {
    const petitions = await petitionsOf(leaderApi);
    const named = petitions.find((p) => p.receiptCode === namedCode)!;
    const anonymous = petitions.find((p) => p.receiptCode === anonymousCode)!;
    expect(named.anonymous).toBe(false);
    expect(anonymous.anonymous).toBe(true);

    const lb = await openBrowser(server.url, "leader1");
    await login(lb.page, "leader1", PASSWORD);
    await lb.page.goto("/petitions");
    const row = (text: string) => lb.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: text });
    await visible(row(NAMED.content.slice(0, 12)));
    expect(await lb.page.getByText(NAMED.name).count()).toBe(0);
    await row(NAMED.content.slice(0, 12)).click();
    const drawer = lb.page.locator(".ant-drawer-content");
    await visible(drawer.getByText("低保名单.pdf"));
    await drawer.getByRole("button", { name: "查看举报人身份" }).click();
    await lb.page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: label("查看") })
      .click();
    const identity = lb.page.getByTestId("petition-identity");
    await visible(identity);
    expect(await identity.innerText()).toContain(NAMED.name);
    expect(await identity.innerText()).toContain(NAMED.phone);
    await visible(drawer.getByText("本次查看已记入审计日志"));
    await lb.shot("petition-04-leader-sees-identity");

    // The leader answers: the sender will read it with the receipt code.
    await drawer.getByRole("button", { name: label("办理") }).click();
    const dialog = lb.page.getByRole("dialog").filter({ hasText: "办理信访举报" });
    await visible(dialog);
    await dialog.locator(".ant-select").first().click();
    await lb.page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "已办结" }).click();
    await dialog.getByLabel("办理情况（仅巡察组和巡察办可见）").fill("经核实，张某亲属不符合低保条件，已责成镇政府重新评定");
    await dialog.getByLabel("答复举报人").fill(REPLY);
    await dialog.getByRole("button", { name: label("保存") }).click();
    await toast(lb.page, "已保存办理情况");
    await visible(drawer.getByText(`${REPLY}（`, { exact: false }));
    await lb.close();

    // Another member of the same team sees the petition but not who sent it.
    const mb = await openBrowser(server.url, "member1");
    await login(mb.page, "member1", PASSWORD);
    await mb.page.goto("/petitions");
    const mrow = (text: string) => mb.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: text });
    await visible(mrow(NAMED.content.slice(0, 12)));
    await mrow(NAMED.content.slice(0, 12)).click();
    const mdrawer = mb.page.locator(".ant-drawer-content");
    await visible(mdrawer.getByText("举报人身份信息仅限巡察组组长和巡察办主任查看", { exact: false }));
    expect(await mdrawer.getByRole("button", { name: "查看举报人身份" }).count()).toBe(0);
    expect(await mb.page.getByText(NAMED.name).count()).toBe(0);
    expect(await mb.page.getByText(NAMED.phone).count()).toBe(0);
    await mb.shot("petition-05-member-no-identity");
    const refused = await memberApi.raw("GET", `/api/petitions/${named.id}/identity`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe("举报人身份信息仅限巡察组组长和巡察办主任查看");

    // The anonymous one: nothing to show, to anyone.
    await mb.page.locator(".ant-drawer-close").click();
    await mrow(ANONYMOUS.content.slice(0, 10)).click();
    await visible(mb.page.locator(".ant-drawer-content").getByText("匿名举报，未留存举报人身份信息"));
    const none = await leaderApi.raw("GET", `/api/petitions/${anonymous.id}/identity`);
    expect(none.status).toBe(422);
    expect(((await none.json()) as { message: string }).message).toBe("这是匿名举报，没有留存举报人身份信息");
    await mb.close();

    // The audit trail has the leader's look, and no sender's name or phone anywhere.
    const trail = await auditApi.get<{ items: Array<{ action: string; actorName: string; recordIds: string[] }> }>(
      "/api/audit?pageSize=200",
    );
    const looks = trail.items.filter((e) => e.action === "petition.view_identity" && e.recordIds.includes(named.id));
    expect(looks.map((e) => e.actorName)).toEqual(["赵组长（leader1）"]);
    const all = JSON.stringify(trail.items);
    for (const secret of [NAMED.name, NAMED.phone, ANONYMOUS.typedName]) expect(all).not.toContain(secret);
    const received = trail.items.find((e) => e.action === "petition.receive" && e.recordIds.includes(anonymous.id))!;
    expect(received.recordIds).toEqual([anonymous.id]);
  });

  it("the receipt code shows the state and the reply, and nothing more", async () => {
    const b = await publicBrowser();
    const { page } = b;
    await page.goto("/p/receipt");
    await page.getByLabel("查询码").fill(namedCode.toLowerCase());
    await page.getByRole("button", { name: label("查询") }).click();
    await visible(page.getByText("已办结"));
    await visible(page.getByText(REPLY));
    const text = await page.locator("main").innerText();
    for (const hidden of [ORG, NAMED.name, NAMED.phone, NAMED.content.slice(0, 12), "张某", "重新评定"]) {
      expect(text).not.toContain(hidden);
    }
    // The lookup has finished (the button reads 查询 again).
    await visible(page.getByRole("button", { name: label("查询") }));
    await b.shot("petition-06-public-receipt-lookup");

    // The anonymous one is waiting, with no reply yet.
    await page.getByLabel("查询码").fill(anonymousCode);
    await page.getByRole("button", { name: label("查询") }).click();
    await visible(page.getByText("已收到，等待办理"));
    await visible(page.getByText("暂无答复"));

    await page.getByLabel("查询码").fill("ABCD-EFGH-JKLM");
    await page.getByRole("button", { name: label("查询") }).click();
    await toast(page, "查询码不存在，请核对后重新输入");
    await b.close();
  });
});
