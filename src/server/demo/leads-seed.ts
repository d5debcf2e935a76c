/**
 * 汨罗's leads (seed 000_90d6e857ca9ab101.txt, 问题十八 整改情况): "十一届市委第五、六、七轮及政法领域专项巡察共发现问题线索
 * 51条，其中49条均明确责任人，2条明确责任单位。…十一届市委第五轮巡察共发现线索20件，其中进一步了解关注类线索4件，立案3件，
 * 立案率达75%，了解关注类15件，立案7件，立案率达47%。第六轮共发现线索10条，目前已立案3件。…十一届市委政法领域专项巡察…
 * 由市纪委监委监督检查室进行预审，…巡察办组对其中11条线索进行了修改完善，经领导小组会讨论后，增加线索6条".
 *
 * The seed gives the counts only. The units are 汨罗's (round five inspected "第五轮巡察的9家单位党组织"; the special the
 * 政法 units; "市农口系统" leads fall in round six); the leads are plausible summaries of the kinds the seeds name
 * (补贴、工程项目、“三资”), with people named by surname only. Not in the seed and assumed: the rounds' dates — round
 * five a month on site ("每轮常规巡察、专项巡察均安排1个月"), round six from November 2023 for 40 working days ("从第六轮
 * 巡察开始…调整为40个工作日左右"), round seven and the special in spring 2024 (the special's training was in February
 * 2024) — how the seed's counts split over units, classes and outcomes beyond what it states (round seven 4 leads, the
 * special 17 = 11 revised + 6 added), and every date of the handling.
 */
import type { ConcludedForm, LeadClass, LeadPersonRank } from "../../domain/lead.ts";
import type { RoundKind } from "../../domain/round.ts";

export const LEADS_TERM = { name: "十一届汨罗市委", startDate: "2021-07-01", endDate: "2026-06-30" };
export const CITY = "汨罗市";
export const RECEIVING_OFFICE = "汨罗市纪委监委";

/** How the commission's handling ends: filed, not filed, or concluded by one of the four forms. */
export type Outcome = "case_filed" | "no_case" | ConcludedForm;

export interface SeedPerson {
  name: string;
  position: string;
  rank: LeadPersonRank;
}

export interface SeedLead {
  org: string;
  leadClass: LeadClass;
  outcome: Outcome;
  summary: string;
  /** The first is the responsible person; empty when only a unit can be named. */
  people: SeedPerson[];
  /** The unit named when no person can be. */
  unit?: string;
}

export interface LeadRound {
  name: string;
  kind: RoundKind;
  theme?: string;
  startDate: string;
  endDate: string;
  teams: Array<{ name: string; orgs: string[] }>;
  /** Leads transferred while the team is on site (边巡边移) alternate with those after it leaves; none for the special. */
  transfersOnSite: boolean;
  leads: SeedLead[];
  /** The special's first leads, registered naming only the unit and named to a person after the pre-review. */
  revised?: number;
}

const p = (name: string, position: string, rank: LeadPersonRank): SeedPerson => ({ name, position, rank });
const lead = (org: string, leadClass: LeadClass, outcome: Outcome, summary: string, ...people: SeedPerson[]): SeedLead => ({
  org,
  leadClass,
  outcome,
  summary,
  people,
});
const unitOnly = (org: string, leadClass: LeadClass, outcome: Outcome, summary: string, unit: string): SeedLead => ({
  org,
  leadClass,
  outcome,
  summary,
  people: [],
  unit,
});

const FGJ = "汨罗市发展和改革局";
const JYJ = "汨罗市教育局";
const ZJJ = "汨罗市住房和城乡建设局";
const JTJ = "汨罗市交通运输局";
const WJJ = "汨罗市卫生健康局";
const CGJ = "汨罗市城市管理和综合执法局";
const LJZ = "罗江镇";
const XSZ = "新市镇";
const CLZ = "长乐镇";

const NYJ = "汨罗市农业农村局";
const SLJ = "汨罗市水利局";
const ZRJ = "汨罗市自然资源局";
const LYJ = "汨罗市林业局";
const BSZ = "白水镇";
const QZC = "屈子祠镇";

const CZJ = "汨罗市财政局";
const RSJ = "汨罗市人力资源和社会保障局";
const SJJ = "汨罗市市场监督管理局";
const BSH = "弼时镇";
const SJZ = "三江镇";

const ZFW = "汨罗市委政法委员会";
const GAJ = "汨罗市公安局";
const FY = "汨罗市人民法院";
const JCY = "汨罗市人民检察院";
const SFJ = "汨罗市司法局";

export const LEAD_ORGS: Array<{ name: string; kind: "agency" | "township" }> = [
  ...[FGJ, JYJ, ZJJ, JTJ, WJJ, CGJ, NYJ, SLJ, ZRJ, LYJ, CZJ, RSJ, SJJ, ZFW, GAJ, FY, JCY, SFJ].map((name) => ({
    name,
    kind: "agency" as const,
  })),
  ...[LJZ, XSZ, CLZ, BSZ, QZC, BSH, SJZ].map((name) => ({ name, kind: "township" as const })),
];

export const LEAD_ROUNDS: LeadRound[] = [
  {
    name: "十一届汨罗市委第五轮巡察",
    kind: "regular",
    startDate: "2023-03-20",
    endDate: "2023-04-21",
    transfersOnSite: true,
    teams: [
      { name: "市委第一巡察组", orgs: [FGJ, JYJ, LJZ] },
      { name: "市委第二巡察组", orgs: [ZJJ, JTJ, XSZ] },
      { name: "市委第三巡察组", orgs: [WJJ, CGJ, CLZ] },
    ],
    leads: [
      lead(
        FGJ,
        "priority",
        "case_filed",
        "以工代赈项目擅自变更建设内容、虚报工程量，涉嫌套取项目资金。",
        p("刘某某", "原以工代赈股股长", "staff"),
      ),
      lead(
        ZJJ,
        "priority",
        "case_filed",
        "城区老旧小区改造工程项目围标串标线索：多家投标单位标书雷同，中标单位与项目监管人员存在利益关联。",
        p("陈某某", "副局长", "section"),
        p("王某某", "建设工程管理股股长", "staff"),
      ),
      lead(
        LJZ,
        "priority",
        "case_filed",
        "某村违规发放村干部误工补贴，村集体资金公款私存。",
        p("李某某", "某村党总支书记", "staff"),
      ),
      lead(
        JTJ,
        "priority",
        "second",
        "农村公路提质改造项目验收把关不严，未按合同约定支付工程款。",
        p("张某某", "工程建设股股长", "staff"),
      ),
      lead(
        JYJ,
        "attention",
        "case_filed",
        "学校食堂食材采购未按规定招标，涉嫌收受供应商好处费。",
        p("周某某", "某中学总务主任", "staff"),
      ),
      lead(JYJ, "attention", "first", "违规收取课后服务费用，收费未经审批公示。", p("吴某某", "某小学校长", "staff")),
      lead(WJJ, "attention", "case_filed", "乡镇卫生院虚记诊疗项目，违规结算医保基金。", p("黄某某", "某卫生院院长", "section")),
      lead(
        WJJ,
        "attention",
        "no_case",
        "医疗设备采购价格明显高于市场价，反映存在利益输送。",
        p("赵某某", "规划财务股股长", "staff"),
      ),
      lead(CGJ, "attention", "case_filed", "违规为无资质企业办理渣土运输核准手续。", p("孙某某", "城管执法大队中队长", "staff")),
      lead(CGJ, "attention", "second", "违规收受管理服务对象礼金。", p("钱某某", "局长", "section")),
      lead(XSZ, "attention", "case_filed", "某村土地征收补偿款优亲厚友、虚报冒领。", p("杨某某", "某村村委会主任", "staff")),
      lead(XSZ, "attention", "first", "公务用车私用，节假日驾驶公车办私事。", p("何某某", "镇党委委员", "section")),
      lead(
        CLZ,
        "attention",
        "case_filed",
        "农村危房改造补助资金发放给不符合条件的对象。",
        p("罗某某", "镇村镇建设办主任", "staff"),
      ),
      lead(CLZ, "attention", "no_case", "某村集体经济项目收益未入账。", p("高某某", "某村报账员", "staff")),
      lead(LJZ, "attention", "case_filed", "防汛抗旱物资采购虚开发票，套取财政资金。", p("郑某某", "镇财政所所长", "staff")),
      lead(FGJ, "attention", "second", "违规在企业兼职取酬。", p("马某某", "价格认证中心主任", "staff")),
      lead(
        ZJJ,
        "attention",
        "case_filed",
        "违规为不符合条件的企业办理建筑工程施工许可。",
        p("朱某某", "行政审批股股长", "staff"),
      ),
      lead(JTJ, "attention", "first", "超限超载治理罚没款收缴不规范，以罚代管。", p("胡某某", "路政执法大队副大队长", "staff")),
      lead(
        FGJ,
        "attention",
        "no_case",
        "粮食储备轮换出库价格偏低，反映存在暗箱操作。",
        p("林某某", "粮食和物资储备股股长", "staff"),
      ),
      lead(
        XSZ,
        "reference",
        "first",
        "镇机关食堂接待费用报销手续不全，无公函、无接待清单。",
        p("徐某某", "镇党政综合办主任", "staff"),
      ),
    ],
  },
  {
    name: "十一届汨罗市委第六轮巡察",
    kind: "regular",
    startDate: "2023-11-20",
    endDate: "2024-01-19",
    transfersOnSite: true,
    teams: [
      { name: "市委第一巡察组", orgs: [NYJ, SLJ, BSZ] },
      { name: "市委第二巡察组", orgs: [ZRJ, LYJ, QZC] },
    ],
    leads: [
      lead(NYJ, "priority", "case_filed", "高标准农田建设项目以次充好、虚报工程量。", p("彭某某", "农田建设管理股股长", "staff")),
      lead(ZRJ, "priority", "second", "违规为企业办理建设用地审批手续，涉嫌违规占用耕地。", p("谢某某", "局长", "section")),
      lead(SLJ, "attention", "case_filed", "小型水库除险加固工程违法转包、分包。", p("唐某某", "工程建设股股长", "staff")),
      lead(LYJ, "attention", "first", "生态公益林补偿资金发放不及时、不到户。", p("邓某某", "某林业站站长", "staff")),
      lead(
        BSZ,
        "attention",
        "case_filed",
        "某村虚增耕地地力保护补贴面积，违规发放补贴。",
        p("冯某某", "某村党支部书记", "staff"),
      ),
      lead(QZC, "attention", "no_case", "某村集体土地流转收益未按规定公开。", p("曾某某", "某村村委会主任", "staff")),
      lead(NYJ, "attention", "second", "农机购置补贴审核把关不严，存在套取补贴风险。", p("蒋某某", "农业机械化股股长", "staff")),
      lead(ZRJ, "attention", "first", "不动产登记窗口违规收取费用。", p("蔡某某", "不动产登记中心副主任", "staff")),
      lead(
        SLJ,
        "attention",
        "no_case",
        "河道采砂管理不严，反映有人为非法采砂充当“保护伞”。",
        p("余某某", "水政监察大队大队长", "staff"),
      ),
      lead(QZC, "reference", "first", "镇村干部违规操办升学宴。", p("潘某某", "镇社会事务办主任", "staff")),
    ],
  },
  {
    name: "十一届汨罗市委第七轮巡察",
    kind: "regular",
    startDate: "2024-03-11",
    endDate: "2024-05-10",
    transfersOnSite: true,
    teams: [
      { name: "市委第一巡察组", orgs: [CZJ, RSJ, BSH] },
      { name: "市委第二巡察组", orgs: [SJJ, SJZ] },
    ],
    leads: [
      lead(
        RSJ,
        "priority",
        "case_filed",
        "职业技能培训补贴申报虚报培训人数，套取补贴资金。",
        p("袁某某", "职业能力建设股股长", "staff"),
        p("董某某", "就业服务中心副主任", "staff"),
      ),
      lead(CZJ, "attention", "first", "国库集中支付审核把关不严，部分项目资金超进度拨付。", p("范某某", "国库股股长", "staff")),
      unitOnly(SJJ, "attention", "no_case", "某市场监管所食品安全抽检程序不规范，抽检记录与实际不符。", SJJ),
      lead(SJZ, "attention", "second", "某村村级工程项目未经“四议两公开”程序直接发包。", p("萧某某", "某村党总支书记", "staff")),
    ],
  },
  {
    name: "十一届汨罗市委政法领域专项巡察",
    kind: "special",
    theme: "政法",
    startDate: "2024-03-04",
    endDate: "2024-04-26",
    transfersOnSite: false,
    revised: 11,
    teams: [
      { name: "市委第三巡察组", orgs: [ZFW, GAJ, SFJ] },
      { name: "市委第四巡察组", orgs: [FY, JCY] },
    ],
    leads: [
      lead(
        GAJ,
        "priority",
        "case_filed",
        "某派出所民警违规插手经济纠纷，为他人查询公民个人信息。",
        p("方某某", "某派出所副所长", "staff"),
      ),
      lead(GAJ, "priority", "case_filed", "交警大队事故处理中收受当事人财物。", p("石某某", "交警大队某中队中队长", "staff")),
      lead(FY, "priority", "second", "执行案款发放不及时，案款长期滞留账户。", p("姚某某", "执行局局长", "section")),
      lead(JCY, "priority", "first", "司法救助资金审批发放不规范。", p("谭某某", "控告申诉检察部主任", "staff")),
      lead(SFJ, "attention", "case_filed", "社区矫正对象监管不力，存在脱管漏管。", p("廖某某", "某司法所所长", "staff")),
      lead(GAJ, "attention", "case_filed", "违规办理户籍迁移手续。", p("邹某某", "户政大队民警", "staff")),
      lead(FY, "attention", "first", "某人民法庭案件久拖不结，审限管理不严。", p("熊某某", "某人民法庭庭长", "staff")),
      lead(ZFW, "attention", "first", "平安建设专项经费使用不规范。", p("金某某", "社会治安综合治理中心主任", "staff")),
      lead(JCY, "attention", "no_case", "与案件当事人不正当接触交往。", p("陆某某", "检察官", "staff")),
      lead(GAJ, "attention", "case_filed", "涉案财物管理混乱，扣押车辆去向不明。", p("郝某某", "法制大队副大队长", "staff")),
      lead(
        SFJ,
        "attention",
        "second",
        "法律援助案件补贴审核不严，重复发放补贴。",
        p("孔某某", "公共法律服务管理股股长", "staff"),
      ),
      lead(FY, "attention", "no_case", "违规干预、过问案件。", p("白某某", "审判委员会委员", "section")),
      lead(GAJ, "attention", "first", "辅警队伍管理不规范，违规安排人员在编不在岗。", p("崔某某", "政工监督室主任", "staff")),
      lead(JCY, "attention", "first", "公益诉讼线索办理不及时。", p("康某某", "第二检察部主任", "staff")),
      lead(ZFW, "attention", "no_case", "见义勇为奖励资金发放审核不严。", p("毛某某", "副书记", "section")),
      lead(SFJ, "attention", "first", "人民调解员以案谋利，收受当事人财物。", p("邱某某", "某司法所工作人员", "staff")),
      unitOnly(SFJ, "reference", "no_case", "某司法所办公用房面积超标。", SFJ),
    ],
  },
];
