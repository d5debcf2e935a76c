/**
 * Who may do what to a ledger row: pure functions of the actor and the row's state.
 * The row's organisation contact works the row; the office closes it out — never the one who asked.
 */
import { sql, type SQL } from "drizzle-orm";
import type { LedgerAbilities, LedgerStatus } from "../../../domain/ledger.ts";

export type { LedgerAbilities };
import { hasAnyRole, isOffice, orgScopeMatches, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";

export interface RowState {
  orgId: string;
  orgPath: string;
  teamId: string;
  status: LedgerStatus;
  closeRequestedBy: string | null;
}

const isContactOf = (a: Actor, r: RowState) => orgScopeMatches(a, { id: r.orgId, path: r.orgPath }, ["org_contact"]);

export function canView(a: Actor, r: RowState): boolean {
  return (
    hasAnyRole(a, WIDE_READ_ROLES) ||
    orgScopeMatches(a, { id: r.orgId, path: r.orgPath }, ["org_contact", "supervising_leader"]) ||
    a.teamSeats.some((s) => s.teamId === r.teamId)
  );
}

export function abilities(a: Actor, r: RowState): LedgerAbilities {
  const view = canView(a, r);
  const contact = isContactOf(a, r);
  const office = isOffice(a);
  const open = r.status === "open";
  const reviewable = r.status === "close_requested" && office && r.closeRequestedBy !== a.userId;
  return {
    view,
    fill: contact && open,
    addNote: contact && open,
    addEvidence: contact && open,
    requestCloseout: contact && open,
    close: reviewable,
    return: reviewable,
    reopen: office && r.status === "closed",
  };
}

/** Why an action is refused, in the user's words. */
export function refusal(a: Actor, r: RowState, action: keyof LedgerAbilities): string {
  if (!canView(a, r)) return "无权查看该台账条目";
  if (action === "close" || action === "return") {
    if (!isOffice(a)) return "只有巡察办工作人员可以审核销号";
    if (r.status !== "close_requested") return "该条目未申请销号";
    if (r.closeRequestedBy === a.userId) return "不能审核自己提出的销号申请";
  }
  if (action === "reopen") return r.status !== "closed" ? "只有已销号的条目可以重新打开" : "只有巡察办工作人员可以重新打开";
  if (!isContactOf(a, r)) return "只有该单位的联络人可以填报整改情况";
  if (r.status === "close_requested") return "该条目已申请销号，等待审核";
  if (r.status === "closed") return "该条目已销号";
  return "您没有权限执行此操作";
}

/**
 * The rows an actor may see, as one SQL condition over ledger_rows joined with orgs and assignments.
 * The same rule as canView, for lists and figures.
 */
export function visibleRows(a: Actor, cols: { orgId: SQL | unknown; orgPath: unknown; teamId: unknown }): SQL | undefined {
  if (hasAnyRole(a, WIDE_READ_ROLES)) return undefined;
  const parts: SQL[] = [];
  for (const g of a.grants) {
    if (g.role === "org_contact" && g.orgId) parts.push(sql`${cols.orgId} = ${g.orgId}`);
    if (g.role === "supervising_leader" && g.orgPath) parts.push(sql`${cols.orgPath} like ${`${g.orgPath}%`}`);
  }
  const teams = a.teamSeats.map((s) => s.teamId);
  if (teams.length)
    parts.push(
      sql`${cols.teamId} in (${sql.join(
        teams.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
