/**
 * One Chromium per user (a persistent context in its own profile directory), so several users keep separate
 * cookies side by side. An uncaught error in a page fails the test (assertNoPageErrors in afterEach); console
 * errors are reported when the browser closes. Screenshots go to test-results/e2e/<name>.png.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ROOT } from "./server.ts";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "test-results/e2e");

export interface UserBrowser {
  /** Who uses this browser (for messages and screenshot names). */
  user: string;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  /** Saves test-results/e2e/<name>.png of the whole page. */
  shot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

const open: UserBrowser[] = [];

export async function openBrowser(baseURL: string, user: string): Promise<UserBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `xuncha-e2e-${user}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    baseURL,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const b: UserBrowser = {
    user,
    context,
    page,
    pageErrors: [],
    consoleErrors: [],
    shot: async (name) => {
      fs.mkdirSync(SHOTS, { recursive: true });
      const file = path.join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
      return file;
    },
    close: async () => {
      const i = open.indexOf(b);
      if (i >= 0) open.splice(i, 1);
      if (b.consoleErrors.length) {
        console.warn(`[${user}] console errors in the browser:\n  ${b.consoleErrors.join("\n  ")}`);
      }
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  page.on("pageerror", (e) => b.pageErrors.push(`${page.url()}: ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") b.consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  open.push(b);
  return b;
}

/** Screenshots of every open browser as "<prefix>-<user>-FAILED.png" (for afterEach when a test failed). */
export async function shootAll(prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const b of open)
    files.push(await b.shot(`${prefix}-${b.user}-FAILED`).catch((e: Error) => `(no screenshot: ${e.message})`));
  return files;
}

/**
 * For afterEach: screenshots of every browser when the test failed, then fails the test when any page threw an
 * uncaught error.
 */
export async function afterBrowserTest(ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
  if (ctx.task.result?.state === "fail") {
    const files = await shootAll(ctx.task.name.replace(/[^\w-]+/g, "_").slice(0, 60));
    console.warn(`Screenshots at the failure:\n  ${files.join("\n  ")}`);
  }
  assertNoPageErrors();
}

/** Fails when any open browser saw an uncaught error in its page (call in afterEach). */
export function assertNoPageErrors(): void {
  const errors = open.flatMap((b) => b.pageErrors.map((e) => `[${b.user}] ${e}`));
  for (const b of open) b.pageErrors.length = 0;
  if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.join("\n")}`);
}

export async function closeBrowsers(): Promise<void> {
  for (const b of [...open]) await b.close();
}

/**
 * Two-character antd button labels get a space inserted ("登 录"): a name pattern that matches either. A button
 * that was just saving may still hold its spinner while the spinner's leave animation runs (headless Chromium
 * may never end it), which puts "loading" in front of the name: the pattern allows that too.
 */
export const label = (text: string): RegExp => new RegExp(`^\\s*(?:loading\\s+)?${[...text].join("\\s*")}\\s*$`);

export const visible = (l: Locator, timeout?: number) => l.waitFor({ state: "visible", timeout });
export const hidden = (l: Locator, timeout?: number) => l.waitFor({ state: "hidden", timeout });

/** Signs in on the login page; resolves once the app left /login (to the home page or the password change). */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: label("登录") }).click();
  await page.waitForURL((u) => u.pathname !== "/login");
}

/** A toast (antd message) with this text appeared. */
export const toast = (page: Page, text: string | RegExp) =>
  visible(page.locator(".ant-message-notice").filter({ hasText: text }).first());

/** Waits until no antd modal or drawer is on screen (their closing animations included). */
export async function overlaysClosed(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll(".ant-modal-wrap, .ant-drawer-content-wrapper")].every((el) => {
        const r = (el as HTMLElement).getBoundingClientRect();
        return getComputedStyle(el).display === "none" || r.width === 0 || r.height === 0;
      }),
    undefined,
    { timeout },
  );
}

/** Opens an antd Select (found by its label, i.e. its search input) and clicks the option with this text. */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  // The chosen value covers the search input: click the select box around it (unless the list is open already:
  // a multiple select stays open after a pick).
  if ((await select.getAttribute("aria-expanded")) !== "true") {
    await select.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]").click();
  }
  // The search input names its list (aria-controls), which sits in this select's own dropdown: another dropdown
  // still fading out cannot take the click.
  const list = await select.getAttribute("aria-controls");
  const dropdown = page.locator(list ? `.ant-select-dropdown:has([id="${list}"])` : ".ant-select-dropdown:visible");
  await dropdown.locator(".ant-select-item-option").filter({ hasText: option }).first().click();
}

/**
 * Types an ISO date into an antd DatePicker and leaves the field with Tab, which takes the date. (Enter would
 * also take it, but submits the form around it as well.)
 */
export async function typeDate(picker: Locator, iso: string): Promise<void> {
  await picker.click();
  await picker.fill(iso);
  await picker.press("Tab");
}

/**
 * Waits until every chart canvas on the page has drawn something and stopped changing (ECharts animates bars in),
 * so a screenshot shows the finished charts. Polls the pixels; no fixed delay.
 */
export async function chartsSettled(page: Page, timeout = 10_000): Promise<void> {
  const snapshot = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("canvas")].map((c) => (c.width && c.height ? c.toDataURL() : "")).join("|"),
    );
  const deadline = Date.now() + timeout;
  let last = await snapshot();
  for (;;) {
    await page.waitForTimeout(250);
    const now = await snapshot();
    if (now === last && now.length > 0) return;
    if (Date.now() > deadline) throw new Error("charts kept changing (or never drew)");
    last = now;
  }
}

/**
 * Does something in the page and waits for the API request it makes (method and a path part, e.g. "/request-closeout"),
 * so the next step starts only once the server has answered. Returns the status code.
 */
export async function andWaitFor(
  page: Page,
  method: string,
  pathPart: string | RegExp,
  action: () => Promise<unknown>,
): Promise<number> {
  const matches = (url: string) => {
    const p = new URL(url).pathname;
    return typeof pathPart === "string" ? p.includes(pathPart) : pathPart.test(p);
  };
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && r.url().includes("/api/") && matches(r.url())),
    action(),
  ]);
  return res.status();
}
