/** Feedback (反馈意见): findings grouped into aspects → problems; each problem becomes one or more ledger rows. */
import { z } from "zod";
import { isoDate } from "./calendar.ts";

export const feedbackInputSchema = z.object({
  feedbackDate: isoDate,
  aspects: z
    .array(
      z.object({
        title: z.string().trim().min(1, "请填写方面标题").max(200),
        problems: z
          .array(
            z.object({
              text: z.string().trim().min(1, "请填写问题").max(4000),
              findingIds: z.array(z.uuid()).default([]),
              /** The problem refined into rows; none given → one row with the problem's text. */
              rows: z.array(z.object({ text: z.string().trim().min(1, "请填写细化问题").max(4000) })).default([]),
            }),
          )
          .min(1, "每个方面至少一个问题"),
      }),
    )
    .min(1, "至少一个方面"),
});
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

/** Chinese ordinals for aspect headings: 一、二、…; the seeds number aspects this way. */
export function chineseOrdinal(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ""}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ""}`;
  return String(n);
}
