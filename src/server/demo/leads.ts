/**
 * Replays 汨罗's leads (leads-seed.ts) through the API as the people who handle them: the office imports the units,
 * plans the term's four rounds and seats the teams; the team leader registers each lead (class, people involved with
 * rank, the responsible person — or the unit) and transfers it to 汨罗市纪委监委; for the special, the office head
 * writes the pre-review on the 11 leads registered naming only a unit and the leader names the person before transfer;
 * the commission records each step of the handling — preliminary check, then filed, not filed, or concluded by one of
 * the four forms — within the handling period. The filing rates are the application's, computed from these records.
 */
import type { WorkCalendar } from "../../domain/calendar.ts";
import { CONCLUDED_FORM_LABELS, LEAD_CLASS_LABELS } from "../../domain/lead.ts";
import type { DemoClient } from "./client.ts";
import { CITY, LEAD_ORGS, LEAD_ROUNDS, LEADS_TERM, RECEIVING_OFFICE, type SeedLead } from "./leads-seed.ts";
import { importOrgSheet, orgIds, userIds } from "./orgsheet.ts";

export interface LeadPeople {
  office: DemoClient;
  head: DemoClient;
  leader: DemoClient;
  member: DemoClient;
  commission: DemoClient;
}

interface Created {
  id: string;
}
interface LeadView {
  id: string;
  version: number;
}

const personInput = (l: SeedLead) => l.people.map((x) => ({ name: x.name, position: x.position, rank: x.rank }));

function handlingNote(l: SeedLead): string {
  if (l.outcome === "case_filed") return "经初步核实，存在违纪违法事实，需要追究党纪政务责任，予以立案审查调查。";
  if (l.outcome === "no_case") return "经初步核实，反映问题不属实或证据不足，不予立案。";
  return `经初步核实，问题基本属实、情节较轻，予以了结，运用${CONCLUDED_FORM_LABELS[l.outcome]}处理。`;
}

export async function replayLeads(people: LeadPeople, calendar: WorkCalendar): Promise<string> {
  const { office, head, leader, member, commission } = people;
  await importOrgSheet(
    office,
    "汨罗市十一届市委巡察单位名单.xlsx",
    LEAD_ORGS.map((o) => ({ ...o, parent: CITY })),
  );
  const orgs = await orgIds(office);
  const accounts = await userIds(office, [leader.username, member.username]);
  const termId = (await office.post<{ term: Created }>("/api/terms", LEADS_TERM)).term.id;

  let n = 0;
  for (const r of LEAD_ROUNDS) {
    const round = (
      await office.post<{ round: Created }>("/api/rounds", {
        termId,
        name: r.name,
        kind: r.kind,
        theme: r.theme ?? null,
        startDate: r.startDate,
        endDate: r.endDate,
      })
    ).round;
    const assignmentOf = new Map<string, string>();
    for (const t of r.teams) {
      const team = (await office.post<{ team: Created }>(`/api/rounds/${round.id}/teams`, { name: t.name })).team;
      await office.post(`/api/teams/${team.id}/members`, { userId: accounts.get(leader.username), position: "leader" });
      await office.post(`/api/teams/${team.id}/members`, { userId: accounts.get(member.username), position: "member" });
      for (const org of t.orgs) {
        const orgId = orgs.get(org);
        if (!orgId) throw new Error(`演示数据加载失败：找不到单位 ${org}`);
        const { assignment } = await office.post<{ assignment: Created }>(`/api/rounds/${round.id}/assignments`, {
          teamId: team.id,
          orgId,
          entryDate: r.startDate,
          withdrawalDate: r.endDate,
        });
        assignmentOf.set(org, assignment.id);
      }
    }

    const perOrg = new Map<string, number>();
    for (const [i, l] of r.leads.entries()) {
      const assignmentId = assignmentOf.get(l.org);
      if (!assignmentId) throw new Error(`演示数据加载失败：${r.name}没有${l.org}的巡察任务`);
      const revised = i < (r.revised ?? 0);
      let { lead } = await leader.post<{ lead: LeadView }>(`/api/assignments/${assignmentId}/leads`, {
        leadClass: l.leadClass,
        summary: l.summary,
        // A lead the pre-review sends back is registered naming its unit; the person is named afterwards.
        responsiblePerson: revised ? null : (l.people[0]?.name ?? null),
        responsibleUnit: revised ? l.org : (l.unit ?? null),
        people: revised ? [] : personInput(l),
      });
      if (revised) {
        ({ lead } = await head.put<{ lead: LeadView }>(`/api/leads/${lead.id}`, {
          version: lead.version,
          preReview: `经市纪委监委监督检查室预审：该线索责任未明确到人，请补充${LEAD_CLASS_LABELS[l.leadClass]}线索的具体责任人及涉及人员职级后移交。`,
        }));
        ({ lead } = await leader.put<{ lead: LeadView }>(`/api/leads/${lead.id}`, {
          version: lead.version,
          responsiblePerson: l.people[0]!.name,
          people: personInput(l),
        }));
      }

      // Transfers alternate between on site (边巡边移) and after withdrawal; the handling follows within the period.
      const k = perOrg.get(l.org) ?? 0;
      perOrg.set(l.org, k + 1);
      const transferredOn =
        r.transfersOnSite && k % 2 === 0
          ? calendar.addWorkingDays(r.startDate, 10 + k)
          : calendar.addWorkingDays(r.endDate, 5 + k);
      ({ lead } = await leader.post<{ lead: LeadView }>(`/api/leads/${lead.id}/transfer`, {
        version: lead.version,
        transferredOn,
        receivingOffice: RECEIVING_OFFICE,
      }));
      const checkedOn = calendar.addWorkingDays(transferredOn, 10);
      ({ lead } = await commission.post<{ lead: LeadView }>(`/api/leads/${lead.id}/handle`, {
        version: lead.version,
        status: "preliminary_check",
        handledOn: checkedOn,
        note: "经审批，对反映问题进行初步核实。",
      }));
      const decided = l.outcome === "case_filed" || l.outcome === "no_case";
      await commission.post(`/api/leads/${lead.id}/handle`, {
        version: lead.version,
        status: decided ? l.outcome : "concluded",
        handledOn: calendar.addWorkingDays(checkedOn, 25 + (n++ % 4) * 5),
        concludedForm: decided ? null : l.outcome,
        note: handlingNote(l),
      });
    }
  }
  return termId;
}

interface Figures {
  total: number;
  transferred: number;
  filed: number;
  filingRate: number | null;
  named: number;
  unitOnly: number;
  byClass: Array<{ label: string; total: number; filed: number; filingRate: number | null }>;
  peopleByRank: Array<{ label: string; count: number }>;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** The leads lines of the summary: the term's four rounds together, then each round by class. */
export async function leadLines(reader: DemoClient, termId: string): Promise<string[]> {
  const all = await reader.get<Figures>(`/api/leads/figures?termId=${termId}`);
  const { items: rounds } = await reader.get<{
    items: Array<{ id: string; name: string; termName: string; kind: string; startDate: string | null }>;
  }>(`/api/rounds?termId=${termId}`);
  // The numbered rounds in order, the special after them.
  const order = (r: (typeof rounds)[number]) => `${r.kind === "special" ? 1 : 0}${r.startDate ?? ""}`;
  const lines = [
    `${rounds[0]?.termName ?? ""} ${rounds.length} 轮巡察问题线索 ${all.total} 条：明确责任人 ${all.named} 条、明确责任单位 ${all.unitOnly} 条；` +
      `移交 ${all.transferred} 条，立案 ${all.filed} 条（立案率 ${percent(all.filingRate)}）；涉及人员 ` +
      all.peopleByRank.map((r) => `${r.label} ${r.count} 人`).join("、"),
  ];
  for (const r of [...rounds].sort((a, b) => order(a).localeCompare(order(b)))) {
    const f = await reader.get<Figures>(`/api/leads/figures?roundId=${r.id}`);
    const classes = f.byClass
      .filter((c) => c.total)
      .map((c) => `${c.label} ${c.total} 件、立案 ${c.filed} 件（立案率 ${percent(c.filingRate)}）`);
    lines.push(`  · ${r.name}：线索 ${f.total} 条，立案 ${f.filed} 件；${classes.join("，")}`);
  }
  return lines;
}
