/**
 * Forming a team from the talent pool, in the browser: the office forms the team and gives it an organisation; a
 * pool member who works in that organisation is refused with the reason on screen (recusal); a suggested member
 * free of ties is added as leader, who becomes the temporary party branch's secretary; the team shows the size
 * warning. Then the pool page with its figures, people and trainings.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api, changePassword, grant, PASSWORD } from "./support/api.ts";
import {
  afterBrowserTest,
  closeBrowsers,
  label,
  login,
  openBrowser,
  overlaysClosed,
  pickOption,
  toast,
  visible,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { DATES, makeAccounts } from "./support/setup.ts";

const TOWN = "某镇党委";
const REFUSAL = "张三 与 某镇党委 存在回避关系（工作单位），不能参加该巡察组";

let server: TestServer;
let office: Api;
let roundId: string;

beforeAll(async () => {
  server = await startServer();
  const { secadmin, accounts } = await makeAccounts(server.url, [{ username: "office1", displayName: "巡察办王敏" }]);
  await grant(secadmin, accounts.office1!.id, "office_staff");
  office = await changePassword(server.url, accounts.office1!);
  const county = (await office.post<{ org: { id: string } }>("/api/orgs", { name: "某县委", kind: "agency" })).org.id;
  const town = (await office.post<{ org: { id: string } }>("/api/orgs", { name: TOWN, kind: "township", parentId: county })).org
    .id;
  const bureau = (
    await office.post<{ org: { id: string } }>("/api/orgs", { name: "县财政局党组", kind: "agency", parentId: county })
  ).org.id;
  const { term } = await office.post<{ term: { id: string } }>("/api/terms", DATES.term);
  roundId = (await office.post<{ round: { id: string } }>("/api/rounds", { termId: term.id, ...DATES.round })).round.id;

  const add = async (body: Record<string, unknown>) =>
    (await office.post<{ person: { id: string } }>("/api/pool", { partyStatus: "full", status: "formal", ...body })).person.id;
  const zhang = await add({
    name: "张三",
    unit: "某镇人民政府",
    unitOrgId: town,
    position: "副镇长",
    rank: "section",
    specialties: ["财务"],
  });
  const li = await add({
    name: "李四",
    unit: "县纪委监委",
    position: "第二纪检监察室主任",
    rank: "section",
    specialties: ["纪检"],
    leaderPool: true,
  });
  const wang = await add({ name: "王五", unit: "县财政局", unitOrgId: bureau, specialties: ["财务"] });
  await add({ name: "赵六", unit: "县审计局", rank: "staff", specialties: ["审计", "财务"] });
  await add({ name: "钱七", unit: "县住建局", partyStatus: "none", specialties: ["工程"] });
  await add({ name: "孙八", unit: "县委组织部", status: "reserve", partyStatus: "probationary", specialties: ["组织人事"] });
  const zhou = await add({ name: "周九", unit: "县司法局", specialties: ["法律"], leaderPool: true });
  await office.post(`/api/pool/${li}/relations`, { orgId: bureau, kind: "led", note: "2018—2020年任该局党组书记" });
  await office.post(`/api/pool/${zhou}/remove`, { reason: "年度考核不称职", version: 1 });
  await office.post("/api/trainings", {
    title: "2025年巡察干部业务培训班",
    heldOn: "2025-08-20",
    days: 3,
    organiser: "县委巡察办",
    personIds: [zhang, li, wang],
  });
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

describe("forming a team from the talent pool", () => {
  it("refuses a member tied to the organisation inspected, with the reason on screen, and adds a clean leader", async () => {
    const b = await openBrowser(server.url, "office1");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.goto(`/rounds/${roundId}`);

    // The office forms the team…
    await page.getByRole("button", { name: "组建巡察组" }).click();
    await page.getByLabel("巡察组名称").fill("第一巡察组");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: label("保存") })
      .click();
    await toast(page, "已组建“第一巡察组”");
    await overlaysClosed(page);

    // …and gives it the township to inspect.
    await page.getByRole("button", { name: "新增巡察任务" }).click();
    const dialog = page.getByRole("dialog");
    await pickOption(page, dialog.getByLabel("巡察组", { exact: true }), "第一巡察组");
    // The organisation picker is found by its form item (its search box carries no label of its own).
    await dialog.locator(".ant-form-item").filter({ hasText: "被巡察单位" }).locator(".ant-select").click();
    await page.keyboard.type(TOWN);
    await page.locator(".ant-select-tree-node-content-wrapper").filter({ hasText: TOWN }).first().click();
    await dialog.getByRole("button", { name: label("保存") }).click();
    await overlaysClosed(page);
    await visible(page.locator(".ant-table-row").filter({ hasText: TOWN }));

    // A pool member who works in the township: refused, and the dialog says why.
    await page.getByRole("button", { name: "添加成员" }).click();
    const member = page.getByRole("dialog");
    await visible(member.getByText("推荐人选"));
    await pickOption(page, member.getByLabel("人才库人员", { exact: true }), "张三");
    await member.getByRole("button", { name: label("添加") }).click();
    const refusal = page.getByTestId("member-refusal");
    await visible(refusal);
    expect(await refusal.innerText()).toContain(REFUSAL);
    // The suggestions leave out who is tied to the township (张三), the reserve and the removed.
    const suggested = member.locator(".ant-list-item");
    await visible(suggested.filter({ hasText: "李四" }));
    const names = await suggested.locator(".ant-list-item-meta-title").allInnerTexts();
    expect(names.some((n) => n.includes("张三") || n.includes("孙八") || n.includes("周九"))).toBe(false);
    await b.shot("team-01-recusal-refused");

    // A suggested member free of ties, from the leader pool, as leader.
    await suggested.filter({ hasText: "李四" }).getByRole("button", { name: "选用" }).click();
    await expect.poll(() => refusal.count()).toBe(0);
    await pickOption(page, member.getByLabel("职务", { exact: true }), "组长");
    await member.getByRole("button", { name: label("添加") }).click();
    await toast(page, "已将 李四 加入第一巡察组（组长）");
    await overlaysClosed(page);

    const card = page.locator(".ant-card-type-inner").filter({ hasText: "第一巡察组" });
    await visible(card.getByText("临时党支部书记：李四"));
    await visible(card.getByText("人才库人员 1 人，少于每组 4 人的要求"));
    await visible(card.locator(".ant-table-row").filter({ hasText: "县纪委监委" }));
    expect(await card.getByText("张三").count()).toBe(0);
    await b.shot("team-02-team-panel");
  });

  it("shows the pool: figures, people with their ties, the leader pool and trainings", async () => {
    const b = await openBrowser(server.url, "office1-pool");
    const { page } = b;
    await login(page, "office1", PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "人才库" }).click();
    await page.waitForURL("**/pool");
    await visible(page.locator(".ant-table-row").filter({ hasText: "张三" }));
    const stat = (title: string) => page.locator(".ant-statistic").filter({ hasText: title }).locator(".ant-statistic-content");
    expect(await stat("在库人员").innerText()).toContain("6");
    expect(await stat("组长库").innerText()).toContain("1");
    expect(await stat("已清退").innerText()).toContain("1");
    // The removed person is not among those in the pool now.
    expect(await page.locator(".ant-table-row").filter({ hasText: "周九" }).count()).toBe(0);
    // 李四 has served one round (the team just formed) and attended one training.
    const li = page.locator(".ant-table-row").filter({ hasText: "李四" });
    await visible(li.getByText("1 轮"));
    await b.shot("team-03-pool-page");

    // The office enters a new person.
    await page.getByRole("button", { name: "入库" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("姓名", { exact: true }).fill("吴十");
    await form.getByLabel("工作单位", { exact: true }).fill("县农业农村局");
    await pickOption(page, form.getByLabel("专长", { exact: true }), "法律");
    await pickOption(page, form.getByLabel("人员状态", { exact: true }), "正式");
    await b.shot("team-03b-person-form");
    await form.getByRole("button", { name: label("保存") }).click();
    await toast(page, "已将 吴十 纳入人才库");
    await overlaysClosed(page);
    await visible(page.locator(".ant-table-row").filter({ hasText: "县农业农村局" }));
    await expect.poll(() => stat("在库人员").innerText()).toContain("7");

    await li.getByRole("button", { name: "详情" }).click();
    const drawer = page.locator(".ant-drawer-content");
    await visible(drawer.getByText("县财政局党组"));
    await visible(drawer.getByText("曾任领导"));
    await visible(drawer.getByText("2025年巡察干部业务培训班"));
    await visible(drawer.getByText("第一巡察组"));
    await b.shot("team-04-person-drawer");
    await page.keyboard.press("Escape");
    await overlaysClosed(page);

    await page.getByRole("tab", { name: "组长库" }).click();
    await visible(page.getByRole("tabpanel").locator(".ant-table-row").filter({ hasText: "李四" }));
    expect(await page.getByRole("tabpanel").locator(".ant-table-row").count()).toBe(1);
    await page.getByRole("tab", { name: "培训" }).click();
    await visible(page.locator(".ant-table-row").filter({ hasText: "2025年巡察干部业务培训班" }));
    await b.shot("team-05-trainings");
  });
});
