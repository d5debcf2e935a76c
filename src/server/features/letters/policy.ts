/**
 * Who may see, send and answer letters. Pure functions of the actor and the letter:
 * each `…Refusal` returns the Chinese reason for a refusal, or null when the action is allowed.
 *
 * - The office sends every letter, and may record a reply on the addressee's behalf.
 * - Wide readers (office, secretary, leading group, commission, organisation dept.) see every letter.
 * - The addressee sees and answers its letters: the account named as addressee, the contact of the addressee
 *   organisation, or a supervising leader or functional department whose grant covers that organisation.
 * - Whoever may see a ledger row sees the letters about it (the row's letters in its drawer).
 * - The three administrators never see any.
 */
import { sql, type SQL } from "drizzle-orm";
import type { LetterAbilities } from "../../../domain/letter.ts";
import { hasAnyRole, isOffice, orgScopeMatches, WIDE_READ_ROLES, type Actor } from "../../../domain/roles.ts";
import { isAdminActor } from "../rounds/policy.ts";

const ADMIN_REFUSAL = "系统管理员、安全保密管理员和安全审计员不能查看业务数据";

export interface LetterState {
  addresseeOrgId: string | null;
  addresseeOrgPath: string | null;
  addresseeUserId: string | null;
  repliedOn: string | null;
}

export const seesAllLetters = (a: Actor): boolean => !isAdminActor(a) && hasAnyRole(a, WIDE_READ_ROLES);

export function isAddressee(a: Actor, l: LetterState): boolean {
  if (isAdminActor(a)) return false;
  if (l.addresseeUserId !== null && l.addresseeUserId === a.userId) return true;
  if (l.addresseeOrgId === null || l.addresseeOrgPath === null) return false;
  return orgScopeMatches(a, { id: l.addresseeOrgId, path: l.addresseeOrgPath }, [
    "org_contact",
    "supervising_leader",
    "functional_dept",
  ]);
}

/** `seesARow`: the actor may see one of the ledger rows the letter concerns. */
export function viewLetterRefusal(a: Actor, l: LetterState, seesARow: boolean): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (seesAllLetters(a) || isAddressee(a, l) || seesARow) return null;
  return "您不是该函件的主送单位（人），无权查看";
}

export function sendLettersRefusal(a: Actor): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  return isOffice(a) ? null : "只有巡察办可以制发函件";
}

/** Role (who) refusals are answered 403; state (when) refusals 422. */
export function replyRefusal(a: Actor, l: LetterState): string | null {
  if (isAdminActor(a)) return ADMIN_REFUSAL;
  if (isOffice(a) || isAddressee(a, l)) return null;
  return "只有函件的主送单位（人）或巡察办可以登记回复";
}

export function replyStateReason(l: LetterState): string | null {
  return l.repliedOn !== null ? "该函件已回复，不能重复回复" : null;
}

export function letterCan(a: Actor, l: LetterState): LetterAbilities {
  return { reply: replyRefusal(a, l) === null && replyStateReason(l) === null };
}

/**
 * The letters an actor sees in lists (those addressed to them, or all for wide readers), as one SQL condition over
 * letters joined with the addressee organisation. The same rule as isAddressee; null means all.
 */
export function visibleLetters(
  a: Actor,
  cols: { addresseeOrgId: unknown; addresseeOrgPath: unknown; addresseeUserId: unknown },
): SQL | undefined {
  if (seesAllLetters(a)) return undefined;
  if (isAdminActor(a)) return sql`false`;
  const parts: SQL[] = [sql`${cols.addresseeUserId} = ${a.userId}`];
  for (const g of a.grants) {
    if (g.role === "org_contact" && g.orgId) parts.push(sql`${cols.addresseeOrgId} = ${g.orgId}`);
    if ((g.role === "supervising_leader" || g.role === "functional_dept") && g.orgPath)
      parts.push(sql`${cols.addresseeOrgPath} like ${`${g.orgPath}%`}`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}
