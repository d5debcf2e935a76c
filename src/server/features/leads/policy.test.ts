import { describe, expect, it } from "vitest";
import type { Actor, GrantableRole, TeamPosition } from "../../../domain/roles.ts";
import {
  canSeeDecision,
  canViewLead,
  createLeadRefusal,
  handleLeadRefusal,
  LEADS_REFUSAL,
  leadCan,
  reviewLeadRefusal,
  transferLeadRefusal,
  updateLeadRefusal,
  viewConsultationsRefusal,
  viewLeadsRefusal,
  visibleLeads,
} from "./policy.ts";

const TEAM = "team-1";
const actor = (roles: GrantableRole[], seats: Array<[string, TeamPosition]> = []): Actor => ({
  userId: "u",
  username: "u",
  displayName: "u",
  mustChangePassword: false,
  grants: roles.map((role) => ({ role, orgId: role === "org_contact" ? "org-1" : null, orgPath: null })),
  teamSeats: seats.map(([teamId, position]) => ({ teamId, position })),
});
const pending = { teamId: TEAM, status: "pending", transferredOn: null };
const transferred = { teamId: TEAM, status: "pending", transferredOn: "2024-01-05" };

const head = actor(["office_head"]);
const commission = actor(["commission"]);
const leader = actor([], [[TEAM, "leader"]]);
const otherLeader = actor([], [["team-2", "leader"]]);
const member = actor([], [[TEAM, "member"]]);
const deputy = actor([], [[TEAM, "deputy_leader"]]);
const staff = actor(["office_staff"]);
const contact = actor(["org_contact"]);
const secretary = actor(["secretary"]);
const supervisor = actor(["supervising_leader"]);

describe("who sees a lead", () => {
  it("shows it to the office head, the commission and the leader of its team only", () => {
    for (const a of [head, commission, leader]) expect(canViewLead(a, pending)).toBe(true);
    for (const a of [otherLeader, member, deputy, staff, contact, secretary, supervisor])
      expect(canViewLead(a, pending)).toBe(false);
  });

  it("refuses the list only to those who may see no lead at all", () => {
    for (const a of [head, commission, leader, otherLeader]) expect(viewLeadsRefusal(a)).toBeNull();
    for (const a of [member, deputy, staff, contact, secretary, supervisor]) expect(viewLeadsRefusal(a)).toBe(LEADS_REFUSAL);
    expect(viewLeadsRefusal(actor(["system_admin", "office_head"]))).toBe(LEADS_REFUSAL);
  });

  it("narrows lists to the leader's teams and to nothing for the others", () => {
    expect(visibleLeads(head, { teamId: "t" })).toBeUndefined();
    expect(visibleLeads(leader, { teamId: "t" })).toBeDefined();
    expect(visibleLeads(staff, { teamId: "t" })).toBeDefined();
  });

  it("hides decisions on leads from consultation readers who may not see them", () => {
    expect(canSeeDecision(member, { leadId: null }, { teamId: TEAM })).toBe(true);
    expect(canSeeDecision(member, { leadId: "l" }, { teamId: TEAM })).toBe(false);
    expect(canSeeDecision(staff, { leadId: "l" }, { teamId: TEAM })).toBe(false);
    expect(canSeeDecision(leader, { leadId: "l" }, { teamId: TEAM })).toBe(true);
    expect(viewConsultationsRefusal(member, { teamId: TEAM })).toBeNull();
    expect(viewConsultationsRefusal(staff, { teamId: TEAM })).toBeNull();
    expect(viewConsultationsRefusal(otherLeader, { teamId: TEAM })).not.toBeNull();
    expect(viewConsultationsRefusal(contact, { teamId: TEAM })).not.toBeNull();
  });
});

describe("who does what to a lead", () => {
  it("lets the leader register and edit, the head review, either transfer, the commission handle", () => {
    expect(createLeadRefusal(leader, { teamId: TEAM })).toBeNull();
    expect(createLeadRefusal(deputy, { teamId: TEAM })).toBe("只有该巡察组组长可以登记问题线索");
    expect(createLeadRefusal(head, { teamId: TEAM })).not.toBeNull();
    expect(updateLeadRefusal(head, pending)).not.toBeNull();
    expect(reviewLeadRefusal(head)).toBeNull();
    expect(reviewLeadRefusal(leader)).toBe("只有巡察办主任可以填写移交前审核意见");
    expect(transferLeadRefusal(head, pending)).toBeNull();
    expect(transferLeadRefusal(commission, pending)).not.toBeNull();
    expect(handleLeadRefusal(commission)).toBeNull();
    expect(handleLeadRefusal(leader)).toBe("只有纪委监委可以登记问题线索处置情况");
  });

  it("sends the abilities that fit the lead's state", () => {
    expect(leadCan(leader, pending)).toEqual({ update: true, review: false, transfer: true, handle: false });
    expect(leadCan(head, pending)).toEqual({ update: false, review: true, transfer: true, handle: false });
    expect(leadCan(commission, pending)).toEqual({ update: false, review: false, transfer: false, handle: false });
    expect(leadCan(leader, transferred)).toEqual({ update: false, review: false, transfer: false, handle: false });
    expect(leadCan(commission, transferred)).toEqual({ update: false, review: false, transfer: false, handle: true });
    expect(leadCan(commission, { ...transferred, status: "case_filed" }).handle).toBe(false);
  });
});
