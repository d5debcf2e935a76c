/**
 * Official documents in the browser, on the demo: the office downloads the 汨罗 progress announcement (public) as
 * Word and it reads like seed 000 — the same parts in the same order and the same counts — and lays out as an
 * official document (LibreOffice → PDF → GB/T 9704 checks); so do a letter and the ledger (landscape). Then the
 * office edits the letter template on /documents: an unknown placeholder is refused by name; once fixed, the next
 * letter carries the new wording.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MILUO } from "../../src/server/demo/miluo.ts";
import { checkOfficialLayout, docxToPdf, unzip } from "../support/layout.ts";
import { Api } from "./support/api.ts";
import { afterBrowserTest, closeBrowsers, login, openBrowser, toast, visible, type UserBrowser } from "./support/browser.ts";
import { ROOT, startServer, type TestServer } from "./support/server.ts";

const DEMO_PASSWORD = "Demo#2024xc";
const SEED = path.join(ROOT, "..", "shared", "seeds", "000_90d6e857ca9ab101.txt");
const SHOTS = path.join(ROOT, "test-results/e2e");

let server: TestServer;
let api: Api;
let miluoId = "";

beforeAll(async () => {
  server = await startServer(["--demo"]);
  api = await Api.as(server.url, "demo_office", DEMO_PASSWORD);
  const list = await api.get<{ items: Array<{ id: string; orgName: string }> }>("/api/announcements");
  miluoId = list.items.find((x) => x.orgName === "汨罗市委巡察机构")!.id;
}, 240_000);
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

/** word/document.xml as text, one line per paragraph. */
function docxLines(docx: Buffer): string[] {
  const xml = unzip(docx).get("word/document.xml")!.toString("utf8");
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Clicks a "生成公文" dropdown's item and returns the file the browser downloaded. */
async function downloadFrom(page: Page, button: ReturnType<Page["locator"]>, group: string | null, format: "Word" | "PDF") {
  await button.click();
  const menu = page.locator(".ant-dropdown:visible");
  const scope = group ? menu.locator(".ant-dropdown-menu-item-group").filter({ hasText: group }) : menu;
  const item = scope.getByRole("menuitem").filter({ hasText: format }).first();
  const [download] = await Promise.all([page.waitForEvent("download"), item.click()]);
  const file = path.join(SHOTS, `documents-${download.suggestedFilename()}`);
  fs.mkdirSync(SHOTS, { recursive: true });
  await download.saveAs(file);
  return { name: download.suggestedFilename(), buf: fs.readFileSync(file), file };
}

/** Page 1 of a PDF as a PNG next to the screenshots, to look at. */
function pageImage(pdf: Buffer, name: string, pageNo = 1): string {
  const pdfFile = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(pdfFile, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(pageNo), "-l", String(pageNo), pdfFile, path.join(SHOTS, name)]);
  return pdfFile;
}

/** The indexes of `parts` in `lines` (first line containing each, searching on from the previous one). */
function positions(lines: string[], parts: string[]): number[] {
  let from = 0;
  return parts.map((p) => {
    const i = lines.findIndex((l, k) => k >= from && l.includes(p));
    if (i >= 0) from = i + 1;
    return i;
  });
}

const CN = "[一二三四五六七八九十]+";

describe("documents from the demo's records", () => {
  let b: UserBrowser;

  it("the 汨罗 public announcement as Word reads like seed 000 and lays out as an official document", async () => {
    b = await openBrowser(server.url, "demo_office");
    const { page } = b;
    await login(page, "demo_office", DEMO_PASSWORD);
    await page.goto(`/announcements?assignmentId=${miluoId}&version=public`);
    await visible(page.locator("article").first());
    const button = page.getByRole("button", { name: /生成公文/ });
    const { name, buf } = await downloadFrom(page, button, "公开版", "Word");
    expect(name).toBe("中共汨罗市委巡察机构关于巡察整改进展情况的通报.docx");
    const lines = docxLines(buf);
    const text = lines.join("\n");

    const seed = fs.readFileSync(SEED, "utf8").replace(/\[bookmark: _GoBack\]/, "");
    const seedLines = seed
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    // The title, word for word.
    expect(lines[0]).toBe(seedLines[0]);
    // The opening: who inspected whom, when, fed back when, how many aspects and problems (the seed's own numbers).
    const seedCounts = /共指出.*?(\d+)个方面(\d+)个问题/.exec(seed)!;
    expect(seedCounts.slice(1)).toEqual(["4", "13"]);
    for (const s of [
      "2023年9月6日至11月7日",
      "岳阳市委提级巡察组",
      "对汨罗市委巡察机构开展了提级巡察",
      "2023年12月14日",
      `共指出${seedCounts[1]}个方面${seedCounts[2]}个问题`,
      "予以公布",
    ])
      expect(lines[1], s).toContain(s);
    // The seed's parts in its order: 一、 the overall state and figures, 二、 each problem, 三、 next steps, the contacts,
    // the signature. The seed's 23 refined problems are reported done: "23个问题，已完成整改23个".
    const seedRows = [...seed.matchAll(new RegExp(`^(问题${CN})：`, "gm"))].map((m) => m[1]!);
    expect(seedRows).toHaveLength(23);
    expect(/细化的(\d+)个问题，已完成整改(\d+)个/.exec(seed)!.slice(1)).toEqual(["23", "23"]);
    const rowTexts = MILUO.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows.map((r) => r.text)));
    // The demo registers the seed's 23 refined problems (it files 问题十八 with the leads, before 问题十五).
    const demoLabels = MILUO.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows.map((r) => r.label)));
    expect([...demoLabels].sort()).toEqual([...seedRows].sort());
    for (const [i, t] of rowTexts.entries()) expect(seed, seedRows[i]).toContain(t.slice(0, 20));
    const order = positions(lines, [
      "一、整改工作总体情况",
      "13个问题已全部完成整改",
      "反馈问题细化的23条整改任务已全部完成整改并销号",
      "二、整改落实情况",
      // Every refined problem of the seed (问题一…问题二十三), in the order they were fed back.
      ...rowTexts.map((t) => t.slice(0, 20)),
      "三、持续推进事项和下一步工作安排",
      "一是深化思想认识，健全完善整改工作机制",
      "欢迎广大干部群众对巡察整改落实情况进行监督",
      "中共汨罗市委巡察机构",
    ]);
    expect(
      order.filter((i) => i < 0),
      JSON.stringify(order),
    ).toEqual([]);
    // Each of the 13 problems, in feedback order, reported done — the seed's （一）… headings.
    const problems = MILUO.aspects.flatMap((a) => a.problems.map((p) => p.text));
    expect(problems).toHaveLength(13);
    const problemLines = lines.filter((l) => /^问题\d+（已完成整改）：/.test(l));
    expect(problemLines.map((l) => l.replace(/^问题\d+（已完成整改）：/, ""))).toEqual(problems);
    expect(seed).toContain(problems[0]!);
    // The seed's contacts, and the leaders' names masked in the public version.
    for (const s of ["0730-5208005", "414400", "mlswxcb2020@126.com"]) expect(text).toContain(s);
    expect(text).not.toContain("龙寅");
    expect(text).toContain("龙某");
    expect(lines.at(-2)).toBe("中共汨罗市委巡察机构");
    expect(lines.at(-1)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);

    const pdf = await docxToPdf(buf);
    expect(await checkOfficialLayout(pdf)).toEqual([]);
    pageImage(pdf, "documents-announcement-page", 1);
    pageImage(pdf, "documents-announcement-page", 2);
    await b.shot("documents-01-announcement-page");
  });

  it("a letter and the ledger lay out as official documents; the ledger in landscape", async () => {
    const { page } = b;
    // The reminder letter to 汨罗's supervising leader: its 13 problems, the reply deadline, the signature.
    await page.goto("/letters");
    await page
      .locator(".ant-table-row")
      .filter({ hasText: "〔2024〕1号" })
      .filter({ hasText: "工作提示函" })
      .first()
      .getByRole("button", { name: "详情" })
      .click();
    const drawer = page.locator(".ant-drawer-content");
    await visible(drawer.getByText("涉及事项"));
    await b.shot("documents-02-letter-drawer");
    const letter = await downloadFrom(page, drawer.getByRole("button", { name: /生成公文/ }), null, "Word");
    const letterLines = docxLines(letter.buf);
    for (const s of ["县巡提〔2024〕1号", "汨罗市分管领导：", "请于2024年1月22日前将督促整改情况反馈县委巡察办。"])
      expect(letterLines, s).toContain(s);
    expect(letterLines.filter((l) => /^问题\d+\u3000/.test(l))).toHaveLength(13);
    const letterPdf = await docxToPdf(letter.buf);
    expect(await checkOfficialLayout(letterPdf)).toEqual([]);
    pageImage(letterPdf, "documents-letter-page");

    await page.goto(`/assignments/${miluoId}`);
    const ledger = await downloadFrom(page, page.getByRole("button", { name: /生成公文/ }), "整改台账", "Word");
    expect(ledger.name).toBe("汨罗市委巡察机构巡察反馈问题整改台账.docx");
    const ledgerLines = docxLines(ledger.buf);
    for (const s of ["一、问题清单", "二、任务清单", "三、责任清单"]) expect(ledgerLines).toContain(s);
    const ledgerPdf = await docxToPdf(ledger.buf);
    const info = execFileSync("pdfinfo", ["-"], { input: ledgerPdf, encoding: "utf8" });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Number(w)).toBeGreaterThan(Number(h));
    expect(await checkOfficialLayout(ledgerPdf)).toEqual([]);
    pageImage(ledgerPdf, "documents-ledger-page");
    await b.shot("documents-03-assignment");
  });

  it("the office edits the letter template: an unknown placeholder is refused by name; fixed, the next letter says it", async () => {
    const { page } = b;
    await page.goto("/documents?kind=supervision_letter");
    const opening = page.getByLabel("开头（每行一段）");
    await visible(opening);
    await visible(page.getByTestId("document-preview"));
    await opening.fill("经查，{{单位名车}}有{{条目数}}项整改任务逾期未完成，现予督办：");
    await page.getByRole("button", { name: /保存模板/ }).click();
    await toast(page, "模板中有未知的占位符“{{单位名车}}”");
    await visible(page.locator(".ant-form-item-explain-error").filter({ hasText: "{{单位名车}}" }));
    // The live preview says so too.
    await visible(page.getByText("模板有误，不能保存"));
    await b.shot("documents-04-template-refused");

    await opening.fill("经查，{{单位名称}}有{{条目数}}项整改任务逾期未完成，现予督办：");
    await page.getByRole("button", { name: /保存模板/ }).click();
    await toast(page, "督办函模板已保存");
    await visible(page.getByTestId("document-preview").getByText("经查，县自然资源局有2项整改任务逾期未完成，现予督办："));
    await b.shot("documents-05-template-saved");

    const letters = await api.get<{ items: Array<{ id: string; documentNumber: string; kind: string }> }>(
      "/api/letters?kind=supervision",
    );
    const first = letters.items.find((l) => l.documentNumber === "〔2024〕1号")!;
    const res = await api.raw("GET", `/api/documents/supervision_letter/${first.id}?format=docx`);
    expect(res.status).toBe(200);
    const lines = docxLines(Buffer.from(await res.arrayBuffer()));
    expect(lines).toContain("经查，市委市级机关工委有4项整改任务逾期未完成，现予督办：");
  });
});
