/** Status and party-status tags of pool people, in one colour scheme for the table and the drawer. */
import { Tag } from "antd";

const STATUS_COLORS: Record<string, string> = { formal: "green", reserve: "blue", removed: "default" };
const PARTY_COLORS: Record<string, string> = { full: "red", probationary: "volcano", none: "default" };

export const StatusTag = ({ status, label }: { status: string; label: string }) => (
  <Tag color={STATUS_COLORS[status]}>{label}</Tag>
);

export const PartyTag = ({ status, label }: { status: string; label: string }) => <Tag color={PARTY_COLORS[status]}>{label}</Tag>;
