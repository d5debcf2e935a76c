/**
 * A fresh start, as a county office installs the system: `npm start` with the administrator from the environment,
 * an empty data directory, and the first things the administrator does in the browser.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  afterBrowserTest,
  andWaitFor,
  closeBrowsers,
  label,
  login,
  openBrowser,
  overlaysClosed,
  visible,
} from "./support/browser.ts";
import { ADMIN_PASSWORD, ADMIN_USER, startServer, type TestServer } from "./support/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterEach(afterBrowserTest);
afterAll(async () => {
  await closeBrowsers();
  await server?.stop();
});

describe("npm start on an empty data directory", () => {
  it("a fresh start shows the Chinese login page and the admin from the environment logs in", async () => {
    const admin = await openBrowser(server.url, "sysadmin");
    const { page } = admin;

    // Anyone arriving is sent to the login page, in Chinese.
    await page.goto("/");
    await page.waitForURL("**/login");
    await visible(page.getByRole("heading", { name: "巡察整改工作系统" }));
    await visible(page.getByText("请使用本人账号登录"));
    await visible(page.getByLabel("用户名"));
    await visible(page.getByLabel("密码", { exact: true }));
    await visible(page.getByRole("button", { name: label("登录") }));
    expect(await page.locator("html").getAttribute("lang")).toMatch(/^zh/);
    await admin.shot("start-01-login");

    // Empty fields are refused on the page, in Chinese.
    await page.getByRole("button", { name: label("登录") }).click();
    await visible(page.getByText("请输入用户名"));
    await visible(page.getByText("请输入密码"));

    // A wrong password is refused with the server's message.
    await page.getByLabel("用户名").fill(ADMIN_USER);
    await page.getByLabel("密码", { exact: true }).fill("Wrong#2024pw");
    await page.getByRole("button", { name: label("登录") }).click();
    await visible(page.getByRole("alert").filter({ hasText: "用户名或密码错误" }));
    await admin.shot("start-02-wrong-password");
    expect(new URL(page.url()).pathname).toBe("/login");

    // The administrator from XUNCHA_ADMIN_USER / XUNCHA_ADMIN_PASSWORD signs in without a forced change.
    await page.getByLabel("密码", { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: label("登录") }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await visible(page.getByRole("heading", { name: /您好/ }));
    const menu = page.getByRole("menu");
    await visible(menu.getByRole("menuitem", { name: "用户管理" }));
    // The system administrator sees no business screens.
    expect(await menu.getByRole("menuitem", { name: "整改台账" }).count()).toBe(0);
    await admin.shot("start-03-home");

    // 用户管理 → 新建用户: the account gets a one-time password, shown once.
    await menu.getByRole("menuitem", { name: "用户管理" }).click();
    await page.waitForURL("**/admin/users");
    await visible(page.getByRole("cell", { name: ADMIN_USER, exact: true }));
    await page.getByRole("button", { name: "新建用户" }).click();
    const form = page.getByRole("dialog", { name: "新建用户" });
    await visible(form);
    await form.getByLabel("用户名").fill("office_zhang");
    await form.getByLabel("姓名").fill("张巡察");
    expect(await andWaitFor(page, "POST", "/api/users", () => form.getByRole("button", { name: label("创建") }).click())).toBe(
      200,
    );

    const shown = page.getByRole("dialog", { name: "用户已创建" });
    await visible(shown);
    await visible(shown.getByText("此密码只显示这一次"));
    await visible(shown.getByText("office_zhang"));
    const oneTimePassword = (await shown.locator("code").first().innerText()).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(8);
    await admin.shot("start-04-one-time-password");
    await shown.getByRole("button", { name: "我已记下" }).click();
    await overlaysClosed(page);

    const row = page.getByRole("row").filter({ hasText: "office_zhang" });
    await visible(row);
    expect(await row.innerText()).toContain("张巡察");
    await admin.shot("start-05-users");

    // The new user signs in with the one-time password and must change it first.
    const zhang = await openBrowser(server.url, "office_zhang");
    await login(zhang.page, "office_zhang", oneTimePassword);
    await zhang.page.waitForURL("**/password");
    await visible(zhang.page.getByText("首次登录或密码已重置，请修改密码后继续"));
    await zhang.shot("start-06-forced-password-change");
  });
});
