/** Dates as Chinese office users read them. */
import dayjs from "dayjs";

export const fmtDateTime = (v: string | null | undefined): string => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "—");
export const fmtDate = (v: string | null | undefined): string => (v ? dayjs(v).format("YYYY-MM-DD") : "—");
export const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"] as const;
export const weekdayOf = (iso: string): string => WEEKDAYS[dayjs(iso).day()] ?? "";
/** A form's DatePicker value → "YYYY-MM-DD"; undefined when empty, so JSON leaves the optional field out. */
export const isoOf = (d: dayjs.Dayjs | null | undefined): string | undefined => (d ? d.format("YYYY-MM-DD") : undefined);
export const dayOf = (iso: string | null | undefined): dayjs.Dayjs | null => (iso ? dayjs(iso) : null);
export const percent = (v: number | null | undefined): string =>
  v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`;
/** Today's date in China (UTC+8), whatever the browser's time zone: deadlines and effective dates are Chinese days. */
export const todayInChina = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** "2025-03-01 至 2025-06-30"; "未定" when neither end is set. */
export const fmtRange = (from: string | null | undefined, to: string | null | undefined): string =>
  from || to ? `${fmtDate(from)} 至 ${fmtDate(to)}` : "未定";
