/**
 * 衡阳's coverage figure (seed 003_963f4079b8cbe6cf.txt, 问题3 整改进展情况): "十三届衡阳县委巡察全覆盖对象为100个机关事业
 * 单位党组织及491个村（社区）党组织。至2024年6月，已巡察村（社区）党组织405个，覆盖率82%；已巡察机关事业单位39个（含市委
 * 提级巡察），覆盖率39%。"
 *
 * The seed gives the counts, not the organisations nor the rounds. The office imports, in one spreadsheet, 衡阳县's
 * towns and townships (names of the county's towns; the seed names 西渡镇, 岘山镇, 井头镇, 界牌镇, 库宗桥), 99 county
 * agencies and public institutions (the 100th is 衡阳县委巡察机构, inspected by the city's elevated round of hengyang.ts,
 * which stands in the same term) and 491 villages and communities under the towns, named deterministically (the seed's
 * 界牌镇将军村 and 岘山镇万山村 among them) and sorted into the three risk classes the seed names. It sets the term's
 * scope (agencies and villages under 衡阳县) and a plan per year, then plans the term's rounds one to nine as the seed
 * describes them — "2021年7月换届至2023年9月，只完成了19个单位党组织的巡察任务", "2023年开展两轮常规、两轮专项巡察",
 * 第八轮“三湘护农”专项巡察, 第九轮 库宗桥 and its villages — with their teams and assignments: agencies two to a team
 * ("一托二"), a town's villages to one team, four at a time, a week apart (一托多). Round dates, the split of the counts
 * over the rounds, the towns' village counts and the plan per year are assumed; the coverage figures are the
 * application's, computed from these records.
 */
import type { WorkCalendar } from "../../domain/calendar.ts";
import type { OrgKind, RiskClass } from "../../domain/org.ts";
import type { RoundKind } from "../../domain/round.ts";
import type { DemoClient } from "./client.ts";
import { importOrgSheet, orgIds, type SheetOrg } from "./orgsheet.ts";

const COUNTY = "衡阳县";
export const COVERAGE_TERM = { name: "十三届衡阳县委", startDate: "2021-07-01", endDate: "2026-06-30" };

// prettier-ignore
const AGENCIES = [
  "衡阳县委办公室", "衡阳县人大常委会办公室", "衡阳县人民政府办公室", "衡阳县政协办公室", "衡阳县委组织部", "衡阳县委宣传部",
  "衡阳县委统战部", "衡阳县委政法委员会", "衡阳县委机构编制委员会办公室", "衡阳县直机关工作委员会", "衡阳县委党校",
  "衡阳县委网络安全和信息化委员会办公室", "衡阳县委老干部局", "衡阳县保密局", "衡阳县档案馆", "衡阳县总工会",
  "共青团衡阳县委员会", "衡阳县妇女联合会", "衡阳县科学技术协会", "衡阳县文学艺术界联合会", "衡阳县工商业联合会",
  "衡阳县残疾人联合会", "衡阳县红十字会", "衡阳县发展和改革局", "衡阳县教育局", "衡阳县科学技术和工业信息化局",
  "衡阳县公安局", "衡阳县民政局", "衡阳县司法局", "衡阳县财政局", "衡阳县人力资源和社会保障局", "衡阳县自然资源局",
  "衡阳市生态环境局衡阳县分局", "衡阳县住房和城乡建设局", "衡阳县交通运输局", "衡阳县水利局", "衡阳县农业农村局",
  "衡阳县商务局", "衡阳县文化旅游广电体育局", "衡阳县卫生健康局", "衡阳县退役军人事务局", "衡阳县应急管理局",
  "衡阳县审计局", "衡阳县市场监督管理局", "衡阳县统计局", "衡阳县医疗保障局", "衡阳县林业局",
  "衡阳县城市管理和综合执法局", "衡阳县行政审批服务局", "衡阳县信访局", "衡阳县乡村振兴局", "衡阳县人民法院",
  "衡阳县人民检察院", "衡阳县供销合作社联合社", "衡阳县融媒体中心", "衡阳县疾病预防控制中心", "衡阳县住房公积金管理部",
  "衡阳县机关事务服务中心", "衡阳县公共资源交易中心", "衡阳县不动产登记中心", "衡阳县社会保险服务中心",
  "衡阳县医疗保障事务中心", "衡阳县农业综合服务中心", "衡阳县畜牧水产事务中心", "衡阳县农业机械化事务中心",
  "衡阳县粮食和物资储备服务中心", "衡阳县国库集中支付核算中心", "衡阳县财政投资评审中心", "衡阳县非税收入征收管理中心",
  "衡阳县住房保障服务中心", "衡阳县园林绿化服务中心", "衡阳县环境卫生服务中心", "衡阳县交通建设质量安全监督站",
  "衡阳县公路建设养护中心", "衡阳县水运事务中心", "衡阳县人民防空办公室", "衡阳县地方志编纂室", "衡阳县政务服务中心",
  "衡阳县金融服务中心", "衡阳县招商合作事务中心", "衡阳县文物管理所", "衡阳县图书馆", "衡阳县文化馆", "衡阳县博物馆",
  "衡阳县就业服务中心", "衡阳县劳动人事争议仲裁院", "衡阳县殡葬事务中心", "衡阳县救助管理站", "衡阳县社会福利院",
  "衡阳县水利工程管理站", "衡阳县林业综合服务中心", "衡阳县自然资源综合行政执法大队", "衡阳县市场监管综合行政执法大队",
  "衡阳县农业综合行政执法大队", "衡阳县交通运输综合行政执法大队", "衡阳县文化市场综合行政执法大队",
  "衡阳县卫生健康综合监督执法局", "衡阳县经济开发区管理委员会", "衡阳县老干部活动中心",
];

/** Towns and townships with their villages (communities first, where the town has any); four are not yet reached. */
const TOWNS: Array<{ name: string; villages: number; communities?: number; named?: string[] }> = [
  { name: "西渡镇", villages: 32, communities: 6 },
  { name: "岘山镇", villages: 18, named: ["万山村"] },
  { name: "井头镇", villages: 22 },
  { name: "界牌镇", villages: 20, named: ["将军村"] },
  { name: "渣江镇", villages: 27, communities: 2 },
  { name: "金兰镇", villages: 19 },
  { name: "演陂镇", villages: 21 },
  { name: "洪市镇", villages: 21 },
  { name: "集兵镇", villages: 17 },
  { name: "长安乡", villages: 14 },
  { name: "樟木乡", villages: 12 },
  { name: "杉桥镇", villages: 20 },
  { name: "台源镇", villages: 24, communities: 1 },
  { name: "三湖镇", villages: 19 },
  { name: "曲兰镇", villages: 18 },
  { name: "石市镇", villages: 17 },
  { name: "关市镇", villages: 16 },
  { name: "库宗桥镇", villages: 23, communities: 1 },
  { name: "金溪镇", villages: 26 },
  { name: "大安乡", villages: 19 },
  { name: "溪江乡", villages: 21 },
  { name: "栏垅乡", villages: 19 },
  { name: "岣嵝乡", villages: 23 },
  { name: "板市乡", villages: 23 },
];

// Index i below FIRST × SECOND names one distinct pair of syllables; a step of 11 visits each once.
const FIRST = "新东西南北高石梅桃龙金长大清白黄杨柳松竹花凤马双三五茶枫栗荷樟杉田林泉云井星光和丰福兴安永乐";
const SECOND = "塘山冲坪湾桥岭江源溪洲坡峰垅铺坳台园湖港";

/** A town's villages, the same every time: named ones first, then generated names not already taken. */
function villageNames(townIndex: number, town: (typeof TOWNS)[number]): string[] {
  const names = [...(town.named ?? [])].map((n) => `${town.name}${n}`);
  const taken = new Set(names);
  for (let k = 0; names.length < town.villages; k++) {
    const i = (townIndex * 37 + k * 11) % (FIRST.length * SECOND.length);
    const stem = FIRST[i % FIRST.length]! + SECOND[Math.floor(i / FIRST.length)]!;
    const name = `${town.name}${stem}${names.length < (town.communities ?? 0) ? "社区" : "村"}`;
    if (!taken.has(name)) {
      taken.add(name);
      names.push(name);
    }
  }
  return names;
}

/** About one village in ten is 重点关注类 and two in ten 风险关注类, spread over the towns. */
const riskOf = (townIndex: number, k: number): RiskClass => {
  const r = (townIndex * 7 + k) % 10;
  return r === 0 ? "focus" : r === 3 || r === 7 ? "watch" : "normal";
};

function sheet(): SheetOrg[] {
  const rows: SheetOrg[] = TOWNS.map((t) => ({ name: t.name, kind: "township" as OrgKind, parent: COUNTY }));
  rows.push(...AGENCIES.map((name) => ({ name, kind: "agency" as OrgKind, parent: COUNTY })));
  TOWNS.forEach((t, ti) =>
    rows.push(
      ...villageNames(ti, t).map((name, k) => ({ name, kind: "village" as OrgKind, parent: t.name, riskClass: riskOf(ti, k) })),
    ),
  );
  return rows;
}

interface CoverageRound {
  no: string;
  kind: RoundKind;
  theme?: string;
  startDate: string;
  endDate: string;
  agencies: string[];
  /** Towns whose villages this round inspects. */
  towns: string[];
}

const ROUNDS: CoverageRound[] = [
  {
    no: "一",
    kind: "regular",
    startDate: "2021-10-11",
    endDate: "2021-12-17",
    agencies: ["衡阳县发展和改革局", "衡阳县财政局", "衡阳县审计局"],
    // "巡察西渡镇、岘山镇时，平均每个村巡察时间不到2天"
    towns: ["西渡镇", "岘山镇"],
  },
  {
    no: "二",
    kind: "regular",
    startDate: "2022-03-07",
    endDate: "2022-05-20",
    agencies: ["衡阳县教育局", "衡阳县公安局", "衡阳县民政局", "衡阳县司法局", "衡阳县住房和城乡建设局", "衡阳县商务局"],
    towns: ["井头镇", "界牌镇", "渣江镇"],
  },
  {
    no: "三",
    kind: "special",
    theme: "村级集体“三资”管理",
    startDate: "2022-06-13",
    endDate: "2022-08-05",
    agencies: [],
    towns: ["金兰镇", "演陂镇"],
  },
  {
    no: "四",
    kind: "regular",
    startDate: "2022-09-05",
    endDate: "2022-11-18",
    agencies: [
      "衡阳县委宣传部",
      "衡阳县委统战部",
      "衡阳县总工会",
      "共青团衡阳县委员会",
      "衡阳县妇女联合会",
      "衡阳县统计局",
      "衡阳县信访局",
    ],
    // "十三届县委第四轮巡察某镇村（社区）…"; "联点某乡、某镇县级领导…"
    towns: ["洪市镇", "集兵镇", "长安乡", "樟木乡"],
  },
  {
    no: "五",
    kind: "regular",
    startDate: "2023-03-06",
    endDate: "2023-05-19",
    agencies: ["衡阳县市场监督管理局"],
    towns: ["杉桥镇", "台源镇", "三湖镇"],
  },
  {
    no: "六",
    kind: "special",
    theme: "医疗保障基金使用管理",
    startDate: "2023-06-05",
    endDate: "2023-08-04",
    agencies: ["衡阳县医疗保障局", "衡阳县医疗保障事务中心"],
    towns: [],
  },
  {
    no: "七",
    kind: "regular",
    startDate: "2023-10-09",
    endDate: "2023-12-15",
    agencies: [
      "衡阳县人力资源和社会保障局",
      "衡阳县社会保险服务中心",
      "衡阳县就业服务中心",
      "衡阳县自然资源局",
      "衡阳县不动产登记中心",
      "衡阳县交通运输局",
      "衡阳县卫生健康局",
      "衡阳县疾病预防控制中心",
    ],
    towns: ["曲兰镇", "石市镇", "关市镇"],
  },
  {
    no: "八",
    kind: "special",
    theme: "“三湘护农”：乡村振兴领域不正之风和腐败问题",
    startDate: "2023-10-16",
    endDate: "2023-12-22",
    agencies: ["衡阳县农业农村局", "衡阳县乡村振兴局", "衡阳县水利局", "衡阳县林业局", "衡阳县供销合作社联合社"],
    towns: [],
  },
  {
    no: "九",
    kind: "regular",
    startDate: "2024-03-11",
    endDate: "2024-05-24",
    agencies: [
      "衡阳县应急管理局",
      "衡阳县退役军人事务局",
      "衡阳县文化旅游广电体育局",
      "衡阳县城市管理和综合执法局",
      "衡阳县行政审批服务局",
      "衡阳县公共资源交易中心",
    ],
    // "县委第九轮巡察库宗桥党委及其村（社区）党组织"
    towns: ["库宗桥镇", "金溪镇", "大安乡"],
  },
];

/** The term's plan per year (巡察五年规划和年度工作计划): assumed, front-loaded on villages as the seed's pace shows. */
const PLAN: Array<{ year: number; agency: number; village: number }> = [
  { year: 2021, agency: 5, village: 40 },
  { year: 2022, agency: 20, village: 180 },
  { year: 2023, agency: 20, village: 120 },
  { year: 2024, agency: 20, village: 100 },
  { year: 2025, agency: 20, village: 51 },
  { year: 2026, agency: 15, village: 0 },
];

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const VILLAGES_AT_ONCE = 4;

interface Created {
  id: string;
}

/** Imports the county's organisations, sets the term's scope and plan, and replays its nine rounds. Returns the term. */
export async function replayCoverage(office: DemoClient, calendar: WorkCalendar): Promise<string> {
  await importOrgSheet(office, "衡阳县全覆盖对象名单.xlsx", sheet());
  const ids = await orgIds(office);
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`演示数据加载失败：找不到单位 ${name}`);
    return id;
  };

  const { items: terms } = await office.get<{ items: Array<{ id: string; name: string }> }>("/api/terms");
  const termId =
    terms.find((t) => t.name === COVERAGE_TERM.name)?.id ??
    (await office.post<{ term: Created }>("/api/terms", COVERAGE_TERM)).term.id;
  const county = idOf(COUNTY);
  await office.put(`/api/terms/${termId}/coverage-scope`, {
    scopes: [
      { orgKind: "agency", rootOrgId: county },
      { orgKind: "village", rootOrgId: county },
    ],
  });
  await office.put(`/api/terms/${termId}/coverage-plan`, {
    years: PLAN.flatMap((p) => [
      { year: p.year, orgKind: "agency", planned: p.agency },
      { year: p.year, orgKind: "village", planned: p.village },
    ]),
  });

  const villagesOf = new Map(TOWNS.map((t, ti) => [t.name, villageNames(ti, t)]));
  for (const r of ROUNDS) {
    const name = `十三届衡阳县委第${r.no}轮巡察${r.theme ? `（${r.theme}专项巡察）` : ""}`;
    const round = (
      await office.post<{ round: Created }>("/api/rounds", {
        termId,
        name,
        kind: r.kind,
        theme: r.theme ?? null,
        startDate: r.startDate,
        endDate: r.endDate,
      })
    ).round;
    let teamNo = 0;
    const team = async () =>
      (await office.post<{ team: Created }>(`/api/rounds/${round.id}/teams`, { name: `县委第${NUMERALS[teamNo++]}巡察组` })).team
        .id;
    // Agencies two to a team, on site together from the round's first day; the withdrawal date is the default.
    for (let i = 0; i < r.agencies.length; i += 2) {
      const teamId = await team();
      for (const agency of r.agencies.slice(i, i + 2))
        await office.post(`/api/rounds/${round.id}/assignments`, { teamId, orgId: idOf(agency), entryDate: r.startDate });
    }
    // A town's villages to one team, four at a time, a week apart; each village's on-site days follow its risk class.
    for (const town of r.towns) {
      const teamId = await team();
      const villages = villagesOf.get(town);
      if (!villages) throw new Error(`演示数据加载失败：找不到乡镇 ${town}`);
      for (const [k, village] of villages.entries()) {
        const entryDate = calendar.addWorkingDays(r.startDate, 5 * Math.floor(k / VILLAGES_AT_ONCE));
        await office.post(`/api/rounds/${round.id}/assignments`, { teamId, orgId: idOf(village), entryDate });
      }
    }
  }
  return termId;
}

interface CoverageView {
  term: { name: string; startDate: string; endDate: string };
  scopes: Array<{ label: string; rootOrgName: string | null }>;
  kinds: Array<{ label: string; inScope: number; inspected: number; rate: number | null }>;
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** The coverage line of the summary, as the office head reads it. */
export async function coverageLines(reader: DemoClient, termId: string): Promise<string[]> {
  const c = await reader.get<CoverageView>(`/api/terms/${termId}/coverage`);
  const { items: rounds } = await reader.get<{ items: Array<{ assignmentCount: number }> }>(`/api/rounds?termId=${termId}`);
  const scope = c.scopes.map((s) => (s.rootOrgName ? `${s.rootOrgName}所属${s.label}` : s.label)).join("、");
  return [
    `${c.term.name}巡察全覆盖（${c.term.startDate} 至 ${c.term.endDate}，范围：${scope}）：` +
      c.kinds.map((k) => `${k.label}已巡察 ${k.inspected}/${k.inScope} 个，覆盖率 ${percent(k.rate)}`).join("；") +
      `（${rounds.length} 轮巡察、${rounds.reduce((n, r) => n + r.assignmentCount, 0)} 项巡察任务）`,
  ];
}
