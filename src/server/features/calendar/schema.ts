import { z } from "zod";
import { calendarYearSchema, isoDate } from "../../../domain/calendar.ts";

/** A year's days as imported: each day inside the year, each date once. */
export const calendarImportSchema = calendarYearSchema.superRefine((y, c) => {
  const seen = new Set<string>();
  y.days.forEach((d, i) => {
    if (!d.date.startsWith(`${y.year}-`)) {
      c.addIssue({ code: "custom", path: ["days", i, "date"], message: `${d.date} 不在 ${y.year} 年内` });
    }
    if (seen.has(d.date)) c.addIssue({ code: "custom", path: ["days", i, "date"], message: `${d.date} 重复出现` });
    seen.add(d.date);
  });
});

export const yearParams = z.object({
  year: z.coerce
    .number({ error: "年份无效" })
    .int({ error: "年份无效" })
    .min(2000, { error: "年份应在 2000–2100 之间" })
    .max(2100, { error: "年份应在 2000–2100 之间" }),
});

/** Working-day arithmetic is asked only within the years a calendar can cover. */
export const calcDate = isoDate.refine((s) => s >= "2000-01-01" && s <= "2100-12-31", { error: "日期应在 2000–2100 年之间" });
