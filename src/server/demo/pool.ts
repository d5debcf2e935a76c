/**
 * 汨罗's talent pool and trainings (seed 000_90d6e857ca9ab101.txt). 问题二十 整改情况: "2024年4月制定了《汨罗市委巡察人才库
 * 建设工作方案》…目前已推荐入库人员230名"; 问题八 整改情况: "今年7月组织巡察人才库人员进行新修订的《中国共产党巡视工作条例》和
 * 巡察业务知识专题培训…科学制定巡前培训方案…邀请岳阳市委巡察机构专家讲解巡察业务知识…十一届市委以来共开展9次巡察培训，共计
 * 参训人员560人"; 问题九 整改情况: "2024年2月在岳阳市委巡察机构组织的政法专项巡前培训的基础上…新增5堂巡察业务知识课程".
 *
 * The seed gives the totals only. The office enters the 230 people one by one through the pool form — synthetic names
 * (fixed lists of surnames and given-name syllables, none a name the seeds print) in 汨罗's units, linked to the
 * organisation in the system where the unit is one (for recusal) — then registers the nine trainings with who
 * attended. Assumed: who works where, ranks, party status, specialties, who is in the leader pool or still in reserve,
 * and every training but the two the seed dates (February and July 2024 — the seed, of 2024-06-11, writes of July's
 * both as held and as planned; the demo counts it among the nine): one pre-inspection training (巡前培训) before each
 * of the term's seven rounds, their dates and sizes (adding up to the seed's 560 attendances), and who attended.
 * The figures are the application's, computed from these records.
 */
import type { PartyStatus, PoolRank } from "../../domain/pool.ts";
import type { DemoClient } from "./client.ts";
import { orgIds } from "./orgsheet.ts";

/** "目前已推荐入库人员230名". */
const POOL_SIZE = 230;
const OFFICE = "中共汨罗市委巡察工作领导小组办公室";

interface Unit {
  name: string;
  people: number;
  specialties: string[];
  /** Titles of the people from this unit, in turn; the first ones are the senior. */
  posts: Array<[position: string, rank: PoolRank]>;
  /** Senior people of this unit (rank above staff) are in the leader pool. */
  leaders?: boolean;
}

const BUREAU: Unit["posts"] = [
  ["副局长", "section"],
  ["股长", "staff"],
  ["四级主任科员", "section"],
  ["一级科员", "staff"],
  ["科员", "staff"],
];
const TOWN: Unit["posts"] = [
  ["纪委书记", "section"],
  ["党政综合办公室主任", "staff"],
  ["纪检监察干部", "staff"],
];
const bureau = (name: string, people: number, ...specialties: string[]): Unit => ({ name, people, specialties, posts: BUREAU });
const town = (name: string): Unit => ({ name, people: 2, specialties: ["纪检"], posts: TOWN });

// prettier-ignore
const UNITS: Unit[] = [
  { name: "汨罗市纪委监委", people: 44, specialties: ["纪检"], leaders: true, posts: [
    ["监督检查室主任", "section"], ["审查调查室副主任", "section"], ["纪检监察干部", "staff"], ["一级主任科员", "section"],
    ["纪检监察干部", "staff"], ["案件审理室干部", "staff"], ["派驻纪检监察组副组长", "section"], ["纪检监察干部", "staff"],
  ] },
  { name: "汨罗市委巡察机构", people: 12, specialties: ["纪检"], leaders: true, posts: [
    ["巡察组组长", "section"], ["巡察组副组长", "section"], ["综合室主任", "section"], ["巡察干部", "staff"],
  ] },
  { name: "汨罗市委组织部", people: 20, specialties: ["组织人事"], leaders: true, posts: [
    ["干部监督室主任", "section"], ["组织室副主任", "staff"], ["四级主任科员", "section"], ["科员", "staff"],
  ] },
  { name: "汨罗市审计局", people: 16, specialties: ["审计", "财务"], leaders: true, posts: BUREAU },
  bureau("汨罗市财政局", 14, "财务"),
  bureau("汨罗市委政法委员会", 6, "法律"),
  bureau("汨罗市公安局", 8, "法律"),
  bureau("汨罗市人民法院", 6, "法律"),
  bureau("汨罗市人民检察院", 6, "法律"),
  bureau("汨罗市司法局", 6, "法律"),
  bureau("汨罗市住房和城乡建设局", 8, "工程"),
  bureau("汨罗市交通运输局", 4, "工程"),
  bureau("汨罗市水利局", 4, "工程"),
  bureau("汨罗市自然资源局", 6, "工程"),
  bureau("汨罗市农业农村局", 8, "财务"),
  bureau("汨罗市发展和改革局", 6, "财务"),
  bureau("汨罗市教育局", 6),
  bureau("汨罗市卫生健康局", 6),
  bureau("汨罗市人力资源和社会保障局", 4, "组织人事"),
  bureau("汨罗市市场监督管理局", 6, "法律"),
  bureau("汨罗市统计局", 2, "财务"),
  bureau("汨罗市委办公室", 6),
  ...["罗江镇", "新市镇", "长乐镇", "白水镇", "屈子祠镇", "弼时镇", "三江镇", "古培镇", "川山坪镇", "大荆镇", "桃林寺镇",
    "神鼎山镇", "汨罗镇"].map(town),
];

// Surname i·13 and given name i·37 (a step coprime with FIRST × SECOND) make every name distinct.
const SURNAMES =
  "李王张刘陈杨黄周吴徐孙胡朱高林何郭罗梁宋谢唐韩曹邓冯曾程蔡彭潘袁董余叶吕魏蒋田杜丁沈姜范江钟卢汪戴任陆廖姚方金邱夏谭邹石熊";
const FIRST = "建志国德文明永春海晓丽红金玉立新家少振佳";
const SECOND = "华平军辉强峰芳敏勇涛斌琴霞林波";

/** Two specialists from outside the party: an auditor and an engineer. A few others are probationary members. */
const NON_PARTY = new Set(["汨罗市审计局 5", "汨罗市住房和城乡建设局 3"]);

interface DemoPoolPerson {
  name: string;
  unit: string;
  position: string;
  rank: PoolRank;
  partyStatus: PartyStatus;
  specialties: string[];
  status: "reserve" | "formal";
  leaderPool: boolean;
}

/** The 230 people, the same every time: unit by unit, their titles in turn. */
function demoPoolPeople(): DemoPoolPerson[] {
  const people: DemoPoolPerson[] = [];
  for (const u of UNITS)
    for (let k = 0; k < u.people; k++) {
      const i = people.length;
      const g = (i * 37) % (FIRST.length * SECOND.length);
      const [position, rank] = u.posts[k % u.posts.length]!;
      people.push({
        name: SURNAMES[(i * 13) % SURNAMES.length]! + FIRST[g % FIRST.length]! + SECOND[Math.floor(g / FIRST.length)]!,
        unit: u.name,
        position,
        rank,
        partyStatus: NON_PARTY.has(`${u.name} ${k}`) ? "none" : i % 23 === 11 ? "probationary" : "full",
        specialties: u.specialties,
        // One in five recommended lately and still in reserve.
        status: i % 5 === 4 ? "reserve" : "formal",
        leaderPool: Boolean(u.leaders) && rank !== "staff" && i % 5 !== 4,
      });
    }
  if (people.length !== POOL_SIZE) throw new Error(`演示数据有误：人才库应为 ${POOL_SIZE} 人，实为 ${people.length} 人`);
  return people;
}

interface DemoTraining {
  title: string;
  heldOn: string;
  days: number;
  organiser: string;
  attendees: number;
}

/** Nine trainings of the term, 560 attendances: a pre-inspection training before each round, then July's. */
const DEMO_TRAININGS: DemoTraining[] = [
  { title: "十一届汨罗市委第一轮巡察巡前培训", heldOn: "2021-10-11", days: 2, organiser: OFFICE, attendees: 48 },
  { title: "十一届汨罗市委第二轮巡察巡前培训", heldOn: "2022-03-14", days: 2, organiser: OFFICE, attendees: 52 },
  { title: "十一届汨罗市委第三轮巡察巡前培训", heldOn: "2022-07-11", days: 2, organiser: OFFICE, attendees: 56 },
  { title: "十一届汨罗市委第四轮巡察巡前培训", heldOn: "2022-10-17", days: 2, organiser: OFFICE, attendees: 58 },
  // The leads' rounds (leads-seed.ts): five from 2023-03-20, six from 2023-11-20, the special and seven in March 2024.
  { title: "十一届汨罗市委第五轮巡察巡前培训", heldOn: "2023-03-13", days: 2, organiser: OFFICE, attendees: 60 },
  { title: "十一届汨罗市委第六轮巡察巡前培训", heldOn: "2023-11-13", days: 2, organiser: OFFICE, attendees: 54 },
  {
    title: "十一届汨罗市委政法领域专项巡察巡前培训（新增巡察业务知识课程5堂）",
    heldOn: "2024-02-26",
    days: 3,
    organiser: OFFICE,
    attendees: 62,
  },
  { title: "十一届汨罗市委第七轮巡察巡前培训", heldOn: "2024-03-04", days: 2, organiser: OFFICE, attendees: 50 },
  {
    title: "新修订《中国共产党巡视工作条例》和巡察业务知识专题培训",
    heldOn: "2024-07-16",
    days: 2,
    organiser: OFFICE,
    attendees: 120,
  },
];

/** Sends the requests a few at a time, as several office clerks would; the order of the results is the input's. */
async function inTurns<T, R>(items: readonly T[], width: number, send: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(send))));
  return out;
}

/** The office enters the pool, then each training with who attended (people attend several). */
export async function replayPool(office: DemoClient): Promise<void> {
  const orgs = await orgIds(office);
  const people = demoPoolPeople();
  const ids = await inTurns(people, 8, async (p) => {
    const { person } = await office.post<{ person: { id: string } }>("/api/pool", {
      ...p,
      unitOrgId: orgs.get(p.unit) ?? null,
    });
    return person.id;
  });
  for (const [k, t] of DEMO_TRAININGS.entries()) {
    // A window of the pool, moved along for each training.
    const start = (k * 61) % ids.length;
    const personIds = Array.from({ length: t.attendees }, (_, j) => ids[(start + j) % ids.length]!);
    await office.post("/api/trainings", {
      title: t.title,
      heldOn: t.heldOn,
      days: t.days,
      organiser: t.organiser,
      personIds,
    });
  }
}

interface PoolFigures {
  total: number;
  byStatus: Array<{ status: string; label: string; count: number }>;
  leaderPool: number;
  trainings: number;
  attendances: number;
  trainedPeople: number;
}
interface TrainingView {
  title: string;
  heldOn: string;
  days: number | null;
  attendees: unknown[];
}

/** The pool and trainings lines of the summary. */
export async function poolLines(reader: DemoClient): Promise<string[]> {
  const f = await reader.get<PoolFigures>("/api/pool/figures");
  const { items } = await reader.get<{ items: TrainingView[] }>("/api/trainings");
  const statuses = f.byStatus.filter((s) => s.count && s.status !== "removed").map((s) => `${s.label} ${s.count} 人`);
  const lines = [
    `巡察人才库 ${f.total} 人（${statuses.join("、")}；组长库 ${f.leaderPool} 人）；` +
      `巡察干部培训 ${f.trainings} 次，参训 ${f.attendances} 人次，${f.trainedPeople} 人参加过培训：`,
  ];
  for (const t of [...items].sort((a, b) => a.heldOn.localeCompare(b.heldOn)))
    lines.push(`  · ${t.heldOn} ${t.title}${t.days ? `（${t.days} 天）` : ""}：参训 ${t.attendees.length} 人`);
  return lines;
}
