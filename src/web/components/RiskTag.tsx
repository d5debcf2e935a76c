import { Tag } from "antd";
import { RISK_CLASS_LABELS, type RiskClass } from "../../domain/org.ts";

export const RISK_COLORS: Record<RiskClass, string> = { normal: "default", watch: "orange", focus: "red" };

export function RiskTag({ value, label }: { value: string | null | undefined; label?: string | null }) {
  if (!value) return null;
  const rc = value as RiskClass;
  return <Tag color={RISK_COLORS[rc] ?? "default"}>{label ?? RISK_CLASS_LABELS[rc] ?? value}</Tag>;
}
