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
  warnGreenDays: z.number().int().min(1).max(120),
  warnYellowDays: z.number().int().min(1).max(60),
  letterReplyWorkingDays: z.number().int().min(1).max(60),
  gradeGoodCompletionPct: z.number().int().min(0).max(100),
  gradeGoodOnTimePct: z.number().int().min(0).max(100),
  gradeFairCompletionPct: z.number().int().min(0).max(100),
  onSiteDaysAgency: z.number().int().min(1).max(120),
  onSiteDaysVillageNormal: z.number().int().min(1).max(60),
  onSiteDaysVillageWatch: z.number().int().min(1).max(60),
  onSiteDaysVillageFocus: z.number().int().min(1).max(60),
  teamSizeVillageNormal: z.number().int().min(1).max(20),
  teamSizeVillageWatch: z.number().int().min(1).max(20),
  teamSizeVillageFocus: z.number().int().min(1).max(20),
  teamPoolMin: z.number().int().min(1).max(20),
  teamPoolMax: z.number().int().min(1).max(30),
  coreMandateAimPct: z.number().int().min(0).max(100),
  commonWarnPct: z.number().int().min(0).max(100),
  materialsDueDays: z.number().int().min(1).max(60),
  consultationDueDays: z.number().int().min(1).max(60),
  hearingDueDays: z.number().int().min(1).max(120),
  leadHandlingMonths: z.number().int().min(1).max(24),
  petitionMaxMb: z.number().int().min(1).max(100),
  petitionsPerHour: z.number().int().min(1).max(1000),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Rules across settings, checked when settings change: [field, Chinese message] of the first broken rule. */
export function settingsConflict(s: Settings): [keyof Settings, string] | null {
  if (s.warnYellowDays >= s.warnGreenDays) return ["warnYellowDays", "黄色预警天数应小于绿色预警天数"];
  if (s.teamPoolMin > s.teamPoolMax) return ["teamPoolMin", "每组人才库人员下限不能高于上限"];
  if (s.gradeFairCompletionPct > s.gradeGoodCompletionPct)
    return ["gradeFairCompletionPct", "“中”等次的完成率门槛不能高于“好”等次"];
  return null;
}

export const DEFAULT_SETTINGS: Settings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
  evidenceMaxMb: 50,
  planDueWorkingDays: 15,
  concentratedPeriodMonths: 2,
  officeName: "县委巡察办",
  warnGreenDays: 20,
  warnYellowDays: 10,
  letterReplyWorkingDays: 10,
  gradeGoodCompletionPct: 90,
  gradeGoodOnTimePct: 80,
  gradeFairCompletionPct: 70,
  onSiteDaysAgency: 40,
  onSiteDaysVillageNormal: 7,
  onSiteDaysVillageWatch: 7,
  onSiteDaysVillageFocus: 10,
  teamSizeVillageNormal: 3,
  teamSizeVillageWatch: 4,
  teamSizeVillageFocus: 5,
  teamPoolMin: 4,
  teamPoolMax: 6,
  coreMandateAimPct: 50,
  commonWarnPct: 60,
  materialsDueDays: 7,
  consultationDueDays: 10,
  hearingDueDays: 30,
  leadHandlingMonths: 3,
  petitionMaxMb: 20,
  petitionsPerHour: 10,
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
  warnGreenDays: "绿色预警：距整改时限（工作日）",
  warnYellowDays: "黄色预警：距整改时限（工作日）",
  letterReplyWorkingDays: "函件回复时限（工作日）",
  gradeGoodCompletionPct: "评估“好”：整改完成率不低于（%）",
  gradeGoodOnTimePct: "评估“好”：按时完成率不低于（%）",
  gradeFairCompletionPct: "评估“中”：整改完成率不低于（%）",
  onSiteDaysAgency: "进驻时长：机关、乡镇（街道）等（工作日）",
  onSiteDaysVillageNormal: "进驻时长：一般关注类村（社区）（工作日）",
  onSiteDaysVillageWatch: "进驻时长：风险关注类村（社区）（工作日）",
  onSiteDaysVillageFocus: "进驻时长：重点关注类村（社区）（工作日）",
  teamSizeVillageNormal: "巡察组人数：一般关注类村（社区）",
  teamSizeVillageWatch: "巡察组人数：风险关注类村（社区）",
  teamSizeVillageFocus: "巡察组人数：重点关注类村（社区）",
  teamPoolMin: "每组人才库人员不少于（人）",
  teamPoolMax: "每组人才库人员不多于（人）",
  coreMandateAimPct: "主责主业问题占比目标（%）",
  commonWarnPct: "共性问题占比预警线（%）",
  materialsDueDays: "撤点后巡察组报送材料时限（天）",
  consultationDueDays: "撤点后巡察办完成会商时限（天）",
  hearingDueDays: "撤点后领导小组听取汇报时限（天）",
  leadHandlingMonths: "问题线索处置时限（月）",
  petitionMaxMb: "信访举报附件上限（MB）",
  petitionsPerHour: "同一来源每小时信访举报上限（件）",
};
