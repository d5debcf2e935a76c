/**
 * A small inspection of county departments, from the two inspection work summaries: 001 (《关于全县巡察工作进展情况的
 * 汇报》 of the masked XX县) and 004 (a city's 异地交流巡察 and 巡察工作总结). Neither reports one inspection's feedback; they
 * name departments and the problems that recur across them. The demo inspects the three departments 001 names —
 * "县委巡察工作领导小组对巡察问题突出的县发改委、县人社局、县城管局进行了提醒谈话" — with findings the summaries list:
 *
 * - 党建方面问题 in every department (001: "梳理了近三年巡察发现的党建方面问题，制定了党建问题负面清单21项，由县委组织部
 *   牵头在全县范围内开展县直机关巡察反馈党建问题专项整改活动"; "基层党员日常管理"): the common problem, a fix-alike
 *   campaign (同类同改) to the three and to 县民政局, not yet inspected, and a recommendation letter (巡察建议书) to the
 *   functional department, 县委组织部 (001: 对问题涉及的县直有关部门，印发“巡察建议书”);
 * - “三重一大”制度落实不到位 (001; 004: "“一把手”往往先发言定调"), 乱发津补贴、财务票据不规范 (004), 社会保险经办机构
 *   分散 (001: "整合失业保险、机关事业单位养老保险、城乡居民社会养老保险、工伤保险等社会保险经办机构").
 *
 * The summaries date none of this: the round (2023-03-06 → 2023-04-28, "两个月开展一轮巡察"), the feedback (2023-05-26),
 * the letter (2023-06-05) and its reply, and the 提醒谈话 (2023-06-09) are assumed. The campaign is launched on the day the
 * demo is loaded (a campaign starts today) and is due a month later. The summaries report nothing these departments
 * did afterwards, and the demo has no account for them: their rows and self-check rows stay as the feedback and the
 * campaign left them (no plan, nothing in the period — they show among those who missed it), and the office records
 * the functional department's reply.
 */
import { addMonths } from "../../domain/calendar.ts";
import type { FindingCategory } from "../../domain/finding.ts";
import type { DemoClient } from "./client.ts";
import { assign, planRound, registerOrgs } from "./replay.ts";

const COUNTY = "XX县";
const DEPARTMENT = "县委组织部";
const NOT_INSPECTED = "县民政局";

interface CountyFinding {
  aspect: string;
  text: string;
  category: FindingCategory;
  /** One of the findings grouped into the common problem. */
  common?: boolean;
}

const PARTY_BUILDING = "党的建设方面";
const STRICT = "全面从严治党方面";

const INSPECTED: Array<{ name: string; findings: CountyFinding[] }> = [
  {
    name: "县发改委",
    findings: [
      {
        aspect: PARTY_BUILDING,
        text: "党支部“三会一课”制度落实不到位，组织生活会流于形式，党员日常教育管理不严格。",
        category: "party_building",
        common: true,
      },
      {
        aspect: STRICT,
        text: "“三重一大”事项集体决策制度落实不到位，部分事项未经党组会集体研究，上会讨论时“一把手”先发言定调，会议记录不规范。",
        category: "strict_governance",
      },
    ],
  },
  {
    name: "县人社局",
    findings: [
      {
        aspect: PARTY_BUILDING,
        text: "基层党支部“三会一课”制度落实不到位，主题党日活动开展不经常，党员日常管理不规范。",
        category: "party_building",
        common: true,
      },
      {
        aspect: "履行职能职责方面",
        text: "社会保险经办机构分散设置，失业保险、机关事业单位养老保险、城乡居民社会养老保险、工伤保险分头经办，服务质效不高。",
        category: "core_mandate",
      },
    ],
  },
  {
    name: "县城管局",
    findings: [
      {
        aspect: PARTY_BUILDING,
        text: "党支部“三会一课”制度执行不严格，组织生活记录不规范，党员日常教育管理不到位。",
        category: "party_building",
        common: true,
      },
      {
        aspect: STRICT,
        text: "财务管理不规范，存在违规发放津补贴、财务票据不规范问题。",
        category: "strict_governance",
      },
    ],
  },
];

const ROUND = {
  // The seed's 《十三届XX县县委巡察工作规划》; the term's dates are not given (as for the others: five years from 2021).
  term: { name: "十三届XX县委", startDate: "2021-09-01", endDate: "2026-08-31" },
  round: { name: "十三届XX县委2023年县直部门巡察", kind: "regular" as const, startDate: "2023-03-06", endDate: "2023-04-28" },
  team: "县委第一巡察组",
  entryDate: "2023-03-06",
  withdrawalDate: "2023-04-28",
  feedbackDate: "2023-05-26",
};

const COMMON_TITLE = "县直部门党支部“三会一课”制度落实不到位、党员日常管理不规范";

export interface CountyPeople {
  office: DemoClient;
  /** Records the reply on the functional department's behalf: an office user other than the sender. */
  office2: DemoClient;
  teamMember: DemoClient;
}

interface Created {
  id: string;
}

export async function replayCounty(people: CountyPeople, today: string): Promise<void> {
  const { office, teamMember } = people;
  const orgId = async (name: string) =>
    registerOrgs(office, {
      orgs: [
        { name: COUNTY, kind: "other" },
        { name, kind: "agency" },
      ],
    });
  const at = await planRound(office, ROUND, { leader: "demo_team_leader", member: "demo_team_member" });

  const commonFindings: string[] = [];
  const inspected: Array<{ name: string; orgId: string; rowIds: string[] }> = [];
  for (const dept of INSPECTED) {
    const id = await orgId(dept.name);
    const assignmentId = await assign(office, at, id, ROUND);
    const findings: Array<CountyFinding & { id: string }> = [];
    for (const f of dept.findings) {
      const { finding } = await teamMember.post<{ finding: Created }>(`/api/assignments/${assignmentId}/findings`, {
        text: f.text,
        category: f.category,
        isCommon: Boolean(f.common),
        isCoreMandate: f.category === "core_mandate",
        involvesTopLeader: false,
      });
      findings.push({ ...f, id: finding.id });
      if (f.common) commonFindings.push(finding.id);
    }
    const aspects = [...new Set(findings.map((f) => f.aspect))];
    await office.post(`/api/assignments/${assignmentId}/feedback`, {
      feedbackDate: ROUND.feedbackDate,
      aspects: aspects.map((title) => ({
        title,
        problems: findings.filter((f) => f.aspect === title).map((f) => ({ text: f.text, findingIds: [f.id] })),
      })),
    });
    const fb = await office.get<{ aspects: Array<{ problems: Array<{ rows: Array<{ id: string }> }> }> }>(
      `/api/assignments/${assignmentId}/feedback`,
    );
    inspected.push({
      name: dept.name,
      orgId: id,
      rowIds: fb.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows.map((r) => r.id))),
    });
  }

  // 001: "县委巡察工作领导小组对巡察问题突出的县发改委、县人社局、县城管局进行了提醒谈话，进一步压实被巡察单位巡察整改主体责任".
  for (const dept of inspected) {
    await office.post("/api/accountability", {
      kind: "admonition",
      orgId: dept.orgId,
      decidedOn: "2023-06-09",
      authority: "XX县委巡察工作领导小组",
      description: `巡察问题突出。县委巡察工作领导小组对${dept.name}进行提醒谈话，进一步压实被巡察单位巡察整改主体责任。`,
      rowIds: dept.rowIds,
    });
  }

  const { problem } = await office.post<{ problem: Created }>("/api/common-problems", {
    title: COMMON_TITLE,
    description:
      "县委巡察办与县委组织部结合，梳理近三年巡察发现的党建方面问题，制定党建问题负面清单，由县委组织部牵头在全县范围内开展县直机关巡察反馈党建问题专项整改活动。",
    category: "party_building",
    department: DEPARTMENT,
    findingIds: commonFindings,
  });

  const targets = [...inspected.map((d) => d.orgId), await orgId(NOT_INSPECTED)];
  await office.post(`/api/common-problems/${problem.id}/campaigns`, {
    kind: "fix_alike",
    title: "县直机关巡察反馈党建问题专项整改",
    instructions:
      "对照党建问题负面清单，自查本单位“三会一课”、主题党日、组织生活会和党员日常教育管理情况，列出问题清单，逐项整改，在整改时限内报送自查整改情况。",
    dueDate: addMonths(today, 1),
    orgIds: targets,
  });

  const { letter } = await office.post<{ letter: Created }>("/api/letters", {
    kind: "recommendation",
    addressee: DEPARTMENT,
    addresseeOrgId: await orgId(DEPARTMENT),
    subject: `关于${COMMON_TITLE}问题的巡察建议`,
    body: [
      `${DEPARTMENT}：`,
      "县委2023年县直部门巡察发现，县发改委、县人社局、县城管局党支部均存在“三会一课”制度落实不到位、党员日常管理不规范的问题。",
      "建议由县委组织部牵头，会同县委巡察办梳理近年来巡察发现的党建方面问题，制定党建问题负面清单，在全县县直机关开展巡察反馈党建问题专项整改，推动建立完善基层党员日常管理制度。",
    ].join("\n"),
    sentOn: "2023-06-05",
    commonProblemId: problem.id,
  });
  await people.office2.post(`/api/letters/${letter.id}/reply`, {
    repliedOn: "2023-06-20",
    replyText:
      "县委组织部复函：同意巡察建议。将会同县委巡察办梳理近三年巡察发现的党建方面问题，制定党建问题负面清单，牵头在全县范围内开展县直机关巡察反馈党建问题专项整改活动。",
  });
}
