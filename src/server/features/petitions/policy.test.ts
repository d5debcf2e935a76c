import { describe, expect, it } from "vitest";
import type { Actor, GrantableRole, TeamPosition } from "../../../domain/roles.ts";
import {
  handlePetitionRefusal,
  IDENTITY_REFUSAL,
  manageLinkRefusal,
  petitionCan,
  viewIdentityRefusal,
  viewPetitionsRefusal,
} from "./policy.ts";

const TEAM = { teamId: "team-1" };
const actor = (roles: GrantableRole[], seats: Array<[string, TeamPosition]> = []): Actor => ({
  userId: "u",
  username: "u",
  displayName: "u",
  grants: roles.map((role) => ({ role, orgId: null, orgPath: null })),
  teamSeats: seats.map(([teamId, position]) => ({ teamId, position })),
  mustChangePassword: false,
});

const leader = actor([], [["team-1", "leader"]]);
const deputy = actor([], [["team-1", "deputy_leader"]]);
const member = actor([], [["team-1", "member"]]);
const otherLeader = actor([], [["team-2", "leader"]]);
const staff = actor(["office_staff"]);
const head = actor(["office_head"]);
const commission = actor(["commission"]);
const sysadmin = actor(["system_admin"]);

describe("petition policy", () => {
  it("shows the sender's identity to this team's leader and the office head only", () => {
    expect(viewIdentityRefusal(leader, TEAM)).toBeNull();
    expect(viewIdentityRefusal(head, TEAM)).toBeNull();
    for (const a of [deputy, member, otherLeader, staff, commission, sysadmin]) {
      expect(viewIdentityRefusal(a, TEAM)).toBe(IDENTITY_REFUSAL);
    }
  });

  it("never offers the identity of an anonymous petition", () => {
    expect(petitionCan(leader, TEAM, { anonymous: true }).viewIdentity).toBe(false);
    expect(petitionCan(leader, TEAM, { anonymous: false }).viewIdentity).toBe(true);
  });

  it("lets the team and the office see petitions; other teams, other readers and administrators not", () => {
    for (const a of [leader, deputy, member, staff, head]) expect(viewPetitionsRefusal(a, TEAM)).toBeNull();
    for (const a of [otherLeader, commission])
      expect(viewPetitionsRefusal(a, TEAM)).toBe("只有巡察办和该巡察组成员可以查看信访举报");
    expect(viewPetitionsRefusal(sysadmin, TEAM)).toContain("系统管理员");
  });

  it("lets the leader, the deputy and the office handle; the leader and the office make the QR code", () => {
    for (const a of [leader, deputy, staff, head]) expect(handlePetitionRefusal(a, TEAM)).toBeNull();
    for (const a of [member, otherLeader]) expect(handlePetitionRefusal(a, TEAM)).not.toBeNull();
    for (const a of [leader, staff]) expect(manageLinkRefusal(a, TEAM)).toBeNull();
    for (const a of [deputy, member, otherLeader]) expect(manageLinkRefusal(a, TEAM)).not.toBeNull();
  });
});
