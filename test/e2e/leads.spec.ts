/**
 * Leads are confidential, in the browser: the team leader registers and transfers a lead and sees it; the
 * organisation's contact and a team member who is not the leader have no menu entry, the page refuses them and the
 * lead's address shows nothing of it; the commission opens it and records the preliminary check.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD } from "./support/api.ts";
import {
  afterBrowserTest,
  andWaitFor,
  chartsSettled,
  closeBrowsers,
  label,
  login,
  openBrowser,
  toast,
  visible,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { makeAccounts, newOrg, planInspection, type Inspection } from "./support/setup.ts";

const ORG = "县住房和城乡建设局党组";
const SECRET = "副局长王某某在保障房工程验收中收受施工方财物";
const PERSON = "王某某";

let server: TestServer;
let leadId = "";
let plan: Inspection;

beforeAll(async () => {
  server = await startServer();
  const { secadmin, accounts } = await makeAccounts(server.url, [
    { username: "office1", displayName: "巡察办王敏" },
    { username: "head", displayName: "巡察办李主任" },
    { username: "leader", displayName: "第一巡察组组长张明" },
    { username: "member", displayName: "第一巡察组成员刘洋" },
    { username: "contact", displayName: "住建局联络员" },
    { username: "jiwei", displayName: "县纪委监委案管室" },
  ]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  await grant(secadmin, accounts.jiwei!.id, "commission");
  await grant(secadmin, accounts.head!.id, "office_head");
  const office = await changePassword(server.url, accounts.office1!);
  const orgId = await newOrg(office, ORG);
  await grant(secadmin, accounts.contact!.id, "org_contact", orgId);
  plan = await planInspection(office, orgId, ["保障房工程质量监管不严"]);
  await office.post(`/api/teams/${plan.teamId}/members`, { userId: accounts.leader!.id, position: "leader" });
  await office.post(`/api/teams/${plan.teamId}/members`, { userId: accounts.member!.id, position: "member" });
  for (const u of ["head", "leader", "member", "contact", "jiwei"]) await changePassword(server.url, accounts[u]!);
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

describe("leads in the browser", () => {
  it("the team leader registers a lead, sees it in the list and its drawer, and transfers it", async () => {
    const b = await openBrowser(server.url, "leader");
    const { page } = b;
    await login(page, "leader", PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "问题线索" }).click();
    await page.waitForURL("**/leads");
    await visible(page.getByText("问题线索属保密信息"));
    await visible(page.getByText("暂无问题线索"));

    await page.getByRole("button", { name: "登记线索" }).click();
    const form = page.getByRole("dialog").filter({ hasText: "登记问题线索" });
    await visible(form);
    await form.getByText("进一步了解关注类").click();
    await form.getByLabel("线索内容").fill(SECRET);
    await form.getByLabel("责任人").fill(PERSON);
    await form.getByRole("button", { name: "添加涉及人员" }).click();
    await form.getByRole("textbox", { name: "姓名" }).fill(PERSON);
    await form.getByRole("textbox", { name: "职务" }).fill("副局长");
    await b.shot("leads-01-leader-registers");
    expect(
      await andWaitFor(page, "POST", /\/api\/assignments\/[^/]+\/leads$/, () =>
        form.getByRole("button", { name: label("保存") }).click(),
      ),
    ).toBe(200);
    await toast(page, "已登记问题线索");

    // The new lead opens in the drawer, with its person and rank.
    const drawer = page.locator(".ant-drawer-content").filter({ hasText: SECRET });
    await visible(drawer);
    await visible(drawer.getByText("科级"));
    await visible(drawer.getByText("尚未移交"));
    leadId = new URL(page.url()).searchParams.get("lead") ?? "";
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);

    await drawer.getByRole("button", { name: label("移交") }).click();
    const transfer = page.getByRole("dialog").filter({ hasText: "移交问题线索" });
    await visible(transfer);
    expect(await transfer.getByLabel("接收单位").inputValue()).toBe("县纪委监委");
    await b.shot("leads-02-transfer");
    expect(await andWaitFor(page, "POST", "/transfer", () => transfer.getByRole("button", { name: label("移交") }).click())).toBe(
      200,
    );
    await toast(page, "已移交县纪委监委");
    await visible(drawer.getByText(/移交县纪委监委（撤点后移交）/));
    await b.shot("leads-03-transferred");

    await page.goto("/leads");
    const row = page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: SECRET });
    await visible(row);
    expect(await row.innerText()).toContain("进一步了解关注类");
    expect(await row.innerText()).toContain("待处置");
    await visible(page.getByTestId("lead-class-priority"));
    await chartsSettled(page);
    await b.shot("leads-04-leader-list");
  });

  for (const who of ["contact", "member"]) {
    it(`${who === "contact" ? "the organisation's contact" : "a team member who is not the leader"} sees no trace of the lead`, async () => {
      const b = await openBrowser(server.url, who);
      const { page } = b;
      await login(page, who, PASSWORD);
      await visible(page.getByRole("menu"));
      expect(await page.getByRole("menu").getByRole("menuitem", { name: "问题线索" }).count()).toBe(0);

      await page.goto("/leads");
      await visible(page.getByText("无权访问"));
      expect(await page.getByText(SECRET).count()).toBe(0);
      await b.shot(`leads-05-${who}-page`);

      await page.goto(`/leads?lead=${leadId}`);
      await visible(page.getByText("无权访问"));
      for (const text of [SECRET, PERSON]) expect(await page.getByText(text).count()).toBe(0);
      await b.shot(`leads-06-${who}-address`);

      // The server tells them nothing either: the lead does not exist for them, the list is refused.
      const api = await Api.as(server.url, who);
      const one = await api.raw("GET", `/api/leads/${leadId}`);
      expect(one.status).toBe(404);
      expect(await one.text()).not.toContain(SECRET);
      expect((await api.raw("GET", "/api/leads")).status).toBe(403);
    });
  }

  it("the commission opens the lead by its address and records the preliminary check", async () => {
    const b = await openBrowser(server.url, "jiwei");
    const { page } = b;
    await login(page, "jiwei", PASSWORD);
    await page.goto(`/leads?lead=${leadId}`);
    const drawer = page.locator(".ant-drawer-content").filter({ hasText: SECRET });
    await visible(drawer);
    await drawer.getByRole("button", { name: "登记处置" }).click();
    const handle = page.getByRole("dialog").filter({ hasText: "登记处置情况" });
    await visible(handle);
    await visible(handle.getByText("初步核实"));
    expect(await andWaitFor(page, "POST", "/handle", () => handle.getByRole("button", { name: label("保存") }).click())).toBe(
      200,
    );
    await toast(page, "已登记：初步核实");
    await visible(drawer.locator(".ant-timeline").getByText(/初步核实/));
    await b.shot("leads-07-commission-handles");
    const api = await Api.as(server.url, "jiwei");
    const { lead } = await api.get<{ lead: { status: string } }>(`/api/leads/${leadId}`);
    expect(lead.status).toBe("preliminary_check");
  });

  it("the leader reads the consultation's decisions on the lead and on the finding", async () => {
    const head = await Api.as(server.url, "head");
    await head.post(`/api/assignments/${plan.assignmentId}/consultations`, {
      heldOn: "2025-11-10",
      attendees: "巡察办李主任、第一巡察组组长张明",
      summary: "研判问题线索，研讨巡察报告问题定性",
      decisions: [
        { leadId, decision: "线索具体可查，同意移交县纪委监委" },
        { findingId: plan.findingIds[0], decision: "定性为工程建设领域监管不力" },
      ],
    });
    const b = await openBrowser(server.url, "leader");
    const { page } = b;
    await login(page, "leader", PASSWORD);
    await page.goto("/leads");
    await page.getByRole("tab", { name: "办组会商" }).click();
    await visible(page.getByText("2025-11-10 办组会商"));
    await visible(page.getByText("→ 线索具体可查，同意移交县纪委监委"));
    await visible(page.getByText("→ 定性为工程建设领域监管不力"));
    await b.shot("leads-08-consultations");
  });
});
