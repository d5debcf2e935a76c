/**
 * 统计分析 on the demo (`npm start -- --demo`), as the demo office head: every figure a seed document quotes that the
 * demo holds appears on the dashboards with the seed's number — read from the text written beside each chart (its
 * table view and totals) and from the drill-down drawer's count, since ECharts draws on a canvas:
 *
 * - seed 003 (衡阳): 县委书记点人点事 25 项，其中 9 项没有落实到位; full coverage of 100 机关事业单位 and 491 村（社区）
 *   (591), 39 agencies inspected (39%) and 405 villages (82%); "2021年7月换届至2023年9月，只完成了19个单位党组织的
 *   巡察任务，完成率19%"; its own rectification: 14 problems, all done.
 * - seed 000 (汨罗): 4 个方面 13 个问题 refined into 23, all 23 done; 51 leads of the 十一届 rounds five, six, seven and
 *   the 政法 special, 49 naming a responsible person and 2 only a unit; round five 20 leads — 进一步了解关注类 4, 立案 3
 *   (75%), 了解关注类 15, 立案 7 (47%); round six 10 leads, 3 filed; the special 11 revised + 6 added = 17.
 * - seed 002 (市委市级机关工委): 25 problems, 8 done, 17 with significant progress.
 * - seed 000 (汨罗) again: "十一届市委以来共开展9次巡察培训，共计参训人员560人" and "目前已推荐入库人员230名" on the
 *   office's view (巡察干部培训, 巡察人才库).
 *
 * Then: a click on a bar opens its records and one of them is followed; filtering by a round changes the figures and
 * survives a reload (the filter is in the address); a chart saves as a PNG; the leads card is absent for a
 * supervising leader, who may not see leads.
 */
import fs from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  afterBrowserTest,
  chartsSettled,
  closeBrowsers,
  hidden,
  label,
  login,
  openBrowser,
  visible,
  type UserBrowser,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const DEMO_PASSWORD = "Demo#2024xc";

const HENGYANG_TERM = "十三届衡阳县委";
const MILUO_TERM = "十一届汨罗市委";

/** The three seed inspections' rectification, by round and by organisation (seeds 000, 002, 003). */
const RECTIFICATION = [
  { round: "八届岳阳市委2023年提级巡察", org: "汨罗市委巡察机构", rows: "23", done: "23", significant: "0" },
  { round: "XX市委2023年第一轮巡察", org: "市委市级机关工委", rows: "25", done: "8", significant: "17" },
  { round: "衡阳市委2023年提级巡察", org: "衡阳县委巡察机构", rows: "14", done: "14", significant: "0" },
] as const;

let server: TestServer;
beforeAll(async () => {
  server = await startServer(["--demo"]);
}, 240_000);
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

const card = (page: Page, figure: string) => page.getByTestId(`stat-${figure}`);

/** Shows a figure's card as a table (the same numbers as its chart). */
async function asTable(page: Page, figure: string): Promise<Locator> {
  const c = card(page, figure);
  await c.locator(".ant-segmented-item").filter({ hasText: "表格" }).click();
  await visible(c.locator(".ant-table"));
  return c;
}

async function asChart(page: Page, figure: string): Promise<void> {
  const c = card(page, figure);
  await c.locator(".ant-segmented-item").filter({ hasText: "图表" }).click();
  await visible(c.locator("canvas").first());
}

/** The number of `measure` in the table row whose first cell is exactly `group`. */
async function cell(c: Locator, group: string, measure: string): Promise<string> {
  const row = c
    .locator("tr.ant-table-row")
    .filter({ has: c.page().locator("td:first-child", { hasText: new RegExp(`^${group}$`) }) });
  return (await row.locator(`[data-measure="${measure}"]`).innerText()).trim();
}

/** A figure's total of `measure`, as written under its chart. */
async function total(page: Page, figure: string, measure: string): Promise<string> {
  return (await page.getByTestId(`totals-${figure}`).locator(`[data-measure="${measure}"]`).innerText()).trim();
}

async function headline(page: Page, key: string): Promise<{ value: string; sub: string }> {
  const h = page.getByTestId(`headline-${key}`);
  await visible(h.locator(".ant-statistic"));
  const value = (await h.locator(".ant-statistic-content").innerText()).replace(/\s+/g, "");
  const sub = (await page.getByTestId(`headline-${key}-sub`).innerText()).replace(/\s+/g, " ").trim();
  return { value, sub };
}

/** Picks in one of the filter's selects (by its label), typing to find the option in a long list. */
async function pick(page: Page, labelText: string, option: string): Promise<void> {
  const input = page.getByLabel(labelText, { exact: true });
  // A chosen value covers the search input: open the select by its box.
  await input.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]").click();
  await input.fill(option);
  const list = await input.getAttribute("aria-controls");
  await page
    .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`)
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

/** Waits until every figure on the page has answered for the current filter. */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector(".ant-layout-content .ant-spin-spinning, .ant-layout-content .ant-skeleton"),
  );
}

/**
 * Where the chart in a card drew the group with this index (its bars in one of these colours): the middle of the part
 * drawn in `color`, in page coordinates. The canvas is read pixel by pixel: columns holding any of the bar colours
 * make one cluster per group, in the groups' order.
 */
async function barPoint(c: Locator, groupIndex: number, barColors: string[], color: string): Promise<{ x: number; y: number }> {
  const canvas = c.locator("canvas").first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("chart canvas not on screen");
  const p = await canvas.evaluate(
    (el, { groupIndex, barColors, color }) => {
      const cv = el as HTMLCanvasElement;
      const g = cv.getContext("2d")!;
      const { width, height } = cv;
      const ratio = width / cv.clientWidth;
      const data = g.getImageData(0, 0, width, height).data;
      const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const near = (x: number, y: number, c: number[]) => {
        const i = (y * width + x) * 4;
        return Math.abs(data[i]! - c[0]!) < 4 && Math.abs(data[i + 1]! - c[1]!) < 4 && Math.abs(data[i + 2]! - c[2]!) < 4;
      };
      const bars = barColors.map(rgb);
      const target = rgb(color);
      const top = Math.round(60 * ratio); // below the legend, whose swatches share the colours
      const clusters: Array<[number, number]> = [];
      for (let x = 0; x < width; x++) {
        let hit = false;
        for (let y = top; y < height && !hit; y++) hit = bars.some((b) => near(x, y, b));
        const last = clusters[clusters.length - 1];
        if (hit && last && last[1] === x - 1) last[1] = x;
        else if (hit) clusters.push([x, x]);
      }
      const cluster = clusters[groupIndex];
      if (!cluster) return null;
      const x = Math.round((cluster[0] + cluster[1]) / 2);
      const ys: number[] = [];
      for (let y = top; y < height; y++) if (near(x, y, target)) ys.push(y);
      if (!ys.length) return null;
      return { x: x / ratio, y: (ys[0]! + ys[ys.length - 1]!) / 2 / ratio, clusters: clusters.length };
    },
    { groupIndex, barColors, color },
  );
  if (!p) throw new Error(`no bar of group ${groupIndex} in ${color}`);
  return { x: box.x + p.x, y: box.y + p.y };
}

async function signIn(user: string): Promise<UserBrowser> {
  const b = await openBrowser(server.url, user);
  await login(b.page, user, DEMO_PASSWORD);
  await b.page.getByRole("menu").getByRole("menuitem", { name: "统计分析" }).click();
  await b.page.waitForURL("**/dashboard**");
  await loaded(b.page);
  return b;
}

const drawer = (page: Page) => page.locator(".ant-drawer-content");

describe("统计分析 on the demo", () => {
  it("the leading group's view shows the seeds' figures: directives, rectification, coverage, leads", async () => {
    const b = await signIn("demo_head");
    const { page } = b;
    await visible(page.getByRole("tab", { name: "领导小组", selected: true }));

    // Seed 003: 25 directives, 9 of them not done (16 done).
    const d = await headline(page, "directives");
    expect(d.sub).toBe("25 项中已办结 16 项，未办结 9 项");
    expect(d.value).toBe("64%");
    expect([await total(page, "directives", "total"), await total(page, "directives", "notDone")]).toEqual(["25", "9"]);

    // Seeds 000, 002, 003: each inspection's rectification, by its round.
    const byRound = await asTable(page, "rectification_by_round");
    for (const r of RECTIFICATION) {
      expect(await cell(byRound, r.round, "rows"), r.round).toBe(r.rows);
      expect(await cell(byRound, r.round, "done"), r.round).toBe(r.done);
      expect(await cell(byRound, r.round, "significant"), r.round).toBe(r.significant);
    }
    await asChart(page, "rectification_by_round");

    // Seed 003: 衡阳's coverage of its term.
    await pick(page, "届次", HENGYANG_TERM);
    await page.waitForURL(/termId=/);
    await loaded(page);
    const coverage = await asTable(page, "coverage");
    expect(await cell(coverage, "机关事业单位", "total")).toBe("100");
    expect(await cell(coverage, "机关事业单位", "inspected")).toBe("39");
    expect(await cell(coverage, "机关事业单位", "rate")).toBe("39%");
    expect(await cell(coverage, "村（社区）", "total")).toBe("491");
    expect(await cell(coverage, "村（社区）", "inspected")).toBe("405");
    expect(await cell(coverage, "村（社区）", "rate")).toBe("82%");
    expect(await total(page, "coverage", "total")).toBe("591");
    expect((await headline(page, "coverage")).sub).toBe("已巡察 444 / 591 个");
    await asChart(page, "coverage");
    await chartsSettled(page);
    await b.shot("dashboard-01-leading-hengyang");

    // The same term up to the elevated inspection's entry (2023-09-05): "只完成了19个单位党组织的巡察任务，完成率19%".
    // The filter is in the address: a shared link opens the same view.
    await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&to=2023-09-04`);
    await loaded(page);
    expect(await page.getByPlaceholder("结束日期").inputValue()).toBe("2023-09-04");
    const until = await asTable(page, "coverage");
    expect(await cell(until, "机关事业单位", "inspected")).toBe("19");
    expect(await cell(until, "机关事业单位", "rate")).toBe("19%");
    await page.getByRole("button", { name: label("重置") }).click();
    await page.waitForURL((u) => !u.search.includes("termId"));

    // Seed 000: 汨罗's 51 leads, 49 naming a person, 2 a unit only.
    await pick(page, "届次", MILUO_TERM);
    await loaded(page);
    await expect.poll(async () => (await headline(page, "leads")).sub).toBe("线索 51 条，立案 19 件，明确责任人 49 条");
    const leads = await asTable(page, "leads_by_class");
    expect(await total(page, "leads_by_class", "leads")).toBe("51");
    expect(51 - Number(await total(page, "leads_by_class", "namingPerson"))).toBe(2);

    // Filtering by round five changes the figures: 20 leads; 4 priority, 3 filed (75%); 15 attention, 7 filed (47%).
    await pick(page, "巡察轮次", "十一届汨罗市委第五轮巡察");
    await page.waitForURL(/roundId=/);
    await expect.poll(() => total(page, "leads_by_class", "leads")).toBe("20");
    expect(await cell(leads, "进一步了解关注类", "leads")).toBe("4");
    expect(await cell(leads, "进一步了解关注类", "filed")).toBe("3");
    expect(await cell(leads, "进一步了解关注类", "filingRate")).toBe("75%");
    expect(await cell(leads, "了解关注类", "leads")).toBe("15");
    expect(await cell(leads, "了解关注类", "filed")).toBe("7");
    expect(await cell(leads, "了解关注类", "filingRate")).toBe("47%");
    expect((await headline(page, "leads")).sub).toMatch(/^线索 20 条/);

    // The filtered view reloads as it was.
    await page.reload();
    await loaded(page);
    await visible(page.locator(".ant-select-selection-item", { hasText: "十一届汨罗市委第五轮巡察" }));
    await expect.poll(() => total(page, "leads_by_class", "leads")).toBe("20");
    await asChart(page, "leads_by_class");
    await chartsSettled(page);
    await b.shot("dashboard-02-leading-miluo-round-five");

    // Round six: 10 leads, 3 filed; the special: 17 (11 revised after the pre-review, 6 added).
    await pick(page, "巡察轮次", "十一届汨罗市委第六轮巡察");
    await expect.poll(() => total(page, "leads_by_class", "leads")).toBe("10");
    expect(await total(page, "leads_by_class", "filed")).toBe("3");
    await pick(page, "巡察轮次", "十一届汨罗市委政法领域专项巡察");
    await expect.poll(() => total(page, "leads_by_class", "leads")).toBe("17");
  });

  it("a bar drills down to its records, and a record opens in its own screen", async () => {
    const b = await signIn("demo_head");
    const { page } = b;
    // The groups in the chart's order, from the table view.
    const table = await asTable(page, "rectification_by_round");
    const groups = (await table.locator("tr.ant-table-row td:first-child").allInnerTexts()).map((t) => t.trim());
    const index = groups.indexOf("XX市委2023年第一轮巡察");
    expect(index).toBeGreaterThanOrEqual(0);
    await asChart(page, "rectification_by_round");
    await chartsSettled(page);

    // The 已完成 (green) part of that round's bar: seed 002's 8 done.
    const at = await barPoint(card(page, "rectification_by_round"), index, ["#52c41a", "#13c2c2", "#faad14"], "#52c41a");
    await page.mouse.click(at.x, at.y);
    await visible(drawer(page));
    await visible(
      drawer(page).locator(".ant-drawer-title", { hasText: "整改完成率（按轮次） · XX市委2023年第一轮巡察 · 已完成 · 8 条" }),
    );
    await visible(drawer(page).locator(".ant-table-row").first());
    expect(await drawer(page).locator(".ant-table-row").count()).toBe(8);
    for (const text of await drawer(page).locator(".ant-table-row").allInnerTexts()) expect(text).toContain("市委市级机关工委");
    await b.shot("dashboard-03-drill-down");

    // The record's link opens the ledger row.
    const link = drawer(page).locator(".ant-table-row").first().locator("a").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/ledger\?open=[0-9a-f-]{36}$/);
    const problem = (await drawer(page).locator(".ant-table-row").first().locator("td").nth(3).innerText()).trim();
    await link.click();
    await page.waitForURL((u) => `${u.pathname}${u.search}` === href);
    // The ledger has replaced the dashboard and shows the row in its own drawer.
    await hidden(card(page, "rectification_by_round"));
    await visible(page.locator(".ant-drawer-content").filter({ hasText: problem }));
    await b.shot("dashboard-04-drill-down-followed");
  });

  it("the office's view: rectification by organisation, the overdue list drilling down; a chart saved as a PNG", async () => {
    const b = await signIn("demo_head");
    const { page } = b;
    await page.getByRole("tab", { name: "巡察办" }).click();
    await page.waitForURL(/view=office/);
    await loaded(page);

    // Seeds 000, 002, 003 by organisation.
    const byOrg = await asTable(page, "rectification_by_org");
    for (const r of RECTIFICATION) {
      expect(await cell(byOrg, r.org, "rows"), r.org).toBe(r.rows);
      expect(await cell(byOrg, r.org, "done"), r.org).toBe(r.done);
      expect(await cell(byOrg, r.org, "significant"), r.org).toBe(r.significant);
    }
    await asChart(page, "rectification_by_org");

    // The overdue list: 工委's long-term rows open past 2023-12-31 (the demo's supervision letter is about them).
    const overdue = card(page, "overdue");
    const row = overdue.locator(".ant-table-row").filter({ hasText: "市委市级机关工委" });
    await visible(row);
    const count = (await row.locator('[data-measure="overdue"]').innerText()).trim();
    expect(Number(count)).toBeGreaterThan(0);
    expect(await row.locator('[data-measure="maxDaysOverdue"]').innerText()).toMatch(/^\d+ 天$/);
    await chartsSettled(page);
    await b.shot("dashboard-05-office");
    await row.locator('[data-measure="overdue"]').click();
    await visible(
      drawer(page).locator(".ant-drawer-title", { hasText: `逾期未完成整改 · 市委市级机关工委 · 逾期未完成 · ${count} 条` }),
    );
    await visible(drawer(page).locator(".ant-table-row").first());
    expect(await drawer(page).locator(".ant-table-row").count()).toBe(Math.min(Number(count), 20));
    await drawer(page).locator(".ant-drawer-close").click();
    await hidden(drawer(page));

    // PNG export of the chart beside it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card(page, "rectification_by_org").getByRole("button", { name: "导出图片" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^整改完成率（按单位）-\d{4}-\d{2}-\d{2}\.png$/);
    const file = await download.path();
    const png = fs.readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("the office's view: 汨罗's 9 trainings with 560 participants and its talent pool of 230", async () => {
    const b = await signIn("demo_head");
    const { page } = b;
    await page.getByRole("tab", { name: "巡察办" }).click();
    await page.waitForURL(/view=office/);
    await loaded(page);

    // Seed 000: "十一届市委以来共开展9次巡察培训，共计参训人员560人".
    const t = await headline(page, "trainings");
    expect(t).toEqual({ value: "9次", sub: "参训 560 人次" });
    const trainings = await asTable(page, "trainings");
    expect([await total(page, "trainings", "trainings"), await total(page, "trainings", "participants")]).toEqual(["9", "560"]);
    // By the year held: the seed's February and July 2024 trainings fall in 2024.
    expect(await cell(trainings, "2024年", "trainings")).toBe("3");
    let sum = 0;
    for (const year of ["2021年", "2022年", "2023年", "2024年"]) sum += Number(await cell(trainings, year, "participants"));
    expect(sum).toBe(560);

    // Seed 000: "目前已推荐入库人员230名", none removed.
    const p = await headline(page, "pool");
    expect(p.value).toBe("230人");
    expect(p.sub).toMatch(/^组长库 \d+ · 清退 0$/);
    const pool = await asTable(page, "pool");
    expect(await total(page, "pool", "people")).toBe("230");
    expect(Number(await cell(pool, "正式", "people")) + Number(await cell(pool, "后备", "people"))).toBe(230);
    await asChart(page, "trainings");
    await asChart(page, "pool");
    await chartsSettled(page);
    await card(page, "trainings").scrollIntoViewIfNeeded();
    await b.shot("dashboard-07-office-trainings-pool");

    // The trainings number lists the nine, the seed's July training on the revised 条例 among them.
    await page.getByTestId("headline-trainings").locator(".ant-statistic-content").click();
    await visible(drawer(page).locator(".ant-drawer-title", { hasText: "巡察干部培训 · 合计 · 培训期数 · 9 次" }));
    await visible(drawer(page).locator(".ant-table-row").first());
    expect(await drawer(page).locator(".ant-table-row").count()).toBe(9);
    await visible(drawer(page).locator(".ant-table-row", { hasText: "新修订《中国共产党巡视工作条例》和巡察业务知识专题培训" }));
    await b.shot("dashboard-08-office-trainings-drill-down");
  });

  it("leads are confidential: a supervising leader's dashboards have no leads card and no refusal on screen", async () => {
    const b = await signIn("demo_leader");
    const { page } = b;
    await visible(page.getByTestId("headline-done-rate"));
    await visible(card(page, "rectification_by_round"));
    expect(await page.getByTestId("headline-leads").count()).toBe(0);
    expect(await card(page, "leads_by_class").count()).toBe(0);
    // Nor do the terms and rounds this user does not list appear as filters.
    expect(await page.getByLabel("届次", { exact: true }).count()).toBe(0);
    await page.getByRole("tab", { name: "巡察办" }).click();
    await loaded(page);
    expect(await card(page, "leads_by_class").count()).toBe(0);
    expect(await page.locator(".ant-alert-error").count()).toBe(0);
    // 汨罗's supervising leader sees 汨罗's rectification: its 23 rows, all done.
    const byOrg = await asTable(page, "rectification_by_org");
    expect(await cell(byOrg, "汨罗市委巡察机构", "done")).toBe("23");
    await chartsSettled(page).catch(() => undefined);
    await b.shot("dashboard-06-supervising-leader");
  });
});
