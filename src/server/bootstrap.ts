/** First start: the system administrator, the default settings, the working-day calendar and the finding taxonomy. */
import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, isNull, sql } from "drizzle-orm";
import { calendarYearSchema, type CalendarYear } from "../domain/calendar.ts";
import { uuidv7 } from "../domain/ids.ts";
import { passwordProblems } from "../domain/password.ts";
import { created, runCommand } from "./command.ts";
import type { AppContext } from "./context.ts";
import { calendarDays, findingCategories, roleGrants, users } from "./db/schema.ts";
import { hashPassword } from "./features/auth/commands.ts";
import { seedTaxonomy } from "./features/findings/taxonomy.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const calendarFile = path.resolve(here, "../../resources/calendar/cn-holidays.json");

export function generatePassword(): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#%+=?"];
  const all = sets.join("");
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

export interface BootstrapResult {
  /** Set only when a one-time password was generated: print it once. */
  generatedPassword: string | null;
  adminUsername: string | null;
}

export async function ensureAdmin(ctx: AppContext): Promise<BootstrapResult> {
  const [existing] = await ctx.db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "system_admin"), isNull(roleGrants.deletedAt)))
    .limit(1);
  if (existing) return { generatedPassword: null, adminUsername: null };
  const username = ctx.config.adminUser ?? "sysadmin";
  let password = ctx.config.adminPassword;
  let generated: string | null = null;
  if (password) {
    const problems = passwordProblems(password, username);
    if (problems.length) throw new Error(`XUNCHA_ADMIN_PASSWORD 不符合密码规则：${problems.join("；")}`);
  } else {
    password = generated = generatePassword();
  }
  const passwordHash = await hashPassword(password);
  await runCommand(ctx, { actor: null, clientIp: null }, async (s) => {
    const id = uuidv7();
    await s.tx.insert(users).values({
      id,
      ...created(s),
      username,
      displayName: "系统管理员",
      passwordHash,
      mustChangePassword: generated !== null,
    });
    await s.tx.insert(roleGrants).values({ id: uuidv7(), ...created(s), userId: id, role: "system_admin" });
    await s.audit({
      action: "user.create",
      recordType: "user",
      recordIds: [id],
      changes: { username, role: "system_admin", bootstrap: true },
    });
  });
  return { generatedPassword: generated, adminUsername: username };
}

export function readCalendarFile(file = calendarFile): CalendarYear[] {
  return calendarYearSchema.array().parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Loads the shipped years that the database does not have yet (an office's own additions are kept). */
export async function ensureCalendar(ctx: AppContext): Promise<void> {
  const have = new Set(
    (await ctx.db.select({ year: calendarDays.year }).from(calendarDays).groupBy(calendarDays.year)).map((r) => r.year),
  );
  const missing = readCalendarFile().filter((y) => !have.has(y.year));
  if (!missing.length) return;
  await runCommand(ctx, { actor: null, clientIp: null }, async (s) => {
    for (const y of missing) {
      await s.tx
        .insert(calendarDays)
        .values(y.days.map((d) => ({ ...d, year: y.year, source: y.source ?? null })))
        .onConflictDoNothing();
      await s.audit({
        action: "calendar.import_year",
        recordType: "calendar",
        recordIds: [],
        changes: { year: y.year, days: y.days.length, source: y.source },
      });
    }
  });
  ctx.invalidate();
}

/** Stores the default finding taxonomy when the database never had one (the office's edits are kept). */
export async function ensureTaxonomy(ctx: AppContext): Promise<void> {
  const [any] = await ctx.db.select({ id: findingCategories.id }).from(findingCategories).limit(1);
  if (any) return;
  await runCommand(ctx, { actor: null, clientIp: null }, seedTaxonomy);
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const [r] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (r?.n ?? 0) <= 1;
}
