/** Reads and checks a year's holiday arrangement file before it is sent (the server checks again). */
import type { CalendarYear } from "../../../domain/calendar.ts";

export function parseCalendarFile(text: string): { value: CalendarYear } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problems: ["文件不是有效的 JSON"] };
  }
  const problems: string[] = [];
  const o = raw as { year?: unknown; source?: unknown; days?: unknown };
  if (typeof o !== "object" || o === null) return { problems: ["文件内容应为 { year, source, days } 对象"] };
  const year = o.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push("year 应为 2000–2100 之间的年份");
  if (o.source !== undefined && typeof o.source !== "string") problems.push("source 应为文字说明（如国务院办公厅通知文号）");
  if (!Array.isArray(o.days) || o.days.length === 0) {
    problems.push("days 应为至少包含一天的数组");
    return { problems };
  }
  const seen = new Set<string>();
  o.days.forEach((d: unknown, i: number) => {
    const day = d as { date?: unknown; kind?: unknown; name?: unknown };
    const where = `第 ${i + 1} 条`;
    if (
      typeof day?.date !== "string" ||
      !/^\d{4}-\d{2}-\d{2}$/.test(day.date) ||
      Number.isNaN(Date.parse(`${day.date}T00:00:00Z`))
    ) {
      problems.push(`${where}：date 应为 YYYY-MM-DD 格式的日期`);
    } else {
      if (typeof year === "number" && !day.date.startsWith(`${year}-`))
        problems.push(`${where}：日期 ${day.date} 不在 ${year} 年内`);
      if (seen.has(day.date)) problems.push(`${where}：日期 ${day.date} 重复`);
      seen.add(day.date);
    }
    if (day?.kind !== "holiday" && day?.kind !== "workday")
      problems.push(`${where}：kind 应为 holiday（放假）或 workday（调休上班）`);
    if (typeof day?.name !== "string" || !day.name.trim()) problems.push(`${where}：请填写 name（节日名称）`);
  });
  return problems.length ? { problems } : { value: raw as CalendarYear };
}
