/**
 * `npm start -- --demo` in the browser: the three progress announcements of the seeds, reproduced from records
 * entered through the system, show exactly the seeds' counts (汨罗 23 of 23 rows done; the city organ work committee's
 * 25 problems, 8 done and 17 with significant progress; 衡阳's 14 problems all done), and the public version hides
 * the names the internal one shows. Then a look at each rectification screen on the demo data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Api } from "./support/api.ts";
import { afterBrowserTest, chartsSettled, closeBrowsers, login, openBrowser, pickOption, visible } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const DEMO_PASSWORD = "Demo#2024xc";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(["--demo"]);
}, 240_000);
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

/** The number on the statistic card with this title. */
async function card(page: import("playwright-core").Page, title: string): Promise<string> {
  const c = page.locator(".ant-statistic").filter({ has: page.locator(".ant-statistic-title", { hasText: title }) });
  return (await c.locator(".ant-statistic-content-value").first().innerText()).trim();
}

const ANNOUNCEMENTS = [
  {
    round: "八届岳阳市委2023年提级巡察",
    org: "汨罗市委巡察机构",
    cards: {
      反馈方面: "4",
      "反馈问题（个）": "13",
      "细化整改任务（条）": "23",
      "任务已完成（已销号）": "23",
      问题已完成整改: "13",
    },
    text: "23",
  },
  {
    round: "XX市委2023年第一轮巡察",
    org: "市委市级机关工委",
    cards: { "反馈问题（个）": "25", 问题已完成整改: "8", 问题取得明显成效: "17", 问题持续推进: "0" },
    text: "25",
  },
  {
    round: "衡阳市委2023年提级巡察",
    org: "衡阳县委巡察机构",
    cards: { "反馈问题（个）": "14", 问题已完成整改: "14", 问题持续推进: "0" },
    text: "14",
  },
] as const;

describe("the demo in the browser", () => {
  it("the three announcements show the seeds' counts; the public version masks the leaders' names", async () => {
    const b = await openBrowser(server.url, "demo_head");
    const { page } = b;
    await login(page, "demo_head", DEMO_PASSWORD);
    await page.getByRole("menu").getByRole("menuitem", { name: "整改公告" }).click();
    await page.waitForURL("**/announcements**");
    for (const [i, a] of ANNOUNCEMENTS.entries()) {
      await pickOption(page, page.getByRole("combobox").nth(0), a.round);
      await pickOption(page, page.getByRole("combobox").nth(1), a.org);
      await visible(page.locator("article").first());
      await expect.poll(() => card(page, "反馈问题（个）")).toBe(a.cards["反馈问题（个）"]);
      for (const [title, value] of Object.entries(a.cards)) expect(await card(page, title), `${a.org} ${title}`).toBe(value);
      expect(await page.locator("article").first().innerText()).toContain(a.text);
      await b.shot(`demo-0${i + 1}-announcement`);
    }

    // The same figures through the API; internal vs public: a responsible leader's name is shown, then masked.
    const api = await Api.as(server.url, "demo_head", DEMO_PASSWORD);
    const list = await api.get<{ items: Array<{ id: string; orgName: string }> }>("/api/announcements");
    const miluo = list.items.find((x) => x.orgName === "汨罗市委巡察机构")!;
    type Doc = { text: string; figures: Record<string, number> };
    const internal = await api.get<Doc>(`/api/assignments/${miluo.id}/announcement?version=internal`);
    const pub = await api.get<Doc>(`/api/assignments/${miluo.id}/announcement?version=public`);
    expect(internal.figures).toMatchObject({ aspects: 4, problems: 13, rows: 23, rowsDone: 23 });
    const rows = await api.get<{ items: Array<{ responsibleLeader: string | null }> }>(
      `/api/ledger?assignmentId=${miluo.id}&pageSize=100`,
    );
    const names = [
      ...new Set(rows.items.map((r) => r.responsibleLeader).filter((n): n is string => !!n && /^[\u4e00-\u9fa5]{2,3}$/.test(n))),
    ];
    const shownInternally = names.filter((n) => internal.text.includes(n));
    expect(shownInternally.length).toBeGreaterThan(0);
    for (const n of shownInternally) expect(pub.text, n).not.toContain(n);

    await page.getByText("公开版（隐去姓名）").click();
    await visible(page.getByText("公开版已将记录中已知的人名"));
    await b.shot("demo-04-announcement-public");
  });

  it("each rectification screen shows the demo's records", async () => {
    const b = await openBrowser(server.url, "demo_head");
    const { page } = b;
    await login(page, "demo_head", DEMO_PASSWORD);
    // Each screen with a record the demo entered from the seeds, in a table row or card once loaded.
    const screens: Array<[string, string, string]> = [
      ["整改方案", "/plans", "已审核通过"],
      ["集中整改期", "/periods", "逾期完成"],
      ["督办函件", "/letters", "〔2024〕1号"],
      ["共性问题", "/common-problems", "三会一课"],
      ["评估与回头看", "/evaluations", "评估等次分布"],
      ["问责与制度", "/accountability", "约谈"],
      ["点人点事", "/directives", "25 件"],
      ["整改统计", "/figures", "台账总数"],
      ["提醒中心", "/notifications", "建议督办"],
    ];
    for (const [i, [menu, path, text]] of screens.entries()) {
      await page.getByRole("menu").getByRole("menuitem", { name: menu }).click();
      await page.waitForURL(`**${path}**`);
      // Text found only on this screen, once its records have arrived (the previous screen may linger meanwhile).
      await page.waitForFunction(
        (t) =>
          !document.querySelector(".ant-spin-spinning") &&
          (document.querySelector(".ant-layout-content")?.textContent ?? "").includes(t),
        text,
      );
      if (path === "/figures" || path === "/evaluations" || path === "/directives")
        await chartsSettled(page).catch(() => undefined);
      await b.shot(`demo-${String(i + 5).padStart(2, "0")}-${path.slice(1)}`);
    }
    // The plan that was returned once has two versions.
    await page.goto("/plans");
    const jiguan = page.locator(".ant-table-row").filter({ hasText: "市委市级机关工委" });
    await visible(jiguan.getByText("已审核通过"));
    expect(await jiguan.innerText()).toContain("2");
  });

  it("the seeds' inspection figures: 衡阳's coverage 39 % and 82 %, 汨罗's round five filing rates 75 % and 46.7 %", async () => {
    const api = await Api.as(server.url, "demo_head", DEMO_PASSWORD);
    const terms = await api.get<{ items: Array<{ id: string; name: string }> }>("/api/terms");
    const hengyang = terms.items.find((t) => t.name === "十三届衡阳县委")!;
    type Kind = { orgKind: string; inScope: number; inspected: number; rate: number };
    const coverage = await api.get<{ kinds: Kind[] }>(`/api/terms/${hengyang.id}/coverage`);
    const kind = (k: string) => coverage.kinds.find((x) => x.orgKind === k)!;
    expect([kind("agency").inspected, kind("agency").inScope]).toEqual([39, 100]);
    expect([kind("village").inspected, kind("village").inScope]).toEqual([405, 491]);
    expect(Math.round(kind("village").rate * 100)).toBe(82);

    const b = await openBrowser(server.url, "demo_head");
    const { page } = b;
    await login(page, "demo_head", DEMO_PASSWORD);
    await page.goto(`/coverage?termId=${hengyang.id}`);
    await visible(page.getByText("尚未巡察的单位（等待最久的在前）"));
    await chartsSettled(page).catch(() => undefined);
    await b.shot("demo-20-coverage");

    await page.getByRole("menu").getByRole("menuitem", { name: "问题线索" }).click();
    await page.waitForURL("**/leads**");
    // The round list is long (virtual): open it and scroll until round five shows.
    await page
      .getByRole("combobox", { name: "轮次", exact: true })
      .locator("xpath=ancestor::div[contains(@class,'ant-select ')][1]")
      .click();
    const option = page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: "十一届汨罗市委第五轮巡察" });
    for (let i = 0; i < 30 && !(await option.count()); i++) {
      await page.locator(".ant-select-dropdown:visible .rc-virtual-list-holder").hover();
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(100);
    }
    await option.first().click();
    const rate = (cls: string) =>
      page
        .locator(".ant-card")
        .filter({ has: page.locator(".ant-card-head-title", { hasText: new RegExp(`^${cls}$`) }) })
        .locator(".ant-statistic")
        .filter({ hasText: "立案率" })
        .locator(".ant-statistic-content-value")
        .first();
    await expect.poll(async () => (await rate("进一步了解关注类").innerText()).trim()).toBe("75.0%");
    expect((await rate("了解关注类").innerText()).trim()).toBe("46.7%");
    await b.shot("demo-21-leads-round-five");
  });
});
