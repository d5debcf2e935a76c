/**
 * Records a spec needs before its browser steps, made through the API by the people who would make them:
 * the system administrator makes accounts, the security administrator grants roles, the office plans.
 * Dates are fixed (inside the built-in 2020–2026 working-day calendar) so runs do not depend on the day.
 */
import { Api, changePassword, createAccount, type Account } from "./api.ts";

export const DATES = {
  term: { name: "十三届", startDate: "2021-09-01", endDate: "2026-08-31" },
  round: { name: "2025年第二轮巡察", kind: "regular", startDate: "2025-09-01", endDate: "2025-12-31" },
  entryDate: "2025-09-08",
  withdrawalDate: "2025-11-07",
  feedbackDate: "2025-12-15",
} as const;

export interface People {
  admin: Api;
  secadmin: Api;
  accounts: Record<string, Account>;
}

/**
 * Makes the accounts (each with a one-time password) and a security administrator who has replaced hers;
 * the others keep their one-time passwords until `activate`.
 */
export async function makeAccounts(baseUrl: string, people: Array<{ username: string; displayName: string }>): Promise<People> {
  const admin = await Api.admin(baseUrl);
  const sec = await createAccount(admin, "secadmin", "安全保密管理员", "security_admin");
  const accounts: Record<string, Account> = {};
  for (const p of people) accounts[p.username] = await createAccount(admin, p.username, p.displayName);
  const secadmin = await changePassword(baseUrl, sec);
  return { admin, secadmin, accounts };
}

export interface Inspection {
  orgId: string;
  roundId: string;
  teamId: string;
  assignmentId: string;
  findingIds: string[];
}

export async function newOrg(office: Api, name: string, kind = "agency"): Promise<string> {
  return (await office.post<{ org: { id: string } }>("/api/orgs", { name, kind })).org.id;
}

/** The office's planning: term, round, team, the assignment to the organisation, and the team's findings. */
export async function planInspection(office: Api, orgId: string, findings: string[]): Promise<Inspection> {
  const { term } = await office.post<{ term: { id: string } }>("/api/terms", DATES.term);
  const { round } = await office.post<{ round: { id: string } }>("/api/rounds", { termId: term.id, ...DATES.round });
  const { team } = await office.post<{ team: { id: string } }>(`/api/rounds/${round.id}/teams`, { name: "第一巡察组" });
  const { assignment } = await office.post<{ assignment: { id: string } }>(`/api/rounds/${round.id}/assignments`, {
    teamId: team.id,
    orgId,
    entryDate: DATES.entryDate,
    withdrawalDate: DATES.withdrawalDate,
  });
  const findingIds: string[] = [];
  for (const text of findings) {
    const { finding } = await office.post<{ finding: { id: string } }>(`/api/assignments/${assignment.id}/findings`, {
      text,
      category: "party_leadership",
      isCommon: false,
      isCoreMandate: true,
      involvesTopLeader: false,
    });
    findingIds.push(finding.id);
  }
  return { orgId, roundId: round.id, teamId: team.id, assignmentId: assignment.id, findingIds };
}
