import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ruleViolation } from "../../../domain/errors.ts";
import type { AppContext } from "../../context.ts";
import { actorOf, originOf } from "../../http/auth.ts";
import { importYear } from "./commands.ts";
import { assertMaintainCalendar, calendarCan } from "./policy.ts";
import { listYears, yearDays } from "./queries.ts";
import { calcDate, calendarImportSchema, yearParams } from "./schema.ts";

const daySchema = z.object({ date: z.string(), kind: z.enum(["holiday", "workday"]), name: z.string() });
const yearSchema = z.object({
  year: z.number(),
  source: z.string().nullable(),
  days: z.array(daySchema),
  can: z.object({ importYear: z.boolean() }),
});

/** Years between two dates that the stored calendar does not cover: there only weekends are known. */
const missingYears = (covered: Set<number>, from: string, to: string): number[] => {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!covered.has(y)) out.push(y);
  return out;
};

export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendar"];

  r.get(
    "/api/calendar/years",
    {
      config: { audience: "any" },
      schema: {
        tags,
        summary: "已导入的节假日安排年度",
        response: {
          200: z.object({
            items: z.array(
              z.object({ year: z.number(), holidays: z.number(), workdays: z.number(), source: z.string().nullable() }),
            ),
            can: z.object({ importYear: z.boolean() }),
          }),
        },
      },
    },
    async (req) => ({ items: await listYears(ctx.db), can: calendarCan(actorOf(req)) }),
  );

  r.get(
    "/api/calendar/working-days",
    {
      config: { audience: "any" },
      schema: {
        tags,
        summary: "计算两日期之间的工作日数（不含起始日，含结束日）",
        querystring: z.object({ from: calcDate, to: calcDate }),
        response: { 200: z.object({ workingDays: z.number(), missingYears: z.array(z.number()) }) },
      },
    },
    async (req) => {
      const cal = await ctx.calendar();
      const { from, to } = req.query;
      return { workingDays: cal.workingDaysBetween(from, to), missingYears: missingYears(cal.years, from, to) };
    },
  );

  r.get(
    "/api/calendar/add-working-days",
    {
      config: { audience: "any" },
      schema: {
        tags,
        summary: "计算若干工作日之后的日期",
        querystring: z.object({
          date: calcDate,
          days: z.coerce
            .number({ error: "天数无效" })
            .int({ error: "天数须为整数" })
            .min(0, { error: "天数不能为负" })
            .max(2000, { error: "天数不超过 2000" }),
        }),
        response: { 200: z.object({ date: z.string(), missingYears: z.array(z.number()) }) },
      },
    },
    async (req) => {
      const cal = await ctx.calendar();
      const date = cal.addWorkingDays(req.query.date, req.query.days);
      return { date, missingYears: missingYears(cal.years, req.query.date, date) };
    },
  );

  r.get(
    "/api/calendar/:year",
    {
      config: { audience: "any" },
      schema: { tags, summary: "某年的节假日与调休上班日", params: yearParams, response: { 200: yearSchema } },
    },
    async (req) => ({ ...(await yearDays(ctx.db, req.params.year)), can: calendarCan(actorOf(req)) }),
  );

  r.put(
    "/api/calendar/:year",
    {
      config: { audience: "system_admin", refusal: "仅系统管理员可以维护节假日安排" },
      schema: {
        tags,
        summary: "导入（替换）某年的节假日安排",
        params: yearParams,
        body: calendarImportSchema,
        response: { 200: yearSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertMaintainCalendar(actor);
      if (req.body.year !== req.params.year)
        throw ruleViolation(`提交的年份（${req.body.year}）与地址中的年份（${req.params.year}）不一致`);
      await importYear(ctx, { ...originOf(req), actor }, req.body);
      return { ...(await yearDays(ctx.db, req.params.year)), can: calendarCan(actor) };
    },
  );
}
