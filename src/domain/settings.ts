/** Settings an office may change. Each rule quoted by the seeds is a setting with the seeds' value as default. */
import { z } from "zod";

export const settingsSchema = z.object({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  maxFailedLogins: z.number().int().min(3).max(20),
  lockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  evidenceMaxMb: z.number().int().min(1).max(500),
  planDueWorkingDays: z.number().int().min(1).max(60),
  concentratedPeriodMonths: z.number().int().min(1).max(12),
  officeName: z.string().min(1).max(60),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
  evidenceMaxMb: 50,
  planDueWorkingDays: 15,
  concentratedPeriodMonths: 2,
  officeName: "县委巡察办",
};

export const SETTING_LABELS: Record<keyof Settings, string> = {
  sessionIdleMinutes: "会话空闲超时（分钟）",
  sessionAbsoluteHours: "会话最长时间（小时）",
  maxFailedLogins: "连续登录失败锁定次数",
  lockMinutes: "账号锁定时长（分钟）",
  evidenceMaxMb: "佐证材料单个文件上限（MB）",
  planDueWorkingDays: "整改方案报送时限（工作日）",
  concentratedPeriodMonths: "集中整改期（月）",
  officeName: "巡察机构名称",
};
